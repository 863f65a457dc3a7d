import * as v from 'valibot';
import type { CallOptions, CatalogCapability, HelpCapability } from '../adapter.js';
import {
  CatalogPageShapeSchema,
  FacetsSchema,
  HelpArticleSchema,
  itemsSchema,
  ProductSchema,
  PromotionSchema,
} from '../../core/schemas.js';
import type { CatalogPage, CatalogQuery, Product } from '../../core/types.js';
import type { HttpClient } from './http-client.js';

const ProductItemsSchema = itemsSchema(ProductSchema);

/**
 * Keeps the products that pass validation. A page is not thrown away for one bad product, but
 * what was dropped leaves the total too, so the count matches what the shopper can reach.
 */
function validProducts(items: readonly unknown[]): { products: Product[]; dropped: number } {
  const products: Product[] = [];
  for (const item of items) {
    const checked = v.safeParse(ProductSchema, item);
    if (checked.success) products.push(checked.output);
  }
  return { products, dropped: items.length - products.length };
}

export function restCatalog(http: HttpClient): Required<CatalogCapability> {
  return {
    async list(query: CatalogQuery, options?: CallOptions): Promise<CatalogPage> {
      const { series, category, query: text, sort, page, pageSize } = query ?? {};
      const raw = await http.request(
        {
          method: 'GET',
          path: '/products',
          query: { series, category, query: text, sort, page, pageSize },
          schema: CatalogPageShapeSchema,
          cache: true,
        },
        options,
      );
      const { products, dropped } = validProducts(raw.items);
      if (dropped > 0) console.warn(`[storefront-elements] The shop sent ${dropped} malformed product(s); they are not shown.`);
      return { items: products, total: Math.max(products.length, raw.total - dropped) };
    },

    get(sku: string, options?: CallOptions): Promise<Product | null> {
      if (typeof sku !== 'string' || sku === '') return Promise.resolve(null);
      return http.lookup(
        { method: 'GET', path: `/products/${encodeURIComponent(sku)}`, schema: ProductSchema, cache: true },
        options,
      );
    },

    // One request: more than the contract's 100 ids is the server's `validation` to give.
    async byIds(ids: string[], options?: CallOptions): Promise<Product[]> {
      if (Array.isArray(ids) && ids.length === 0) return [];
      const answer = await http.request(
        { method: 'GET', path: '/products/by-id', query: { ids }, schema: ProductItemsSchema },
        options,
      );
      return answer.items;
    },

    facets(options?: CallOptions) {
      return http.request({ method: 'GET', path: '/facets', schema: FacetsSchema, cache: true }, options);
    },

    async promotions(options?: CallOptions) {
      const answer = await http.request(
        { method: 'GET', path: '/promotions', schema: itemsSchema(PromotionSchema), cache: true },
        options,
      );
      return answer.items;
    },
  };
}

export function restHelp(http: HttpClient): HelpCapability {
  return {
    async articles(options?: CallOptions) {
      const answer = await http.request(
        { method: 'GET', path: '/help/articles', schema: itemsSchema(HelpArticleSchema), cache: true },
        options,
      );
      return answer.items;
    },
  };
}
