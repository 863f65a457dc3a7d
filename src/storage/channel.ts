/** What one tab tells the others about a store it changed. */
export interface ChangeMessage {
  type: 'change';
  /** Which SDK store changed (`cart`, `products`...). */
  store: string;
  /** The sending storefront instance, so it can ignore its own echo. */
  source: string;
}

export interface ChangeChannel {
  post(store: string): void;
  subscribe(listener: (message: ChangeMessage) => void): () => void;
  close(): void;
}

function isChangeMessage(value: unknown): value is ChangeMessage {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Partial<ChangeMessage>;
  return message.type === 'change' && typeof message.store === 'string' && typeof message.source === 'string';
}

/**
 * Cross-tab change notifications for one store id over BroadcastChannel. Messages carry no
 * data, only "reload store X": the data itself is read from IndexedDB, the one source of truth.
 * Where BroadcastChannel is missing, tabs simply do not hear each other (nothing breaks).
 */
export function createChangeChannel(storeId: string, source: string): ChangeChannel {
  const listeners = new Set<(message: ChangeMessage) => void>();
  let channel: BroadcastChannel | null = null;
  try {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`storefront-elements:${storeId}`) : null;
  } catch {
    channel = null;
  }
  channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
    // Anything else on this channel (another library, a hostile frame) is ignored.
    if (!isChangeMessage(event.data) || event.data.source === source) return;
    for (const listener of listeners) listener(event.data);
  });
  return {
    post(store) {
      try {
        channel?.postMessage({ type: 'change', store, source } satisfies ChangeMessage);
      } catch {
        // A closed channel: the other tabs will catch up on their next load.
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel?.close();
      channel = null;
    },
  };
}
