import { StorefrontError } from '../core/errors.js';
import type { CatalogPage, CatalogQuery, Product, SortOrder } from '../core/types.js';

export const DEFAULT_PAGE_SIZE = 24;
export const MAX_PAGE_SIZE = 200;
export const SORT_ORDERS: readonly SortOrder[] = ['relevance', 'price-asc', 'price-desc', 'newest', 'rating'];

/** A query with defaults filled in, or a `validation` error naming the bad field. */
export function normalizeCatalogQuery(
  query: CatalogQuery = {},
): Required<Pick<CatalogQuery, 'sort' | 'page' | 'pageSize'>> & CatalogQuery {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const sort = query.sort ?? 'relevance';
  if (!Number.isSafeInteger(page) || page < 1) {
    throw new StorefrontError('validation', `page must be a whole number from 1, got ${String(page)}.`, {
      detail: { field: 'page' },
    });
  }
  if (!Number.isSafeInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw new StorefrontError(
      'validation',
      `pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${String(pageSize)}.`,
      {
        detail: { field: 'pageSize' },
      },
    );
  }
  if (!SORT_ORDERS.includes(sort)) {
    throw new StorefrontError('validation', `sort must be one of ${SORT_ORDERS.join(', ')}, got ${String(sort)}.`, {
      detail: { field: 'sort' },
    });
  }
  return { ...query, page, pageSize, sort };
}

/** Lower-case, NFKC (full-width ＴＳＨＩＲＴ becomes tshirt), collapsed whitespace. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The price a product sells at `now`: the flash-sale price inside its window, else list. */
export function effectivePrice(product: Product, now: number): number {
  const sale = product.flashSale;
  if (sale && now >= sale.startsAt && now < sale.endsAt) return sale.price.amount;
  return product.price.amount;
}

function textScore(product: Product, terms: string[]): number {
  // Plain substring scoring: title over tags over description. The search issue replaces
  // this with the real index; the shape of the call stays the same.
  const title = foldText([product.title, ...Object.values(product.translations ?? {}).map((t) => t.title ?? '')].join(' '));
  const tags = foldText((product.tags ?? []).join(' '));
  const description = foldText(
    [product.description ?? '', ...Object.values(product.translations ?? {}).map((t) => t.description ?? '')].join(' '),
  );
  let score = 0;
  for (const term of terms) {
    const termScore = title.includes(term) ? 3 : tags.includes(term) ? 2 : description.includes(term) ? 1 : 0;
    if (termScore === 0) return 0;
    score += termScore;
  }
  return score;
}

const COMPARATORS: Record<Exclude<SortOrder, 'relevance'>, (now: number) => (a: Product, b: Product) => number> = {
  'price-asc': (now) => (a, b) => effectivePrice(a, now) - effectivePrice(b, now),
  'price-desc': (now) => (a, b) => effectivePrice(b, now) - effectivePrice(a, now),
  newest: () => (a, b) => (b.createdAt ?? 0) - (a.createdAt ?? 0),
  rating: () => (a, b) => (b.rating?.average ?? 0) - (a.rating?.average ?? 0) || (b.rating?.count ?? 0) - (a.rating?.count ?? 0),
};

/** Filters, sorts and pages a product list: the local adapter and the offline cache share it. */
export function applyCatalogQuery(products: readonly Product[], query: CatalogQuery = {}, now = Date.now()): CatalogPage {
  const { series, category, sort, page, pageSize } = normalizeCatalogQuery(query);
  const terms = foldText(query.query ?? '')
    .split(' ')
    .filter(Boolean);
  let matches = products.filter(
    (product) => (!series || product.series === series) && (!category || product.category === category),
  );
  if (terms.length > 0) {
    const scored = matches.map((product) => ({ product, score: textScore(product, terms) })).filter((hit) => hit.score > 0);
    if (sort === 'relevance') scored.sort((a, b) => b.score - a.score);
    matches = scored.map((hit) => hit.product);
  }
  if (sort !== 'relevance') matches = [...matches].sort(COMPARATORS[sort](now));
  const start = (page - 1) * pageSize;
  return { items: matches.slice(start, start + pageSize), total: matches.length };
}
