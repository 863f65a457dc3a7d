import type { StoreKey, StoreName, StoreValue } from './schema.js';

/** Why storage is not persistent, when it is not. */
export type FallbackReason = 'no-indexeddb' | 'open-failed' | 'open-timeout' | 'newer-version' | 'closed';

/**
 * The storage the SDK's stores use: IndexedDB when the browser grants it, memory otherwise.
 * Records come back as `unknown`-ish values: stores validate what they read, because another
 * tab, an older release or the shopper's devtools may have written anything.
 */
export interface StorageBackend {
  /** False when data lives only as long as this page (IndexedDB missing, blocked or broken). */
  readonly persistent: boolean;
  readonly fallbackReason?: FallbackReason;
  get<S extends StoreName>(store: S, key: StoreKey<S>): Promise<StoreValue<S> | undefined>;
  getAll<S extends StoreName>(store: S): Promise<StoreValue<S>[]>;
  put<S extends StoreName>(store: S, value: StoreValue<S>, key?: StoreKey<S>): Promise<void>;
  putAll<S extends StoreName>(store: S, values: StoreValue<S>[]): Promise<void>;
  delete<S extends StoreName>(store: S, key: StoreKey<S>): Promise<void>;
  clear(store: StoreName): Promise<void>;
  /**
   * Atomic read-modify-write of one record: `change` gets the current value and returns the
   * new one (`undefined` deletes it). Two tabs updating the same key are serialized by
   * IndexedDB, so neither update is lost. `change` must be synchronous.
   */
  update<S extends StoreName>(
    store: S,
    key: StoreKey<S>,
    change: (current: StoreValue<S> | undefined) => StoreValue<S> | undefined,
  ): Promise<StoreValue<S> | undefined>;
  /** Called when the connection was replaced (another tab upgraded the schema): reload. */
  onReset(listener: () => void): () => void;
  close(): void;
}
