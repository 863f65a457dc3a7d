import { wrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { StorefrontError } from '../core/errors.js';
import { DB_VERSION, migrate, REQUIRED_STORES, type StoreName, type StorefrontDB } from './schema.js';

export interface OpenDatabaseOptions {
  /** The IndexedDB factory; `null` means none. Defaults to the page's `indexedDB`. */
  indexedDB?: IDBFactory | null;
  /** How long to wait for `indexedDB.open` before giving up (ms). */
  timeout?: number;
  /** Schema version to open at: tests open v1 to prove the migration. Defaults to DB_VERSION. */
  version?: number;
  /** Another tab holds an older connection open and has not let go yet. */
  onBlocked?: () => void;
}

export const DEFAULT_OPEN_TIMEOUT = 4000;

/** The page's IndexedDB factory, or null where touching it throws (sandboxed iframes). */
export function defaultIndexedDB(): IDBFactory | null {
  try {
    return globalThis.indexedDB ?? null;
  } catch {
    return null;
  }
}

/**
 * Opens one raw connection. `version` undefined opens whatever version exists, which is how a
 * tab running an older release keeps working after a newer release upgraded the schema.
 */
function openRaw(
  factory: IDBFactory,
  name: string,
  version: number | undefined,
  onBlocked?: () => void,
): {
  promise: Promise<IDBDatabase>;
} {
  const promise = new Promise<IDBDatabase>((resolve, reject) => {
    const request = version === undefined ? factory.open(name) : factory.open(name, version);
    request.onupgradeneeded = (event) => {
      const tx = request.transaction;
      if (!tx) return;
      const db = wrap(request.result) as unknown as IDBPDatabase<StorefrontDB>;
      const wrappedTx = wrap(tx) as unknown as IDBPTransaction<StorefrontDB, StoreName[], 'versionchange'>;
      migrate(db, event.oldVersion, event.newVersion ?? version ?? DB_VERSION, wrappedTx).catch((error: unknown) => {
        console.error('[storefront-elements] Storage migration failed; nothing was changed.', error);
        try {
          tx.abort();
        } catch {
          // Already finished or aborted.
        }
      });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new DOMException('open failed', 'UnknownError'));
    request.onblocked = () => onBlocked?.();
  });
  return { promise };
}

/**
 * Opens the store's database with a time limit: `indexedDB.open` may never answer (a blocked
 * upgrade, a wedged browser profile) and a widget must not hang on it. A connection that
 * arrives after the limit is closed at once so it blocks nobody.
 */
export async function openDatabase(name: string, options: OpenDatabaseOptions = {}): Promise<IDBPDatabase<StorefrontDB>> {
  const factory = options.indexedDB === undefined ? defaultIndexedDB() : options.indexedDB;
  if (!factory) throw new StorefrontError('unavailable', 'IndexedDB is not available in this browser context.');
  const timeout = options.timeout ?? DEFAULT_OPEN_TIMEOUT;
  const version = options.version ?? DB_VERSION;

  let timedOut = false;
  const attempt = async (): Promise<IDBDatabase> => {
    try {
      return await openRaw(factory, name, version, options.onBlocked).promise;
    } catch (error) {
      // The database is newer than this build (a newer release ran on this origin): open it
      // as it is and use it if it still has the stores we need.
      if ((error as DOMException)?.name !== 'VersionError' || timedOut) throw error;
      const db = await openRaw(factory, name, undefined, options.onBlocked).promise;
      const missing = REQUIRED_STORES.filter((store) => !db.objectStoreNames.contains(store));
      if (missing.length > 0) {
        db.close();
        throw new StorefrontError('unavailable', `Storage was upgraded by a newer release (missing ${missing.join(', ')}).`, {
          detail: { reason: 'newer-version' },
        });
      }
      return db;
    }
  };

  const opening = attempt();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeoutPromise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new StorefrontError('timeout', `indexedDB.open did not answer within ${timeout} ms.`));
    }, timeout);
  });
  try {
    const db = await Promise.race([opening, timeoutPromise]);
    return wrap(db) as unknown as IDBPDatabase<StorefrontDB>;
  } catch (error) {
    if (timedOut) opening.then((late) => late.close()).catch(() => {});
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
