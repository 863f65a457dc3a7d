import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { Product } from '../core/types.js';
import { matchRanges } from './highlight.js';
import { fold, hasSimplifier, runs, setSimplifier } from './normalize.js';
import { PinyinMatcher, type PinyinTables } from './pinyin-matcher.js';
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
 * The product search index: MiniSearch (BM25, a radix tree for prefix and fuzzy matching)
 * with our own tokenizer and query planner on top, because out of the box no peer finds
 * Chinese substrings:
 * - Chinese runs are indexed as characters and character bigrams; a Chinese query is cut
 *   into non-overlapping bigrams that exist in the vocabulary (纯棉短袖 -> 纯棉 + 短袖), so any
 *   substring of a title matches, and so do word pairs that are apart in it (纯棉T恤).
 * - Latin words match by prefix, with Levenshtein fuzziness plus every adjacent
 *   transposition of the query word (earbdus -> earbuds), as Damerau distance 1.
 * - Pinyin (duanxiu, dx) and traditional Chinese (長袖) need tables that load lazily.
 */

const SERIAL_VERSION = 1;
const DEFAULT_LIMIT = 20;
const MAX_TOKENS = 12;
/** Boosts: title over description over tags. */
const BOOST: Record<SearchField, number> = { title: 3, description: 1.4, tags: 1 };
const FIELDS: SearchField[] = ['title', 'description', 'tags'];
/** Hits whose title holds a whole Chinese query run, unbroken, rank this much higher. */
const CONTIGUOUS_BONUS = 1.5;

interface Doc {
  id: string;
  title: string;
  description: string;
  tags: string;
}

function textOf(product: Product): Doc {
  const translations = Object.values(product.translations ?? {});
  return {
    id: product.id,
    title: [product.title ?? '', ...translations.map((t) => t.title ?? '')].join('\n'),
    description: [product.description ?? '', ...translations.map((t) => t.description ?? '')].join('\n'),
    tags: (product.tags ?? []).join(' '),
  };
}

const WORD_COMPOUND = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)+/gu;
const LATIN = /^[a-z]+$/;

/**
 * The index terms of a folded text: Chinese characters and bigrams, words, joined compounds.
 * Long descriptions get bigrams only (single characters there would double the index for
 * little use); a lone character still counts.
 */
function indexTerms(folded: string, unigrams: boolean, onHan: (term: string) => void): string[] {
  const terms: string[] = [];
  for (const run of runs(folded)) {
    if (run.kind === 'word') {
      terms.push(run.text);
      continue;
    }
    const chars = [...run.text];
    for (let i = 0; i < chars.length; i += 1) {
      if (unigrams || chars.length === 1) {
        terms.push(chars[i]!);
        onHan(chars[i]!);
      }
      if (i + 1 < chars.length) {
        const bigram = chars[i]! + chars[i + 1]!;
        terms.push(bigram);
        onHan(bigram);
      }
    }
  }
  // "t-shirt" is also found as "tshirt".
  for (const match of folded.matchAll(WORD_COMPOUND)) terms.push(match[0].replace(/[-'’.]/g, ''));
  return terms;
}

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

class ProductSearchIndex implements SearchIndex {
  private readonly products = new Map<string, Product>();
  /** How many indexed fields hold each Chinese term: what a query may require. */
  private readonly han = new Map<string, number>();
  /** Ids tokenized before the traditional-Chinese table was loaded. */
  private readonly unsimplified = new Set<string>();
  private readonly engine: MiniSearch<Doc>;
  private readonly pinyin = new PinyinMatcher(this.han);
  /** +1 while adding, -1 while removing: the tokenizer keeps `han` counts in step. */
  private delta: 1 | -1 = 1;
  /** Fold with the simplifier while tokenizing (false for documents added before it loaded). */
  private simplifyNow = true;
  private cachedSignature: string | null = null;

  constructor(
    products: readonly Product[],
    private readonly mode: ChineseTablesMode = 'lazy',
    restored?: { engine: unknown; han: [string, number][]; unsimplified: string[] },
  ) {
    const options = {
      fields: FIELDS,
      idField: 'id',
      tokenize: (text: string, field?: string) => this.tokenize(text, field !== 'description'),
      processTerm: (term: string) => term,
      searchOptions: { tokenize: (text: string) => [text], processTerm: (term: string) => term },
    };
    if (restored) {
      this.engine = MiniSearch.loadJS(restored.engine as Parameters<typeof MiniSearch.loadJS>[0], options);
      for (const [term, count] of restored.han) this.han.set(term, count);
      for (const id of restored.unsimplified) this.unsimplified.add(id);
      for (const product of products) this.products.set(product.id, product);
    } else {
      this.engine = new MiniSearch<Doc>(options);
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

  private tokenize(text: string, unigrams: boolean): string[] {
    const folded = this.simplifyNow ? fold(text) : fold(text, false);
    return indexTerms(folded, unigrams, (term) => {
      const count = (this.han.get(term) ?? 0) + this.delta;
      if (count > 0) this.han.set(term, count);
      else this.han.delete(term);
    });
  }

  add(input: Product | readonly Product[]): void {
    const list = Array.isArray(input) ? (input as readonly Product[]) : [input as Product];
    const fresh: Doc[] = [];
    for (const product of list) {
      if (!product || typeof product.id !== 'string') continue;
      if (this.products.has(product.id)) this.remove(product.id);
      this.products.set(product.id, product);
      if (!hasSimplifier()) this.unsimplified.add(product.id);
      fresh.push(textOf(product));
    }
    this.delta = 1;
    this.simplifyNow = true;
    this.engine.addAll(fresh);
    this.changed();
  }

  remove(input: string | readonly string[]): void {
    const ids = typeof input === 'string' ? [input] : input;
    for (const id of ids) {
      const product = this.products.get(id);
      if (!product) continue;
      this.delta = -1;
      this.simplifyNow = !this.unsimplified.has(id);
      try {
        this.engine.remove(textOf(product));
      } finally {
        this.delta = 1;
        this.simplifyNow = true;
      }
      this.products.delete(id);
      this.unsimplified.delete(id);
    }
    this.changed();
  }

  private changed(): void {
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
      const text = `${doc.title}\n${doc.description}\n${doc.tags}`;
      if (fold(text) !== fold(text, false)) stale.push(product);
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
    const filter = options.filter;
    const searchOptions = {
      boost: BOOST,
      combineWith: 'AND' as const,
      ...(filter ? { filter: (result: SearchResult) => filter(this.products.get(result.id as string)!) } : {}),
    };
    // Chinese runs are cut into bigrams at offset 0, then 1; then, if neither finds anything,
    // into single characters (words of a query far apart in the title).
    const run = (pinyin: boolean): SearchResult[] => {
      for (const cut of [0, 1, -1] as const) {
        if (cut === 1 && !hanRuns.some((han) => [...han].length > 2)) continue;
        if (cut === -1 && !hanRuns.some((han) => [...han].length > 1)) continue;
        const tree = this.plan(parts, cut, pinyin);
        if (!tree) return [];
        const results = this.engine.search(tree, searchOptions);
        if (results.length > 0) return results;
      }
      return [];
    };
    const direct = this.rank(run(false), hanRuns, limit);
    // Pinyin readings only fill up what the words themselves did not find: "air" is the
    // English word first, and the cost of expanding pinyin is paid only when it is needed.
    const typedPinyin = parts.some((part) => part.kind === 'word' && LATIN.test(part.text));
    if (direct.length >= limit || !loadedTables || !typedPinyin) return direct;
    const seen = new Set(direct.map((hit) => hit.id));
    const viaPinyin = this.rank(
      run(true).filter((result) => !seen.has(result.id as string)),
      hanRuns,
      limit - direct.length,
    );
    return [...direct, ...viaPinyin];
  }

  private rank(results: SearchResult[], hanRuns: string[], limit: number): SearchHit[] {
    // Titles holding a long Chinese query unbroken go first: look well past the limit for them.
    const phrases = hanRuns.filter((run) => run.length > 2);
    const window = results.slice(0, phrases.length > 0 ? Math.max(limit * 3, 400) : limit);
    const hits = window.map((result) => {
      const product = this.products.get(result.id as string)!;
      let score = result.score;
      if (phrases.length > 0) {
        const title = this.foldedTitle(product);
        if (phrases.every((run) => title.includes(run))) score *= CONTIGUOUS_BONUS;
      }
      return { result, product, score };
    });
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, limit).map(({ result, product, score }) => {
      const terms = result.terms;
      const doc = { title: product.title ?? '', description: product.description ?? '', tags: (product.tags ?? []).join(' ') };
      const matches: SearchHit['matches'] = {};
      for (const field of FIELDS) {
        const ranges = matchRanges(doc[field], terms);
        if (ranges.length > 0) matches[field] = ranges;
      }
      return { id: product.id, sku: product.sku, score, terms, matches };
    });
  }

  /** The MiniSearch query for the folded query runs, or null when a part cannot match. */
  private plan(parts: ReturnType<typeof runs>, cut: 0 | 1 | -1, pinyin: boolean): Query | null {
    const queries: Query[] = [];
    const lastWord = parts.findLast((part) => part.kind === 'word');
    for (const part of parts) {
      if (part.kind === 'han') {
        const terms = this.coverHan(part.text, cut);
        if (terms.length === 0) return null;
        queries.push({ queries: terms, combineWith: 'AND', prefix: false, fuzzy: false });
        continue;
      }
      const word = part.text;
      // The word being typed matches by prefix; a single letter only as itself (its prefix
      // matches half the catalog and helps nobody).
      const prefix = part === lastWord && word.length >= 2;
      const alternatives: Query[] = [{ queries: [word], prefix, fuzzy: fuzziness(word) }];
      if (fuzziness(word) > 0) {
        const swapped = transpositions(word);
        if (swapped.length > 0) alternatives.push({ queries: swapped, prefix: word.length >= 5, fuzzy: false });
      }
      if (pinyin && loadedTables && LATIN.test(word)) {
        const phrases = this.pinyin.expand(word, loadedTables);
        if (phrases.length > 0) {
          alternatives.push({
            queries: phrases.map((phrase) => ({ queries: phraseTerms(phrase), combineWith: 'AND' as const })),
            combineWith: 'OR',
            prefix: false,
            fuzzy: false,
          });
        }
      }
      queries.push(alternatives.length === 1 ? alternatives[0]! : { queries: alternatives, combineWith: 'OR' });
    }
    return { queries, combineWith: 'AND' };
  }

  /**
   * The terms a Chinese query run requires: non-overlapping bigrams starting at `cut` where
   * the vocabulary has them, single characters elsewhere (`cut` -1: characters only).
   */
  private coverHan(run: string, cut: 0 | 1 | -1): string[] {
    const chars = [...run];
    if (chars.length === 1 || cut === -1) {
      const unique = [...new Set(chars)];
      return unique.every((char) => this.han.has(char)) ? unique : [];
    }
    const terms: string[] = [];
    let i = 0;
    if (cut === 1) terms.push(chars[i++]!);
    while (i < chars.length) {
      const bigram = i + 1 < chars.length ? chars[i]! + chars[i + 1]! : null;
      if (bigram && this.han.has(bigram)) {
        terms.push(bigram);
        i += 2;
      } else {
        terms.push(chars[i]!);
        i += 1;
      }
    }
    const unique = [...new Set(terms)];
    return unique.every((term) => this.han.has(term)) ? unique : [];
  }

  toJSON(): SerializedSearchIndex {
    return {
      version: SERIAL_VERSION,
      signature: this.signature,
      index: {
        engine: this.engine.toJSON(),
        han: [...this.han],
        unsimplified: [...this.unsimplified],
      },
      products: [...this.products.values()],
    };
  }

  static restore(serialized: SerializedSearchIndex, mode: ChineseTablesMode): ProductSearchIndex | null {
    if (serialized?.version !== SERIAL_VERSION || !Array.isArray(serialized.products)) return null;
    const index = serialized.index as { engine: unknown; han: [string, number][]; unsimplified: string[] } | undefined;
    if (!index || !Array.isArray(index.han) || !Array.isArray(index.unsimplified)) return null;
    return new ProductSearchIndex(serialized.products, mode, index);
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
