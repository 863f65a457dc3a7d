import * as v from 'valibot';
import type { MemberSource } from '../account/account-store.js';
import type { CallOptions } from '../adapter/adapter.js';
import { StorefrontError, throwIfAborted, toStorefrontError } from '../core/errors.js';
import { describeIssues, PromotionSchema, StoredCartLineSchema } from '../core/schemas.js';
import type { CartLine, CatalogPage, CatalogQuery, Product, Promotion } from '../core/types.js';
import type { StorageBackend } from '../storage/backend.js';
import type { ChangeChannel } from '../storage/channel.js';
import type { StoredCartLine } from '../storage/schema.js';
import type { CartView, CartViewError, CartViewListener, CartViewOptions } from './cart-view.js';
import { MAX_LINE_QUANTITY, maxQuantityOf, priceProblem, unitPriceAt, type ProductLookupResult } from './cart-units.js';

/** The view model and the pricing engine load with the first cart view, not with the page. */
const viewModel = () => import('./cart-view-model.js');

export { MAX_LINE_QUANTITY };

export type CartListener = (lines: readonly CartLine[]) => void;

/** A line `add` resolved to; `capped` when fewer units than asked were added because of the stock. */
export type AddedCartLine = CartLine & { capped?: boolean };

/**
 * How the cart looks products up: the catalog store, or a stub in tests. Only `get` is required;
 * without `promotions` views are priced without promotions, without `list` they have no suggestions.
 */
export interface ProductLookup {
  get(sku: string, options?: CallOptions): Promise<Product | null>;
  promotions?(options?: CallOptions): Promise<Promotion[]>;
  list?(query: CatalogQuery, options?: CallOptions): Promise<CatalogPage>;
}

export interface CartStoreOptions {
  /** The cart's currency (ISO 4217, default CNY): products priced in another are refused. */
  currency?: string;
  /** The signed-in member, whose tier and shipping card price the view. */
  account?: MemberSource | null;
  /** How long products and promotions looked up for a view are reused (ms, default 30,000). */
  cacheTtl?: number;
  /** While a view listener is subscribed, products and promotions are re-read this often (ms, default 60,000; 0: never). */
  revalidateInterval?: number;
}

/** Where the last promotions seen are kept, for pricing the cart offline after a reload. */
const PROMOTIONS_KEY = 'cart:promotions';
/** Catalog pages (of 200) searched for the products the cart's lines name as related. */
const SUGGESTION_PAGES = 10;
/** How long a view waits for its "bought together" suggestions before going out without them. */
const SUGGESTION_WAIT_MS = 250;
const PAGE_SIZE = 200;
/** setTimeout's longest delay (about 24.8 days). */
const MAX_TIMER = 2 ** 31 - 1;
/** Failures that mean "the shop is away" rather than "the shop said no". */
const OFFLINE_CODES = new Set(['network', 'timeout', 'unavailable']);

function checkQuantity(quantity: unknown, { allowZero }: { allowZero: boolean }): number {
  const min = allowZero ? 0 : 1;
  if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < min || quantity > MAX_LINE_QUANTITY) {
    throw new StorefrontError(
      'validation',
      `Quantity must be a whole number from ${min} to ${MAX_LINE_QUANTITY}, got ${String(quantity)}.`,
      { detail: { field: 'quantity', value: quantity, min, max: MAX_LINE_QUANTITY } },
    );
  }
  return quantity;
}

function checkSku(sku: unknown): string {
  if (typeof sku !== 'string' || sku.trim() === '') {
    throw new StorefrontError('validation', 'A product sku is required.', { detail: { field: 'sku' } });
  }
  return sku;
}

/** The error for more units than a line may hold: `reason` 'stock' (the shop's stock) or 'limit' (MAX_LINE_QUANTITY). */
function limitError(sku: string, max: number, product: Product | null | undefined, value: number): StorefrontError {
  const byStock = product?.stock !== undefined && max === maxQuantityOf(product) && product.stock <= MAX_LINE_QUANTITY;
  const message =
    max === 0
      ? `"${product?.title ?? sku}" is sold out.`
      : byStock
        ? `Only ${max} of "${product?.title ?? sku}" can be in the cart (the stock left).`
        : `A line may hold at most ${max} units.`;
  return new StorefrontError('validation', message, {
    detail: { field: 'quantity', reason: byStock || max === 0 ? 'stock' : 'limit', max, sku, value },
  });
}

function toLine(record: StoredCartLine): CartLine {
  const { key, sku, variant, quantity, addedAt, updatedAt, unitPriceAtAdd } = record;
  return {
    key,
    sku,
    quantity,
    addedAt,
    updatedAt,
    ...(variant ? { variant } : {}),
    ...(unitPriceAtAdd ? { unitPriceAtAdd } : {}),
  };
}

function viewSignature(view: CartView): string {
  const { at: _at, ...rest } = view;
  return JSON.stringify(rest);
}

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  throwIfAborted(signal);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new StorefrontError('aborted', 'The operation was cancelled.', { cause: signal.reason }));
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

interface Cached<T> {
  /** Wall-clock ms when it was fetched (not the storefront's clock: that one may stand still in tests). */
  at: number;
  promise: Promise<T>;
}

type PromotionsResult = { promotions: Promotion[]; stale: boolean; error?: StorefrontError };

type Outcome = { gen: number; view: CartView; signature: string } | { gen: number; error: StorefrontError };

/**
 * The shopper's cart: lines in IndexedDB, one source of truth for every tab. Each write is a
 * read-modify-write inside one IndexedDB transaction, so two tabs adding at once both count;
 * the other tabs are told to reload over the change channel.
 *
 * `view()` / `subscribeView()` join the lines with the catalog, the promotions and the signed-in
 * member into what the cart widgets draw (see cart-view.ts), recomputed when any of them changes
 * and when a flash sale in the cart starts or ends.
 */
export class CartStore {
  private current: readonly CartLine[] = [];
  private readonly listeners = new Set<CartListener>();
  private loading: Promise<void> | null = null;
  private loaded = false;
  private droppedCount = 0;

  private readonly currency: string;
  private readonly account: MemberSource | null;
  private readonly cacheTtl: number;
  private readonly revalidateInterval: number;
  private readonly products$ = new Map<string, Cached<ProductLookupResult>>();
  private promotions$: Cached<PromotionsResult> | null = null;
  private readonly pages$ = new Map<number, Cached<CatalogPage>>();
  private lastPromotions: Promotion[] | null = null;

  private readonly viewListeners = new Set<CartViewListener>();
  private readonly delivered = new WeakMap<CartViewListener, string>();
  /** Bumped by every change that may alter the view. */
  private changeGen = 1;
  private outcome: Outcome | null = null;
  private computing: Promise<void> | null = null;
  private clockTimer: ReturnType<typeof setTimeout> | undefined;
  private revalidateTimer: ReturnType<typeof setInterval> | undefined;
  private readonly cleanups: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly storage: Promise<StorageBackend>,
    private readonly products: ProductLookup,
    private readonly channel: ChangeChannel,
    private readonly now: () => number = Date.now,
    options: CartStoreOptions = {},
  ) {
    this.currency = options.currency ?? 'CNY';
    this.account = options.account ?? null;
    this.cacheTtl = options.cacheTtl ?? 30_000;
    this.revalidateInterval = options.revalidateInterval ?? 60_000;
    this.cleanups.push(
      channel.subscribe((message) => {
        if (message.store === 'cart') void this.reload();
      }),
    );
    void storage.then((backend) => {
      if (!this.closed) this.cleanups.push(backend.onReset(() => void this.reload()));
    });
    if (this.account) this.cleanups.push(this.account.subscribe(() => this.invalidate()));
  }

  /** The lines, oldest first. */
  async lines(): Promise<CartLine[]> {
    await this.ensureLoaded();
    return [...this.current];
  }

  /** Total units in the cart (the badge on the cart button). */
  async count(): Promise<number> {
    return (await this.lines()).reduce((sum, line) => sum + line.quantity, 0);
  }

  /** Stored records found unreadable and removed since this page loaded. */
  get dropped(): number {
    return this.droppedCount;
  }

  /**
   * Adds `quantity` units of `sku` (to an existing line if there is one), at most as many as the
   * stock: beyond it the line holds the stock and comes back `capped`; a line already at the
   * stock (or a sold-out product) is a `validation` error with `detail.reason` 'stock' and `max`.
   * A product priced in another currency or with an unusable price is refused (`validation`,
   * reason 'currency' / 'price'), an unknown sku is `not-found`; the cart is then unchanged.
   * Offline, the line is added unchecked and the view checks it when the shop is back.
   */
  async add(sku: string, quantity = 1): Promise<AddedCartLine> {
    checkSku(sku);
    checkQuantity(quantity, { allowZero: false });
    let product: Product | null | undefined;
    try {
      product = await this.products.get(sku);
      this.remember(sku, { product });
    } catch (error) {
      const failure = toStorefrontError(error);
      if (failure.code === 'invalid-response') {
        throw new StorefrontError('validation', `The shop sent invalid data for "${sku}"; it cannot be added to the cart.`, {
          detail: { field: 'product', reason: 'invalid', sku },
          cause: failure,
        });
      }
      // Offline: keep the shopper's intent; stock and price are checked when the shop is back.
      if (!failure.retryable) throw failure;
    }
    if (product === null) {
      throw new StorefrontError('not-found', `No product has the sku "${sku}".`, { detail: { sku } });
    }
    if (product) {
      const problem = priceProblem(product, this.currency);
      if (problem === 'currency') {
        throw new StorefrontError(
          'validation',
          `"${product.title}" is priced in ${product.price.currency}, but the cart is in ${this.currency}.`,
          { detail: { field: 'price', reason: 'currency', sku, expected: this.currency, actual: product.price.currency } },
        );
      }
      if (problem === 'price') {
        throw new StorefrontError('validation', `"${product.title}" has no valid price and cannot be added.`, {
          detail: { field: 'price', reason: 'price', sku },
        });
      }
    }
    const max = product ? maxQuantityOf(product) : MAX_LINE_QUANTITY;
    const at = this.now();
    let capped = false;
    const written = await this.write(sku, (existing) => {
      const have = existing?.quantity ?? 0;
      if (have >= max) throw limitError(sku, max, product, have + quantity);
      capped = have + quantity > max;
      return {
        key: sku,
        sku,
        quantity: Math.min(have + quantity, max),
        addedAt: existing?.addedAt ?? at,
        updatedAt: at,
        ...(existing?.unitPriceAtAdd
          ? { unitPriceAtAdd: existing.unitPriceAtAdd }
          : product
            ? { unitPriceAtAdd: unitPriceAt(product, at) }
            : {}),
      };
    });
    return { ...toLine(written as StoredCartLine), ...(capped ? { capped: true } : {}) };
  }

  /**
   * Sets a line's quantity; 0 removes it. Above the stock (as the view shows it) it is a
   * `validation` error with `detail.reason` 'stock' and `max`, and nothing changes. Unknown
   * lines are `not-found`.
   */
  async setQuantity(sku: string, quantity: number): Promise<CartLine | null> {
    checkSku(sku);
    checkQuantity(quantity, { allowZero: true });
    let product: Product | null | undefined;
    if (quantity > 0) {
      // The same product the view shows, so the limit the UI clamps to is the one enforced.
      product = (await this.lookup(sku)).product;
      if (product && quantity > maxQuantityOf(product)) throw limitError(sku, maxQuantityOf(product), product, quantity);
    }
    const at = this.now();
    const written = await this.write(sku, (existing) => {
      if (!existing) throw new StorefrontError('not-found', `The cart has no line "${sku}".`, { detail: { sku } });
      return quantity === 0 ? undefined : { ...existing, quantity, updatedAt: at };
    });
    return written ? toLine(written) : null;
  }

  /** The shopper saw the price-change notice: the line's `unitPriceAtAdd` becomes the current unit price. */
  async acknowledgePriceChange(sku: string): Promise<CartLine> {
    checkSku(sku);
    const found = await this.lookup(sku);
    if (found.error) throw found.error;
    if (!found.product) throw new StorefrontError('not-found', `No product has the sku "${sku}".`, { detail: { sku } });
    const price = unitPriceAt(found.product, this.now());
    const at = this.now();
    const written = await this.write(sku, (existing) => {
      if (!existing) throw new StorefrontError('not-found', `The cart has no line "${sku}".`, { detail: { sku } });
      return { ...existing, unitPriceAtAdd: price, updatedAt: at };
    });
    return toLine(written as StoredCartLine);
  }

  async remove(sku: string): Promise<void> {
    checkSku(sku);
    await this.write(sku, () => undefined);
  }

  async clear(): Promise<void> {
    const backend = await this.storage;
    await backend.clear('cart');
    await this.afterWrite();
  }

  /** Calls `listener` with the lines now and after every change, from any tab. */
  subscribe(listener: CartListener): () => void {
    this.listeners.add(listener);
    void this.ensureLoaded().then(() => {
      if (this.listeners.has(listener)) listener([...this.current]);
    });
    return () => {
      this.listeners.delete(listener);
    };
  }

  /* ------------------------------------------------------------ the view */

  /** The cart as the widgets draw it (see CartView), computed now. */
  async view(options: CartViewOptions = {}): Promise<CartView> {
    throwIfAborted(options.signal);
    if (options.fresh) this.refresh();
    return raceAbort(this.latest(), options.signal);
  }

  /**
   * Calls `listener` with the view as soon as it is computed, then after every change that
   * alters it: the lines (this tab or another), the signed-in member, the promotions, products
   * re-read from the shop, and the clock (a flash sale in the cart starting or ending).
   */
  subscribeView(listener: CartViewListener): () => void {
    this.viewListeners.add(listener);
    this.startWatching();
    if (this.outcome && this.outcome.gen === this.changeGen && 'view' in this.outcome) {
      const { view, signature } = this.outcome;
      queueMicrotask(() => this.deliver(listener, view, signature));
    } else {
      void this.latest().catch(() => {});
    }
    return () => {
      this.viewListeners.delete(listener);
      if (this.viewListeners.size === 0) this.stopWatching();
    };
  }

  /** Forgets the products and promotions looked up for views and recomputes from the shop. */
  refresh(): void {
    this.products$.clear();
    this.pages$.clear();
    this.promotions$ = null;
    this.invalidate();
  }

  /** Stops timers and listeners (the storefront calls it on close). */
  close(): void {
    this.closed = true;
    this.stopWatching();
    this.viewListeners.clear();
    this.listeners.clear();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  private invalidate(): void {
    this.changeGen += 1;
    if (this.viewListeners.size > 0 && !this.closed) void this.latest().catch(() => {});
  }

  /** Computes until the view is as new as the last change; one computation at a time. */
  private async latest(): Promise<CartView> {
    for (;;) {
      const outcome = this.outcome;
      if (outcome && outcome.gen === this.changeGen) {
        if ('error' in outcome) throw outcome.error;
        return outcome.view;
      }
      if (!this.computing) {
        this.computing = this.computeOnce().finally(() => {
          this.computing = null;
        });
      }
      // Changed again while computing: the loop computes once more.
      await this.computing;
    }
  }

  private async computeOnce(): Promise<void> {
    // Loading the lines is itself a change: do it before taking the generation.
    await this.ensureLoaded().catch(() => {});
    const gen = this.changeGen;
    try {
      const { view, boundary } = await this.compute();
      const signature = viewSignature(view);
      this.outcome = { gen, view, signature };
      if (gen === this.changeGen) {
        this.scheduleClock(boundary);
        for (const listener of [...this.viewListeners]) this.deliver(listener, view, signature);
      }
    } catch (error) {
      const failure = toStorefrontError(error);
      this.outcome = { gen, error: failure };
      if (this.viewListeners.size > 0) console.warn('[storefront-elements] Could not compute the cart:', failure.message);
    }
  }

  private deliver(listener: CartViewListener, view: CartView, signature: string): void {
    if (!this.viewListeners.has(listener) || this.delivered.get(listener) === signature) return;
    this.delivered.set(listener, signature);
    try {
      listener(view);
    } catch (error) {
      console.error('[storefront-elements] A cart view listener failed:', error);
    }
  }

  private async compute(): Promise<{ view: CartView; boundary: number | null }> {
    if (this.account) await this.account.ready;
    const lines = await this.lines();
    const promotionsLoad = this.loadPromotions();
    const skus = [...new Set(lines.map((line) => line.sku))];
    const found = await Promise.all(skus.map((sku) => this.lookup(sku)));
    const lookups = new Map(skus.map((sku, i) => [sku, found[i]!]));
    const promotions = await promotionsLoad;
    const now = this.now();
    const member = this.account?.member ?? null;
    const { buildPricedView, nextFlashBoundary } = await viewModel();
    const priced = buildPricedView({ lines, lookups, promotions: promotions.promotions, member, now, currency: this.currency });

    const cartProducts = priced.lines.map((line) => line.product);
    const offer = priced.addOnOffer;
    const [addOnProduct, suggestions] = await Promise.all([
      offer
        ? (cartProducts.find((product) => product?.sku === offer.sku) ?? this.lookup(offer.sku).then((r) => r.product ?? null))
        : Promise.resolve(null),
      this.suggestionsWithin(cartProducts, SUGGESTION_WAIT_MS),
    ]);

    const errors: CartViewError[] = [...priced.errors];
    if (promotions.error) errors.push({ code: promotions.error.code, message: promotions.error.message });
    if (suggestions.error) errors.push({ code: suggestions.error.code, message: suggestions.error.message });
    const offline = found.some((result) => result.error && OFFLINE_CODES.has(result.error.code));
    const { errors: _errors, ...rest } = priced;
    const view: CartView = {
      ...rest,
      suggestions: suggestions.products,
      stale: promotions.stale || suggestions.stale || offline,
      dropped: this.droppedCount,
      ...(offer ? { addOnProduct } : {}),
      ...(errors.length > 0 ? { errors } : {}),
    };
    return { view, boundary: nextFlashBoundary(cartProducts, now) };
  }

  /** The product of `sku` for views, looked up at most once per `cacheTtl` (failures are not kept). */
  private lookup(sku: string): Promise<ProductLookupResult> {
    const cached = this.products$.get(sku);
    if (cached && Date.now() - cached.at < this.cacheTtl) return cached.promise;
    const entry: Cached<ProductLookupResult> = {
      at: Date.now(),
      promise: this.products.get(sku).then(
        (product): ProductLookupResult => ({ product }),
        (error: unknown): ProductLookupResult => {
          if (this.products$.get(sku) === entry) this.products$.delete(sku);
          return { error: toStorefrontError(error) };
        },
      ),
    };
    this.products$.set(sku, entry);
    return entry.promise;
  }

  /** A product `add` just fetched: the view reuses it. */
  private remember(sku: string, result: ProductLookupResult): void {
    this.products$.set(sku, { at: Date.now(), promise: Promise.resolve(result) });
  }

  /** The shop's promotions; when it cannot be reached, the last ones seen (kept in storage), marked stale. */
  private loadPromotions(): Promise<PromotionsResult> {
    const source = this.products.promotions?.bind(this.products);
    if (!source) return Promise.resolve({ promotions: [], stale: false });
    const cached = this.promotions$;
    if (cached && Date.now() - cached.at < this.cacheTtl) return cached.promise;
    const entry: Cached<PromotionsResult> = { at: Date.now(), promise: Promise.resolve({ promotions: [], stale: false }) };
    entry.promise = (async (): Promise<PromotionsResult> => {
      try {
        const promotions = await source();
        void this.keepPromotions(promotions);
        return { promotions, stale: false };
      } catch (error) {
        if (this.promotions$ === entry) this.promotions$ = null;
        const kept = this.lastPromotions ?? (await this.keptPromotions());
        // The last promotions seen (kept in storage across reloads), marked stale, and the error.
        return { promotions: kept ?? [], stale: true, error: toStorefrontError(error) };
      }
    })();
    this.promotions$ = entry;
    return entry.promise;
  }

  private async keepPromotions(promotions: Promotion[]): Promise<void> {
    const changed = JSON.stringify(promotions) !== JSON.stringify(this.lastPromotions);
    this.lastPromotions = promotions;
    if (!changed) return;
    try {
      await (await this.storage).put('meta', promotions, PROMOTIONS_KEY);
    } catch {
      // Only offline pricing after a reload needs it.
    }
  }

  private async keptPromotions(): Promise<Promotion[] | null> {
    try {
      const stored = await (await this.storage).get('meta', PROMOTIONS_KEY);
      const parsed = v.safeParse(v.array(PromotionSchema), stored);
      return parsed.success ? (this.lastPromotions = parsed.output) : null;
    } catch {
      return null;
    }
  }

  /**
   * Suggestions, if they come within `ms`: they are a bonus, and a slow catalog must not hold
   * up the cart itself. Otherwise the view goes out without them, and again once they arrive.
   */
  private async suggestionsWithin(
    cartProducts: (Product | null)[],
    ms: number,
  ): Promise<{ products: Product[]; stale: boolean; error?: StorefrontError }> {
    const load = this.suggestionsFor(cartProducts);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
    const result = await Promise.race([load, late]);
    clearTimeout(timer);
    if (result) return result;
    void load.then(() => this.invalidate());
    return { products: [], stale: false };
  }

  /** Related products of the cart's products, resolved by id through the catalog's pages. */
  private async suggestionsFor(
    cartProducts: (Product | null)[],
  ): Promise<{ products: Product[]; stale: boolean; error?: StorefrontError }> {
    const { relatedIds, pickSuggestions } = await viewModel();
    const wanted = new Set(relatedIds(cartProducts));
    const list = this.products.list?.bind(this.products);
    if (wanted.size === 0 || !list) return { products: [], stale: false };
    const byId = new Map<string, Product>();
    let stale = false;
    try {
      for (let page = 1; page <= SUGGESTION_PAGES; page += 1) {
        const result = await this.page(page, list);
        stale ||= result.stale === true;
        for (const product of result.items) {
          byId.set(product.id, product);
          wanted.delete(product.id);
        }
        if (wanted.size === 0 || result.items.length < PAGE_SIZE || page * PAGE_SIZE >= result.total) break;
      }
    } catch (error) {
      // Suggestions are a bonus: without them the cart still works.
      return { products: pickSuggestions(cartProducts, byId), stale: true, error: toStorefrontError(error) };
    }
    return { products: pickSuggestions(cartProducts, byId), stale };
  }

  private page(page: number, list: NonNullable<ProductLookup['list']>): Promise<CatalogPage> {
    const cached = this.pages$.get(page);
    if (cached && Date.now() - cached.at < this.cacheTtl) return cached.promise;
    const promise = list({ page, pageSize: PAGE_SIZE });
    const entry: Cached<CatalogPage> = { at: Date.now(), promise };
    promise.catch(() => {
      if (this.pages$.get(page) === entry) this.pages$.delete(page);
    });
    this.pages$.set(page, entry);
    return promise;
  }

  private scheduleClock(boundary: number | null): void {
    clearTimeout(this.clockTimer);
    this.clockTimer = undefined;
    if (boundary === null || this.viewListeners.size === 0 || this.closed) return;
    const delay = Math.min(Math.max(boundary - this.now(), 0), MAX_TIMER);
    // Recompute when the sale starts or ends: `now` has then reached the boundary.
    this.clockTimer = setTimeout(() => this.invalidate(), delay + 1);
  }

  private readonly onOnline = () => this.refresh();

  private startWatching(): void {
    if (this.revalidateTimer !== undefined || this.closed) return;
    if (this.revalidateInterval > 0) this.revalidateTimer = setInterval(() => this.refresh(), this.revalidateInterval);
    globalThis.addEventListener?.('online', this.onOnline);
  }

  private stopWatching(): void {
    clearInterval(this.revalidateTimer);
    this.revalidateTimer = undefined;
    clearTimeout(this.clockTimer);
    this.clockTimer = undefined;
    globalThis.removeEventListener?.('online', this.onOnline);
  }

  /* ------------------------------------------------------------ storage */

  private async write(
    key: string,
    change: (existing: StoredCartLine | undefined) => StoredCartLine | undefined,
  ): Promise<StoredCartLine | undefined> {
    const backend = await this.storage;
    let replaced: unknown;
    const result = await backend.update('cart', key, (raw) => {
      // A stored record that no longer validates is treated as absent and overwritten.
      const parsed = raw === undefined ? undefined : v.safeParse(StoredCartLineSchema, raw);
      replaced = parsed && !parsed.success ? raw : undefined;
      return change(parsed?.success ? parsed.output : undefined);
    });
    if (replaced !== undefined) {
      this.droppedCount += 1;
      console.warn('[storefront-elements] Replaced an unreadable cart line.', replaced);
    }
    await this.afterWrite();
    return result;
  }

  private async afterWrite(): Promise<void> {
    await this.reload();
    this.channel.post('cart');
  }

  private ensureLoaded(): Promise<void> {
    if (this.loaded) return Promise.resolve();
    return (this.loading ??= this.reload());
  }

  private async reload(): Promise<void> {
    const backend = await this.storage;
    let records: unknown[];
    try {
      records = await backend.getAll('cart');
    } catch (error) {
      console.warn('[storefront-elements] Could not read the cart:', toStorefrontError(error).message);
      // Not loaded: the next read tries again instead of showing an empty cart all session.
      this.loading = null;
      return;
    }
    const lines: CartLine[] = [];
    const unreadable: unknown[] = [];
    for (const record of records) {
      const parsed = v.safeParse(StoredCartLineSchema, record);
      if (parsed.success) lines.push(toLine(parsed.output));
      else {
        unreadable.push(record);
        console.warn(
          `[storefront-elements] Removed an unreadable cart line: ${describeIssues(parsed.issues)}. The other lines are kept.`,
          record,
        );
      }
    }
    lines.sort((a, b) => a.addedAt - b.addedAt || a.key.localeCompare(b.key));
    const dropped = this.droppedCount;
    if (unreadable.length > 0) await this.drop(backend, unreadable);
    const changed = dropped !== this.droppedCount || JSON.stringify(lines) !== JSON.stringify(this.current);
    this.current = lines;
    this.loaded = true;
    for (const listener of [...this.listeners]) listener([...lines]);
    if (changed) this.invalidate();
  }

  /** Deletes unreadable records, each only if it is still unreadable (another tab may have rewritten it). */
  private async drop(backend: StorageBackend, records: unknown[]): Promise<void> {
    for (const record of records) {
      const key = typeof record === 'object' && record !== null ? (record as { key?: unknown }).key : undefined;
      if (typeof key !== 'string' && typeof key !== 'number') continue;
      let removed = false;
      try {
        await backend.update('cart', key as string, (current) => {
          if (current === undefined || v.safeParse(StoredCartLineSchema, current).success) return current;
          removed = true;
          return undefined;
        });
      } catch (error) {
        console.warn('[storefront-elements] Could not remove an unreadable cart line:', toStorefrontError(error).message);
      }
      if (removed) this.droppedCount += 1;
    }
  }
}
