import { createHash } from 'node:crypto';
import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addVary, HttpProblem } from './problem.js';

/**
 * Request validation against the contract's schemas: JSON bodies are checked strictly (no type
 * coercion, unknown fields rejected, never silently removed); query strings, params and headers
 * are coerced from text. `text/plain` bodies are parsed as JSON (sendBeacon sends those without
 * a CORS preflight) and form bodies into an object (RFC 8058 one-click unsubscribe); an
 * operation only accepts the media types the contract lists for it (415 otherwise).
 */
export function registerValidation(app: FastifyInstance): void {
  const factory = AjvCompiler();
  const strict = { strict: false, removeAdditional: false, useDefaults: true, allErrors: false } as const;
  const bodyCompiler = factory({}, { customOptions: { ...strict, coerceTypes: false } });
  const textCompiler = factory({}, { customOptions: { ...strict, coerceTypes: 'array' } });
  app.setValidatorCompiler((route) => (route.httpPart === 'body' ? bodyCompiler(route) : textCompiler(route)));

  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser('text/plain', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new HttpProblem(400, 'validation', 'The body is not valid JSON.'), undefined);
    }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });

  // PostgreSQL text cannot hold U+0000: refused up front, else the query fails with a 500.
  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (/%00/i.test(request.url) || request.url.includes('\u0000') || holdsNul(request.body)) {
      throw new HttpProblem(
        400,
        'validation',
        'The request contains a NUL character.',
        {},
        undefined,
        {},
        '请求中含有 NUL 字符。',
      );
    }
  });

  app.addHook('preValidation', async (request: FastifyRequest) => {
    const accepted = request.routeOptions.config.contentTypes;
    if (!accepted || request.body === undefined || !request.url.startsWith('/api/')) return;
    const type = String(request.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    if (!accepted.includes(type)) {
      throw new HttpProblem(415, 'validation', `Send the body as ${accepted.join(' or ') || 'nothing'}.`, { accepted });
    }
  });
}

/** Whether any string (or key) in a parsed body holds U+0000; iterative, so deep nesting cannot overflow the stack. */
function holdsNul(body: unknown): boolean {
  const stack: unknown[] = [body];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return true;
    } else if (value && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) {
        if (name.includes('\u0000')) return true;
        stack.push(item);
      }
    }
  }
  return false;
}

/** Strong ETags and 304 for routes with `etag: true` (the catalog and other cacheable reads). */
export function registerEtags(app: FastifyInstance): void {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!request.routeOptions.config.etag || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const etag = `"${createHash('sha256').update(payload).digest('base64url').slice(0, 32)}"`;
    reply.header('ETag', etag);
    reply.header('Cache-Control', 'no-cache');
    reply.header('Vary', addVary(reply.getHeader('vary'), 'Accept-Language', 'Authorization'));
    const match = String(request.headers['if-none-match'] ?? '')
      .split(',')
      .map((tag) => tag.trim());
    if (match.includes(etag) || match.includes('*')) {
      reply.code(304);
      reply.removeHeader('content-length');
      return '';
    }
    return payload;
  });
}
