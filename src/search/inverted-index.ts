import { contains, EMPTY_DOCS, gallop, intersect, TopK, unionSmall } from './postings.js';
import type { TermSink } from './tokenize.js';
import { WordVocabulary } from './vocabulary.js';

/*
 * A compact inverted index shaped for the product search's queries. Documents are numbered in
 * the order they are added; every term has one posting list: the ascending numbers of the
 * documents holding it, with its frequency in each of the FIELDS fields. All postings live back
 * to back in one arena of typed arrays (with a little room to grow each), so there is no object
 * per posting or per entry, and the whole index serializes as a handful of typed arrays.
 *
 * A query is an AND of requirements, each an OR of clauses, each an AND of terms. It is
 * answered in three steps:
 * 1. candidates: the requirement with the fewest estimated documents is materialized, then each
 *    further one, smallest first, only filters the candidates (galloping intersections, so a rare
 *    term against a common one costs little);
 * 2. BM25 scores (as MiniSearch computes them: per field, with field boosts and lengths) only
 *    for the candidates that survived;
 * 3. top-k selection with a heap instead of sorting everything.
 *
 * Removing a document leaves a tombstone (its number is dead and skipped); compact() rebuilds
 * the arena without dead documents once they pile up.
 */

/** Indexed fields, in order (title, description, tags). */
export const FIELDS = 3;

/** BM25+ parameters, MiniSearch's defaults. */
const K1 = 1.2;
const B = 0.7;
const DELTA = 0.5;
/** Term frequencies are capped at this (they are bytes). */
const MAX_TF = 255;
/** Field lengths are capped at this. */
const MAX_LENGTH = 65535;

/** A term of a query clause: its number, the weight of this match and the query text it stands for. */
export interface TermRef {
  readonly term: number;
  readonly weight: number;
  readonly source: string;
}
/** All of these terms. */
export type Clause = readonly TermRef[];
/** Any of these clauses. */
export type Requirement = readonly Clause[];

export interface Ranked {
  /** Document numbers, best first. */
  docs: Int32Array;
  scores: Float64Array;
}

const NONE: Ranked = { docs: EMPTY_DOCS, scores: new Float64Array(0) };

/** The index as plain data: structured-clone friendly (IndexedDB), dead documents compacted away. */
export interface SerializedCore {
  ids: string[];
  /** Per document, the number of distinct terms of each field. */
  lengths: Uint16Array;
  terms: string[];
  /** Per term, how often it was indexed as a Chinese term (characters, bigrams). */
  han: Int32Array;
  /** Per term, where its postings start in `docs`; one more entry for the end. */
  offsets: Int32Array;
  docs: Int32Array;
  /** FIELDS frequencies per posting. */
  tf: Uint8Array;
}

/*
 * Chinese characters and bigrams of the common CJK block get a number key (no string built
 * per occurrence): 15 bits per character, offset from U+3400, the second one +1 (0: none).
 */
const CJK_LOW = 0x3400;
const CJK_HIGH = 0x9fff;

/** Open-addressing map from those keys to term numbers. */
class KeyTable {
  private keys = new Int32Array(1024).fill(-1);
  private values = new Int32Array(1024);
  private size = 0;

  /** Multiplicative hashing: the high bits of key * 2^32/phi. */
  private shift = 22;

  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let at = Math.imul(key, 0x9e3779b1) >>> this.shift; ; at += 1) {
      const found = this.keys[at & mask]!;
      if (found === key) return this.values[at & mask]!;
      if (found < 0) return -1;
    }
  }

  set(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.resize(this.keys.length * 2);
    const mask = this.keys.length - 1;
    for (let at = Math.imul(key, 0x9e3779b1) >>> this.shift; ; at += 1) {
      const found = this.keys[at & mask]!;
      if (found === key || found < 0) {
        if (found < 0) this.size += 1;
        this.keys[at & mask] = key;
        this.values[at & mask] = value;
        return;
      }
    }
  }

  clear(): void {
    this.keys = new Int32Array(1024).fill(-1);
    this.values = new Int32Array(1024);
    this.size = 0;
    this.shift = 22;
  }

  private resize(capacity: number): void {
    const { keys, values } = this;
    this.keys = new Int32Array(capacity).fill(-1);
    this.values = new Int32Array(capacity);
    this.size = 0;
    this.shift = 32 - Math.log2(capacity);
    for (let i = 0; i < keys.length; i += 1) if (keys[i]! >= 0) this.set(keys[i]!, values[i]!);
  }
}

function hanText(first: number, second: number): string {
  return second < 0 ? String.fromCodePoint(first) : String.fromCodePoint(first, second);
}

function grown<T extends Int32Array | Uint8Array | Uint16Array>(array: T, size: number, fill?: number): T {
  if (array.length >= size) return array;
  const next = new (array.constructor as new (length: number) => T)(Math.max(size, array.length * 2, 16));
  next.set(array);
  if (fill !== undefined) next.fill(fill, array.length);
  return next;
}

const PURE_HAN = /^\p{Script=Han}+$/u;

export class InvertedIndex {
  /* Documents, by number. */
  private ids: string[] = [];
  private readonly numbers = new Map<string, number>();
  private alive = new Uint8Array(0);
  private lengths = new Uint16Array(0);
  private liveCount = 0;
  private deadCount = 0;
  private readonly lengthSum = new Float64Array(FIELDS);

  /* Terms, by number. */
  private readonly termNumbers = new Map<string, number>();
  private terms: string[] = [];
  private han = new Int32Array(0);
  private df = new Int32Array(0);
  private start = new Int32Array(0);
  private count = new Int32Array(0);
  private room = new Int32Array(0);

  /* The arena: postings back to back. */
  private docs = new Int32Array(0);
  private tf = new Uint8Array(0);
  private used = 0;
  private wasted = 0;

  /* Postings of the documents being added, until flush(). */
  private stageTerm = new Int32Array(1024);
  /** Frequencies in the FIELDS fields, a byte each. */
  private stageTf = new Uint8Array(1024 * FIELDS);
  private staged = 0;
  /** The first staged document, and where each staged document's postings start. */
  private stageFirst = 0;
  private stageStarts: number[] = [];
  private readonly hanKeys = new KeyTable();
  private lastDoc = new Int32Array(0);
  private lastAt = new Int32Array(0);
  private current = -1;

  /* Query scratch, indexed by document number. */
  private slot = new Int32Array(0);
  private mark = new Uint8Array(0);

  /** The terms that are not purely Chinese, for prefix and typo matching. */
  readonly words = new WordVocabulary();

  constructor(private readonly boosts: readonly number[]) {}

  /** Live documents. */
  get size(): number {
    return this.liveCount;
  }

  /** Dead documents not yet compacted away. */
  get dead(): number {
    return this.deadCount;
  }

  has(id: string): boolean {
    return this.numbers.has(id);
  }

  /** The id of a document number. */
  idOf(doc: number): string {
    return this.ids[doc]!;
  }

  /** The number of a term, -1 when the index never saw it. */
  termOf(text: string): number {
    return this.termNumbers.get(text) ?? -1;
  }

  termText(term: number): string {
    return this.terms[term]!;
  }

  /** Live documents holding the term (summed over fields: a document counts once per field). */
  fieldCount(term: number): number {
    if (term < 0) return 0;
    let sum = 0;
    for (let f = 0; f < FIELDS; f += 1) sum += this.df[term * FIELDS + f]!;
    return sum;
  }

  /** How often live documents hold the term as a Chinese term. */
  hanCount(text: string): number {
    const term = this.termOf(text);
    return term < 0 ? 0 : this.han[term]!;
  }

  /** Every Chinese term with its count, for the pinyin matcher. */
  *hanTerms(): IterableIterator<[string, number]> {
    for (let term = 0; term < this.terms.length; term += 1) {
      if (this.han[term]! > 0) yield [this.terms[term]!, this.han[term]!];
    }
  }

  /* ------------------------------------------------------------------ adding */

  private newTerm(text: string): number {
    const term = this.terms.length;
    this.terms.push(text);
    this.termNumbers.set(text, term);
    if (this.han.length <= term) {
      const capacity = Math.max(16, this.han.length * 2);
      this.han = grown(this.han, capacity);
      this.df = grown(this.df, capacity * FIELDS);
      this.start = grown(this.start, capacity);
      this.count = grown(this.count, capacity);
      this.room = grown(this.room, capacity);
      this.lastDoc = grown(this.lastDoc, capacity, -1);
      this.lastAt = grown(this.lastAt, capacity);
    }
    this.lastDoc[term] = -1;
    if (!PURE_HAN.test(text)) this.words.add(text, term);
    return term;
  }

  /** Starts a document; feed its terms to `add`, then call `end`. Ids must be new. */
  begin(id: string): void {
    const doc = this.ids.length;
    this.ids.push(id);
    this.numbers.set(id, doc);
    this.alive = grown(this.alive, doc + 1);
    this.lengths = grown(this.lengths, (doc + 1) * FIELDS);
    this.alive[doc] = 1;
    this.liveCount += 1;
    this.current = doc;
    if (this.stageStarts.length === 0) this.stageFirst = doc;
    this.stageStarts.push(this.staged);
  }

  /** The number of a Chinese term given as code points, created when new. */
  private hanTerm(first: number, second: number): number {
    if (first >= CJK_LOW && first <= CJK_HIGH && (second < 0 || (second >= CJK_LOW && second <= CJK_HIGH))) {
      const key = ((first - CJK_LOW) << 15) | (second < 0 ? 0 : second - CJK_LOW + 1);
      let term = this.hanKeys.get(key);
      if (term < 0) {
        const text = hanText(first, second);
        term = this.termNumbers.get(text) ?? this.newTerm(text);
        this.hanKeys.set(key, term);
      }
      return term;
    }
    const text = hanText(first, second);
    return this.termNumbers.get(text) ?? this.newTerm(text);
  }

  /** Feed the terms of the current document (between `begin` and `end`) here. */
  readonly adder: TermSink = {
    term: (text, field, han) => this.occurrence(this.termNumbers.get(text) ?? this.newTerm(text), field, han),
    han: (first, second, field) => this.occurrence(this.hanTerm(first, second), field, true),
  };

  /** One occurrence of `term` in `field` of the current document. */
  private occurrence(term: number, field: number, han: boolean): void {
    const doc = this.current;
    let at: number;
    if (this.lastDoc[term] === doc) at = this.lastAt[term]!;
    else {
      at = this.staged++;
      if (at === this.stageTerm.length) {
        this.stageTerm = grown(this.stageTerm, at + 1);
        this.stageTf = grown(this.stageTf, this.stageTerm.length * FIELDS);
      }
      this.lastDoc[term] = doc;
      this.lastAt[term] = at;
      this.stageTerm[at] = term;
      this.stageTf[at * FIELDS] = 0;
      this.stageTf[at * FIELDS + 1] = 0;
      this.stageTf[at * FIELDS + 2] = 0;
    }
    const slot = at * FIELDS + field;
    const tf = this.stageTf[slot]!;
    if (tf === 0) {
      this.df[term * FIELDS + field] += 1;
      const length = doc * FIELDS + field;
      if (this.lengths[length]! < MAX_LENGTH) this.lengths[length] += 1;
    }
    if (tf < MAX_TF) this.stageTf[slot] = tf + 1;
    if (han) this.han[term] += 1;
  }

  end(): void {
    const doc = this.current;
    for (let f = 0; f < FIELDS; f += 1) this.lengthSum[f] += this.lengths[doc * FIELDS + f]!;
    this.current = -1;
  }

  /** Moves the postings of the documents added so far into the arena, trimming it after a bulk add. */
  flush(): void {
    this.moveStaged();
    if (this.wasted > this.used / 4) this.pack();
  }

  private moveStaged(): void {
    const n = this.staged;
    if (n === 0) return;
    const termCount = this.terms.length;
    // Counting sort of the staged postings by term (documents stay ascending within a term).
    const perTerm = new Int32Array(termCount + 1);
    for (let i = 0; i < n; i += 1) perTerm[this.stageTerm[i]! + 1] += 1;
    // Room: postings that do not fit move to the end of the arena, with some slack.
    let needed = 0;
    for (let term = 0; term < termCount; term += 1) {
      const adding = perTerm[term + 1]!;
      if (adding > 0 && this.count[term]! + adding > this.room[term]!) needed += slack(this.count[term]! + adding);
    }
    if (this.used + needed > this.docs.length) {
      if (this.wasted > this.used / 2) this.pack(perTerm);
      else this.growArena(this.used + needed);
    }
    for (let term = 0; term < termCount; term += 1) {
      const adding = perTerm[term + 1]!;
      if (adding > 0 && this.count[term]! + adding > this.room[term]!) this.relocate(term, slack(this.count[term]! + adding));
    }
    // Where each term's staged postings go.
    const cursor = new Int32Array(termCount);
    for (let term = 0; term < termCount; term += 1) cursor[term] = this.start[term]! + this.count[term]!;
    const starts = this.stageStarts;
    const { docs, tf, stageTerm, stageTf } = this;
    for (let d = 0; d < starts.length; d += 1) {
      const doc = this.stageFirst + d;
      const to = d + 1 < starts.length ? starts[d + 1]! : n;
      for (let i = starts[d]!; i < to; i += 1) {
        const at = cursor[stageTerm[i]!]!++;
        docs[at] = doc;
        tf[at * FIELDS] = stageTf[i * FIELDS]!;
        tf[at * FIELDS + 1] = stageTf[i * FIELDS + 1]!;
        tf[at * FIELDS + 2] = stageTf[i * FIELDS + 2]!;
      }
    }
    for (let term = 0; term < termCount; term += 1) this.count[term] += perTerm[term + 1]!;
    this.stageStarts = [];
    if (this.stageTerm.length > 1 << 16) {
      // A bulk add is over: give the staging memory back.
      this.stageTerm = new Int32Array(1024);
      this.stageTf = new Uint8Array(1024 * FIELDS);
    }
    this.staged = 0;
  }

  private growArena(size: number): void {
    const capacity = Math.max(size, Math.ceil(this.docs.length * 1.5));
    const docs = new Int32Array(capacity);
    docs.set(this.docs.subarray(0, this.used));
    const tf = new Uint8Array(capacity * FIELDS);
    tf.set(this.tf.subarray(0, this.used * FIELDS));
    this.docs = docs;
    this.tf = tf;
  }

  /** Gives `term` a new place of `room` postings at the end of the arena (which has space). */
  private relocate(term: number, room: number): void {
    const from = this.start[term]!;
    const count = this.count[term]!;
    const to = this.used;
    this.docs.copyWithin(to, from, from + count);
    this.tf.copyWithin(to * FIELDS, from * FIELDS, (from + count) * FIELDS);
    this.wasted += this.room[term]!;
    this.start[term] = to;
    this.room[term] = room;
    this.used += room;
  }

  /**
   * Rewrites the arena with every posting list in term order, dead documents dropped when
   * `keep` maps old document numbers to new ones (-1: dead), with room for `adding` more.
   */
  private pack(adding?: Int32Array, keep?: Int32Array): void {
    const termCount = this.terms.length;
    let total = 0;
    for (let term = 0; term < termCount; term += 1) total += slack(this.count[term]! + (adding?.[term + 1] ?? 0));
    const docs = new Int32Array(total);
    const tf = new Uint8Array(total * FIELDS);
    let at = 0;
    for (let term = 0; term < termCount; term += 1) {
      const from = this.start[term]!;
      const count = this.count[term]!;
      let kept = count;
      if (keep) {
        kept = 0;
        for (let i = from; i < from + count; i += 1) {
          const doc = keep[this.docs[i]!]!;
          if (doc < 0) continue;
          docs[at + kept] = doc;
          tf.set(this.tf.subarray(i * FIELDS, (i + 1) * FIELDS), (at + kept) * FIELDS);
          kept += 1;
        }
      } else {
        docs.set(this.docs.subarray(from, from + count), at);
        tf.set(this.tf.subarray(from * FIELDS, (from + count) * FIELDS), at * FIELDS);
      }
      const room = slack(kept + (adding?.[term + 1] ?? 0));
      this.start[term] = at;
      this.count[term] = kept;
      this.room[term] = room;
      at += room;
    }
    this.docs = docs;
    this.tf = tf;
    this.used = at;
    this.wasted = 0;
  }

  /* ---------------------------------------------------------------- removing */

  /**
   * Removes document `id`; `feed` must replay the same term occurrences it was added with
   * (they keep document frequencies and the Chinese vocabulary exact). Leaves a tombstone.
   */
  remove(id: string, feed: (sink: TermSink) => void): boolean {
    const doc = this.numbers.get(id);
    if (doc === undefined) return false;
    const seen = new Map<number, number>();
    const remover: TermSink = {
      term: (text, field, han) => {
        const term = this.termNumbers.get(text);
        if (term === undefined) return;
        if (han && this.han[term]! > 0) this.han[term] -= 1;
        const fields = seen.get(term) ?? 0;
        if (fields & (1 << field)) return;
        seen.set(term, fields | (1 << field));
        if (this.df[term * FIELDS + field]! > 0) this.df[term * FIELDS + field] -= 1;
      },
      han: (first, second, field) => remover.term(hanText(first, second), field, true),
    };
    feed(remover);
    this.alive[doc] = 0;
    this.numbers.delete(id);
    this.liveCount -= 1;
    this.deadCount += 1;
    for (let f = 0; f < FIELDS; f += 1) this.lengthSum[f] -= this.lengths[doc * FIELDS + f]!;
    return true;
  }

  /** Drops dead documents and terms no live document holds; renumbers what is left. */
  compact(): void {
    this.flush();
    if (this.deadCount === 0) return;
    const keep = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    const lengths = new Uint16Array(this.liveCount * FIELDS);
    for (let doc = 0; doc < this.ids.length; doc += 1) {
      if (!this.alive[doc]) continue;
      const next = ids.length;
      keep[doc] = next;
      ids.push(this.ids[doc]!);
      lengths.set(this.lengths.subarray(doc * FIELDS, (doc + 1) * FIELDS), next * FIELDS);
    }
    this.pack(undefined, keep);
    this.ids = ids;
    this.lengths = lengths;
    this.alive = new Uint8Array(ids.length).fill(1);
    this.numbers.clear();
    ids.forEach((id, doc) => this.numbers.set(id, doc));
    this.deadCount = 0;
    this.lastDoc.fill(-1);
    this.dropEmptyTerms();
  }

  /** Terms without postings go; the others keep their order (and get new numbers). */
  private dropEmptyTerms(): void {
    const termCount = this.terms.length;
    let next = 0;
    for (let term = 0; term < termCount; term += 1) {
      if (this.count[term] === 0) continue;
      if (next !== term) {
        this.terms[next] = this.terms[term]!;
        this.han[next] = this.han[term]!;
        this.df.copyWithin(next * FIELDS, term * FIELDS, (term + 1) * FIELDS);
        this.start[next] = this.start[term]!;
        this.count[next] = this.count[term]!;
        this.room[next] = this.room[term]!;
      }
      next += 1;
    }
    if (next === termCount) return;
    this.terms.length = next;
    this.hanKeys.clear();
    this.termNumbers.clear();
    this.terms.forEach((text, term) => this.termNumbers.set(text, term));
    for (const array of [this.han, this.df, this.start, this.count, this.room])
      array.fill(0, next * (array === this.df ? FIELDS : 1));
    this.reannounceWords();
  }

  private reannounceWords(): void {
    this.words.clear();
    this.terms.forEach((text, term) => {
      if (!PURE_HAN.test(text)) this.words.add(text, term);
    });
  }

  /* ------------------------------------------------------------------- query */

  /** The posting list range of a term. */
  private range(term: number): [number, number] {
    const from = this.start[term]!;
    return [from, from + this.count[term]!];
  }

  /** Documents holding every term of `clause`, within `within` when given; live ones only. */
  private clauseDocs(clause: Clause, within: Int32Array | null): Int32Array {
    const order = clause.length === 1 ? clause : [...clause].sort((a, b) => this.count[a.term]! - this.count[b.term]!);
    let docs: Int32Array;
    let i = 0;
    if (within) docs = within;
    else {
      const [from, to] = this.range(order[0]!.term);
      docs = this.live(from, to);
      i = 1;
    }
    for (; i < order.length && docs.length > 0; i += 1) {
      const [from, to] = this.range(order[i]!.term);
      docs = intersect(docs, 0, docs.length, this.docs, from, to);
    }
    return docs;
  }

  /** A copy of the arena range without dead documents. */
  private live(from: number, to: number): Int32Array {
    if (this.deadCount === 0) return this.docs.subarray(from, to);
    const out = new Int32Array(to - from);
    let n = 0;
    for (let i = from; i < to; i += 1) {
      const doc = this.docs[i]!;
      if (this.alive[doc]) out[n++] = doc;
    }
    return out.slice(0, n);
  }

  private scratch(): void {
    const size = this.ids.length;
    if (this.slot.length < size) this.slot = new Int32Array(Math.max(size, this.slot.length * 2));
    if (this.mark.length < size) this.mark = new Uint8Array(Math.max(size, this.mark.length * 2));
  }

  /** Live documents matching any clause. */
  private materialize(clauses: Requirement): Int32Array {
    if (clauses.length === 1) return this.clauseDocs(clauses[0]!, null);
    const lists: Int32Array[] = [];
    let total = 0;
    for (const clause of clauses) {
      let docs: Int32Array;
      if (clause.length === 1) {
        const [from, to] = this.range(clause[0]!.term);
        docs = this.docs.subarray(from, to);
      } else docs = this.clauseDocs(clause, null);
      lists.push(docs);
      total += docs.length;
    }
    const size = this.ids.length;
    let union: Int32Array;
    if (total * 16 < size) union = unionSmall(lists);
    else {
      // Mark and sweep over the document numbers: linear, no sorting.
      const mark = this.mark;
      let low = size;
      let high = -1;
      for (const list of lists) {
        if (list.length === 0) continue;
        for (let i = 0; i < list.length; i += 1) mark[list[i]!] = 1;
        low = Math.min(low, list[0]!);
        high = Math.max(high, list[list.length - 1]!);
      }
      const out = new Int32Array(Math.min(total, size));
      let n = 0;
      for (let doc = low; doc <= high; doc += 1) {
        if (mark[doc]) {
          mark[doc] = 0;
          out[n++] = doc;
        }
      }
      union = out.subarray(0, n);
    }
    if (this.deadCount === 0) return union;
    return union.filter((doc) => this.alive[doc] === 1);
  }

  /** The candidates matching any clause. */
  private restrict(candidates: Int32Array, clauses: Requirement): Int32Array {
    if (clauses.length === 1) return this.clauseDocs(clauses[0]!, candidates);
    const mark = this.mark;
    let marked = 0;
    for (const clause of clauses) {
      const docs = this.clauseDocs(clause, candidates);
      for (let i = 0; i < docs.length; i += 1) {
        if (!mark[docs[i]!]) {
          mark[docs[i]!] = 1;
          marked += 1;
        }
      }
      if (marked === candidates.length) break;
    }
    const out = new Int32Array(marked);
    let n = 0;
    for (let i = 0; i < candidates.length; i += 1) {
      const doc = candidates[i]!;
      if (mark[doc]) {
        mark[doc] = 0;
        out[n++] = doc;
      }
    }
    return out;
  }

  /**
   * The `limit` best live documents matching every requirement and, when given, `accept`.
   */
  search(requirements: readonly Requirement[], limit: number, accept?: (doc: number) => boolean): Ranked {
    this.flush();
    if (requirements.length === 0 || limit <= 0 || this.liveCount === 0) return NONE;
    const resolved: { clauses: Clause[]; estimate: number }[] = [];
    for (const requirement of requirements) {
      const clauses = requirement.filter(
        (clause) =>
          clause.length > 0 && clause.every((ref) => ref.term >= 0 && ref.term < this.terms.length && this.count[ref.term]! > 0),
      );
      if (clauses.length === 0) return NONE;
      let estimate = 0;
      for (const clause of clauses) estimate += Math.min(...clause.map((ref) => this.count[ref.term]!));
      resolved.push({ clauses, estimate });
    }
    resolved.sort((a, b) => a.estimate - b.estimate);
    this.scratch();
    let candidates = this.materialize(resolved[0]!.clauses);
    for (let r = 1; r < resolved.length && candidates.length > 0; r += 1) {
      candidates = this.restrict(candidates, resolved[r]!.clauses);
    }
    if (candidates.length === 0) return NONE;
    const scores = this.score(
      candidates,
      resolved.map((requirement) => requirement.clauses),
    );
    const top = new TopK(Math.min(limit, candidates.length));
    // `accept` is asked only about candidates good enough to be kept: the same k best.
    top.offer(candidates, scores, accept);
    return top.sorted();
  }

  /**
   * BM25 of every candidate: the sum over every clause it matches of its terms' scores, times
   * the number of distinct query texts (sources) it matched, as MiniSearch ranks.
   */
  private score(candidates: Int32Array, requirements: readonly (readonly Clause[])[]): Float64Array {
    const scores = new Float64Array(candidates.length);
    const slot = this.slot;
    for (let i = 0; i < candidates.length; i += 1) slot[candidates[i]!] = i + 1;
    // One bit per distinct source per candidate.
    const sources = new Map<string, number>();
    for (const clauses of requirements) {
      for (const clause of clauses) for (const ref of clause) if (!sources.has(ref.source)) sources.set(ref.source, sources.size);
    }
    const words = (sources.size + 31) >> 5;
    const masks = new Int32Array(candidates.length * words);
    const n = this.liveCount;
    const average = Array.from(this.lengthSum, (sum) => (n > 0 ? sum / n : 0));
    const coefficient = new Float64Array(FIELDS);
    const norm = new Float64Array(FIELDS);
    for (let f = 0; f < FIELDS; f += 1) norm[f] = average[f]! > 0 ? (K1 * B) / average[f]! : 0;
    const { docs, tf, lengths } = this;
    const addTerm = (ref: TermRef, within: Int32Array | null) => {
      for (let f = 0; f < FIELDS; f += 1) {
        const df = this.df[ref.term * FIELDS + f]!;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        coefficient[f] = ref.weight * this.boosts[f]! * idf;
      }
      const source = sources.get(ref.source)!;
      const word = source >> 5;
      const bit = 1 << (source & 31);
      const c0 = coefficient[0]!;
      const c1 = coefficient[1]!;
      const c2 = coefficient[2]!;
      const n0 = norm[0]!;
      const n1 = norm[1]!;
      const n2 = norm[2]!;
      const base = K1 * (1 - B);
      const visit = (at: number, doc: number) => {
        const t = at * FIELDS;
        const l = doc * FIELDS;
        let s = 0;
        const t0 = tf[t]!;
        if (t0) s += c0 * (DELTA + (t0 * (K1 + 1)) / (t0 + base + n0 * lengths[l]!));
        const t1 = tf[t + 1]!;
        if (t1) s += c1 * (DELTA + (t1 * (K1 + 1)) / (t1 + base + n1 * lengths[l + 1]!));
        const t2 = tf[t + 2]!;
        if (t2) s += c2 * (DELTA + (t2 * (K1 + 1)) / (t2 + base + n2 * lengths[l + 2]!));
        const i = slot[doc]! - 1;
        scores[i] += s;
        masks[i * words + word] |= bit;
      };
      const [from, to] = this.range(ref.term);
      if (within) {
        // Documents known to hold the term: find each one's posting.
        let at = from;
        for (let i = 0; i < within.length; i += 1) {
          const doc = within[i]!;
          at = gallop(docs, at, to, doc);
          visit(at, doc);
          at += 1;
        }
        return;
      }
      const size = to - from;
      if (size <= candidates.length * 4) {
        // Walk the posting list, scoring the candidates in it.
        for (let at = from; at < to; at += 1) {
          const doc = docs[at]!;
          if (slot[doc]! > 0) visit(at, doc);
        }
      } else {
        // Gallop each candidate into the (much longer) posting list.
        let at = from;
        for (let i = 0; i < candidates.length; i += 1) {
          const doc = candidates[i]!;
          at = gallop(docs, at, to, doc);
          if (at === to) break;
          if (docs[at] === doc) visit(at, doc);
        }
      }
    };
    for (const clauses of requirements) {
      for (const clause of clauses) {
        if (clause.length === 1) addTerm(clause[0]!, null);
        else {
          const matched = this.clauseDocs(clause, candidates);
          for (const ref of clause) addTerm(ref, matched);
        }
      }
    }
    for (let i = 0; i < candidates.length; i += 1) {
      slot[candidates[i]!] = 0;
      let matched = 0;
      for (let w = 0; w < words; w += 1) matched += bitCount(masks[i * words + w]!);
      scores[i] *= Math.max(1, matched);
    }
    return scores;
  }

  /** Whether document `doc` holds every term of `clause`. */
  matches(doc: number, clause: Clause): boolean {
    return clause.every((ref) => {
      if (ref.term < 0 || ref.term >= this.terms.length) return false;
      const [from, to] = this.range(ref.term);
      return contains(this.docs, from, to, doc);
    });
  }

  /* ----------------------------------------------------------- serialization */

  toJSON(): SerializedCore {
    this.compact();
    const termCount = this.terms.length;
    const offsets = new Int32Array(termCount + 1);
    for (let term = 0; term < termCount; term += 1) offsets[term + 1] = offsets[term]! + this.count[term]!;
    const total = offsets[termCount]!;
    const docs = new Int32Array(total);
    const tf = new Uint8Array(total * FIELDS);
    for (let term = 0; term < termCount; term += 1) {
      const [from, to] = this.range(term);
      docs.set(this.docs.subarray(from, to), offsets[term]!);
      tf.set(this.tf.subarray(from * FIELDS, to * FIELDS), offsets[term]! * FIELDS);
    }
    return {
      ids: [...this.ids],
      lengths: this.lengths.slice(0, this.ids.length * FIELDS),
      terms: [...this.terms],
      han: this.han.slice(0, termCount),
      offsets,
      docs,
      tf,
    };
  }

  /** Rebuilds an index from `toJSON()` output; throws on malformed data. */
  static restore(data: SerializedCore, boosts: readonly number[]): InvertedIndex {
    const { ids, lengths, terms, han, offsets, docs, tf } = data;
    const termCount = terms.length;
    if (
      !Array.isArray(ids) ||
      !Array.isArray(terms) ||
      !(lengths instanceof Uint16Array) ||
      !(han instanceof Int32Array) ||
      !(offsets instanceof Int32Array) ||
      !(docs instanceof Int32Array) ||
      !(tf instanceof Uint8Array) ||
      lengths.length !== ids.length * FIELDS ||
      han.length !== termCount ||
      offsets.length !== termCount + 1 ||
      offsets[termCount] !== docs.length ||
      tf.length !== docs.length * FIELDS
    ) {
      throw new TypeError('Malformed search index');
    }
    const index = new InvertedIndex(boosts);
    index.ids = [...ids];
    ids.forEach((id, doc) => index.numbers.set(id, doc));
    if (index.numbers.size !== ids.length) throw new TypeError('Malformed search index: duplicate ids');
    index.liveCount = ids.length;
    index.alive = new Uint8Array(ids.length).fill(1);
    index.lengths = lengths.slice();
    for (let doc = 0; doc < ids.length; doc += 1) {
      for (let f = 0; f < FIELDS; f += 1) index.lengthSum[f] += lengths[doc * FIELDS + f]!;
    }
    index.terms = [...terms];
    index.han = han.slice();
    index.df = new Int32Array(termCount * FIELDS);
    index.start = offsets.slice(0, termCount);
    index.count = new Int32Array(termCount);
    index.room = new Int32Array(termCount);
    index.lastDoc = new Int32Array(termCount).fill(-1);
    index.lastAt = new Int32Array(termCount);
    index.docs = docs.slice();
    index.tf = tf.slice();
    index.used = docs.length;
    for (let term = 0; term < termCount; term += 1) {
      const from = offsets[term]!;
      const to = offsets[term + 1]!;
      if (to < from) throw new TypeError('Malformed search index: offsets');
      index.count[term] = to - from;
      index.room[term] = to - from;
      for (let at = from; at < to; at += 1) {
        const doc = docs[at]!;
        if (doc < 0 || doc >= ids.length || (at > from && doc <= docs[at - 1]!))
          throw new TypeError('Malformed search index: postings');
        for (let f = 0; f < FIELDS; f += 1) if (tf[at * FIELDS + f]) index.df[term * FIELDS + f] += 1;
      }
      index.termNumbers.set(terms[term]!, term);
    }
    index.reannounceWords();
    return index;
  }
}

function bitCount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Room for `count` postings: a little slack so a few added documents do not move the list. */
function slack(count: number): number {
  return count === 0 ? 0 : count + (count >> 3) + 2;
}
