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

/** At most this many bigrams are followed from each step of a typed reading. */
const MAX_STEP = 64;
/** At most this many Chinese phrases stand for one typed word. */
const MAX_PHRASES = 24;
/** Initials-only readings ("dx") are tried for words up to this long. */
const MAX_INITIALS = 6;

interface Piece {
  text: string;
  /** Matches readings by prefix (a half-typed syllable, an initial). */
  partial: boolean;
}

/**
 * Turns typed pinyin into the Chinese phrases of the index it can stand for. Instead of
 * converting every title to pinyin, it reads the index's own vocabulary of characters and
 * bigrams once (bucketed by initials) and chains bigrams that read as the typed syllables:
 * `duanxiu` becomes 短袖 (and any other "duan xiu" the catalog has), `dhj` the three-character
 * phrases whose bigrams read d-h and h-j and overlap. Chaining keeps the candidates few, so
 * the query stays fast even for initials.
 */
export class PinyinMatcher {
  private buckets: Map<string, Entry[]> | null = null;

  /** `vocabulary`: the index's Chinese terms (characters, bigrams) with how often they occur. */
  constructor(private readonly vocabulary: () => Iterable<readonly [string, number]>) {}

  /** The vocabulary changed: rebuild the buckets on next use. */
  invalidate(): void {
    this.buckets = null;
  }

  private build(tables: PinyinTables): Map<string, Entry[]> {
    const buckets = new Map<string, Entry[]>();
    for (const [term, weight] of this.vocabulary()) {
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

  /** Vocabulary terms whose characters read as `pieces` (1 or 2). */
  private lookup(buckets: Map<string, Entry[]>, pieces: Piece[]): Entry[] {
    const key = pieces.map((piece) => piece.text[0]).join('');
    return (buckets.get(key) ?? []).filter((entry) =>
      pieces.every((piece, i) =>
        entry.readings[i]!.some((reading) => (piece.partial ? reading.startsWith(piece.text) : reading === piece.text)),
      ),
    );
  }

  /** Chinese phrases of the vocabulary that read as `pieces`, most frequent first. */
  private phrases(buckets: Map<string, Entry[]>, pieces: Piece[]): { text: string; weight: number }[] {
    if (pieces.length === 1) {
      return this.lookup(buckets, pieces)
        .slice(0, MAX_PHRASES)
        .map((entry) => ({ text: entry.term, weight: entry.weight }));
    }
    let chains = this.lookup(buckets, pieces.slice(0, 2))
      .slice(0, MAX_STEP)
      .map((entry) => ({ text: entry.term, last: [...entry.term][1]!, weight: entry.weight }));
    for (let k = 2; k < pieces.length && chains.length > 0; k += 1) {
      const byFirst = new Map<string, Entry[]>();
      for (const entry of this.lookup(buckets, pieces.slice(k - 1, k + 1))) {
        const first = [...entry.term][0]!;
        let list = byFirst.get(first);
        if (!list) byFirst.set(first, (list = []));
        list.push(entry);
      }
      const next: typeof chains = [];
      for (const chain of chains) {
        for (const entry of byFirst.get(chain.last) ?? []) {
          const last = [...entry.term][1]!;
          next.push({ text: chain.text + last, last, weight: Math.min(chain.weight, entry.weight) });
        }
      }
      chains = next.sort((a, b) => b.weight - a.weight).slice(0, MAX_STEP);
    }
    return chains.slice(0, MAX_PHRASES);
  }

  /** The Chinese phrases a typed word may stand for (full pinyin, half-typed, initials). */
  expand(word: string, tables: PinyinTables): string[] {
    this.buckets ??= this.build(tables);
    const buckets = this.buckets;
    const readings: Piece[][] = tables
      .splitPinyin(word)
      .map((syllables) =>
        syllables.map((text, i) => ({ text, partial: i === syllables.length - 1 || !tables.syllables.has(text) })),
      );
    // No syllable starts with i, u or ü: a word holding one is a (mistyped) word, not initials.
    // (a, e and o do start syllables: 北欧风 is "bof", 入耳式 "res".)
    if (word.length >= 2 && word.length <= MAX_INITIALS && !/[iuv]/.test(word)) {
      readings.push([...word].map((text) => ({ text, partial: true })));
    }
    const found = new Map<string, number>();
    for (const pieces of readings) {
      // A lone half-typed syllable or initial matches nearly everything: leave it to the Latin match.
      if (pieces.length === 1 && (pieces[0]!.text.length < 2 || pieces[0]!.partial)) continue;
      for (const phrase of this.phrases(buckets, pieces)) {
        found.set(phrase.text, Math.max(found.get(phrase.text) ?? 0, phrase.weight));
      }
    }
    return [...found]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_PHRASES)
      .map(([text]) => text);
  }
}
