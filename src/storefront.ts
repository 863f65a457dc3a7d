import { AccountStore } from './account/account-store.js';
import { capabilitiesOf, isAdapter, type CallOptions, type Capability, type StorefrontAdapter } from './adapter/adapter.js';
import { LocalAdapter } from './adapter/local/local-adapter.js';
import { CartStore } from './cart/cart-store.js';
import type { CheckoutOptions } from './cart/cart-view.js';
import { CatalogStore } from './catalog/catalog-store.js';
import type { CheckoutService } from './checkout/checkout.js';
import type { CheckoutSession, PaymentMethod } from './core/types.js';
import { SearchStore } from './search/search-store.js';
import { DEFAULT_TIMEOUT_MS } from './core/deadline.js';
import { StorefrontError } from './core/errors.js';
import { resolveLocale, type Locale } from './core/locale.js';
import type { FallbackReason, StorageBackend } from './storage/backend.js';
import { createChangeChannel } from './storage/channel.js';
import { openStorage, type StorageOptions } from './storage/open-storage.js';
import { createLazyOutbox } from './outbox/lazy-outbox.js';
import type { Outbox } from './outbox/outbox-types.js';

export interface StorefrontOptions {
  /** A backend adapter, or `'local'` for the in-browser demo shop. */
  adapter: StorefrontAdapter | 'local';
  /** Separates the data of several shops on one site: letters, digits, `-` and `_`. */
  storeId?: string;
  /** `zh-CN` (default) or `en`. */
  locale?: string;
  /** ISO 4217 currency of the cart (default CNY). */
  currency?: string;
  storage?: StorageOptions;
  /** Clock, for tests of time-bound prices. */
  now?: () => number;
  /** How long an adapter call may take before it fails as `timeout` (ms, default 10,000). */
  timeout?: number;
}

export interface StorefrontStorage {
  /** False when IndexedDB was unavailable and data lasts only for this page. Read after `ready`. */
  readonly persistent: boolean;
  readonly fallbackReason?: FallbackReason;
}

export interface Storefront {
  readonly storeId: string;
  readonly locale: Locale;
  readonly currency: string;
  readonly adapter: StorefrontAdapter;
  /** The capability groups the adapter offers. */
  readonly capabilities: readonly Capability[];
  /** Settles once storage is open (IndexedDB, or the memory fallback). */
  readonly ready: Promise<void>;
  readonly storage: StorefrontStorage;
  readonly catalog: CatalogStore;
  /** The cart: lines in IndexedDB, shared by every tab; `view()` / `subscribeView()` price it. */
  readonly cart: CartStore;
  /** The signed-in member (`member` is null without the adapter's account capability). */
  readonly account: AccountStore;
  /** The payment methods the shop offers (validated). `unsupported` without the checkout capability. */
  paymentMethods(options?: CallOptions): Promise<PaymentMethod[]>;
  /**
   * Hands the cart to the shop's checkout and resolves to where the shopper pays (`url`) and the
   * order number. The cart is not cleared (the page goes to `url`; clear it when payment is done).
   */
  checkout(options: CheckoutOptions): Promise<CheckoutSession>;
  /** Product search over the whole catalog, the page's current query, recent searches. */
  readonly search: SearchStore;
  /**
   * Writes that must reach the backend even offline (guestbook posts, sign-ups, feedback,
   * visits, checkout attempts): kept in IndexedDB, sent once each with its idempotency key.
   */
  readonly outbox: Outbox;
  /** Closes storage, the tab channel, and an adapter it created itself; yours stay open. */
  close(): void;
}

export const STORE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Throws a `config` error unless `storeId` is safe as a database and channel name. */
export function checkStoreId(storeId: unknown): string {
  if (typeof storeId !== 'string' || !STORE_ID_PATTERN.test(storeId)) {
    throw new StorefrontError(
      'config',
      `store-id "${String(storeId)}" is not valid: use 1-64 letters, digits, "-" or "_", starting with a letter or digit.`,
      { detail: { field: 'storeId', value: storeId } },
    );
  }
  return storeId;
}

export function checkCurrency(currency: unknown): string {
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
    throw new StorefrontError('config', `currency "${String(currency)}" is not an ISO 4217 code such as CNY.`, {
      detail: { field: 'currency', value: currency },
    });
  }
  return currency;
}

/**
 * Wires an adapter to the SDK's stores and the browser's storage. Returns at once; `ready`
 * settles when storage is open. Invalid options throw a `config` StorefrontError.
 */
export function createStorefront(options: StorefrontOptions): Storefront {
  const ownsAdapter = options?.adapter === 'local';
  const adapter = ownsAdapter ? new LocalAdapter({ now: options.now }) : options?.adapter;
  if (!isAdapter(adapter)) {
    throw new StorefrontError(
      'config',
      'createStorefront needs an adapter: "local" or an object with catalog.list and catalog.get.',
      {
        detail: { field: 'adapter' },
      },
    );
  }
  const storeId = checkStoreId(options.storeId ?? 'default');
  const currency = checkCurrency(options.currency ?? 'CNY');
  const locale = resolveLocale(options.locale);
  const now = options.now ?? Date.now;
  const instanceId = crypto.randomUUID();

  let backend: StorageBackend | undefined;
  const storagePromise = openStorage(storeId, options.storage).then((opened) => (backend = opened));
  // Before the stores' first calls: a REST adapter reads its session token from this storage.
  adapter.attach?.({ storage: storagePromise, storeId });
  const channel = createChangeChannel(storeId, instanceId);
  const timeout =
    typeof options.timeout === 'number' && options.timeout > 0 ? Math.min(options.timeout, 120_000) : DEFAULT_TIMEOUT_MS;
  const catalog = new CatalogStore(adapter, storagePromise, locale, now, timeout);
  const account = new AccountStore(adapter, channel, timeout);
  const cart = new CartStore(storagePromise, catalog, channel, now, { currency, account });
  // Checkout code loads when the shopper first gets near paying, not with every page.
  let checkoutService: CheckoutService | null = null;
  let loadingService: Promise<CheckoutService> | null = null;
  const loadCheckout = () =>
    (loadingService ??= import('./checkout/checkout.js').then(
      ({ CheckoutService }) => (checkoutService = new CheckoutService(adapter, cart, account, timeout)),
    ));
  // A double click while the code loads gets the same promise, as it does once loaded.
  let beginning: Promise<CheckoutSession> | null = null;
  const begin = (checkoutOptions: CheckoutOptions): Promise<CheckoutSession> => {
    if (checkoutService) return checkoutService.begin(checkoutOptions);
    return (beginning ??= loadCheckout()
      .then((service) => service.begin(checkoutOptions))
      .finally(() => {
        beginning = null;
      }));
  };
  const search = new SearchStore(catalog, storagePromise, now);
  const outbox = createLazyOutbox({ storeId, adapter, storage: storagePromise, source: instanceId, now, timeout });

  return {
    storeId,
    locale,
    currency,
    adapter,
    capabilities: capabilitiesOf(adapter),
    ready: storagePromise.then(() => undefined),
    storage: {
      get persistent() {
        return backend?.persistent ?? false;
      },
      get fallbackReason() {
        return backend?.fallbackReason;
      },
    },
    catalog,
    cart,
    account,
    paymentMethods: async (callOptions?: CallOptions) => (await loadCheckout()).paymentMethods(callOptions),
    checkout: begin,
    search,
    outbox,
    close() {
      outbox.close();
      cart.close();
      account.close();
      channel.close();
      // Let background cache writes finish first: closing mid-write would lose them.
      void catalog
        .flush()
        .then(() => storagePromise)
        .then((opened) => opened.close());
      if (ownsAdapter) adapter.close?.();
    },
  };
}
