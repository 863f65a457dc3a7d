/*
 * Sorted integer lists (document numbers of a posting list, candidate sets) and the few
 * operations the query engine needs on them: galloping search, intersection that gallops the
 * shorter list through the longer one, and top-k selection. Ranges are [from, to) into a typed
 * array, so postings stored back to back in one arena are used without copying.
 */

export const EMPTY_DOCS = new Int32Array(0);

/**
 * The first index in [from, to) whose value is >= `target` (`to` when none): exponential
 * steps from `from`, then binary search. Cheap both for the next neighbour and far jumps.
 */
export function gallop(list: Int32Array, from: number, to: number, target: number): number {
  if (from >= to || list[from]! >= target) return from;
  let low = from;
  let step = 1;
  let high = from + 1;
  while (high < to && list[high]! < target) {
    low = high;
    step <<= 1;
    high = from + step;
  }
  if (high > to) high = to;
  // list[low] < target; the answer is in (low, high].
  low += 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid]! < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Whether the sorted range [from, to) of `list` holds `value` (binary search). */
export function contains(list: Int32Array, from: number, to: number, value: number): boolean {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const at = list[mid]!;
    if (at === value) return true;
    if (at < value) low = mid + 1;
    else high = mid;
  }
  return false;
}

/**
 * The values both sorted ranges hold, ascending. The shorter range gallops through the longer
 * one: O(m log(n/m)) for a short list against a long one, O(m + n) at worst.
 */
export function intersect(a: Int32Array, aFrom: number, aTo: number, b: Int32Array, bFrom: number, bTo: number): Int32Array {
  if (aTo - aFrom > bTo - bFrom) return intersect(b, bFrom, bTo, a, aFrom, aTo);
  if (aFrom >= aTo || bFrom >= bTo) return EMPTY_DOCS;
  const out = new Int32Array(aTo - aFrom);
  let count = 0;
  let j = bFrom;
  const last = b[bTo - 1]!;
  for (let i = aFrom; i < aTo; i += 1) {
    const value = a[i]!;
    if (value > last) break;
    if (b[j]! < value) {
      j = gallop(b, j, bTo, value);
      if (j === bTo) break;
    }
    if (b[j] === value) {
      out[count++] = value;
      j += 1;
      if (j === bTo) break;
    }
  }
  return count === out.length ? out : out.slice(0, count);
}

/** Sorted, duplicate-free union of sorted lists (small inputs: concatenate and sort). */
export function unionSmall(lists: readonly Int32Array[]): Int32Array {
  let total = 0;
  for (const list of lists) total += list.length;
  const all = new Int32Array(total);
  let at = 0;
  for (const list of lists) {
    all.set(list, at);
    at += list.length;
  }
  all.sort();
  let count = 0;
  for (let i = 0; i < total; i += 1) if (i === 0 || all[i] !== all[i - 1]) all[count++] = all[i]!;
  return count === total ? all : all.slice(0, count);
}

/**
 * The `k` best of (doc, score) pairs: a binary heap holding the worst kept pair on top.
 * Better means a higher score, then a lower document number (older first), so results are
 * deterministic.
 */
export class TopK {
  private readonly docs: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.docs = new Int32Array(Math.max(0, k));
    this.scores = new Float64Array(Math.max(0, k));
  }

  /** Whether (a) is worse than (b). */
  private worse(scoreA: number, docA: number, scoreB: number, docB: number): boolean {
    return scoreA < scoreB || (scoreA === scoreB && docA > docB);
  }

  push(doc: number, score: number): void {
    const { docs, scores } = this;
    if (this.size < this.k) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.worse(score, doc, scores[parent]!, docs[parent]!)) break;
        docs[i] = docs[parent]!;
        scores[i] = scores[parent]!;
        i = parent;
      }
      docs[i] = doc;
      scores[i] = score;
      return;
    }
    if (this.k === 0 || !this.worse(scores[0]!, docs[0]!, score, doc)) return;
    this.siftDown(doc, score);
  }

  /** Puts (doc, score) in place of the top and sifts it down. */
  private siftDown(doc: number, score: number): void {
    const { docs, scores } = this;
    const n = this.size;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      let child = left;
      if (right < n && this.worse(scores[right]!, docs[right]!, scores[left]!, docs[left]!)) child = right;
      if (!this.worse(scores[child]!, docs[child]!, score, doc)) break;
      docs[i] = docs[child]!;
      scores[i] = scores[child]!;
      i = child;
    }
    docs[i] = doc;
    scores[i] = score;
  }

  /**
   * Offers every (docs[i], scores[i]); with `accept`, a pair is kept only if accepted, and
   * `accept` is asked only about pairs that would be kept.
   */
  offer(docs: Int32Array, scores: Float64Array, accept?: (doc: number) => boolean): void {
    const n = docs.length;
    let i = 0;
    // Fill the heap, then only pairs beating its worst (on top) get in.
    while (i < n && this.size < this.k) {
      const doc = docs[i]!;
      if (!accept || accept(doc)) this.push(doc, scores[i]!);
      i += 1;
    }
    if (this.k === 0) return;
    let floorScore = this.scores[0]!;
    let floorDoc = this.docs[0]!;
    for (; i < n; i += 1) {
      const score = scores[i]!;
      if (score < floorScore) continue;
      const doc = docs[i]!;
      if (score === floorScore && doc > floorDoc) continue;
      if (accept && !accept(doc)) continue;
      this.push(doc, score);
      floorScore = this.scores[0]!;
      floorDoc = this.docs[0]!;
    }
  }

  /** The kept pairs, best first (empties the heap). */
  sorted(): { docs: Int32Array; scores: Float64Array } {
    const count = this.size;
    const docs = new Int32Array(count);
    const scores = new Float64Array(count);
    // Pop the worst into the last free place, down to the best.
    for (let at = count - 1; at >= 0; at -= 1) {
      docs[at] = this.docs[0]!;
      scores[at] = this.scores[0]!;
      this.size -= 1;
      if (this.size > 0) this.siftDown(this.docs[this.size]!, this.scores[this.size]!);
    }
    return { docs, scores };
  }
}
