import type { CallOptions } from '../adapter/adapter.js';
import { throwIfAborted, toStorefrontError } from '../core/errors.js';
import type { Product, SortOrder } from '../core/types.js';
import type { CatalogStore } from '../catalog/catalog-store.js';
import { effectivePrice, MAX_PAGE_SIZE, normalizeCatalogQuery } from '../catalog/catalog-query.js';
import type { StorageBackend } from '../storage/backend.js';
import { MAX_QUERY_LENGTH, type SearchHit, type SearchIndex, type SerializedSearchIndex } from './search-types.js';
import { productSignature } from './signature.js';

/** A product found by a search, with what matched (for highlighting). */
export interface ProductHit {
  product: Product;
  hit: SearchHit;
}

export interface SearchPage {
  query: string;
  items: ProductHit[];
  total: number;
}

export interface SearchPageQuery extends CallOptions {
  series?: string;
  category?: string;
  sort?: SortOrder;
  page?: number;
  pageSize?: number;
}

export type QueryListener = (query: string) => void;

/** The engine (the inverted index and the planner) loads with the first search, not with the page. */
const engine = () => import('./search-index.js');

const INDEX_KEY = 'search-index';
/** An index built from the offline cache is rebuilt from the backend after this long. */
const STALE_INDEX_MS = 60_000;
const RECENT_KEY = 'recent-searches';
/** Recent searches kept per store. */
export const MAX_RECENT = 8;
/** A search lists at most this many hits in all (pages of a grid included). */
const MAX_HITS = 5000;

const ORDER: Record<Exclude<SortOrder, 'relevance'>, (now: number) => (a: Product, b: Product) => number> = {
  'price-asc': (now) => (a, b) => effectivePrice(a, now) - effectivePrice(b, now),
  'price-desc': (now) => (a, b) => effectivePrice(b, now) - effectivePrice(a, now),
  newest: () => (a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0),
  rating: () => (a, b) => (b.rating?.average ?? 0) - (a.rating?.average ?? 0),
};

/** Trims, collapses spaces and bounds the length of what the shopper typed. */
export function cleanQuery(query: unknown): string {
  return typeof query === 'string' ? query.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH) : '';
}

/**
 * Product search for the widgets of one store: an index over the whole catalog, built in the
 * browser and kept in IndexedDB so a returning visitor searches at once (it is checked
 * against the catalog in the background and rebuilt when the catalog changed); the page's
 * current query, which the search box sets and the product grid follows; recent searches.
 */
export class SearchStore {
  private indexPromise: Promise<SearchIndex> | null = null;
  private current = '';
  private readonly listeners = new Set<QueryListener>();

  constructor(
    private readonly catalog: Pick<CatalogStore, 'list'>,
    private readonly storage: Promise<StorageBackend>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The page's current search ('' when none). */
  get query(): string {
    return this.current;
  }

  /** Sets the page's search: every subscribed widget (the product grid) follows it. */
  setQuery(query: string): void {
    const next = cleanQuery(query);
    if (next === this.current) return;
    this.current = next;
    for (const listener of [...this.listeners]) listener(next);
  }

  /** Calls `listener` with every new page query. */
  subscribe(listener: QueryListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** The index over the whole catalog (built once, then kept fresh). */
  index(options: CallOptions = {}): Promise<SearchIndex> {
    const promise = (this.indexPromise ??= this.openIndex());
    // A failed build is retried next time rather than cached.
    promise.catch(() => {
      if (this.indexPromise === promise) this.indexPromise = null;
    });
    return options.signal ? raceAbort(promise, options.signal) : promise;
  }

  /** Forgets the index so the next search rebuilds it from the catalog. */
  refresh(): void {
    this.indexPromise = null;
  }

  /** The best few products for what the shopper has typed so far. */
  async suggest(query: string, options: CallOptions & { limit?: number } = {}): Promise<ProductHit[]> {
    const text = cleanQuery(query);
    if (!text) return [];
    const index = await this.index(options);
    const hits = await index.searchAsync(text, { limit: options.limit ?? 6 });
    throwIfAborted(options.signal);
    return this.withProducts(index, hits);
  }

  /** A page of results for a submitted query, filtered by series/category and sorted. */
  async search(query: string, options: SearchPageQuery = {}): Promise<SearchPage> {
    const text = cleanQuery(query);
    const { page, pageSize, sort } = normalizeCatalogQuery({
      page: options.page,
      pageSize: options.pageSize,
      sort: options.sort,
    });
    if (!text) return { query: text, items: [], total: 0 };
    const index = await this.index(options);
    const { series, category } = options;
    const hits = await index.searchAsync(text, {
      limit: MAX_HITS,
      ...(series || category
        ? { filter: (p: Product) => (!series || p.series === series) && (!category || p.category === category) }
        : {}),
    });
    throwIfAborted(options.signal);
    let items = this.withProducts(index, hits);
    if (sort !== 'relevance') {
      const compare = ORDER[sort](this.now());
      items = [...items].sort((a, b) => compare(a.product, b.product));
    }
    const start = (page - 1) * pageSize;
    return { query: text, items: items.slice(start, start + pageSize), total: items.length };
  }

  /** Recent searches, newest first. */
  async recent(): Promise<string[]> {
    try {
      const stored = await (await this.storage).get('meta', RECENT_KEY);
      return Array.isArray(stored) ? stored.filter((item): item is string => typeof item === 'string').slice(0, MAX_RECENT) : [];
    } catch {
      return [];
    }
  }

  /** Puts `query` first among the recent searches. */
  async remember(query: string): Promise<string[]> {
    const text = cleanQuery(query);
    if (!text) return this.recent();
    const next = [text, ...(await this.recent()).filter((item) => item !== text)].slice(0, MAX_RECENT);
    await this.saveRecent(next);
    return next;
  }

  /** Removes one recent search, or all of them when `query` is omitted. */
  async forget(query?: string): Promise<string[]> {
    const next = query === undefined ? [] : (await this.recent()).filter((item) => item !== query);
    await this.saveRecent(next);
    return next;
  }

  private async saveRecent(list: string[]): Promise<void> {
    try {
      await (await this.storage).put('meta', list, RECENT_KEY);
    } catch (error) {
      console.warn('[storefront-elements] Could not keep recent searches:', toStorefrontError(error).message);
    }
  }

  private withProducts(index: SearchIndex, hits: SearchHit[]): ProductHit[] {
    return hits.flatMap((hit) => {
      const product = index.get(hit.id);
      return product ? [{ product, hit }] : [];
    });
  }

  /** Every product of the catalog, page by page. */
  /**
   * Every product of the catalog, page by page; `complete` is false when a page came from the
   * offline cache (the backend failed midway): such a list must not be kept as the index.
   */
  private async allProducts(): Promise<{ products: Product[]; complete: boolean }> {
    const products: Product[] = [];
    let complete = true;
    for (let page = 1; ; page += 1) {
      const result = await this.catalog.list({ page, pageSize: MAX_PAGE_SIZE });
      if (result.stale) complete = false;
      products.push(...result.items);
      if (result.items.length === 0 || products.length >= result.total || result.items.length < MAX_PAGE_SIZE) break;
    }
    return { products, complete };
  }

  private async openIndex(): Promise<SearchIndex> {
    const kept = await this.keptIndex();
    if (kept) {
      // Answer from the kept index now; check it against the catalog in the background.
      void this.revalidate(kept);
      return kept;
    }
    const [{ products, complete }, { createSearchIndex }] = await Promise.all([this.allProducts(), engine()]);
    const index = createSearchIndex(products);
    if (complete) void this.keep(index);
    else {
      // Built from what this browser had cached while the backend failed: search it for now,
      // keep nothing, and build again from the backend on a search a minute from now.
      const promise = this.indexPromise;
      setTimeout(() => {
        if (this.indexPromise === promise) this.indexPromise = null;
      }, STALE_INDEX_MS);
    }
    return index;
  }

  private async revalidate(kept: SearchIndex): Promise<void> {
    try {
      const { products, complete } = await this.allProducts();
      // Offline midway: keep searching the kept index rather than a partial one.
      if (!complete || productSignature(products) === kept.signature) return;
      const { createSearchIndex } = await engine();
      const fresh = createSearchIndex(products);
      if (this.indexPromise) this.indexPromise = Promise.resolve(fresh);
      await this.keep(fresh);
    } catch {
      // Offline: keep searching the kept index.
    }
  }

  private async keptIndex(): Promise<SearchIndex | null> {
    try {
      const stored = (await (await this.storage).get('meta', INDEX_KEY)) as SerializedSearchIndex | undefined;
      return stored ? (await engine()).restoreSearchIndex(stored) : null;
    } catch {
      return null;
    }
  }

  private async keep(index: SearchIndex): Promise<void> {
    try {
      await (await this.storage).put('meta', index.toJSON(), INDEX_KEY);
    } catch (error) {
      // A full disk only costs the next visit a rebuild.
      console.warn('[storefront-elements] Could not keep the search index:', toStorefrontError(error).message);
    }
  }
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  throwIfAborted(signal);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(toStorefrontError(new DOMException('Aborted', 'AbortError')));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
