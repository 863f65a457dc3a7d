import type { IDBPDatabase } from 'idb';
import { StorefrontError, toStorefrontError } from '../core/errors.js';
import type { StorageBackend } from './backend.js';
import { openDatabase, type OpenDatabaseOptions } from './open-database.js';
import type { StoreKey, StoreName, StorefrontDB, StoreValue } from './schema.js';

/** Stores whose records carry their own key; the others take it beside the value. */
const IN_LINE_KEYS: ReadonlySet<StoreName> = new Set(['cart', 'products', 'outbox']);

/**
 * StorageBackend over one IndexedDB connection. When another tab upgrades or deletes the
 * database, this connection closes itself at once (so the other tab is not blocked), then
 * reopens whatever is there and tells the stores to reload.
 */
export class IdbBackend implements StorageBackend {
  readonly persistent = true;
  private db: IDBPDatabase<StorefrontDB> | null = null;
  private reopening: Promise<IDBPDatabase<StorefrontDB>> | null = null;
  private readonly resetListeners = new Set<() => void>();
  private closed = false;

  constructor(
    private readonly name: string,
    db: IDBPDatabase<StorefrontDB>,
    private readonly options: OpenDatabaseOptions,
  ) {
    this.attach(db);
  }

  private attach(db: IDBPDatabase<StorefrontDB>): void {
    this.db = db;
    const release = () => {
      if (this.db !== db) return;
      db.close();
      this.db = null;
      if (!this.closed)
        void this.connection().then(
          () => this.resetListeners.forEach((listener) => listener()),
          () => {},
        );
    };
    // Another tab wants a new version (or deletes the database): let go now, reopen after.
    db.addEventListener('versionchange', release);
    // The browser dropped the connection (storage cleared from settings).
    db.addEventListener('close', release);
  }

  private connection(): Promise<IDBPDatabase<StorefrontDB>> {
    if (this.closed) return Promise.reject(new StorefrontError('unavailable', 'Storage is closed.'));
    if (this.db) return Promise.resolve(this.db);
    this.reopening ??= openDatabase(this.name, this.options).then(
      (db) => {
        this.reopening = null;
        this.attach(db);
        return db;
      },
      (error: unknown) => {
        this.reopening = null;
        throw new StorefrontError(
          'unavailable',
          'Storage was closed by another tab and could not be reopened; reload the page.',
          {
            cause: error,
          },
        );
      },
    );
    return this.reopening;
  }

  private async run<T>(work: (db: IDBPDatabase<StorefrontDB>) => Promise<T>): Promise<T> {
    try {
      return await work(await this.connection());
    } catch (error) {
      throw toStorefrontError(error);
    }
  }

  get<S extends StoreName>(store: S, key: StoreKey<S>): Promise<StoreValue<S> | undefined> {
    return this.run((db) => db.get(store, key));
  }

  getAll<S extends StoreName>(store: S): Promise<StoreValue<S>[]> {
    return this.run((db) => db.getAll(store));
  }

  put<S extends StoreName>(store: S, value: StoreValue<S>, key?: StoreKey<S>): Promise<void> {
    return this.run(async (db) => {
      await db.put(store, value, IN_LINE_KEYS.has(store) ? undefined : key);
    });
  }

  putAll<S extends StoreName>(store: S, values: StoreValue<S>[]): Promise<void> {
    return this.run(async (db) => {
      const tx = db.transaction(store, 'readwrite');
      tx.done.catch(() => {});
      for (const value of values) void tx.store.put(value).catch(() => {});
      await tx.done;
    });
  }

  delete<S extends StoreName>(store: S, key: StoreKey<S>): Promise<void> {
    return this.run((db) => db.delete(store, key));
  }

  clear(store: StoreName): Promise<void> {
    return this.run((db) => db.clear(store));
  }

  update<S extends StoreName>(
    store: S,
    key: StoreKey<S>,
    change: (current: StoreValue<S> | undefined) => StoreValue<S> | undefined,
  ): Promise<StoreValue<S> | undefined> {
    return this.run(async (db) => {
      // One readwrite transaction: IndexedDB runs overlapping readwrite transactions one
      // after another, across tabs too, so the read and the write see no one in between.
      const tx = db.transaction(store, 'readwrite');
      tx.done.catch(() => {});
      try {
        const current = await tx.store.get(key);
        const next = change(current);
        if (next === undefined) await tx.store.delete(key);
        else await tx.store.put(next, IN_LINE_KEYS.has(store) ? undefined : key);
        await tx.done;
        return next;
      } catch (error) {
        try {
          tx.abort();
        } catch {
          // Already aborted by the error itself.
        }
        throw error;
      }
    });
  }

  onReset(listener: () => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  close(): void {
    this.closed = true;
    this.db?.close();
    this.db = null;
  }
}
