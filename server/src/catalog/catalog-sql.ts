import { sql, type Kysely, type SqlBool, type Expression } from 'kysely';
import { foldText, normalizeCatalogQuery } from '../../../src/catalog/catalog-query.js';
import type {
  CatalogPage,
  CatalogQuery,
  Facet,
  HelpArticle,
  PaymentMethod,
  Product,
  Promotion,
} from '../../../src/core/types.js';
import type { Database } from '../db/tables.js';
import { productOf } from './catalog-rows.js';

/** All SQL of the catalog tables (products, facets, promotions, help articles, payment methods). */
type Db = Kysely<Database>;

/**
 * The catalog page in SQL, with the sort semantics of applyCatalogQuery (src/catalog/catalog-query.ts):
 * every query term must be a substring of the folded title, tags or description; relevance
 * scores title 3, tags 2, description 1 per term; price sorts use the flash-sale price while a
 * sale runs; ties keep the catalog's order (its stable sort over the seed order).
 */
export async function listProducts(db: Db, query: CatalogQuery, now: number): Promise<CatalogPage> {
  const { series, category, sort, page, pageSize } = normalizeCatalogQuery(query);
  const terms = foldText(query.query ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 20);
  const conditions: Expression<SqlBool>[] = [];
  if (series) conditions.push(sql<SqlBool>`series = ${series}`);
  if (category) conditions.push(sql<SqlBool>`category = ${category}`);
  for (const term of terms) {
    conditions.push(
      sql<SqlBool>`(strpos(search_title, ${term}) > 0 OR strpos(search_tags, ${term}) > 0 OR strpos(search_description, ${term}) > 0)`,
    );
  }
  const where = conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  const score = terms.length
    ? sql.join(
        terms.map(
          (term) =>
            sql`(CASE WHEN strpos(search_title, ${term}) > 0 THEN 3 WHEN strpos(search_tags, ${term}) > 0 THEN 2 ELSE 1 END)`,
        ),
        sql` + `,
      )
    : sql`0`;
  const price = sql`(CASE WHEN sale_price IS NOT NULL AND ${now} >= sale_starts_at AND ${now} < sale_ends_at THEN sale_price ELSE price END)`;
  const order = {
    relevance: terms.length ? sql`${score} DESC, position` : sql`position`,
    'price-asc': sql`${price} ASC, position`,
    'price-desc': sql`${price} DESC, position`,
    newest: sql`created_at DESC, position`,
    rating: sql`rating_average DESC, rating_count DESC, position`,
  }[sort];
  const offset = (page - 1) * pageSize;
  const result = await sql<{ data: unknown; stock: number | null; total: number | string }>`
    SELECT data, stock, count(*) OVER () AS total FROM products ${where}
    ORDER BY ${order} LIMIT ${pageSize} OFFSET ${offset}`.execute(db);
  let total = Number(result.rows[0]?.total ?? 0);
  if (result.rows.length === 0 && offset > 0) {
    const counted = await sql<{ total: number | string }>`SELECT count(*) AS total FROM products ${where}`.execute(db);
    total = Number(counted.rows[0]?.total ?? 0);
  }
  return { items: result.rows.map(productOf), total };
}

export async function productBySku(db: Db, sku: string): Promise<Product | null> {
  const row = await db.selectFrom('products').select(['data', 'stock']).where('sku', '=', sku).executeTakeFirst();
  return row ? productOf(row) : null;
}

export async function productsByIds(db: Db, ids: string[]): Promise<Product[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('products').select(['id', 'data', 'stock']).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((row) => [row.id, productOf(row)]));
  return ids.map((id) => byId.get(id)).filter((product): product is Product => product !== undefined);
}

export async function facets(db: Db): Promise<{ series: Facet[]; categories: Facet[] }> {
  const rows = await db.selectFrom('facets').select(['kind', 'data']).orderBy('kind').orderBy('position').execute();
  return {
    series: rows.filter((row) => row.kind === 'series').map((row) => row.data as Facet),
    categories: rows.filter((row) => row.kind === 'category').map((row) => row.data as Facet),
  };
}

export async function promotions(db: Db): Promise<Promotion[]> {
  const rows = await db.selectFrom('promotions').select('data').orderBy('position').execute();
  return rows.map((row) => row.data as Promotion);
}

export async function helpArticles(db: Db): Promise<HelpArticle[]> {
  const rows = await db.selectFrom('help_articles').select('data').orderBy('position').execute();
  return rows.map((row) => row.data as HelpArticle);
}

export async function paymentMethods(db: Db): Promise<PaymentMethod[]> {
  const rows = await db.selectFrom('payment_methods').select('data').orderBy('position').execute();
  return rows.map((row) => row.data as PaymentMethod);
}
