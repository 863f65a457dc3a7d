/** The SDK alone (no rendering): safe to import in Node for pure logic. */
export { createStorefront, checkStoreId, STORE_ID_PATTERN } from './storefront.js';
export type { Storefront, StorefrontOptions, StorefrontStorage } from './storefront.js';
export { LocalAdapter } from './adapter/local/local-adapter.js';
export type { GuestbookModeration, LocalAdapterOptions, LocalMail } from './adapter/local/local-adapter.js';
export { RestAdapter } from './adapter/rest/rest-adapter.js';
export type { RestAdapterOptions, RetryOptions, FetchFunction, RestVisitsCapability } from './adapter/rest/rest-adapter.js';
export { capabilitiesOf, requireCapability, isAdapter, CAPABILITIES } from './adapter/adapter.js';
export type * from './adapter/adapter.js';
export { formatMoney, isMoney, parseMoney, currencyDigits, money } from './core/money.js';
export type { Money } from './core/money.js';
export { formatDate, resolveLocale, LOCALES, DEFAULT_LOCALE } from './core/locale.js';
export type { Locale, DateStyle } from './core/locale.js';
export {
  StorefrontError,
  isStorefrontError,
  toStorefrontError,
  isStorefrontErrorCode,
  STOREFRONT_ERROR_CODES,
} from './core/errors.js';
export type { StorefrontErrorCode } from './core/errors.js';
export type * from './core/types.js';
export { applyCatalogQuery, effectivePrice, foldText } from './catalog/catalog-query.js';
export { CatalogStore } from './catalog/catalog-store.js';
export { CartStore, MAX_LINE_QUANTITY } from './cart/cart-store.js';
export type { CartListener } from './cart/cart-store.js';
export type { FallbackReason, StorageBackend } from './storage/backend.js';
export type { StorageOptions } from './storage/open-storage.js';
export type * from './core/events.js';
export { createSearchIndex, restoreSearchIndex } from './search/search-index.js';
export { matchRanges, splitByRanges } from './search/highlight.js';
export { MAX_QUERY_LENGTH } from './search/search-types.js';
export type * from './search/search-types.js';
export { SearchStore, MAX_RECENT, cleanQuery } from './search/search-store.js';
export type { ProductHit, SearchPage, SearchPageQuery, QueryListener } from './search/search-store.js';
export { priceCart, freeShippingGap, addOnOffer, floorOf, FLOOR_BASIS_POINTS } from './cart/pricing.js';
export type * from './cart/pricing.js';
export { AccountStore, ACCOUNT_CHANNEL } from './account/account-store.js';
export type { MemberListener, MemberSource } from './account/account-store.js';
export { CheckoutService } from './checkout/checkout.js';
export type { AddedCartLine, CartStoreOptions, ProductLookup } from './cart/cart-store.js';
export type {
  CartView,
  CartLineView,
  CartLineStatus,
  CartLineReason,
  CartViewError,
  CartViewOptions,
  CartViewListener,
  CheckoutOptions,
} from './cart/cart-view.js';
export { unitPriceAt, maxQuantityOf } from './cart/cart-view-model.js';
export { DEFAULT_TIMEOUT_MS } from './core/deadline.js';
export { createOutbox, StorefrontOutbox } from './outbox/outbox.js';
export type { OutboxOptions } from './outbox/outbox.js';
export { OUTBOX_KINDS } from './outbox/outbox-types.js';
export type * from './outbox/outbox-types.js';
export { isRetryableSend, backoffDelay } from './outbox/backoff.js';
export type { BackoffOptions } from './outbox/backoff.js';
export type { LockManagerLike } from './outbox/flush-lock.js';
