/*
 * Text folding shared by the index, the query and the highlighter: NFKC (full-width ＴＳＨＩＲＴ
 * becomes tshirt, ① becomes 1), lower case, and traditional Chinese folded to simplified once
 * that table is loaded. Folding goes code point by code point so every folded character knows
 * where it came from in the original text: highlights land on what the shopper sees.
 */

/** Maps a traditional character to its simplified form; set when the Chinese tables load. */
let toSimplified: ((char: string) => string) | null = null;

export function setSimplifier(simplify: ((char: string) => string) | null): void {
  toSimplified = simplify;
  simplifiable = null;
}

/** For U+4E00..U+9FFF: 1 where the simplifier changes the character (built on first use). */
let simplifiable: Uint8Array | null = null;

function simplifiableChars(): Uint8Array {
  if (!simplifiable) {
    simplifiable = new Uint8Array(0xa000 - 0x4e00);
    if (toSimplified) {
      for (let code = 0x4e00; code < 0xa000; code += 1) {
        const char = String.fromCharCode(code);
        if (toSimplified(char) !== char) simplifiable[code - 0x4e00] = 1;
      }
    }
  }
  return simplifiable;
}

export function hasSimplifier(): boolean {
  return toSimplified !== null;
}

const cache = new Map<string, string>();

function foldChar(char: string, simplify: boolean): string {
  const code = char.charCodeAt(0);
  // Fast paths for the bulk of catalog text: ASCII, and CJK unified ideographs (NFKC leaves
  // both alone but for case).
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
  if (code >= 0x4e00 && code <= 0x9fff) return simplify && toSimplified ? toSimplified(char) : char;
  let folded = cache.get(char);
  if (folded === undefined) {
    folded = char.normalize('NFKC').toLowerCase();
    // NFKC turns some symbols into spaces or several characters; keep letters as they are.
    if (cache.size < 20000) cache.set(char, folded);
  }
  return simplify && toSimplified && folded.length === 1 ? toSimplified(folded) : folded;
}

export interface FoldedText {
  /** The folded text. */
  text: string;
  /** For each UTF-16 unit of `text`, the offset of the original character it came from. */
  origin: Int32Array;
  /** Length of the original text (the end of the last character). */
  length: number;
}

/** Folds `text`, remembering where each folded unit came from. */
export function foldWithOrigin(text: string, simplify = true): FoldedText {
  const changes = simplify && toSimplified !== null ? simplifiableChars() : null;
  let out = '';
  let origin: Int32Array = new Int32Array(text.length);
  let n = 0;
  let last = 0;
  /** Units [last, to) are kept as they are (lower-cased): each comes from itself. */
  const keep = (to: number) => {
    if (to <= last) return;
    out += text.slice(last, to).toLowerCase();
    if (n + (to - last) > origin.length) origin = grow(origin, n + (to - last));
    for (let k = last; k < to; k += 1) origin[n++] = k;
  };
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || (code >= 0x4e00 && code <= 0x9fff && !changes?.[code - 0x4e00])) continue;
    const next = code >= 0xd800 && code <= 0xdbff ? text.charCodeAt(i + 1) : 0;
    const char = next >= 0xdc00 && next <= 0xdfff ? text.slice(i, i + 2) : text[i]!;
    const folded = foldChar(char, simplify);
    if (folded === char && char.length === 1 && char.toLowerCase() === char) continue;
    // Every unit of a folded character comes from the character's first unit.
    keep(i);
    out += folded;
    if (n + folded.length > origin.length) origin = grow(origin, n + folded.length);
    for (let k = 0; k < folded.length; k += 1) origin[n++] = i;
    i += char.length - 1;
    last = i + 1;
  }
  keep(text.length);
  return { text: out, origin: n === origin.length ? origin : origin.slice(0, n), length: text.length };
}

function grow(array: Int32Array, size: number): Int32Array {
  const next = new Int32Array(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

/**
 * Folds `text` for matching (no offsets); `simplify: false` leaves traditional characters be.
 * Stretches of ASCII and of characters folding leaves alone are lower-cased as slices; only the
 * other characters are folded one by one.
 */
export function fold(text: string, simplify = true): string {
  const changes = simplify && toSimplified !== null ? simplifiableChars() : null;
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80 || (code >= 0x4e00 && code <= 0x9fff && !changes?.[code - 0x4e00])) continue;
    const next = code >= 0xd800 && code <= 0xdbff ? text.charCodeAt(i + 1) : 0;
    const size = next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
    const char = size === 2 ? text.slice(i, i + 2) : text[i]!;
    const folded = foldChar(char, simplify);
    // Unchanged and lower-case as it is: it can stay in the slice.
    if (folded === char && char.toLowerCase() === char) {
      i += size - 1;
      continue;
    }
    out += text.slice(last, i).toLowerCase() + folded;
    i += size - 1;
    last = i + 1;
  }
  return last === 0 ? text.toLowerCase() : out + text.slice(last).toLowerCase();
}

/**
 * Whether the simplifier changes the folding of `text`: `fold(text) !== fold(text, false)`,
 * without building either.
 */
export function simplifies(text: string): boolean {
  if (!toSimplified) return false;
  const changes = simplifiableChars();
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code >= 0x4e00 && code <= 0x9fff) {
      if (changes[code - 0x4e00]) return true;
      continue;
    }
    const next = code >= 0xd800 && code <= 0xdbff ? text.charCodeAt(i + 1) : 0;
    const char = next >= 0xdc00 && next <= 0xdfff ? text.slice(i, i + 2) : text[i]!;
    if (foldChar(char, true) !== foldChar(char, false)) return true;
    i += char.length - 1;
  }
  return false;
}

/** Han ideographs (CJK unified, extension A, compatibility). */
export const HAN = /\p{Script=Han}/u;
// Letters and digits that are not Han: "plus头戴式" is the word "plus", then Chinese.
const TOKEN = /(\p{Script=Han}+)|((?:(?!\p{Script=Han})[\p{L}\p{N}])+)/gu;

export interface TextRun {
  kind: 'han' | 'word';
  text: string;
  /** Offset in the folded text. */
  start: number;
}

/** Splits folded text into runs of Chinese characters and runs of letters/digits; the rest separates. */
export function runs(folded: string): TextRun[] {
  const result: TextRun[] = [];
  for (const match of folded.matchAll(TOKEN)) {
    result.push({ kind: match[1] ? 'han' : 'word', text: match[0], start: match.index });
  }
  return result;
}
