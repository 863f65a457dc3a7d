import type { FallbackReason, StorageBackend } from './backend.js';
import type { StoreKey, StoreName, StoreValue } from './schema.js';

const KEY_PATHS: Partial<Record<StoreName, string>> = { cart: 'key', products: 'sku', outbox: 'id' };

/**
 * The fallback when IndexedDB is missing or broken (private modes, sandboxed iframes): the
 * same API over Maps, living as long as the page. Values are cloned like IndexedDB would,
 * so callers cannot mutate stored state by accident.
 */
export class MemoryBackend implements StorageBackend {
  readonly persistent = false;
  readonly fallbackReason?: FallbackReason;
  private readonly stores = new Map<StoreName, Map<unknown, unknown>>();
  private nextId = 1;

  constructor(reason?: FallbackReason) {
    this.fallbackReason = reason;
  }

  private table(store: StoreName): Map<unknown, unknown> {
    let table = this.stores.get(store);
    if (!table) this.stores.set(store, (table = new Map()));
    return table;
  }

  private keyOf<S extends StoreName>(store: S, value: StoreValue<S>, key?: StoreKey<S>): unknown {
    if (key !== undefined) return key;
    const path = KEY_PATHS[store];
    if (!path) throw new DOMException('A key is required for this store.', 'DataError');
    const record = value as Record<string, unknown>;
    if (store === 'outbox' && record[path] === undefined) record[path] = this.nextId++;
    return record[path];
  }

  async get<S extends StoreName>(store: S, key: StoreKey<S>): Promise<StoreValue<S> | undefined> {
    const value = this.table(store).get(key);
    return value === undefined ? undefined : (structuredClone(value) as StoreValue<S>);
  }

  async getAll<S extends StoreName>(store: S): Promise<StoreValue<S>[]> {
    return [...this.table(store).values()].map((value) => structuredClone(value) as StoreValue<S>);
  }

  async put<S extends StoreName>(store: S, value: StoreValue<S>, key?: StoreKey<S>): Promise<void> {
    const copy = structuredClone(value);
    this.table(store).set(this.keyOf(store, copy, key), copy);
  }

  async putAll<S extends StoreName>(store: S, values: StoreValue<S>[]): Promise<void> {
    for (const value of values) await this.put(store, value);
  }

  async delete<S extends StoreName>(store: S, key: StoreKey<S>): Promise<void> {
    this.table(store).delete(key);
  }

  async clear(store: StoreName): Promise<void> {
    this.table(store).clear();
  }

  async update<S extends StoreName>(
    store: S,
    key: StoreKey<S>,
    change: (current: StoreValue<S> | undefined) => StoreValue<S> | undefined,
  ): Promise<StoreValue<S> | undefined> {
    // Single-threaded and synchronous between get and set: atomic within this page.
    const table = this.table(store);
    const current = table.get(key);
    const next = change(current === undefined ? undefined : (structuredClone(current) as StoreValue<S>));
    if (next === undefined) table.delete(key);
    else table.set(key, structuredClone(next));
    return next;
  }

  onReset(): () => void {
    return () => {};
  }

  close(): void {
    this.stores.clear();
  }
}
