import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Money } from '../core/money.js';

/** The schema version this build of the kit writes. Bump it together with a step in `migrate`. */
export const DB_VERSION = 2;

/** One database per store id, so two shops on one origin never mix their data. */
export function databaseName(storeId: string): string {
  return `storefront-elements:${storeId}`;
}

/** A cart line as stored since v2: keyed by `key` (the sku, or `sku#variant`). */
export interface StoredCartLine {
  key: string;
  sku: string;
  variant?: string;
  quantity: number;
  addedAt: number;
  updatedAt: number;
  unitPriceAtAdd?: Money;
}

/** A v1 cart line: keyed by sku, no timestamps but `addedAt`. Kept for the migration. */
export interface StoredCartLineV1 {
  sku: string;
  quantity: number;
  addedAt: number;
}

/** A product cached from the adapter, for offline and stale-while-revalidate reads. */
export interface StoredProduct {
  sku: string;
  cachedAt: number;
  product: unknown;
}

/**
 * A write waiting in (or settled by) the offline outbox. Keyed by an auto-incremented `id`, whose
 * order is the send order (FIFO across tabs). Fields after `createdAt` came with the outbox
 * itself; a record without them is a queued write that was never tried.
 */
export interface StoredOutboxItem {
  id?: number;
  kind: string;
  /** Given once, kept for every replay: the backend returns the first result for a repeat. */
  idempotencyKey: string;
  payload: unknown;
  createdAt: number;
  status?: 'queued' | 'sending' | 'sent' | 'failed';
  /** Sends tried so far. */
  attempts?: number;
  /** Backoff: the flusher's next regular try (a submit or `online` may try sooner). */
  nextAttemptAt?: number;
  /** The server's `Retry-After`: nothing tries before this. */
  notBefore?: number;
  /** The last failure (retryable while queued, final when failed). */
  error?: { code: string; message: string; detail?: Record<string, unknown> };
  /** What the adapter answered, kept until the outcome is acknowledged. */
  result?: unknown;
  settledAt?: number;
}

export interface StorefrontDB extends DBSchema {
  cart: { key: string; value: StoredCartLine; indexes: { updatedAt: number } };
  products: { key: string; value: StoredProduct };
  meta: { key: string; value: unknown };
  outbox: { key: number; value: StoredOutboxItem };
}

export type StoreName = StoreNames<StorefrontDB>;
export type StoreValue<S extends StoreName> = StorefrontDB[S]['value'];
export type StoreKey<S extends StoreName> = StorefrontDB[S]['key'];

/** The stores a connection must have for this build to use it. */
export const REQUIRED_STORES: readonly StoreName[] = ['cart', 'products', 'meta', 'outbox'];

type UpgradeTx = IDBPTransaction<StorefrontDB, StoreName[], 'versionchange'>;

/**
 * Brings a database from `oldVersion` up to `targetVersion`, one step at a time, so a visitor
 * who skipped releases is migrated through every step. Runs inside the versionchange
 * transaction: it may only await IndexedDB requests of that transaction.
 */
export async function migrate(
  db: IDBPDatabase<StorefrontDB>,
  oldVersion: number,
  targetVersion: number,
  tx: UpgradeTx,
): Promise<void> {
  // The v1 layout is written through an untyped handle: its shape is not today's schema.
  const raw = db as unknown as IDBPDatabase;
  if (oldVersion < 1 && targetVersion >= 1) {
    raw.createObjectStore('cart', { keyPath: 'sku' });
    raw.createObjectStore('products', { keyPath: 'sku' });
    raw.createObjectStore('meta');
  }
  if (oldVersion < 2 && targetVersion >= 2) {
    // v2 reshapes the cart: lines are keyed by `key` (sku plus optional variant) and carry
    // `updatedAt` and the price seen when added. Read every v1 line, rebuild the store, and
    // write them back, so nothing a shopper put in the cart is lost.
    const rawTx = tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
    const oldLines = (await rawTx.objectStore('cart').getAll()) as unknown[];
    raw.deleteObjectStore('cart');
    const cart = db.createObjectStore('cart', { keyPath: 'key' });
    cart.createIndex('updatedAt', 'updatedAt');
    db.createObjectStore('outbox', { keyPath: 'id', autoIncrement: true });
    for (const line of oldLines) {
      const upgraded = upgradeCartLineV1(line);
      // A line v1 could not read either is kept aside in meta rather than dropped.
      if (upgraded) await tx.objectStore('cart').put(upgraded);
      else await tx.objectStore('meta').put(line, `migration-v2-unreadable:${crypto.randomUUID()}`);
    }
  }
}

/** The v1 -> v2 reshaping of one cart line, or null if the record is not a v1 line. */
export function upgradeCartLineV1(record: unknown): StoredCartLine | null {
  if (typeof record !== 'object' || record === null) return null;
  const { sku, quantity, addedAt } = record as Partial<StoredCartLineV1>;
  if (typeof sku !== 'string' || !Number.isSafeInteger(quantity)) return null;
  const at = typeof addedAt === 'number' && Number.isFinite(addedAt) ? addedAt : Date.now();
  return { key: sku, sku, quantity: quantity as number, addedAt: at, updatedAt: at };
}
