import type { Product } from '../core/types.js';

/** A matched stretch of a text: `[start, end)` in UTF-16 code units of the text as displayed. */
export type MatchRange = readonly [start: number, end: number];

/** The indexed fields, weighted in this order: title over description over tags. */
export type SearchField = 'title' | 'description' | 'tags';

export interface SearchHit {
  /** The product's `id`. */
  id: string;
  sku: string;
  /** Higher is better; hits come best first. */
  score: number;
  /**
   * The query's terms as they matched (normalized: lower-case, simplified Chinese). Pass them
   * to `matchRanges(text, terms)` to highlight any text shown for the product, such as its
   * English title.
   */
  terms: string[];
  /** Where the terms matched the product's primary (zh-CN) text, for highlighting. */
  matches: Partial<Record<SearchField, MatchRange[]>>;
}

export interface SearchOptions {
  /** At most this many hits (default 20). */
  limit?: number;
  /** Only products passing this test (series, category...), applied before `limit`. */
  filter?: (product: Product) => boolean;
}

/** Serialized index, for keeping it in IndexedDB between visits. */
export interface SerializedSearchIndex {
  version: number;
  /** Changes whenever the indexed products change. */
  signature: string;
  index: unknown;
  products: Product[];
}

export interface SearchIndex {
  /** Products indexed. */
  readonly size: number;
  /**
   * Hits for `query`, best first. Chinese by substring, Latin by prefix with typo tolerance,
   * case- and width-insensitive. Pinyin and traditional Chinese are matched once the Chinese
   * tables are loaded (`searchAsync` loads them when a query needs them).
   */
  search(query: string, options?: SearchOptions): SearchHit[];
  /** Like `search`, first loading the lazy pinyin / traditional-Chinese tables if the query needs them. */
  searchAsync(query: string, options?: SearchOptions): Promise<SearchHit[]>;
  /** Loads the pinyin and traditional-Chinese tables now (a lazy chunk), so `search` handles both. */
  loadChineseTables(): Promise<void>;
  /** The indexed product with this id. */
  get(id: string): Product | undefined;
  /** Adds or replaces products (by id). */
  add(products: Product | readonly Product[]): void;
  /** Removes products by id; unknown ids are ignored. */
  remove(ids: string | readonly string[]): void;
  /** A stable fingerprint of the indexed products (ids, text, prices). */
  readonly signature: string;
  toJSON(): SerializedSearchIndex;
}

export interface SearchIndexOptions {
  /**
   * When to load the pinyin / traditional-Chinese tables: `lazy` (default) the first time a
   * query needs them, `eager` at once, `never`.
   */
  chineseTables?: 'lazy' | 'eager' | 'never';
}

/** Longer queries are cut to this many characters: nobody types more, and it bounds the work. */
export const MAX_QUERY_LENGTH = 120;
