import * as v from 'valibot';
import { isStorefrontErrorCode, StorefrontError, type StorefrontErrorCode } from '../../core/errors.js';
import { ProblemSchema } from '../../core/schemas.js';

/** The contract's status table, for answers without a (known) `code`. */
export function codeForStatus(status: number): StorefrontErrorCode {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 408) return 'timeout';
  if (status === 409 || status === 412 || status === 422) return 'conflict';
  if (status === 429) return 'rate-limited';
  if (status === 501) return 'unsupported';
  if (status >= 500) return 'unavailable';
  return 'validation';
}

const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'code', 'errors', 'instance']);

/**
 * The StorefrontError for a non-2xx answer. A problem+json body gives the code, the message
 * (the server's localized `detail`, else its `title`) and the detail: field errors, extension
 * members such as `actual` (a moved checkout total) or `reason`, and `retryAfter` in seconds.
 * Anything else (a proxy's HTML page, garbage) maps from the status alone.
 */
export function problemError(status: number, body: unknown, request: string, retryAfterMs: number | undefined): StorefrontError {
  const parsed = v.safeParse(ProblemSchema, body);
  const problem = parsed.success ? parsed.output : undefined;
  const code: StorefrontErrorCode = isStorefrontErrorCode(problem?.code) ? problem.code : codeForStatus(status);
  const detail: Record<string, unknown> = { status };
  let message = `${request} answered HTTP ${status}.`;
  if (problem) {
    for (const [name, value] of Object.entries(problem)) if (!STANDARD_MEMBERS.has(name)) detail[name] = value;
    if (typeof problem.detail === 'string' && problem.detail.trim()) message = problem.detail;
    else if (typeof problem.title === 'string' && problem.title.trim()) message = problem.title;
    // Some servers nest the extension members under `detail` as an object.
    if (typeof problem.detail === 'object' && problem.detail !== null && !Array.isArray(problem.detail)) {
      Object.assign(detail, problem.detail);
    }
    if (problem.errors?.length) {
      detail.errors = problem.errors;
      const field = problem.errors.find((error) => typeof error.field === 'string')?.field;
      if (field !== undefined) detail.field ??= field;
    }
    if (problem.code !== undefined && !isStorefrontErrorCode(problem.code)) detail.serverCode = problem.code;
  }
  if (retryAfterMs !== undefined) detail.retryAfter = Math.ceil(retryAfterMs / 1000);
  return new StorefrontError(code, message, { detail });
}
