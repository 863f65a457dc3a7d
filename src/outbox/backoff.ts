import type { StorefrontError } from '../core/errors.js';

export interface BackoffOptions {
  /** Wait after the first failure, before jitter (ms, default 2,000). */
  baseDelay?: number;
  /** Longest wait between two tries (ms, default 5 min). */
  maxDelay?: number;
  /** Random numbers in [0, 1) for the jitter (tests pin it). */
  random?: () => number;
}

/** Codes worth another try later; everything else is the backend's final word. */
const RETRYABLE = new Set(['network', 'timeout', 'unavailable', 'rate-limited', 'aborted', 'invalid-response']);

/**
 * Whether a failed send should stay queued. Unlike `StorefrontError.retryable`, a `conflict`
 * is final here (the same write would conflict again) except the contract's `in-progress`
 * (the same key is being processed right now). A garbled answer (`invalid-response`) is
 * retried: the key makes a replay safe, and the write may well have been taken.
 */
export function isRetryableSend(error: StorefrontError): boolean {
  if (RETRYABLE.has(error.code)) return true;
  if (error.code === 'conflict') return error.detail.reason === 'in-progress';
  const status = error.detail.status;
  return typeof status === 'number' && (status >= 500 || status === 408 || status === 429) && error.code !== 'unsupported';
}

/** The server's `Retry-After` in ms, from `detail.retryAfterMs` or `detail.retryAfter` (seconds). */
export function retryAfterMs(error: StorefrontError): number | undefined {
  const { retryAfterMs: ms, retryAfter: seconds } = error.detail;
  if (typeof ms === 'number' && Number.isFinite(ms) && ms > 0) return ms;
  if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0) return seconds * 1000;
  return undefined;
}

/**
 * Exponential backoff with "equal jitter": after failure n the wait is between half and all of
 * base * 2^(n-1) (capped), so retries spread out across visitors yet never come sooner than
 * half the schedule.
 */
export function backoffDelay(attempts: number, options: BackoffOptions = {}): number {
  const base = options.baseDelay ?? 2000;
  const max = options.maxDelay ?? 5 * 60_000;
  const random = options.random ?? Math.random;
  const ceiling = Math.min(max, base * 2 ** Math.max(0, Math.min(attempts, 30) - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
