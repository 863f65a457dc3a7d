import type { MatchRange } from './search-types.js';
import { foldWithOrigin } from './normalize.js';

/**
 * Where `terms` (folded, as in `SearchHit.terms`) occur in `text`, as sorted, merged ranges of
 * the original text. Works on any text shown for a product (its English title too), whatever
 * its case or width: `matchRanges('ＴＳＨＩＲＴ 纯棉', ['tshirt'])` is `[[0, 6]]`.
 */
export function matchRanges(text: string, terms: readonly string[]): MatchRange[] {
  if (!text || terms.length === 0) return [];
  const folded = foldWithOrigin(text);
  const found: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    let from = 0;
    for (;;) {
      const at = folded.text.indexOf(term, from);
      if (at < 0) break;
      const endUnit = at + term.length;
      const start = folded.origin[at]!;
      const end = endUnit < folded.text.length ? folded.origin[endUnit]! : folded.length;
      if (end > start) found.push([start, end]);
      from = at + Math.max(1, term.length);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of found) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** Splits `text` by `ranges` into pieces, each marked as matched or not, for rendering. */
export function splitByRanges(text: string, ranges: readonly MatchRange[]): { text: string; match: boolean }[] {
  const pieces: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    const from = Math.max(at, Math.min(start, text.length));
    const to = Math.min(end, text.length);
    if (from > at) pieces.push({ text: text.slice(at, from), match: false });
    if (to > from) pieces.push({ text: text.slice(from, to), match: true });
    at = Math.max(at, to);
  }
  if (at < text.length) pieces.push({ text: text.slice(at), match: false });
  return pieces;
}
