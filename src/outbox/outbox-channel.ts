import { readRecord, type QueueRecord } from './outbox-records.js';
import type { OutboxChange } from './outbox-types.js';

type ChangeStatus = OutboxChange['status'];

interface OutboxMessage {
  type: 'outbox';
  source: string;
  status: ChangeStatus;
  record: unknown;
}

const STATUSES: ReadonlySet<string> = new Set<ChangeStatus>(['queued', 'sending', 'sent', 'failed', 'removed']);

export interface OutboxChannel {
  post(status: ChangeStatus, record: QueueRecord): void;
  close(): void;
}

/**
 * Tells the other tabs of the store what happened to an item (queued, sending, sent with its
 * result, failed with its error, removed), so a widget there shows the outcome at once.
 * Unlike the change channel this one carries the record: an outcome is an event, and a tab
 * that reads it from IndexedDB later may find it already acknowledged. Messages are
 * validated like records read back from storage.
 */
export function createOutboxChannel(
  storeId: string,
  source: string,
  onChange: (status: ChangeStatus, record: QueueRecord) => void,
): OutboxChannel {
  let channel: BroadcastChannel | null = null;
  try {
    channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`storefront-elements:outbox:${storeId}`) : null;
  } catch {
    channel = null;
  }
  channel?.addEventListener('message', (event: MessageEvent<unknown>) => {
    const message = event.data as Partial<OutboxMessage> | null;
    if (typeof message !== 'object' || message === null || message.type !== 'outbox') return;
    if (message.source === source || typeof message.status !== 'string' || !STATUSES.has(message.status)) return;
    const record = readRecord(message.record);
    if (record) onChange(message.status as ChangeStatus, record);
  });
  return {
    post(status, record) {
      try {
        channel?.postMessage({ type: 'outbox', source, status, record } satisfies OutboxMessage);
      } catch {
        // A result that cannot be cloned or a closed channel: the other tabs read storage later.
      }
    },
    close() {
      channel?.close();
      channel = null;
    },
  };
}
