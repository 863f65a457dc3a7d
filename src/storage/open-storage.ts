import { StorefrontError } from '../core/errors.js';
import type { FallbackReason, StorageBackend } from './backend.js';
import { IdbBackend } from './idb-backend.js';
import { MemoryBackend } from './memory-backend.js';
import { defaultIndexedDB, openDatabase, type OpenDatabaseOptions } from './open-database.js';
import { databaseName } from './schema.js';

export type StorageOptions = Omit<OpenDatabaseOptions, 'version' | 'onBlocked'>;

const REASON_TEXT: Record<FallbackReason, string> = {
  'no-indexeddb': 'IndexedDB is not available in this browser context (private mode or a sandboxed iframe?)',
  'open-failed': 'IndexedDB refused to open',
  'open-timeout': 'IndexedDB did not answer in time',
  'newer-version': 'a newer release of the kit upgraded storage on this site',
  closed: 'storage was closed',
};

/**
 * Opens the store's storage: IndexedDB when it works, otherwise memory with a console warning.
 * Never rejects: a shop without persistence still works for the length of the visit.
 */
export async function openStorage(storeId: string, options: StorageOptions = {}): Promise<StorageBackend> {
  const factory = options.indexedDB === undefined ? defaultIndexedDB() : options.indexedDB;
  const name = databaseName(storeId);
  let reason: FallbackReason = 'no-indexeddb';
  let cause: unknown;
  if (factory) {
    try {
      const db = await openDatabase(name, {
        ...options,
        indexedDB: factory,
        onBlocked: () =>
          console.warn(
            `[storefront-elements] Store "${storeId}": another tab holds an older connection to its storage; waiting for it to close.`,
          ),
      });
      return new IdbBackend(name, db, { ...options, indexedDB: factory });
    } catch (error) {
      cause = error;
      reason =
        error instanceof StorefrontError && error.code === 'timeout'
          ? 'open-timeout'
          : error instanceof StorefrontError && error.detail.reason === 'newer-version'
            ? 'newer-version'
            : 'open-failed';
    }
  }
  console.warn(
    `[storefront-elements] Store "${storeId}": ${REASON_TEXT[reason]}; the cart and cached data are kept in memory and last only as long as this page.`,
    ...(cause ? [cause] : []),
  );
  return new MemoryBackend(reason);
}
