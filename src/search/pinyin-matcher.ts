/** What the lazy pinyin chunk (`zh/pinyin.ts`) provides. */
export interface PinyinTables {
  pinyinOf(char: string): readonly string[];
  splitPinyin(text: string): string[][];
  syllables: ReadonlySet<string>;
}

interface Entry {
  term: string;
  /** Readings of each character of the term. */
  readings: (readonly string[])[];
  /** How many indexed fields hold it: frequent terms are tried first. */
  weight: number;
}

/** At most this many Chinese terms stand for one typed syllable pair. */
const MAX_TERMS_PER_PIECE = 48;
/** Initials-only readings ("dx") are tried for words up to this long. */
const MAX_INITIALS = 6;

/**
 * Turns typed pinyin into the Chinese terms of the index it can stand for. Instead of
 * converting every title to pinyin, it reads the index's own vocabulary of characters and
 * bigrams once (bucketed by initials), so `duanxiu` becomes the bigrams read "duan xiu"
 * (短袖, 锻修...) that some product actually has, and `dx` the bigrams with initials d, x.
 */
export class PinyinMatcher {
  private buckets: Map<string, Entry[]> | null = null;

  constructor(private readonly vocabulary: ReadonlyMap<string, number>) {}

  /** The vocabulary changed: rebuild the buckets on next use. */
  invalidate(): void {
    this.buckets = null;
  }

  private build(tables: PinyinTables): Map<string, Entry[]> {
    const buckets = new Map<string, Entry[]>();
    for (const [term, weight] of this.vocabulary) {
      const chars = [...term];
      const readings = chars.map((char) => tables.pinyinOf(char));
      if (readings.some((list) => list.length === 0)) continue;
      const initials = new Set<string>();
      const [first, second] = readings;
      for (const a of first!) {
        if (second) for (const b of second) initials.add(a[0]! + b[0]!);
        else initials.add(a[0]!);
      }
      for (const key of initials) {
        let bucket = buckets.get(key);
        if (!bucket) buckets.set(key, (bucket = []));
        bucket.push({ term, readings, weight });
      }
    }
    for (const bucket of buckets.values()) bucket.sort((a, b) => b.weight - a.weight);
    return buckets;
  }

  /** Terms whose characters read as `pieces` (1 or 2); a piece flagged partial matches by prefix. */
  private lookup(buckets: Map<string, Entry[]>, pieces: { text: string; partial: boolean }[]): string[] {
    const key = pieces.map((piece) => piece.text[0]).join('');
    const out: string[] = [];
    for (const entry of buckets.get(key) ?? []) {
      const fits = pieces.every((piece, i) =>
        entry.readings[i]!.some((reading) => (piece.partial ? reading.startsWith(piece.text) : reading === piece.text)),
      );
      if (fits) out.push(entry.term);
      if (out.length >= MAX_TERMS_PER_PIECE) break;
    }
    return out;
  }

  /**
   * The readings of a typed word: each a list of requirements (all must match), each
   * requirement a list of alternative Chinese terms. Empty when the word is no pinyin.
   */
  expand(word: string, tables: PinyinTables): string[][][] {
    this.buckets ??= this.build(tables);
    const buckets = this.buckets;
    const readings: { text: string; partial: boolean }[][] = tables
      .splitPinyin(word)
      .map((syllables) =>
        syllables.map((text, i) => ({ text, partial: i === syllables.length - 1 || !tables.syllables.has(text) })),
      );
    if (word.length >= 2 && word.length <= MAX_INITIALS) {
      readings.push([...word].map((text) => ({ text, partial: true })));
    }
    const out: string[][][] = [];
    const seen = new Set<string>();
    for (const pieces of readings) {
      // One-letter "pinyin" matches nearly everything: leave short words to the Latin match.
      if (pieces.length === 1 && pieces[0]!.text.length < 2) continue;
      const requirements: string[][] = [];
      for (let i = 0; i < pieces.length; i += 2) {
        const terms = this.lookup(buckets, pieces.slice(i, i + 2));
        if (terms.length === 0) {
          requirements.length = 0;
          break;
        }
        requirements.push(terms);
      }
      if (requirements.length === 0) continue;
      const key = JSON.stringify(requirements);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(requirements);
      }
    }
    return out;
  }
}
