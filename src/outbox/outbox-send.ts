import { requireCapability, type StorefrontAdapter, type WriteOptions } from '../adapter/adapter.js';
import type { OutboxKind, OutboxPayloads, OutboxResults } from './outbox-types.js';

/** Sends one write through the adapter method of its kind (`unsupported` when the adapter lacks it). */
export function sendWrite<K extends OutboxKind>(
  adapter: StorefrontAdapter,
  kind: K,
  payload: OutboxPayloads[K],
  options: WriteOptions,
): Promise<OutboxResults[K]> {
  const send = (): Promise<unknown> => {
    const item = { kind, payload } as { [P in OutboxKind]: { kind: P; payload: OutboxPayloads[P] } }[OutboxKind];
    switch (item.kind) {
      case 'guestbook.post':
        return requireCapability(adapter, 'guestbook').post(item.payload, options);
      case 'newsletter.subscribe':
        return requireCapability(adapter, 'newsletter').subscribe(item.payload, options);
      case 'feedback.send':
        return requireCapability(adapter, 'feedback').send(item.payload, options);
      case 'visits.record':
        return requireCapability(adapter, 'visits').record(item.payload, options);
      case 'checkout.begin':
        return requireCapability(adapter, 'checkout').begin(item.payload, options);
    }
  };
  // requireCapability throws synchronously: make it a rejection like any other failure.
  return Promise.resolve()
    .then(send)
    .then((result) => result as OutboxResults[K]);
}
