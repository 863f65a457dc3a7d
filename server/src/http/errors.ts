import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { StorefrontError } from '../../../src/core/errors.js';
import { HttpProblem, sendProblem, type FieldError } from './problem.js';

const STATUS_OF: Record<string, number> = {
  validation: 400,
  'not-found': 404,
  conflict: 409,
  unauthorized: 401,
  'rate-limited': 429,
  unsupported: 501,
  quota: 413,
};

interface AjvError {
  instancePath?: string;
  keyword?: string;
  message?: string;
  params?: { missingProperty?: string; additionalProperty?: string; allowedValues?: unknown[] };
}

function fieldErrors(errors: AjvError[], part: string | undefined): FieldError[] {
  return errors.map((error) => {
    const base = (error.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    const extra = error.params?.missingProperty ?? error.params?.additionalProperty;
    const field = [base, extra].filter(Boolean).join('.') || part || 'body';
    let message = error.message ?? 'is not valid';
    if (error.keyword === 'additionalProperties') message = 'is not a known field';
    if (error.keyword === 'enum' && error.params?.allowedValues)
      message = `must be one of ${error.params.allowedValues.join(', ')}`;
    return { field, message };
  });
}

/** Connection-level database failures (the server is down, the pool cannot connect). */
function databaseDown(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return (
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', '57P01', '57P03', '08006', '08001', '08003'].includes(code) ||
    /Connection terminated|timeout exceeded when trying to connect/i.test((error as Error).message ?? '')
  );
}

/** Turns anything a route throws into problem+json (never an HTML or stack trace). */
export function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof StorefrontError) {
    return new HttpProblem(STATUS_OF[error.code] ?? 500, error.code, error.message, error.detail);
  }
  const fastify = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
  if (fastify.validation) {
    const errors = fieldErrors(fastify.validation, fastify.validationContext);
    const where = fastify.validationContext ?? 'request';
    const message = `The ${where} is not valid: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}.`;
    return new HttpProblem(400, 'validation', message, {}, errors);
  }
  switch (fastify.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpProblem(
        413,
        'validation',
        `The body is larger than ${(fastify as { limit?: number }).limit ?? 65536} bytes.`,
        {
          limit: (fastify as { limit?: number }).limit ?? 65536,
        },
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpProblem(415, 'validation', 'Send the body as application/json.', {});
    case 'FST_ERR_BAD_URL':
      // A path with a broken %-escape ("/pay/%ZZ"): Fastify's own answer would be plain JSON.
      return new HttpProblem(400, 'validation', 'The URL is not valid.', {}, undefined, {}, '网址无效。');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new HttpProblem(400, 'validation', 'The body is not valid JSON.', {});
  }
  if (error instanceof SyntaxError || fastify.statusCode === 400) {
    return new HttpProblem(400, 'validation', 'The body is not valid JSON.', {});
  }
  if (databaseDown(error)) {
    return new HttpProblem(503, 'unavailable', 'The database is not reachable right now: retry shortly.', {}, undefined, {
      'Retry-After': '5',
    });
  }
  if (typeof fastify.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
    return new HttpProblem(fastify.statusCode, 'validation', fastify.message, {});
  }
  return new HttpProblem(500, 'unavailable', 'Something went wrong on the server.', {});
}

/** Errors Fastify answers before any route or hook runs (a malformed URL), as problem+json too. */
export function frameworkError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  void sendProblem(request, reply, toProblem(error));
}

/**
 * Errors of the HTTP parser itself (headers too large, a malformed request line): no request
 * exists, so no Accept-Language either; answered problem+json in zh-CN (the default locale).
 */
export function clientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', '请求头或网址过长。']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', '请求超时。']
        : [400, 'Bad Request', '请求格式无效。'];
  const body = JSON.stringify({
    type: 'https://storefront-elements.dev/problems/validation',
    title: '请求内容无效。',
    status,
    detail,
    code: 'validation',
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Content-Type: application/problem+json; charset=utf-8\r\nContent-Language: zh-CN\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    return sendProblem(request, reply, problem);
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url === '/api') {
      return sendProblem(request, reply, new HttpProblem(404, 'not-found', 'No such path.', { reason: 'no-route' }));
    }
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  });
}
