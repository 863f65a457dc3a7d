/**
 * The pure half of the cart view: stored lines + looked-up products + promotions + member ->
 * what the cart widgets draw. No I/O, no clock of its own: the cart store gathers the inputs
 * (src/cart/cart-store.ts) and this module decides statuses, caps, price changes and prices.
 */
import type { StorefrontError, StorefrontErrorCode } from '../core/errors.js';
import { isMoney } from '../core/money.js';
import type { CartLine, Member, Product, Promotion } from '../core/types.js';
import type { CartLineReason, CartLineView, CartView, CartViewError } from './cart-view.js';
import { addOnOffer, emptyPricedCart, freeShippingGap, priceCart, type PricedCart } from './pricing.js';
import { MAX_LINE_QUANTITY, maxQuantityOf, priceProblem, unitPriceAt, type ProductLookupResult } from './cart-units.js';

export { MAX_LINE_QUANTITY, maxQuantityOf, priceProblem, unitPriceAt };
export type { ProductLookupResult };

function moneyUsable(value: unknown, currency: string): boolean {
  return isMoney(value) && value.amount >= 0 && value.currency === currency;
}

/**
 * The promotions `priceCart` can apply to a cart in `currency`: one in another currency or with
 * a negative amount would make the whole cart unpriceable, so it is left out (with a warning).
 */
export function usablePromotions(promotions: readonly Promotion[], currency: string): Promotion[] {
  return promotions.filter((promotion) => {
    let usable = true;
    switch (promotion.kind) {
      case 'threshold':
        usable = promotion.tiers.every((tier) => moneyUsable(tier.threshold, currency) && moneyUsable(tier.discount, currency));
        break;
      case 'add-on':
        usable = moneyUsable(promotion.threshold, currency) && moneyUsable(promotion.price, currency);
        break;
      case 'shipping':
        usable =
          moneyUsable(promotion.fee, currency) &&
          (promotion.freeThreshold === undefined || moneyUsable(promotion.freeThreshold, currency));
        break;
      default:
        usable = true;
    }
    if (!usable) console.warn(`[storefront-elements] Promotion "${promotion.id}" is not in ${currency}; the cart ignores it.`);
    return usable;
  });
}

/** The next flash-sale start or end after `now` among `products`: when the cart's prices change by themselves. */
export function nextFlashBoundary(products: Iterable<Product | null | undefined>, now: number): number | null {
  let next: number | null = null;
  for (const product of products) {
    const sale = product?.flashSale;
    if (!sale) continue;
    for (const at of [sale.startsAt, sale.endsAt]) {
      if (Number.isFinite(at) && at > now && (next === null || at < next)) next = at;
    }
  }
  return next;
}

export interface CartViewInput {
  lines: readonly CartLine[];
  /** Every sku of `lines`, looked up. A missing entry counts as a failed lookup. */
  lookups: ReadonlyMap<string, ProductLookupResult>;
  promotions: readonly Promotion[];
  member: Member | null;
  now: number;
  currency: string;
}

/** The part of the view that follows from the inputs alone (no suggestions, no add-on product yet). */
export type PricedCartView = Pick<
  CartView,
  'lines' | 'priced' | 'count' | 'promotions' | 'member' | 'freeShippingGap' | 'addOnOffer' | 'at'
> & { errors: CartViewError[] };

function errorOf(error: StorefrontError, sku?: string): CartViewError {
  return { ...(sku === undefined ? {} : { sku }), code: error.code as StorefrontErrorCode, message: error.message };
}

/**
 * Joins the lines with their products and prices the available ones. Every stored line is in the
 * result, in order: lines that cannot be priced get a status and a reason instead of vanishing.
 */
export function buildPricedView(input: CartViewInput): PricedCartView {
  const { lines, lookups, member, now, currency } = input;
  const promotions = usablePromotions(input.promotions, currency);
  const errors: CartViewError[] = [];
  const views: CartLineView[] = lines.map((line) => {
    const lookup = lookups.get(line.sku);
    let product: Product | null = null;
    let reason: CartLineReason | null = null;
    if (!lookup || lookup.error) {
      reason = lookup?.error?.code === 'invalid-response' ? 'invalid' : 'offline';
      if (lookup?.error) errors.push(errorOf(lookup.error, line.sku));
    } else if (lookup.product === null) {
      reason = 'removed';
    } else {
      product = lookup.product;
      reason = priceProblem(product, currency);
    }
    const current = product && reason === null ? unitPriceAt(product, now) : null;
    const seen = line.unitPriceAtAdd;
    const priceChanged =
      current && seen && isMoney(seen) && seen.currency === current.currency && seen.amount !== current.amount
        ? { from: seen, to: current }
        : null;
    if (product === null || reason !== null) {
      return {
        line,
        product,
        status: 'unavailable',
        ...(reason ? { reason } : {}),
        maxQuantity: 0,
        capped: false,
        priceChanged: null,
        priced: null,
      };
    }
    const maxQuantity = maxQuantityOf(product);
    if (maxQuantity === 0) {
      return { line, product, status: 'sold-out', maxQuantity: 0, capped: false, priceChanged, priced: null };
    }
    return { line, product, status: 'ok', maxQuantity, capped: line.quantity > maxQuantity, priceChanged, priced: null };
  });

  const available = views.filter((view) => view.status === 'ok');
  const priceInput = available.map((view) => ({
    product: view.product!,
    quantity: Math.min(view.line.quantity, view.maxQuantity),
    key: view.line.key,
  }));
  let priced: PricedCart;
  let applied = promotions;
  try {
    priced = priceCart({ lines: priceInput, promotions, member, now, currency });
  } catch (error) {
    // A promotion the engine refuses must not blank the cart: price without promotions, say so.
    const failure = error as StorefrontError;
    errors.push(errorOf(failure));
    applied = [];
    try {
      priced = priceCart({ lines: priceInput, promotions: [], member, now, currency });
    } catch (again) {
      errors.push(errorOf(again as StorefrontError));
      priced = emptyPricedCart(currency);
    }
  }
  available.forEach((view, i) => {
    view.priced = priced.lines[i] ?? null;
  });

  return {
    lines: views,
    priced,
    count: lines.reduce((sum, line) => sum + line.quantity, 0),
    promotions: [...input.promotions],
    member,
    freeShippingGap: freeShippingGap(priced, applied),
    addOnOffer: addOnOffer(priced, applied),
    at: now,
    errors,
  };
}

/**
 * "Bought together": the related products of the cart's products (in line order, then in the
 * order each product lists them), leaving out what is in the cart and what is sold out.
 */
export function pickSuggestions(inCart: readonly (Product | null)[], byId: ReadonlyMap<string, Product>, limit = 6): Product[] {
  const taken = new Set<string>();
  for (const product of inCart) if (product) taken.add(product.id).add(`sku:${product.sku}`);
  const picked: Product[] = [];
  for (const product of inCart) {
    for (const id of product?.related ?? []) {
      if (picked.length >= limit) return picked;
      const candidate = byId.get(id);
      if (!candidate || taken.has(candidate.id) || taken.has(`sku:${candidate.sku}`) || candidate.stock === 0) continue;
      taken.add(candidate.id);
      picked.push(candidate);
    }
  }
  return picked;
}

/** Related ids of `products` that `pickSuggestions` would look for. */
export function relatedIds(products: readonly (Product | null)[]): string[] {
  return [...new Set(products.flatMap((product) => product?.related ?? []))];
}
