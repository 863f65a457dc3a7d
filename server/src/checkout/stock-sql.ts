import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/tables.js';

/** All SQL that moves stock (products.stock). */
type Db = Kysely<Database>;

/** Locks the products' rows (in sku order, so concurrent checkouts cannot deadlock). */
export async function lockProducts(db: Db, skus: string[]): Promise<{ sku: string; data: unknown; stock: number | null }[]> {
  if (skus.length === 0) return [];
  return db
    .selectFrom('products')
    .select(['sku', 'data', 'stock'])
    .where('sku', 'in', [...skus].sort())
    .orderBy('sku')
    .forUpdate()
    .execute();
}

/** Takes `quantity` units; false when not enough are left (the row is unchanged). */
export async function takeStock(db: Db, sku: string, quantity: number, now: number): Promise<boolean> {
  const result = await sql`
    UPDATE products SET stock = stock - ${quantity}, updated_at = ${now}
    WHERE sku = ${sku} AND (stock IS NULL OR stock >= ${quantity})`.execute(db);
  return Number(result.numAffectedRows ?? 0n) > 0;
}

export async function releaseStock(db: Db, lines: { sku: string; quantity: number }[]): Promise<void> {
  for (const line of lines) {
    await sql`UPDATE products SET stock = stock + ${line.quantity} WHERE sku = ${line.sku} AND stock IS NOT NULL`.execute(db);
  }
}
