/*
 * The index tokenizer: one pass over folded text (see normalize.ts) by code point, with no
 * regular expression on the common path. It yields what `runs()` and the joined compounds
 * give, term for term:
 * - Chinese runs (Script=Han) as characters and bigrams, handed over as code points so the
 *   index can look them up without building a string per occurrence;
 * - runs of other letters and digits as words;
 * - compounds: letter/digit runs joined by single - ' ’ . ("t-shirt" is also "tshirt").
 */

/** Receives the terms of a text. */
export interface TermSink {
  /** A word, a compound, or (with `han`) a Chinese term given as text. */
  term(text: string, field: number, han: boolean): void;
  /** A Chinese character (`second` -1) or bigram, as code points. */
  han(first: number, second: number, field: number): void;
}

const IS_HAN = 1;
const IS_ALNUM = 2;
const HAN_TEST = /^\p{Script=Han}$/u;
const ALNUM_TEST = /^[\p{L}\p{N}]$/u;
const kinds = new Map<number, number>();

/** IS_HAN | IS_ALNUM bits of a code point. */
export function charKind(cp: number): number {
  if (cp < 0x80) {
    return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) ? IS_ALNUM : 0;
  }
  // CJK unified ideographs assigned since Unicode 11: letters of the Han script.
  if (cp >= 0x4e00 && cp <= 0x9fef) return IS_HAN | IS_ALNUM;
  let kind = kinds.get(cp);
  if (kind === undefined) {
    const char = String.fromCodePoint(cp);
    kind = (HAN_TEST.test(char) ? IS_HAN : 0) | (ALNUM_TEST.test(char) ? IS_ALNUM : 0);
    if (kinds.size < 20000) kinds.set(cp, kind);
  }
  return kind;
}

const SEPARATORS = ['-', "'", '’', '.'];

function isSeparator(code: number): boolean {
  return code === 0x2d || code === 0x27 || code === 0x2019 || code === 0x2e;
}

/** Whether some separator of `text` sits between two letters or digits (a compound). */
function hasCompound(text: string): boolean {
  for (const separator of SEPARATORS) {
    for (let at = text.indexOf(separator, 1); at > 0 && at < text.length - 1; at = text.indexOf(separator, at + 1)) {
      if (charKind(text.codePointAt(at + 1)!) & IS_ALNUM && charKind(codePointBefore(text, at)) & IS_ALNUM) return true;
    }
  }
  return false;
}

/**
 * Compounds: runs of letters and digits (any script) joined by single separators, fed
 * without the separators, as the pattern [\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)+ finds them.
 */
function compounds(text: string, field: number, sink: TermSink): void {
  const n = text.length;
  // The end of the letter/digit run starting at `from`.
  const runEnd = (from: number): number => {
    let i = from;
    while (i < n) {
      const c = text.codePointAt(i)!;
      if (!(charKind(c) & IS_ALNUM)) break;
      i += c > 0xffff ? 2 : 1;
    }
    return i;
  };
  let i = 0;
  while (i < n) {
    const c = text.codePointAt(i)!;
    if (!(charKind(c) & IS_ALNUM)) {
      i += c > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    let end = runEnd(i);
    let joined = text.slice(start, end);
    let parts = 1;
    while (end + 1 < n && isSeparator(text.charCodeAt(end)) && charKind(text.codePointAt(end + 1)!) & IS_ALNUM) {
      const next = runEnd(end + 1);
      joined += text.slice(end + 1, next);
      end = next;
      parts += 1;
    }
    if (parts > 1) sink.term(joined, field, false);
    i = end;
  }
}

function codePointBefore(text: string, at: number): number {
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(at - 2)!;
  }
  return low;
}

/**
 * Feeds the index terms of folded `text` in `field` to `sink`. Chinese runs give characters
 * and bigrams; with `unigrams` false (long descriptions) bigrams only, but a lone character
 * still counts.
 */
export function indexTerms(text: string, unigrams: boolean, field: number, sink: TermSink): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff) cp = text.codePointAt(i)!;
    const kind = charKind(cp);
    if (kind & IS_HAN) {
      // A Chinese run: characters and bigrams.
      let previous = -1;
      let count = 0;
      let single = cp;
      while (i < n) {
        let c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff) c = text.codePointAt(i)!;
        if (!(charKind(c) & IS_HAN)) break;
        if (previous >= 0) sink.han(previous, c, field);
        if (unigrams) sink.han(c, -1, field);
        if (count === 0) single = c;
        previous = c;
        count += 1;
        i += c > 0xffff ? 2 : 1;
      }
      if (!unigrams && count === 1) sink.han(single, -1, field);
      continue;
    }
    if (kind & IS_ALNUM) {
      const start = i;
      while (i < n) {
        let c = text.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff) c = text.codePointAt(i)!;
        if ((charKind(c) & (IS_HAN | IS_ALNUM)) !== IS_ALNUM) break;
        i += c > 0xffff ? 2 : 1;
      }
      sink.term(text.slice(start, i), field, false);
      continue;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  if (hasCompound(text)) compounds(text, field, sink);
}
