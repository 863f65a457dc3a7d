import { StorefrontError } from '../../core/errors.js';

export interface RetryOptions {
  /** Attempts in all, the first included (default 3; 1 turns retries off). */
  attempts?: number;
  /** Base of the exponential backoff in ms (default 300): attempt n waits up to base * 2^(n-1). */
  baseDelay?: number;
  /** Longest wait between attempts in ms (default 4,000). */
  maxDelay?: number;
  /** Longest `Retry-After` the adapter waits for (ms, default 5,000); a longer one fails at once. */
  maxRetryAfter?: number;
  /** Random numbers in [0, 1) for the jitter (tests pin it). */
  random?: () => number;
  /** Waits `ms` unless `signal` fires (tests replace it to count waits instead of sleeping). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface RetryPolicy {
  attempts: number;
  /** The wait before attempt `attempt + 1`, or null to give up; `retryAfter` in ms from the server. */
  delay(attempt: number, retryAfter: number | undefined): number | null;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** A wait that an abort cuts short with an `aborted` error. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => new StorefrontError('aborted', 'The operation was cancelled.', { cause: signal?.reason });
    if (signal?.aborted) return reject(aborted());
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function retryPolicy(options: RetryOptions = {}): RetryPolicy {
  const attempts = Math.max(1, Math.min(Math.trunc(options.attempts ?? 3), 10));
  const base = options.baseDelay ?? 300;
  const max = options.maxDelay ?? 4_000;
  const maxRetryAfter = options.maxRetryAfter ?? 5_000;
  const random = options.random ?? Math.random;
  return {
    attempts,
    delay(attempt, retryAfter) {
      if (attempt >= attempts) return null;
      // The server said when: wait that long, unless it is longer than a widget should hang.
      if (retryAfter !== undefined) return retryAfter <= maxRetryAfter ? retryAfter : null;
      // Full jitter (AWS architecture blog): spreads the retries of many clients over the window.
      return Math.floor(random() * Math.min(max, base * 2 ** (attempt - 1)));
    },
    sleep: options.sleep ?? abortableSleep,
  };
}

/** `Retry-After` as ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
