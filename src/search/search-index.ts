import type { Product } from '../core/types.js';
import { matchRanges } from './highlight.js';
import { InvertedIndex, type Clause, type Ranked, type Requirement, type SerializedCore } from './inverted-index.js';
import { fold, hasSimplifier, runs, setSimplifier, simplifies, type TextRun } from './normalize.js';
import { PinyinMatcher, type PinyinTables } from './pinyin-matcher.js';
import { indexTerms, type TermSink } from './tokenize.js';
import {
  MAX_QUERY_LENGTH,
  type SearchField,
  type SearchHit,
  type SearchIndex,
  type SearchIndexOptions,
  type SearchOptions,
  type SerializedSearchIndex,
} from './search-types.js';
import { productSignature } from './signature.js';

/*
 * The product search index: our own compact inverted index (inverted-index.ts: postings as
 * sorted integer arrays, BM25 scored only for the documents every requirement admits) with our
 * tokenizer and query planner on top, because out of the box no peer finds Chinese substrings:
 * - Chinese runs are indexed as characters and character bigrams; a Chinese query is cut
 *   into non-overlapping bigrams that exist in the vocabulary (纯棉短袖 -> 纯棉 + 短袖), so any
 *   substring of a title matches, and so do word pairs that are apart in it (纯棉T恤).
 * - Latin words match by prefix, with Levenshtein fuzziness plus every adjacent
 *   transposition of the query word (earbdus -> earbuds), as Damerau distance 1.
 * - Pinyin (duanxiu, dx) and traditional Chinese (長袖) need tables that load lazily.
 */

/** Version 2: our own index (version 1 was MiniSearch's). */
const SERIAL_VERSION = 2;
const DEFAULT_LIMIT = 20;
const MAX_TOKENS = 12;
const FIELDS: SearchField[] = ['title', 'description', 'tags'];
/** Boosts: title over description over tags (in FIELDS order). */
const BOOSTS = [3, 1.4, 1];
/** Hits whose title holds a whole Chinese query run, unbroken, rank this much higher. */
const CONTIGUOUS_BONUS = 1.5;
/** How a match by prefix or by typo weighs against the typed word itself (MiniSearch's weights). */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** Compact the index once this share of its documents are dead. */
const DEAD_SHARE = 0.25;

interface Doc {
  title: string;
  description: string;
  tags: string;
}

function textOf(product: Product): Doc {
  const translations = Object.values(product.translations ?? {});
  return {
    title: [product.title ?? '', ...translations.map((t) => t.title ?? '')].join('\n'),
    description: [product.description ?? '', ...translations.map((t) => t.description ?? '')].join('\n'),
    tags: (product.tags ?? []).join(' '),
  };
}

const LATIN = /^[a-z]+$/;

/** The bigrams that pin a phrase down: every other one, and the last when the length is odd. */
function phraseTerms(phrase: string): string[] {
  const chars = [...phrase];
  if (chars.length < 2) return chars;
  const terms: string[] = [];
  for (let i = 0; i + 1 < chars.length; i += 2) terms.push(chars[i]! + chars[i + 1]!);
  if (chars.length % 2 === 1) terms.push(chars.at(-2)! + chars.at(-1)!);
  return terms;
}

/** Adjacent transpositions of a word: the Damerau half of "one typo". */
function transpositions(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i + 1 < word.length; i += 1) {
    if (word[i] === word[i + 1]) continue;
    out.add(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
  }
  return [...out];
}

/** Levenshtein distance allowed for a query word: none for short words, where it only adds noise. */
function fuzziness(word: string): number {
  if (!/\p{L}/u.test(word) || word.length < 4) return 0;
  return word.length >= 8 ? 2 : 1;
}

type ChineseTablesMode = NonNullable<SearchIndexOptions['chineseTables']>;

let tablesPromise: Promise<PinyinTables> | null = null;
let loadedTables: PinyinTables | null = null;

/** Loads the pinyin and traditional-Chinese chunks once per page. */
function loadTables(): Promise<PinyinTables> {
  tablesPromise ??= Promise.all([import('./zh/pinyin.js'), import('./zh/traditional.js')]).then(
    ([pinyin, traditional]) => {
      setSimplifier(traditional.simplifyChar);
      loadedTables = { pinyinOf: pinyin.pinyinOf, splitPinyin: pinyin.splitPinyin, syllables: pinyin.PINYIN_SYLLABLES };
      return loadedTables;
    },
    (error: unknown) => {
      tablesPromise = null;
      throw error;
    },
  );
  return tablesPromise;
}

interface RestoredState {
  core: SerializedCore;
  unsimplified: string[];
}

class ProductSearchIndex implements SearchIndex {
  private readonly products = new Map<string, Product>();
  /** Ids tokenized before the traditional-Chinese table was loaded. */
  private readonly unsimplified = new Set<string>();
  private readonly core: InvertedIndex;
  private readonly pinyin = new PinyinMatcher(() => this.core.hanTerms());
  private cachedSignature: string | null = null;

  constructor(
    products: readonly Product[],
    private readonly mode: ChineseTablesMode = 'lazy',
    restored?: RestoredState,
  ) {
    if (restored) {
      this.core = InvertedIndex.restore(restored.core, BOOSTS);
      for (const id of restored.unsimplified) this.unsimplified.add(id);
      for (const product of products) this.products.set(product.id, product);
      if (this.products.size !== this.core.size || [...this.products.keys()].some((id) => !this.core.has(id))) {
        throw new TypeError('Malformed search index: products and index differ');
      }
    } else {
      this.core = new InvertedIndex(BOOSTS);
      this.add(products);
    }
    if (mode === 'eager') void this.loadChineseTables();
  }

  get size(): number {
    return this.products.size;
  }

  get signature(): string {
    return (this.cachedSignature ??= productSignature(this.products.values()));
  }

  private readonly titles = new Map<string, string>();

  /** The folded title of a product, kept for the contiguity check. */
  private foldedTitle(product: Product): string {
    let title = this.titles.get(product.id);
    if (title === undefined) {
      title = fold(textOf(product).title);
      this.titles.set(product.id, title);
    }
    return title;
  }

  get(id: string): Product | undefined {
    return this.products.get(id);
  }

  /** Feeds every term occurrence of a product to `sink`, folded as it was (or will be) indexed. */
  private feed(product: Product, simplify: boolean, sink: TermSink): void {
    const doc = textOf(product);
    indexTerms(fold(doc.title, simplify), true, 0, sink);
    indexTerms(fold(doc.description, simplify), false, 1, sink);
    indexTerms(fold(doc.tags, simplify), true, 2, sink);
  }

  add(input: Product | readonly Product[]): void {
    const list = Array.isArray(input) ? (input as readonly Product[]) : [input as Product];
    for (const product of list) {
      if (!product || typeof product.id !== 'string') continue;
      if (this.products.has(product.id)) this.removeOne(product.id);
      this.products.set(product.id, product);
      if (!hasSimplifier()) this.unsimplified.add(product.id);
      this.core.begin(product.id);
      this.feed(product, true, this.core.adder);
      this.core.end();
    }
    this.core.flush();
    this.changed();
  }

  private removeOne(id: string): void {
    const product = this.products.get(id);
    if (!product) return;
    const simplify = !this.unsimplified.has(id);
    this.core.remove(id, (sink) => this.feed(product, simplify, sink));
    this.products.delete(id);
    this.unsimplified.delete(id);
  }

  remove(input: string | readonly string[]): void {
    const ids = typeof input === 'string' ? [input] : input;
    for (const id of ids) this.removeOne(id);
    this.changed();
  }

  private changed(): void {
    if (this.core.dead > 0 && this.core.dead >= DEAD_SHARE * (this.core.size + this.core.dead)) this.core.compact();
    this.cachedSignature = null;
    this.titles.clear();
    this.pinyin.invalidate();
  }

  async loadChineseTables(): Promise<void> {
    await loadTables();
    this.refoldTraditional();
  }

  /** Re-indexes products added before the traditional table loaded whose text it changes. */
  private refoldTraditional(): void {
    if (!hasSimplifier() || this.unsimplified.size === 0) return;
    const stale: Product[] = [];
    for (const id of this.unsimplified) {
      const product = this.products.get(id)!;
      const doc = textOf(product);
      if (simplifies(doc.title) || simplifies(doc.description) || simplifies(doc.tags)) stale.push(product);
    }
    if (stale.length > 0) this.add(stale);
    this.unsimplified.clear();
  }

  /** Whether answering `query` fully needs the lazy tables that are not loaded yet. */
  private needsTables(query: string): boolean {
    if (this.mode === 'never' || loadedTables) return false;
    const folded = fold(query.slice(0, MAX_QUERY_LENGTH));
    return runs(folded).some((run) => run.kind === 'han' || LATIN.test(run.text));
  }

  async searchAsync(query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
    if (this.needsTables(String(query ?? ''))) {
      try {
        await this.loadChineseTables();
      } catch (error) {
        // Offline and the chunk not cached: search without pinyin rather than fail.
        console.warn('[storefront-elements] Could not load the Chinese search tables:', error);
      }
    }
    return this.search(query, options);
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    const text = typeof query === 'string' ? query.slice(0, MAX_QUERY_LENGTH) : '';
    if (this.needsTables(text)) void this.loadChineseTables().catch(() => {});
    else if (loadedTables) this.refoldTraditional();
    const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_LIMIT));
    const folded = fold(text);
    const parts = runs(folded).slice(0, MAX_TOKENS);
    if (parts.length === 0 || limit === 0) return [];
    const hanRuns = parts.filter((part) => part.kind === 'han').map((part) => part.text);
    // Titles holding a long Chinese query unbroken go first: look well past the limit for them.
    const phrases = hanRuns.filter((run) => run.length > 2);
    const window = phrases.length > 0 ? Math.max(limit * 3, 400) : limit;
    const filter = options.filter;
    // Chinese runs are cut into bigrams at offset 0, then 1; then, if neither finds anything,
    // into single characters (words of a query far apart in the title).
    const run = (loose: boolean, size: number, exclude?: ReadonlySet<string>) => {
      const accept =
        filter || exclude?.size
          ? (doc: number) => {
              const id = this.core.idOf(doc);
              return !exclude?.has(id) && (!filter || filter(this.products.get(id)!));
            }
          : undefined;
      for (const cut of [0, 1, -1] as const) {
        if (cut === 1 && !hanRuns.some((han) => [...han].length > 2)) continue;
        if (cut === -1 && !hanRuns.some((han) => [...han].length > 1)) continue;
        const plan = this.plan(parts, cut, loose);
        if (!plan) return null;
        const ranked = this.core.search(plan, size, accept);
        if (ranked.docs.length > 0) return { plan, ranked };
      }
      return null;
    };
    // First what the shopper typed, as typed: words themselves, words they begin, swapped
    // letters. Only when that leaves room come the looser readings, ranked together: words a
    // typo away and pinyin ("sugan" is 速干 before it is the brand Suran). So "base" finds
    // Baseball before Case, and "air" is the English word before any pinyin reading of it.
    const direct = this.rank(run(false, window), phrases, limit);
    if (direct.length >= limit || !parts.some((part) => part.kind === 'word')) return direct;
    const rest = limit - direct.length;
    const loose = this.rank(
      run(true, phrases.length > 0 ? Math.max(rest * 3, 400) : rest, new Set(direct.map((hit) => hit.id))),
      phrases,
      rest,
    );
    return [...direct, ...loose];
  }

  private rank(found: { plan: Requirement[]; ranked: Ranked } | null, phrases: string[], limit: number): SearchHit[] {
    if (!found) return [];
    const { plan, ranked } = found;
    const hits = Array.from(ranked.docs, (doc, i) => {
      const product = this.products.get(this.core.idOf(doc))!;
      let score = ranked.scores[i]!;
      if (phrases.length > 0) {
        const title = this.foldedTitle(product);
        if (phrases.every((run) => title.includes(run))) score *= CONTIGUOUS_BONUS;
      }
      return { doc, product, score };
    });
    if (phrases.length > 0) hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return hits.slice(0, limit).map(({ doc, product, score }) => {
      const terms = this.matchedTerms(doc, plan);
      const text = { title: product.title ?? '', description: product.description ?? '', tags: (product.tags ?? []).join(' ') };
      const matches: SearchHit['matches'] = {};
      for (const field of FIELDS) {
        const ranges = matchRanges(text[field], terms);
        if (ranges.length > 0) matches[field] = ranges;
      }
      return { id: product.id, sku: product.sku, score, terms, matches };
    });
  }

  /** The index terms of the clauses this document matched (earbuds for earb), for highlighting. */
  private matchedTerms(doc: number, plan: Requirement[]): string[] {
    const terms: string[] = [];
    for (const requirement of plan) {
      for (const clause of requirement) {
        if (!this.core.matches(doc, clause)) continue;
        for (const ref of clause) {
          const term = this.core.termText(ref.term);
          if (!terms.includes(term)) terms.push(term);
        }
      }
    }
    return terms;
  }

  /** Whether a term has live documents. */
  private live(term: number): boolean {
    return this.core.fieldCount(term) > 0;
  }

  /** The requirements for the folded query runs (all must hold), or null when a part cannot match. */
  private plan(parts: TextRun[], cut: 0 | 1 | -1, loose: boolean): Requirement[] | null {
    const requirements: Requirement[] = [];
    const lastWord = parts.findLast((part) => part.kind === 'word');
    for (const part of parts) {
      if (part.kind === 'han') {
        const terms = this.coverHan(part.text, cut);
        if (terms.length === 0) return null;
        for (const term of terms) requirements.push([[{ term: this.core.termOf(term), weight: 1, source: term }]]);
        continue;
      }
      // The word being typed matches by prefix; a single letter only as itself (its prefix
      // matches half the catalog and helps nobody).
      const prefix = part === lastWord && part.text.length >= 2;
      const clauses = this.wordClauses(part.text, prefix, loose);
      if (clauses.length === 0) return null;
      requirements.push(clauses);
    }
    return requirements;
  }

  /**
   * What a typed word may match, any of: itself, words it begins (the word being typed), words
   * one or two typos away, its adjacent transpositions; with `pinyin`, the Chinese phrases it
   * reads as. Weights as MiniSearch's: a prefix or typo match counts less the further it is.
   */
  private wordClauses(word: string, prefix: boolean, loose: boolean): Clause[] {
    const clauses: Clause[] = [];
    const words = this.core.words;
    const exact = (text: string) => {
      const term = this.core.termOf(text);
      if (this.live(term)) clauses.push([{ term, weight: 1, source: text }]);
    };
    const byPrefix = (text: string, seen?: Set<number>) =>
      words.prefix(text, (term, found, distance) => {
        if (distance === 0 || !this.live(term)) return;
        seen?.add(term);
        clauses.push([{ term, weight: (PREFIX_WEIGHT * found.length) / (found.length + 0.3 * distance), source: text }]);
      });
    exact(word);
    const typos = fuzziness(word);
    const prefixed = new Set<number>();
    if (prefix) byPrefix(word, prefixed);
    if (typos > 0) {
      if (loose) {
        words.fuzzy(word, typos, (term, found, distance) => {
          if (distance === 0 || prefixed.has(term) || !this.live(term)) return;
          clauses.push([{ term, weight: (FUZZY_WEIGHT * found.length) / (found.length + distance), source: word }]);
        });
      }
      for (const swapped of transpositions(word)) {
        exact(swapped);
        if (word.length >= 5) byPrefix(swapped);
      }
    }
    if (loose && loadedTables && LATIN.test(word)) {
      for (const phrase of this.pinyin.expand(word, loadedTables)) {
        const clause = phraseTerms(phrase).map((term) => ({ term: this.core.termOf(term), weight: 1, source: term }));
        if (clause.every((ref) => this.live(ref.term))) clauses.push(clause);
      }
    }
    return clauses;
  }

  /**
   * The terms a Chinese query run requires: non-overlapping bigrams starting at `cut` where
   * the vocabulary has them, single characters elsewhere (`cut` -1: characters only).
   */
  private coverHan(run: string, cut: 0 | 1 | -1): string[] {
    const has = (term: string) => this.core.hanCount(term) > 0;
    const chars = [...run];
    if (chars.length === 1 || cut === -1) {
      const unique = [...new Set(chars)];
      return unique.every(has) ? unique : [];
    }
    const terms: string[] = [];
    let i = 0;
    if (cut === 1) terms.push(chars[i++]!);
    while (i < chars.length) {
      const bigram = i + 1 < chars.length ? chars[i]! + chars[i + 1]! : null;
      if (bigram && has(bigram)) {
        terms.push(bigram);
        i += 2;
      } else {
        terms.push(chars[i]!);
        i += 1;
      }
    }
    const unique = [...new Set(terms)];
    return unique.every(has) ? unique : [];
  }

  toJSON(): SerializedSearchIndex {
    const state: RestoredState = { core: this.core.toJSON(), unsimplified: [...this.unsimplified] };
    return {
      version: SERIAL_VERSION,
      signature: this.signature,
      index: state,
      products: [...this.products.values()],
    };
  }

  static restore(serialized: SerializedSearchIndex, mode: ChineseTablesMode): ProductSearchIndex | null {
    if (serialized?.version !== SERIAL_VERSION || !Array.isArray(serialized.products)) return null;
    const state = serialized.index as RestoredState | undefined;
    if (!state || typeof state.core !== 'object' || !Array.isArray(state.unsimplified)) return null;
    return new ProductSearchIndex(serialized.products, mode, state);
  }
}

/**
 * Builds a search index over `products`. `search(query, { limit })` returns hits best first,
 * each with the product's `id`, a `score`, the matched `terms` and match ranges.
 */
export function createSearchIndex(products: readonly Product[], options: SearchIndexOptions = {}): SearchIndex {
  return new ProductSearchIndex(Array.isArray(products) ? products : [], options.chineseTables ?? 'lazy');
}

/**
 * Rebuilds an index from `toJSON()` output (kept in IndexedDB between visits) without
 * re-tokenizing; null when the data is from another version or malformed.
 */
export function restoreSearchIndex(serialized: SerializedSearchIndex, options: SearchIndexOptions = {}): SearchIndex | null {
  try {
    return ProductSearchIndex.restore(serialized, options.chineseTables ?? 'lazy');
  } catch {
    return null;
  }
}
