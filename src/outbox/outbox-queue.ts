import { toStorefrontError } from '../core/errors.js';
import type { StorageBackend } from '../storage/backend.js';
import type { StoredOutboxItem } from '../storage/schema.js';
import { readRecord, type QueueRecord } from './outbox-records.js';

export function isPending(record: QueueRecord): boolean {
  return record.status === 'queued' || record.status === 'sending';
}

/**
 * The outbox's records in the store's IndexedDB (or memory) backend. Every read validates:
 * a record that fails (an older release, devtools) is deleted and counted, never sent, and
 * never stops the flusher.
 */
export class OutboxQueue {
  dropped = 0;

  constructor(private readonly backend: StorageBackend) {}

  /** The valid records in send order (their auto-incremented ids). */
  async read(): Promise<QueueRecord[]> {
    const raw = await this.backend.getAll('outbox');
    const records: QueueRecord[] = [];
    const garbage: unknown[] = [];
    for (const value of raw) {
      const record = readRecord(value);
      if (record) records.push(record);
      else garbage.push(value);
    }
    if (garbage.length > 0) await this.drop(garbage);
    return records.sort((a, b) => a.id - b.id);
  }

  private async drop(garbage: unknown[]): Promise<void> {
    let removed = 0;
    for (const value of garbage) {
      const key = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
      if (key === undefined || key === null) continue;
      try {
        // Any valid IndexedDB key may have been written by hand, not only numbers.
        await this.backend.delete('outbox', key as number);
        removed += 1;
      } catch {
        // An invalid key cannot be stored either; nothing to delete.
      }
    }
    if (removed === 0) return;
    this.dropped += removed;
    console.warn(
      `[storefront-elements] Outbox: dropped ${removed} unreadable queued write${removed === 1 ? '' : 's'} (written by another release or by hand).`,
    );
  }

  async find(idempotencyKey: string): Promise<QueueRecord | undefined> {
    return (await this.read()).find((record) => record.idempotencyKey === idempotencyKey);
  }

  /** Stores a new record; `quota` when the browser has no room. */
  async add(record: StoredOutboxItem): Promise<void> {
    try {
      await this.backend.put('outbox', record);
    } catch (error) {
      throw toStorefrontError(error);
    }
  }

  /**
   * Atomic read-modify-write of one record (serialized with other tabs by IndexedDB).
   * `change` returns the new record, `'delete'`, or null to leave it as it is; the result is
   * the record written, or null when nothing was.
   */
  async change(id: number, change: (current: QueueRecord) => StoredOutboxItem | 'delete' | null): Promise<QueueRecord | null> {
    let written: QueueRecord | null = null;
    await this.backend.update('outbox', id, (raw) => {
      const current = raw === undefined ? null : readRecord(raw);
      if (!current) return raw;
      const next = change(current);
      if (next === 'delete') return undefined;
      if (!next) return raw;
      written = readRecord(next);
      return next;
    });
    return written;
  }

  async remove(id: number): Promise<void> {
    await this.backend.delete('outbox', id);
  }
}
