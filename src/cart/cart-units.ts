/**
 * The small, always-needed part of the cart's rules: line limits and the unit price. Kept apart
 * from the view model and the pricing engine, which load with the first cart view.
 */
import type { StorefrontError } from '../core/errors.js';
import { isMoney, type Money } from '../core/money.js';
import type { Product } from '../core/types.js';

/** No single line may hold more than this, whatever the stock: a typo guard (1e9). */
export const MAX_LINE_QUANTITY = 999;

/** How one sku was looked up: the product (null = the catalog does not have it), or why not. */
export type ProductLookupResult =
  { product: Product | null; error?: undefined } | { product?: undefined; error: StorefrontError };

/** The unit price at `now`, as `priceCart` takes it: the flash-sale price inside its window when below list. */
export function unitPriceAt(product: Product, now: number): Money {
  const sale = product.flashSale;
  if (
    sale &&
    isMoney(sale.price) &&
    sale.price.currency === product.price.currency &&
    now >= sale.startsAt &&
    now < sale.endsAt &&
    sale.price.amount < product.price.amount
  ) {
    return sale.price;
  }
  return product.price;
}

/** Why a product cannot be priced in a cart of `currency`, or null when it can. */
export function priceProblem(product: Product, currency: string): 'price' | 'currency' | null {
  const prices = [product.price, ...(product.flashSale ? [product.flashSale.price] : [])];
  for (const price of prices) if (!isMoney(price) || price.amount < 0) return 'price';
  for (const price of prices) if (price.currency !== currency) return 'currency';
  return null;
}

/** The most units of `product` one line may hold now: min(stock, MAX_LINE_QUANTITY). */
export function maxQuantityOf(product: Product): number {
  const stock = product.stock;
  return typeof stock === 'number' && Number.isSafeInteger(stock) && stock >= 0
    ? Math.min(stock, MAX_LINE_QUANTITY)
    : MAX_LINE_QUANTITY;
}
