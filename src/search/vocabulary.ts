/*
 * The word vocabulary of the index (every term that is not purely Chinese: Latin words,
 * numbers, joined compounds), for the two ways a typed word reaches terms other than itself:
 * - by prefix: a sorted list and a binary search (`earb` -> earbuds);
 * - by typo: a deletion neighbourhood (SymSpell) for edit distance 1: each word is filed under
 *   itself and each string one deletion away, so a query looks up itself and its own deletions
 *   and only verifies the few words it meets; and, for distance 2 (long words), a walk over the
 *   sorted list as an implicit trie, sharing edit-distance rows between neighbours and skipping
 *   every word under a prefix that is already too far.
 * Term numbers come from the index; the caller checks whether a term still has documents.
 */

/**
 * Edit distance between `a` and `b` in UTF-16 units, or `max + 1` once it exceeds `max`:
 * Levenshtein, or with `transpositions` optimal string alignment (Damerau: `ab` <-> `ba` costs 1).
 */
export function editDistance(a: string, b: string, max: number, transpositions = false): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > max) return max + 1;
  if (m === 0 || n === 0) return Math.max(m, n);
  let before = new Int32Array(n + 1); // row i - 2 (transpositions)
  let previous = new Int32Array(n + 1);
  let current = new Int32Array(n + 1);
  for (let j = 0; j <= n; j += 1) previous[j] = j;
  for (let i = 1; i <= m; i += 1) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j += 1) {
      const cb = b.charCodeAt(j - 1);
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (ca === cb ? 0 : 1));
      if (transpositions && i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[n]!, max + 1);
}

/** Every string one deletion away from `word` (distinct). */
export function deletions(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < word.length; i += 1) out.add(word.slice(0, i) + word.slice(i + 1));
  return [...out];
}

export type WordVisitor = (term: number, word: string, distance: number) => void;

export class WordVocabulary {
  /** Words in code-unit order, with their term numbers. */
  private words: string[] = [];
  private ids: number[] = [];
  private pendingWords: string[] = [];
  private pendingIds: number[] = [];
  /** Deletion neighbourhood: key -> term(s) equal to it or one deletion away; built on first use. */
  private deletes: Map<string, number | number[]> | null = null;
  private readonly text = new Map<number, string>();

  get size(): number {
    return this.words.length + this.pendingWords.length;
  }

  add(word: string, term: number): void {
    this.pendingWords.push(word);
    this.pendingIds.push(term);
    this.text.set(term, word);
    if (this.deletes) this.file(word, term);
  }

  clear(): void {
    this.words = [];
    this.ids = [];
    this.pendingWords = [];
    this.pendingIds = [];
    this.deletes = null;
    this.text.clear();
  }

  private sorted(): string[] {
    if (this.pendingWords.length > 0) {
      const order = this.pendingWords.map((_, i) => i).sort((a, b) => compare(this.pendingWords[a]!, this.pendingWords[b]!));
      const words: string[] = [];
      const ids: number[] = [];
      let i = 0;
      let k = 0;
      while (i < this.words.length || k < order.length) {
        const next = order[k];
        if (next !== undefined && (i >= this.words.length || compare(this.pendingWords[next]!, this.words[i]!) < 0)) {
          words.push(this.pendingWords[next]!);
          ids.push(this.pendingIds[next]!);
          k += 1;
        } else {
          words.push(this.words[i]!);
          ids.push(this.ids[i]!);
          i += 1;
        }
      }
      this.words = words;
      this.ids = ids;
      this.pendingWords = [];
      this.pendingIds = [];
    }
    return this.words;
  }

  /** The first position whose word is >= `text`. */
  private lowerBound(text: string): number {
    const words = this.sorted();
    let low = 0;
    let high = words.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (words[mid]! < text) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** Every word starting with `prefix` (the prefix itself included), in order. */
  prefix(prefix: string, visit: WordVisitor): void {
    const words = this.sorted();
    for (let i = this.lowerBound(prefix); i < words.length && words[i]!.startsWith(prefix); i += 1) {
      visit(this.ids[i]!, words[i]!, words[i]!.length - prefix.length);
    }
  }

  /**
   * Every word within `max` edits of `word` (itself included, at distance 0). Levenshtein, or
   * with `transpositions` Damerau (optimal string alignment).
   */
  fuzzy(word: string, max: number, visit: WordVisitor, transpositions = false): void {
    if (max <= 1) this.nearby(word, Math.max(0, max), visit, transpositions);
    else this.walk(word, max, visit, transpositions);
  }

  private file(word: string, term: number): void {
    const deletes = this.deletes!;
    for (const key of [word, ...deletions(word)]) {
      const filed = deletes.get(key);
      if (filed === undefined) deletes.set(key, term);
      else if (typeof filed === 'number') {
        if (filed !== term) deletes.set(key, [filed, term]);
      } else if (!filed.includes(term)) filed.push(term);
    }
  }

  /** Distance 0 or 1 through the deletion neighbourhood. */
  private nearby(word: string, max: number, visit: WordVisitor, transpositions: boolean): void {
    if (!this.deletes) {
      this.deletes = new Map();
      for (const [term, text] of this.text) this.file(text, term);
    }
    const found = new Set<number>();
    const look = (key: string) => {
      const filed = this.deletes!.get(key);
      if (filed === undefined) return;
      if (typeof filed === 'number') found.add(filed);
      else for (const term of filed) found.add(term);
    };
    look(word);
    if (max > 0) for (const key of deletions(word)) look(key);
    for (const term of found) {
      const text = this.text.get(term)!;
      const distance = text === word ? 0 : editDistance(word, text, max, transpositions);
      if (distance <= max) visit(term, text, distance);
    }
  }

  /** Any distance: the sorted list walked as a trie, one edit-distance row per character. */
  private walk(word: string, max: number, visit: WordVisitor, transpositions: boolean): void {
    const words = this.sorted();
    const m = word.length;
    const width = m + 1;
    const deepest = m + max; // rows below this depth are all > max
    const rows = new Int32Array((deepest + 1) * width);
    for (let j = 0; j <= m; j += 1) rows[j] = j;
    let previous = '';
    let valid = 0; // rows 0..valid hold the prefixes of `previous`
    let i = 0;
    while (i < words.length) {
      const text = words[i]!;
      let depth = 0;
      const shared = Math.min(valid, text.length);
      while (depth < shared && text.charCodeAt(depth) === previous.charCodeAt(depth)) depth += 1;
      let dead = -1; // length of a prefix of `text` no word under which can match
      while (depth < text.length) {
        if (depth === deepest) {
          dead = depth + 1;
          break;
        }
        const c = text.charCodeAt(depth);
        const from = depth * width;
        const to = from + width;
        rows[to] = depth + 1;
        let rowMin = depth + 1;
        for (let j = 1; j <= m; j += 1) {
          const cq = word.charCodeAt(j - 1);
          let value = Math.min(rows[from + j]! + 1, rows[to + j - 1]! + 1, rows[from + j - 1]! + (cq === c ? 0 : 1));
          if (transpositions && depth > 0 && j > 1 && cq === text.charCodeAt(depth - 1) && word.charCodeAt(j - 2) === c) {
            value = Math.min(value, rows[from - width + j - 2]! + 1);
          }
          rows[to + j] = value;
          if (value < rowMin) rowMin = value;
        }
        depth += 1;
        if (rowMin > max) {
          dead = depth;
          break;
        }
      }
      previous = text;
      valid = depth;
      if (dead < 0) {
        const distance = rows[text.length * width + m]!;
        if (distance <= max) visit(this.ids[i]!, text, distance);
        i += 1;
        continue;
      }
      // Skip every word under the dead prefix (they are contiguous in the sorted list).
      const prefix = text.slice(0, dead);
      valid = Math.min(valid, dead - 1);
      let low = i + 1;
      let high = words.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (words[mid]!.startsWith(prefix)) low = mid + 1;
        else high = mid;
      }
      i = low;
    }
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
