import type { Insertable } from 'kysely';
import { foldText } from '../../../src/catalog/catalog-query.js';
import type { Product } from '../../../src/core/types.js';
import type { ProductsTable } from '../db/tables.js';

/** A Product as its table row: the JSON plus the columns the catalog filters and sorts on. */
export function productRow(product: Product, position: number, now: number): Insertable<ProductsTable> {
  const translations = Object.values(product.translations ?? {});
  return {
    sku: product.sku,
    id: product.id,
    position,
    series: product.series ?? null,
    category: product.category ?? null,
    price: product.price.amount,
    currency: product.price.currency,
    sale_price: product.flashSale?.price.amount ?? null,
    sale_starts_at: product.flashSale?.startsAt ?? null,
    sale_ends_at: product.flashSale?.endsAt ?? null,
    rating_average: product.rating?.average ?? 0,
    rating_count: product.rating?.count ?? 0,
    created_at: product.createdAt ?? 0,
    stock: product.stock ?? null,
    // The same text the local adapter's textScore() searches.
    search_title: foldText([product.title, ...translations.map((t) => t.title ?? '')].join(' ')),
    search_tags: foldText((product.tags ?? []).join(' ')),
    search_description: foldText([product.description ?? '', ...translations.map((t) => t.description ?? '')].join(' ')),
    data: JSON.stringify(product),
    updated_at: now,
  };
}

/** The Product of a row: its JSON with the stock column (the authoritative count). */
export function productOf(row: { data: unknown; stock: number | null }): Product {
  const product = { ...(row.data as Product) };
  if (row.stock === null) delete product.stock;
  else product.stock = row.stock;
  return product;
}
