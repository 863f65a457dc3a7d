import * as v from 'valibot';
import type { CallOptions } from '../adapter.js';
import { StorefrontError, throwIfAborted } from '../../core/errors.js';
import { describeIssues } from '../../core/schemas.js';
import type { EtagCache } from './etag-cache.js';
import { problemError } from './problem.js';
import { parseRetryAfter, type RetryPolicy } from './retry-policy.js';
import type { TokenStore } from './token-store.js';

export type FetchFunction = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpClientOptions {
  endpoint: string;
  /** Per attempt, ms. */
  timeout: number;
  fetch: FetchFunction;
  headers: Record<string, string>;
  locale?: string;
  retry: RetryPolicy;
  tokens: TokenStore;
  etags: EtagCache;
}

export type QueryValue = string | number | readonly string[] | undefined;

export interface HttpRequest<T> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Under the endpoint, starting with `/`, segments already encoded. */
  path: string;
  query?: Record<string, QueryValue>;
  /** Sent as JSON. */
  body?: unknown;
  /** Validates the 2xx body; `null` ignores it (204 answers). */
  schema: v.GenericSchema<unknown, T> | null;
  /** Sent as `Idempotency-Key`; a write is retried only when it has one. */
  idempotencyKey?: string;
  /** Sends the member's bearer token, if there is one. */
  auth?: boolean;
  /** Revalidates with `If-None-Match` against the last `{ etag, body }` of this URL. */
  cache?: boolean;
}

/** Statuses worth another attempt: the server may answer differently in a moment. */
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

function retryWorthy(error: StorefrontError): boolean {
  if (error.code === 'network' || error.code === 'timeout') return true;
  const status = error.detail.status;
  if (typeof status !== 'number') return false;
  // The same idempotency key is still being processed (a double click): its answer comes soon.
  return RETRY_STATUSES.has(status) || (status === 409 && error.detail.reason === 'in-progress');
}

function aborted(signal?: AbortSignal): StorefrontError {
  return new StorefrontError('aborted', 'The operation was cancelled.', { cause: signal?.reason });
}

/** Settles with `work`, or rejects once `signal` fires even if `work` ignores it (an injected fetch). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * fetch with what a widget on a flaky network needs: a timeout per attempt (combined with the
 * caller's signal), retries with exponential backoff and full jitter for reads and for writes
 * that carry an idempotency key (never for one without), `Retry-After` honoured, every answer
 * validated, every failure a StorefrontError.
 */
export class HttpClient {
  constructor(private readonly options: HttpClientOptions) {}

  url(path: string, query: Record<string, QueryValue> = {}): string {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value === undefined) continue;
      params.set(name, Array.isArray(value) ? value.join(',') : String(value));
    }
    const search = params.toString();
    return `${this.options.endpoint}${path}${search ? `?${search}` : ''}`;
  }

  /** The validated body; a 404 is a `not-found` error. */
  async request<T>(request: HttpRequest<T>, call: CallOptions = {}): Promise<T> {
    return (await this.send(request, call, false)) as T;
  }

  /** The validated body, or null for a 404 (an unknown sku, an order that does not match). */
  lookup<T>(request: HttpRequest<T>, call: CallOptions = {}): Promise<T | null> {
    return this.send(request, call, true);
  }

  private async send<T>(request: HttpRequest<T>, call: CallOptions, nullOn404: boolean): Promise<T | null> {
    const { retry } = this.options;
    const retryable = request.method === 'GET' || request.idempotencyKey !== undefined;
    for (let attempt = 1; ; attempt += 1) {
      throwIfAborted(call.signal);
      try {
        return await this.attempt(request, call, nullOn404);
      } catch (error) {
        const failure =
          error instanceof StorefrontError ? error : new StorefrontError('network', String(error), { cause: error });
        if (failure.code === 'aborted' || !retryable || !retryWorthy(failure)) throw failure;
        const retryAfter = typeof failure.detail.retryAfterMs === 'number' ? failure.detail.retryAfterMs : undefined;
        const wait = retry.delay(attempt, retryAfter);
        if (wait === null) throw failure;
        await retry.sleep(wait, call.signal);
      }
    }
  }

  private async attempt<T>(request: HttpRequest<T>, call: CallOptions, nullOn404: boolean): Promise<T | null> {
    const { timeout, fetch, tokens, etags } = this.options;
    const url = this.url(request.path, request.query);
    const label = `${request.method} ${request.path}`;
    const headers: Record<string, string> = {
      ...this.options.headers,
      Accept: 'application/json, application/problem+json',
    };
    const locale = call.locale ?? this.options.locale;
    if (locale) headers['Accept-Language'] = locale;
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (request.idempotencyKey !== undefined) headers['Idempotency-Key'] = request.idempotencyKey;
    if (request.auth) {
      const token = await tokens.get();
      if (token) headers.Authorization = `Bearer ${token}`;
    }
    const cached = request.cache ? await etags.get(url) : undefined;
    if (cached) headers['If-None-Match'] = cached.etag;

    const controller = new AbortController();
    const onAbort = () => controller.abort(aborted(call.signal));
    call.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () => controller.abort(new StorefrontError('timeout', `${label} did not answer within ${timeout} ms.`)),
      timeout,
    );
    let status: number;
    let text: string;
    let response: Response;
    try {
      throwIfAborted(call.signal);
      response = await untilAborted(
        fetch(url, {
          method: request.method,
          headers,
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          signal: controller.signal,
          // A bearer token, never cookies: the widgets run embedded on other sites.
          credentials: 'omit',
        }),
        controller.signal,
      );
      status = response.status;
      text = await untilAborted(response.text(), controller.signal);
    } catch (error) {
      if (call.signal?.aborted) throw aborted(call.signal);
      const reason: unknown = controller.signal.reason;
      if (controller.signal.aborted && reason instanceof StorefrontError) throw reason;
      throw new StorefrontError('network', `${label} could not reach the shop: ${String(error)}`, { cause: error });
    } finally {
      clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
    }

    if (status === 304 && request.cache) {
      if (!cached) throw new StorefrontError('invalid-response', `${label} answered 304 to a request without If-None-Match.`);
      const checked = request.schema ? v.safeParse(request.schema, structuredClone(cached.body)) : null;
      if (checked && !checked.success) {
        // Cached by an older release with another shape: forget it and download afresh.
        etags.delete(url);
        return this.attempt({ ...request, cache: false }, call, nullOn404);
      }
      return (checked?.output ?? null) as T;
    }
    const body = parseJson(text);
    if (status < 200 || status >= 300) {
      if (status === 404 && nullOn404) return null;
      const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
      const error = problemError(status, body.ok ? body.value : undefined, label, retryAfterMs);
      if (retryAfterMs !== undefined) error.detail.retryAfterMs = retryAfterMs;
      throw error;
    }
    if (!request.schema) return undefined as T;
    if (!body.ok) {
      throw new StorefrontError('invalid-response', `${label} answered something that is not JSON (${describeText(text)}).`, {
        detail: { status },
      });
    }
    const checked = v.safeParse(request.schema, body.value);
    if (!checked.success) {
      throw new StorefrontError('invalid-response', `${label} answered a malformed body: ${describeIssues(checked.issues)}.`, {
        detail: { status },
      });
    }
    const etag = response.headers.get('ETag');
    if (request.cache && etag) etags.put(url, { etag, body: body.value }, text.length);
    return checked.output;
  }
}

/** The start of a body that is not JSON (a proxy's HTML page), for the error message. */
function describeText(text: string): string {
  const start = text.trim().slice(0, 40).replace(/\s+/g, ' ');
  return start ? JSON.stringify(start) : 'empty';
}
