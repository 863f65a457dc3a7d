import { StorefrontError } from '../../core/errors.js';

/**
 * The API base URL without trailing slashes: `http(s)://host/path` or a path on this site
 * (`/api`). Anything else (`ftp:`, `javascript:`, `//other.host`, a bare word) is a `config` error.
 */
export function normalizeEndpoint(endpoint: unknown): string {
  const fail = (): never => {
    throw new StorefrontError(
      'config',
      `endpoint "${String(endpoint)}" is not valid: use an http(s) URL or a path starting with "/", e.g. https://shop.example/api.`,
      { detail: { field: 'endpoint', value: endpoint } },
    );
  };
  if (typeof endpoint !== 'string') return fail();
  const trimmed = endpoint.trim();
  if (/^\/(?![/\\])/.test(trimmed)) return trimmed.replace(/\/+$/, '') || '';
  if (!/^https?:\/\//i.test(trimmed)) return fail();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return fail();
  }
  if (url.search || url.hash || !url.hostname) return fail();
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
