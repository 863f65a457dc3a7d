import { StorefrontError, throwIfAborted } from './errors.js';

/** How long an adapter call may take before the widgets give up on it (ms). */
export const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Runs `call` with a signal that aborts after `ms` or when `signal` fires, and settles by then
 * even if the adapter ignores its signal: a hanging backend becomes a `timeout` error the
 * widget can show (with a retry), never an endless spinner.
 */
export function withDeadline<T>(call: (signal: AbortSignal) => Promise<T>, ms: number, signal?: AbortSignal): Promise<T> {
  throwIfAborted(signal);
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      const error = new StorefrontError('timeout', `The shop did not answer within ${Math.round(ms / 1000)} s.`);
      controller.abort(error);
      reject(error);
    }, ms);
    const onAbort = () => {
      controller.abort(signal?.reason);
      reject(new StorefrontError('aborted', 'The operation was cancelled.', { cause: signal?.reason }));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    call(controller.signal).then(
      (value) => {
        done();
        resolve(value);
      },
      (error: unknown) => {
        done();
        reject(error);
      },
    );
  });
}
