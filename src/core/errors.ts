/**
 * Every failure the SDK reports is a StorefrontError with a machine-readable code, so an
 * element can pick a localized message and decide whether a retry makes sense.
 */
export type StorefrontErrorCode =
  | 'network' // the backend could not be reached
  | 'timeout' // it did not answer in time
  | 'invalid-response' // it answered with something that failed validation
  | 'not-found'
  | 'unavailable' // storage or a service is not available right now
  | 'unsupported' // the adapter lacks the capability
  | 'validation' // the caller's input is wrong
  | 'quota' // the browser refused to store more
  | 'conflict' // someone else changed the same thing
  | 'config' // the page is set up wrongly (bad attribute, no store)
  | 'unauthorized' // a member or staff session is missing, expired or not allowed
  | 'rate-limited' // too many requests: wait `detail.retryAfter` seconds
  | 'aborted';

/** Every code, for code that reads one back from the network or storage. */
export const STOREFRONT_ERROR_CODES = [
  'network',
  'timeout',
  'invalid-response',
  'not-found',
  'unavailable',
  'unsupported',
  'validation',
  'quota',
  'conflict',
  'config',
  'unauthorized',
  'rate-limited',
  'aborted',
] as const satisfies readonly StorefrontErrorCode[];
type MissingCode = Exclude<StorefrontErrorCode, (typeof STOREFRONT_ERROR_CODES)[number]>;
const everyCodeListed: MissingCode extends never ? true : false = true;
void everyCodeListed;
const KNOWN_CODES: ReadonlySet<string> = new Set(STOREFRONT_ERROR_CODES);

/** Whether `value` is one of the SDK's error codes (a server's or an older release's may not be). */
export function isStorefrontErrorCode(value: unknown): value is StorefrontErrorCode {
  return typeof value === 'string' && KNOWN_CODES.has(value);
}

const RETRYABLE: ReadonlySet<StorefrontErrorCode> = new Set(['network', 'timeout', 'unavailable', 'conflict', 'rate-limited']);

export interface StorefrontErrorOptions {
  cause?: unknown;
  /** Extra, structured detail (the field that failed validation, the capability missing...). */
  detail?: Record<string, unknown>;
}

export class StorefrontError extends Error {
  override readonly name = 'StorefrontError';
  readonly code: StorefrontErrorCode;
  readonly detail: Record<string, unknown>;

  constructor(code: StorefrontErrorCode, message: string, options: StorefrontErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.detail = options.detail ?? {};
  }

  /** Whether trying the same call again may succeed. */
  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }
}

export function isStorefrontError(value: unknown, code?: StorefrontErrorCode): value is StorefrontError {
  return value instanceof StorefrontError && (code === undefined || value.code === code);
}

function isDomException(error: unknown, ...names: string[]): error is DOMException {
  return typeof error === 'object' && error !== null && names.includes((error as { name?: string }).name ?? '');
}

/** Wraps anything thrown into a StorefrontError, keeping the original as `cause`. */
export function toStorefrontError(error: unknown, fallback: StorefrontErrorCode = 'unavailable'): StorefrontError {
  if (error instanceof StorefrontError) return error;
  if (isDomException(error, 'QuotaExceededError')) {
    return new StorefrontError('quota', 'The browser has no room left to store this.', { cause: error });
  }
  if (isDomException(error, 'AbortError')) {
    return new StorefrontError('aborted', 'The operation was cancelled.', { cause: error });
  }
  if (isDomException(error, 'TimeoutError')) {
    return new StorefrontError('timeout', 'The operation timed out.', { cause: error });
  }
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) {
    return new StorefrontError('network', error.message, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new StorefrontError(fallback, message, { cause: error });
}

/** Throws an `aborted` StorefrontError when the signal has fired. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new StorefrontError('aborted', 'The operation was cancelled.', { cause: signal.reason });
}
