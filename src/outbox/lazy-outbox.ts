import type { StorageBackend } from '../storage/backend.js';
import type { OutboxOptions } from './outbox.js';
import type { FlushSummary, Outbox, OutboxChange, OutboxListener } from './outbox-types.js';

/**
 * The outbox as every storefront carries it: the queue, flusher and their validation load
 * (a chunk of their own) only when a page writes, subscribes, or finds writes an earlier page
 * left queued, at start or when the network comes back. Most page views do neither.
 */
export function createLazyOutbox(options: OutboxOptions): Outbox {
  let impl: Outbox | null = null;
  let loading: Promise<Outbox> | null = null;
  let backend: StorageBackend | undefined;
  let closed = false;
  const listeners = new Set<OutboxListener>();
  const dispatch = (change: OutboxChange) => {
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error('[storefront-elements] An outbox listener threw.', error);
      }
    }
  };

  const load = (): Promise<Outbox> =>
    (loading ??= import('./outbox.js').then(({ createOutbox }) => {
      impl = createOutbox(options);
      impl.subscribe(dispatch);
      if (closed) impl.close();
      return impl;
    }));

  // Writes a closed tab left behind are sent by the next page that opens the store.
  const loadIfQueued = () => {
    if (closed || loading) return;
    void options.storage
      .then(async (opened) => {
        backend = opened;
        if (!closed && (await opened.getAll('outbox')).length > 0) await load();
      })
      .catch(() => {});
  };
  loadIfQueued();
  globalThis.addEventListener?.('online', loadIfQueued);

  return {
    submit: async (submission) => (await load()).submit(submission),
    pending: async () => (await load()).pending(),
    items: async () => (await load()).items(),
    flush: async (): Promise<FlushSummary> => (await load()).flush(),
    acknowledge: async (id) => (await load()).acknowledge(id),
    subscribe(listener) {
      listeners.add(listener);
      void load().catch(() => {});
      return () => listeners.delete(listener);
    },
    get persistent() {
      return impl?.persistent ?? backend?.persistent ?? false;
    },
    get dropped() {
      return impl?.dropped ?? 0;
    },
    close() {
      closed = true;
      globalThis.removeEventListener?.('online', loadIfQueued);
      impl?.close();
      listeners.clear();
    },
  };
}
