/**
 * The page buttons to show for `page` of `pages`: first, last, and a window around the
 * current one, with `null` standing for a gap ("…"). Pure, for the pagination bar.
 */
export function pageWindow(page: number, pages: number, around = 1): (number | null)[] {
  if (pages <= 1) return pages === 1 ? [1] : [];
  const shown = new Set<number>([1, pages]);
  for (let p = page - around; p <= page + around; p += 1) if (p >= 1 && p <= pages) shown.add(p);
  // Close a gap of one page with the page itself rather than "…".
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const p of sorted) {
    const last = out.at(-1);
    if (typeof last === 'number' && p - last === 2) out.push(last + 1);
    else if (typeof last === 'number' && p - last > 2) out.push(null);
    out.push(p);
  }
  return out;
}
