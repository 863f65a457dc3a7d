/**
 * A product image URL the widgets may put in `<img src>`, or null (they then show their
 * placeholder). Images come from adapters and host pages, so only what can be nothing but a
 * picture passes: http(s) (absolute, protocol-relative or relative to the page), `blob:`, and
 * `data:image/*`. `javascript:`, `data:text/html` and every other scheme are refused. The URL is
 * parsed as the browser parses it (tabs and newlines inside, spaces around), so "java\tscript:"
 * cannot slip through.
 */
export function safeImageUrl(src: unknown): string | null {
  if (typeof src !== 'string') return null;
  const value = src.trim();
  if (value === '') return null;
  let url: URL;
  try {
    // Any http(s) base works: a relative URL then reads as http(s) too.
    url = new URL(value, 'https://relative.invalid/');
  } catch {
    return null;
  }
  switch (url.protocol) {
    case 'https:':
    case 'http:':
    case 'blob:':
      return value;
    case 'data:':
      return /^image\/[a-z0-9][a-z0-9.+-]*\s*[;,]/i.test(url.pathname) ? value : null;
    default:
      return null;
  }
}
