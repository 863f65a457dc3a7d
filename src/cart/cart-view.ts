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

export interface CartLineView {
  /** The stored line (sku, quantity, timestamps, the unit price seen when added). */
  line: CartLine;
  /** The product as the catalog has it now; null when unknown or removed. */
  product: Product | null;
  status: CartLineStatus;
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
}

/** What `storefront.checkout(...)` needs. */
export interface CheckoutOptions {
  /** One of `storefront.paymentMethods()` ids. */
  paymentMethod: string;
  /** Phone or e-mail the order can later be tracked with. */
  contact?: string;
}

export type { PaymentMethod };
