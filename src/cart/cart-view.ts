import type { StorefrontErrorCode } from '../core/errors.js';
import type { Money } from '../core/money.js';
import type { CartLine, Member, PaymentMethod, Product, Promotion } from '../core/types.js';
import type { AddOnOffer, PricedCart, PricedLine } from './pricing.js';

/*
 * What the cart widgets render: the stored lines joined with the catalog, priced with the
 * shop's promotions for the signed-in member. The SDK computes it (`storefront.cart.view()`,
 * `storefront.cart.subscribeView()`); elements only draw it.
 */

export type CartLineStatus =
  /** On sale and priced. */
  | 'ok'
  /** The catalog no longer has this sku (or it failed validation): kept visible, not priced. */
  | 'unavailable'
  /** Stock is 0: kept visible, not priced, cannot be checked out. */
  | 'sold-out';

/** Why a line is 'unavailable'. */
export type CartLineReason =
  /** The catalog answered that it has no such sku (any more). */
  | 'removed'
  /** The shop sent data for it that failed validation. */
  | 'invalid'
  /** The shop could not be reached and the product is not in the offline cache. */
  | 'offline'
  /** Its price is in another currency than the cart's. */
  | 'currency'
  /** Its price is not a usable amount. */
  | 'price';

/** A problem met while computing the view (a lookup that failed, a promotion the engine refused). */
export interface CartViewError {
  /** The line's sku, when the problem is about one line. */
  sku?: string;
  code: StorefrontErrorCode;
  message: string;
}

export interface CartLineView {
  /** The stored line (sku, quantity, timestamps, the unit price seen when added). */
  line: CartLine;
  /** The product as the catalog has it now; null when unknown or removed. */
  product: Product | null;
  status: CartLineStatus;
  /** Why the line is 'unavailable' (absent otherwise). */
  reason?: CartLineReason;
  /** The most this line may hold now: min(stock, MAX_LINE_QUANTITY). 0 when not available. */
  maxQuantity: number;
  /** The stored quantity is more than the stock now: the priced quantity was cut to `maxQuantity`. */
  capped: boolean;
  /** The unit price moved since the shopper added the line (`from` = seen then, `to` = now). */
  priceChanged: { from: Money; to: Money } | null;
  /** The line as priced (null for lines that are not 'ok'). */
  priced: PricedLine | null;
}

export interface CartView {
  /** Every stored line, oldest first, available or not. */
  lines: CartLineView[];
  /** The available lines priced (DESIGN.md pricing). */
  priced: PricedCart;
  /** Units in the cart (all lines, for the cart button's badge). */
  count: number;
  promotions: Promotion[];
  member: Member | null;
  /** "再买 ¥X 包邮": how much more merchandise ships free, or null. */
  freeShippingGap: Money | null;
  /** The 换购 offer and whether it is unlocked, or null when the shop has none. */
  addOnOffer: AddOnOffer | null;
  /** "Bought together": related products of the cart's lines that are not in it, in stock (at most 6). */
  suggestions: Product[];
  /** Some products or promotions came from the offline cache. */
  stale: boolean;
  /** When the view was computed (the clock used for flash sales). */
  at: number;
  /** Stored cart records that could not be read and were removed (since this page loaded): show a notice when > 0. */
  dropped: number;
  /** The product of the 换购 offer (`addOnOffer.sku`), to show "加¥1换购 <title>"; null when unknown. */
  addOnProduct?: Product | null;
  /** Problems met while computing the view (absent when none): lookups that failed, a promotion that was ignored. */
  errors?: CartViewError[];
}

/** Options of `storefront.cart.view()`. */
export interface CartViewOptions {
  signal?: AbortSignal;
  /** Re-read products and promotions from the shop instead of the ones looked up in the last few seconds. */
  fresh?: boolean;
}

export type CartViewListener = (view: CartView) => void;

/** What `storefront.checkout(...)` needs. */
export interface CheckoutOptions {
  /** One of `storefront.paymentMethods()` ids. */
  paymentMethod: string;
  /** Phone or e-mail the order can later be tracked with. */
  contact?: string;
  /**
   * The total the shopper was shown (`view.priced.total`). Defaults to the total of the cart's
   * current view; the backend refuses with `conflict` when its own total differs (prices moved).
   */
  expectedTotal?: Money;
  signal?: AbortSignal;
}

export type { PaymentMethod };
