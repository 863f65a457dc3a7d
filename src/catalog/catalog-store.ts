import * as v from 'valibot';
import type { CallOptions, StorefrontAdapter } from '../adapter/adapter.js';
import { DEFAULT_TIMEOUT_MS, withDeadline } from '../core/deadline.js';
import { StorefrontError, toStorefrontError, type StorefrontErrorCode } from '../core/errors.js';
import { CatalogPageShapeSchema, describeIssues, FacetSchema, ProductSchema, PromotionSchema } from '../core/schemas.js';
import type { CatalogPage, CatalogQuery, Facet, Product, Promotion } from '../core/types.js';
import type { StorageBackend } from '../storage/backend.js';
import { applyCatalogQuery, normalizeCatalogQuery } from './catalog-query.js';

/** Failures worth answering from the cache: the backend is away or spoke nonsense. */
const CACHEABLE_FAILURES = new Set(['network', 'timeout', 'unavailable', 'invalid-response']);

/** The sku a malformed product claims, for messages ('?' when it has none). */
function claimedSku(value: unknown): string {
  const sku = typeof value === 'object' && value !== null ? (value as { sku?: unknown }).sku : undefined;
  return typeof sku === 'string' || typeof sku === 'number' ? String(sku) : '?';
}

/** Validates one product; logs and returns null when it does not pass. */
export function parseProduct(value: unknown, source: string): Product | null {
  const result = v.safeParse(ProductSchema, value);
  if (result.success) return result.output;
  console.warn(`[storefront-elements] Skipped product "${claimedSku(value)}" from ${source}: ${describeIssues(result.issues)}.`);
  return null;
}

/**
 * Validates a batch of products: the valid ones, and the claimed skus of those dropped, told
 * in one console line (a broken feed must not print a warning per product).
 */
function parseProducts(values: readonly unknown[], source: string): { products: Product[]; dropped: string[] } {
  const products: Product[] = [];
  const dropped: string[] = [];
  const reasons: string[] = [];
  for (const value of values) {
    const result = v.safeParse(ProductSchema, value);
    if (result.success) {
      products.push(result.output);
      continue;
    }
    dropped.push(claimedSku(value));
    if (reasons.length < 3) reasons.push(`"${claimedSku(value)}": ${describeIssues(result.issues)}`);
  }
  if (dropped.length > 0) {
    const named = dropped.slice(0, 10).map((sku) => `"${sku}"`);
    const others = dropped.length > named.length ? ` and ${dropped.length - named.length} more` : '';
    console.warn(
      `[storefront-elements] Dropped ${dropped.length} of ${values.length} products from ${source} that failed validation: ` +
        `${named.join(', ')}${others} (${reasons.join('; ')}).`,
    );
  }
  return { products, dropped };
}

/** What `list` answers: the page, and when it comes from the cache (`stale`), why. */
export interface CatalogListResult extends CatalogPage {
  /** The failure that made the store answer from its cache (absent when the adapter itself said `stale`). */
  staleReason?: StorefrontErrorCode;
}

/** How many filter sets the store remembers dropped products for. */
const DROPPED_MEMORY = 50;

function invalid(source: string, issues: string): StorefrontError {
  return new StorefrontError('invalid-response', `The ${source} adapter sent a malformed response: ${issues}.`);
}

/**
 * The catalog as the widgets see it: adapter first, every response validated, products cached
 * in IndexedDB so a failing or offline backend still shows the last known catalog (`stale`).
 */
export class CatalogStore {
  constructor(
    private readonly adapter: StorefrontAdapter,
    private readonly storage: Promise<StorageBackend>,
    private readonly locale: string,
    private readonly now: () => number = Date.now,
    private readonly timeout: number = DEFAULT_TIMEOUT_MS,
  ) {}

  /** One adapter call, cancelled and failed as `timeout` when it hangs. */
  private call<T>(options: CallOptions, run: (options: CallOptions) => Promise<T>): Promise<T> {
    return withDeadline((signal) => run({ locale: this.locale, ...options, signal }), this.timeout, options.signal);
  }

  /**
   * The products the adapter counted in a filter set's `total` but that failed validation,
   * by filter set (sort and page aside): the count the grid shows must be what a shopper can
   * reach, so they are subtracted, including those seen on earlier pages.
   */
  private readonly dropped = new Map<string, Set<string>>();

  async list(query: CatalogQuery = {}, options: CallOptions = {}): Promise<CatalogListResult> {
    const normalized = normalizeCatalogQuery(query);
    try {
      const raw: unknown = await this.call(options, (call) => this.adapter.catalog.list(normalized, call));
      const shape = v.safeParse(CatalogPageShapeSchema, raw);
      if (!shape.success) throw invalid(this.adapter.name, describeIssues(shape.issues));
      const { products: items, dropped } = parseProducts(shape.output.items, `the ${this.adapter.name} adapter`);
      this.track(this.cache(items));
      const total = Math.max(items.length, shape.output.total - this.countDropped(normalized, items, dropped));
      return { items, total, ...(shape.output.stale ? { stale: true } : {}) };
    } catch (error) {
      const failure = toStorefrontError(error);
      if (!CACHEABLE_FAILURES.has(failure.code)) throw failure;
      const cached = await this.cachedProducts();
      if (cached.length === 0) throw failure;
      return { ...applyCatalogQuery(cached, normalized, this.now()), stale: true, staleReason: failure.code };
    }
  }

  /** Remembers this page's dropped products (and forgets those now valid); how many the filter set has. */
  private countDropped(query: CatalogQuery, valid: readonly Product[], dropped: readonly string[]): number {
    const key = JSON.stringify([query.series ?? '', query.category ?? '', query.query ?? '']);
    // One with no sku cannot be recognised on another page: it counts for this page only.
    const named = dropped.filter((sku) => sku !== '?');
    let known = this.dropped.get(key);
    if (!known && named.length > 0) {
      if (this.dropped.size >= DROPPED_MEMORY) this.dropped.delete(this.dropped.keys().next().value!);
      known = new Set();
      this.dropped.set(key, known);
    }
    for (const product of valid) known?.delete(product.sku);
    for (const sku of named) known?.add(sku);
    return (known?.size ?? 0) + (dropped.length - named.length);
  }

  async get(sku: string, options: CallOptions = {}): Promise<Product | null> {
    if (typeof sku !== 'string' || sku.trim() === '') {
      throw new StorefrontError('validation', 'A product sku is required.', { detail: { field: 'sku' } });
    }
    try {
      const raw: unknown = await this.call(options, (call) => this.adapter.catalog.get(sku, call));
      if (raw === null) return null;
      const product = parseProduct(raw, `the ${this.adapter.name} adapter`);
      if (!product) throw invalid(this.adapter.name, `product ${sku} failed validation`);
      this.track(this.cache([product]));
      return product;
    } catch (error) {
      const failure = toStorefrontError(error);
      if (!CACHEABLE_FAILURES.has(failure.code)) throw failure;
      const storage = await this.storage;
      const record = await storage.get('products', sku).catch(() => undefined);
      const product = record ? parseProduct(record.product, 'the local cache') : null;
      if (!product) throw failure;
      return product;
    }
  }

  async facets(options: CallOptions = {}): Promise<{ series: Facet[]; categories: Facet[] }> {
    const raw: unknown = await this.call(options, (call) => this.adapter.catalog.facets(call)).catch((error: unknown) => {
      throw toStorefrontError(error);
    });
    const result = v.safeParse(v.object({ series: v.array(FacetSchema), categories: v.array(FacetSchema) }), raw);
    if (!result.success) throw invalid(this.adapter.name, describeIssues(result.issues));
    return result.output;
  }

  async promotions(options: CallOptions = {}): Promise<Promotion[]> {
    const raw: unknown = await this.call(options, (call) => this.adapter.catalog.promotions(call)).catch((error: unknown) => {
      throw toStorefrontError(error);
    });
    const result = v.safeParse(v.array(PromotionSchema), raw);
    if (!result.success) throw invalid(this.adapter.name, describeIssues(result.issues));
    return result.output;
  }

  private readonly pending = new Set<Promise<void>>();

  /** Cache writes run in the background; `flush` waits for them (before storage closes). */
  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private track(write: Promise<void>): void {
    this.pending.add(write);
    void write.finally(() => this.pending.delete(write));
  }

  private async cache(products: Product[]): Promise<void> {
    if (products.length === 0) return;
    try {
      const storage = await this.storage;
      const cachedAt = this.now();
      await storage.putAll(
        'products',
        products.map((product) => ({ sku: product.sku, cachedAt, product })),
      );
    } catch (error) {
      // A full disk must not break browsing: the cache is a convenience.
      console.warn('[storefront-elements] Could not cache products:', toStorefrontError(error).message);
    }
  }

  private async cachedProducts(): Promise<Product[]> {
    try {
      const storage = await this.storage;
      const records = await storage.getAll('products');
      return parseProducts(
        records.map((record) => record.product),
        'the local cache',
      ).products;
    } catch {
      return [];
    }
  }
}
