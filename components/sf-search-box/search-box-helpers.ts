/**
 * Small pure helpers of `<sf-search-box>`: the navigation URLs it builds from its `action`
 * and `product-href` templates, and the debounce pause of its suggestion task.
 */

/**
 * `template` with every `{name}` replaced by `value`, URI-encoded. A template without the
 * placeholder gets `value` as a query parameter instead (`/search` -> `/search?q=...`).
 * Returns null unless the result is an http(s) URL (or a path on this site), so a template
 * can never turn into `javascript:` or `data:` navigation.
 */
export function fillUrlTemplate(
  template: string,
  name: string,
  value: string,
  param = name,
  base = location.href,
): string | null {
  const placeholder = `{${name}}`;
  try {
    let url: URL;
    if (template.includes(placeholder)) {
      url = new URL(template.split(placeholder).join(encodeURIComponent(value)), base);
    } else {
      url = new URL(template, base);
      url.searchParams.set(param, value);
    }
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts (a newer keystroke came in). */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new DOMException('Aborted', 'AbortError'));
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DOMException('Aborted', 'AbortError'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** An integer between `min` and `max`, or `fallback` for anything that is not a number. */
export function clampInteger(value: unknown, min: number, max: number, fallback: number): number {
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(number)));
}
