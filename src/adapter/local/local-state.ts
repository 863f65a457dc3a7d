import { openDB, type IDBPDatabase } from 'idb';
import { defaultIndexedDB } from '../../storage/open-database.js';

/**
 * The local adapter's "server-side" state (posted messages, orders placed, subscriptions,
 * visit counts, the signed-in member), kept in its own IndexedDB database so it survives
 * reloads like a real backend would. Falls back to memory where IndexedDB is unavailable.
 */
export class LocalState {
  private readonly memory = new Map<string, unknown>();
  private db: Promise<IDBPDatabase | null>;

  constructor(namespace: string, factory: IDBFactory | null | undefined) {
    const idb = factory === undefined ? defaultIndexedDB() : factory;
    // idb's openDB uses the global factory; a custom factory means memory (tests, sandboxes).
    this.db =
      idb && idb === defaultIndexedDB()
        ? Promise.race([
            openDB(`storefront-elements-local:${namespace}`, 1, {
              upgrade: (db) => void db.createObjectStore('records'),
              blocking: (_current, _blocked, event) => (event.target as IDBDatabase).close(),
            }),
            new Promise<null>((resolve) => setTimeout(() => resolve(null), 3000)),
          ]).catch(() => null)
        : Promise.resolve(null);
  }

  async get<T>(key: string): Promise<T | undefined> {
    const db = await this.db;
    if (!db) return structuredClone(this.memory.get(key)) as T | undefined;
    return (await db.get('records', key)) as T | undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    const db = await this.db;
    if (!db) this.memory.set(key, structuredClone(value));
    else await db.put('records', value, key);
  }

  async delete(key: string): Promise<void> {
    const db = await this.db;
    if (!db) this.memory.delete(key);
    else await db.delete('records', key);
  }

  /** Every value whose key starts with `prefix`. */
  async list<T>(prefix: string): Promise<T[]> {
    const db = await this.db;
    if (!db) return [...this.memory].filter(([key]) => key.startsWith(prefix)).map(([, value]) => structuredClone(value) as T);
    return (await db.getAll('records', IDBKeyRange.bound(prefix, `${prefix}\uffff`))) as T[];
  }

  /** Atomic read-modify-write of one key (visit counters shared by tabs). */
  async update<T>(key: string, change: (current: T | undefined) => T): Promise<T> {
    const db = await this.db;
    if (!db) {
      const next = change(this.memory.get(key) as T | undefined);
      this.memory.set(key, structuredClone(next));
      return next;
    }
    const tx = db.transaction('records', 'readwrite');
    const next = change((await tx.store.get(key)) as T | undefined);
    await tx.store.put(next, key);
    await tx.done;
    return next;
  }

  async close(): Promise<void> {
    (await this.db)?.close();
  }
}

/** What the local adapter's parts (guestbook, visits, newsletter, mail) work with. */
export interface LocalContext {
  state: LocalState;
  now(): number;
}
