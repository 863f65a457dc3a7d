import type { StorefrontAdapter } from '../adapter/adapter.js';
import { DEFAULT_TIMEOUT_MS, withDeadline } from '../core/deadline.js';
import { StorefrontError, toStorefrontError } from '../core/errors.js';
import type { VisitEvent } from '../core/types.js';
import type { StorageBackend } from '../storage/backend.js';
import type { StoredOutboxItem } from '../storage/schema.js';
import { backoffDelay, isRetryableSend, retryAfterMs, type BackoffOptions } from './backoff.js';
import { createFlushLock, type FlushLock, type LockManagerLike } from './flush-lock.js';
import { createOutboxChannel, type OutboxChannel } from './outbox-channel.js';
import { isPending, OutboxQueue } from './outbox-queue.js';
import { checkPayload, isOutboxKind, MAX_VISIT_BATCH, storeError, toItem, type QueueRecord } from './outbox-records.js';
import { sendWrite } from './outbox-send.js';
import type {
  AnyOutboxItem,
  FlushSummary,
  Outbox,
  OutboxChange,
  OutboxKind,
  OutboxListener,
  OutboxOutcome,
  OutboxPayloads,
  OutboxResults,
} from './outbox-types.js';

export interface OutboxOptions {
  storeId: string;
  adapter: StorefrontAdapter;
  /** The store's storage (IndexedDB, or memory when unavailable). */
  storage: Promise<StorageBackend>;
  /** This page's id (the storefront instance), so it ignores its own channel messages. */
  source?: string;
  now?: () => number;
  /** How long one send may take (ms, default 10 s). */
  timeout?: number;
  /** `navigator.locks` by default; `null` uses the IndexedDB lease fallback. */
  locks?: LockManagerLike | null;
  backoff?: BackoffOptions;
  /** Whether the browser believes it is online (default `navigator.onLine`). */
  online?: () => boolean;
  /** Runs `run` after `ms` and returns a cancel function (default setTimeout; tests pin it). */
  schedule?: (run: () => void, ms: number) => () => void;
  /** How long a sent outcome no one acknowledged is kept (ms, default 24 h). */
  sentTtl?: number;
  /** Send what earlier pages left queued as soon as storage is open (default true). */
  flushOnStart?: boolean;
}

const DAY = 24 * 60 * 60_000;

function defaultOnline(): boolean {
  try {
    return globalThis.navigator?.onLine !== false;
  } catch {
    return true;
  }
}

function defaultSchedule(run: () => void, ms: number): () => void {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
}

/** The record settled: retry bookkeeping cleared, outcome fields set. */
function settled(record: QueueRecord, fields: Partial<StoredOutboxItem>): StoredOutboxItem {
  const { nextAttemptAt: _next, notBefore: _notBefore, error: _error, ...rest } = record;
  return { ...rest, ...fields };
}

/**
 * The offline write queue of one store (see `Outbox`). Items live in the `outbox` object store
 * in their send order; a flush, under the per-origin flush lock, sends the oldest pending item,
 * re-reads, and goes on until the queue is empty or an item fails in a way worth retrying
 * (strict FIFO: later items wait behind it). A refused item is marked failed and does not block.
 */
export class StorefrontOutbox implements Outbox {
  private backend: StorageBackend | undefined;
  private queue: OutboxQueue | undefined;
  private readonly opening: Promise<OutboxQueue>;
  private readonly listeners = new Set<OutboxListener>();
  private readonly lock: FlushLock;
  private readonly channel: OutboxChannel;
  private readonly now: () => number;
  private readonly online: () => boolean;
  private readonly schedule: (run: () => void, ms: number) => () => void;
  private readonly timeout: number;
  /** Keys a submit in this page is waiting on, with how many submits wait (merged visits). */
  private readonly waiting = new Map<string, number>();
  /** Answers to those submits, for items this page sent (their records are deleted at once). */
  private readonly sentHere = new Map<string, unknown>();
  /** Which send this page tried last for a key (a counter): a flush asked for later may retry it, an earlier one not. */
  private readonly triedAt = new Map<string, number>();
  private tries = 0;
  private cancelTimer: (() => void) | null = null;
  private closed = false;
  private readonly onOnline = () => void this.flush();

  constructor(private readonly options: OutboxOptions) {
    const source = options.source ?? crypto.randomUUID();
    this.now = options.now ?? Date.now;
    this.online = options.online ?? defaultOnline;
    this.schedule = options.schedule ?? defaultSchedule;
    this.timeout = options.timeout && options.timeout > 0 ? options.timeout : DEFAULT_TIMEOUT_MS;
    this.opening = options.storage.then((backend) => {
      this.backend = backend;
      return (this.queue = new OutboxQueue(backend));
    });
    this.opening.catch(() => {});
    this.lock = createFlushLock({
      storeId: options.storeId,
      locks: options.locks,
      storage: options.storage,
      owner: source,
      now: this.now,
    });
    this.channel = createOutboxChannel(options.storeId, source, (status, record) => {
      this.notify({ status, item: toItem(record) });
      if (status === 'queued') void this.reschedule();
    });
    globalThis.addEventListener?.('online', this.onOnline);
    if (options.flushOnStart ?? true) void this.flush();
  }

  get persistent(): boolean {
    return this.backend?.persistent ?? false;
  }

  get dropped(): number {
    return this.queue?.dropped ?? 0;
  }

  private async open(): Promise<OutboxQueue> {
    if (this.closed) throw new StorefrontError('unavailable', 'The outbox is closed.');
    return this.opening;
  }

  subscribe(listener: OutboxListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(change: OutboxChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch (error) {
        console.error('[storefront-elements] An outbox listener threw.', error);
      }
    }
  }

  /** Tells this page's listeners and the other tabs. */
  private emit(status: OutboxChange['status'], record: QueueRecord | null): void {
    if (!record) return;
    this.notify({ status, item: toItem(record) });
    this.channel.post(status, record);
  }

  async submit<K extends OutboxKind>(submission: { kind: K; payload: OutboxPayloads[K] }): Promise<OutboxOutcome<K>> {
    const kind = submission?.kind;
    if (!isOutboxKind(kind)) {
      throw new StorefrontError('validation', `"${String(kind)}" is not a kind of write the outbox sends.`, {
        detail: { field: 'kind' },
      });
    }
    const payload = checkPayload(kind, submission.payload);
    const queue = await this.open();
    // A try of the oldest item from now on answers this submit: no second try right after it.
    const since = this.tries;
    let key = kind === 'visits.record' ? await this.mergeVisits(queue, payload as VisitEvent[]) : null;
    if (!key) {
      key = crypto.randomUUID();
      const record: StoredOutboxItem = {
        kind,
        idempotencyKey: key,
        payload,
        createdAt: this.now(),
        status: 'queued',
        attempts: 0,
      };
      await queue.add(record);
      // The id is the store's to give; the channel and listeners only need the key.
      this.emit('queued', { ...record, id: 0, kind, status: 'queued', attempts: 0 });
    }
    this.waiting.set(key, (this.waiting.get(key) ?? 0) + 1);
    try {
      if (this.online()) await this.run(true, since);
      else void this.reschedule();
      return await this.outcomeOf<K>(queue, key);
    } finally {
      const left = (this.waiting.get(key) ?? 1) - 1;
      if (left > 0) this.waiting.set(key, left);
      else {
        this.waiting.delete(key);
        this.sentHere.delete(key);
      }
    }
  }

  /**
   * Visits queued while offline go out as one batch: new events join a queued batch that was
   * never tried (a tried one keeps its payload, or its key would stand for another body).
   */
  private async mergeVisits(queue: OutboxQueue, events: VisitEvent[]): Promise<string | null> {
    const fits = (record: QueueRecord) =>
      record.kind === 'visits.record' &&
      record.status === 'queued' &&
      record.attempts === 0 &&
      (record.payload as VisitEvent[]).length + events.length <= MAX_VISIT_BATCH;
    const target = (await queue.read()).reverse().find(fits);
    if (!target) return null;
    const merged = await queue.change(target.id, (current) =>
      fits(current) ? { ...current, payload: [...(current.payload as VisitEvent[]), ...events] } : null,
    );
    return merged ? merged.idempotencyKey : null;
  }

  private async outcomeOf<K extends OutboxKind>(queue: OutboxQueue, key: string): Promise<OutboxOutcome<K>> {
    if (this.sentHere.has(key)) return { status: 'sent', id: key, result: this.sentHere.get(key) as OutboxResults[K] };
    const record = await queue.find(key);
    // Gone: a visit batch another tab sent (sent visits are not kept), or acknowledged there.
    if (!record) return { status: 'sent', id: key, result: undefined as OutboxResults[K] };
    const item = toItem(record);
    if (record.status === 'failed') return { status: 'failed', id: key, error: item.error as StorefrontError };
    if (record.status === 'sent') {
      // Another tab sent it while this one waited for the lock: the answer reaches its caller here.
      await queue.change(record.id, (current) => (current.status === 'sent' ? 'delete' : null));
      this.emit('removed', record);
      return { status: 'sent', id: key, result: record.result as OutboxResults[K] };
    }
    return { status: 'queued', id: key, ...(item.error ? { error: item.error } : {}) };
  }

  async pending(): Promise<AnyOutboxItem[]> {
    const queue = await this.open();
    return (await queue.read()).filter(isPending).map(toItem);
  }

  async items(): Promise<AnyOutboxItem[]> {
    const queue = await this.open();
    return (await queue.read()).map(toItem);
  }

  async acknowledge(id: string): Promise<void> {
    const queue = await this.open();
    const record = await queue.find(id);
    if (!record || isPending(record)) return;
    await queue.change(record.id, (current) => (isPending(current) ? null : 'delete'));
    this.emit('removed', record);
  }

  flush(): Promise<FlushSummary> {
    return this.run(true, this.tries);
  }

  /**
   * `eager`: asked for (submit, `online`, page load, `flush()`), so the backoff gives way, except
   * for an item this page tried after try number `since` (the state the asker saw is stale).
   */
  private async run(eager: boolean, since: number): Promise<FlushSummary> {
    const empty: FlushSummary = { sent: 0, failed: 0, pending: 0 };
    let queue: OutboxQueue;
    try {
      queue = await this.open();
    } catch {
      return empty;
    }
    try {
      return await this.lock((renew) => this.drain(queue, renew, eager, since));
    } catch (error) {
      if (!this.closed) console.warn('[storefront-elements] Outbox: the flush stopped.', error);
      return empty;
    } finally {
      void this.reschedule();
    }
  }

  /** Sends pending items oldest first; runs under the flush lock. */
  private async drain(queue: OutboxQueue, renew: () => Promise<void>, eager: boolean, since: number): Promise<FlushSummary> {
    const summary: FlushSummary = { sent: 0, failed: 0, pending: 0 };
    while (!this.closed && this.online()) {
      const records = await queue.read();
      await this.purge(queue, records);
      const head = records.find(isPending);
      if (!head) break;
      // The server's Retry-After always holds; the backoff only holds the timer (several tabs
      // each keep one, and the first to fire moves `nextAttemptAt` for the others).
      if ((head.notBefore ?? 0) > this.now()) break;
      const triedSince = (this.triedAt.get(head.idempotencyKey) ?? -1) > since;
      if ((!eager || triedSince) && (head.nextAttemptAt ?? 0) > this.now()) break;
      await renew();
      const claimed = await queue.change(head.id, (current) =>
        isPending(current) ? { ...current, status: 'sending', attempts: current.attempts + 1 } : null,
      );
      if (!claimed) continue;
      this.triedAt.set(claimed.idempotencyKey, ++this.tries);
      this.emit('sending', claimed);
      const outcome = await this.send(claimed);
      if (outcome.ok) {
        this.triedAt.delete(claimed.idempotencyKey);
        summary.sent += 1;
        await this.recordSent(queue, claimed, outcome.result);
        continue;
      }
      const failure = outcome.error;
      if (isRetryableSend(failure)) {
        const now = this.now();
        const serverWait = retryAfterMs(failure);
        const wait = Math.max(backoffDelay(claimed.attempts, this.options.backoff), serverWait ?? 0);
        const next = await queue.change(claimed.id, (current) => ({
          ...settled(current, { status: 'queued', error: storeError(failure), nextAttemptAt: now + wait }),
          ...(serverWait !== undefined ? { notBefore: now + serverWait } : {}),
        }));
        this.emit('queued', next);
        break;
      }
      this.triedAt.delete(claimed.idempotencyKey);
      summary.failed += 1;
      const failed = await queue.change(claimed.id, (current) =>
        settled(current, { status: 'failed', error: storeError(failure), settledAt: this.now() }),
      );
      this.emit('failed', failed);
    }
    summary.pending = (await queue.read()).filter(isPending).length;
    return summary;
  }

  private async send(record: QueueRecord): Promise<{ ok: true; result: unknown } | { ok: false; error: StorefrontError }> {
    try {
      const result = await withDeadline(
        (signal) =>
          sendWrite(this.options.adapter, record.kind, record.payload as OutboxPayloads[OutboxKind], {
            idempotencyKey: record.idempotencyKey,
            signal,
          }),
        this.timeout,
      );
      return { ok: true, result };
    } catch (error) {
      return { ok: false, error: toStorefrontError(error) };
    }
  }

  private async recordSent(queue: OutboxQueue, record: QueueRecord, result: unknown): Promise<void> {
    const key = record.idempotencyKey;
    const sent = { ...settled(record, { status: 'sent', settledAt: this.now() }), result } as QueueRecord;
    // The caller waiting in this page gets the answer from memory; a visit batch has no answer
    // worth keeping. Anything else keeps its outcome for a widget to show (and acknowledge).
    if (this.waiting.has(key) || record.kind === 'visits.record') {
      if (this.waiting.has(key)) this.sentHere.set(key, result);
      await queue.remove(record.id);
    } else {
      try {
        await queue.change(record.id, () => sent);
      } catch {
        // An answer that cannot be stored (not cloneable, no room): keep the outcome without it.
        await queue.change(record.id, () => ({ ...sent, result: undefined }));
      }
    }
    this.emit('sent', sent);
  }

  /** Sent outcomes no one acknowledged within `sentTtl` are let go. */
  private async purge(queue: OutboxQueue, records: QueueRecord[]): Promise<void> {
    const before = this.now() - (this.options.sentTtl ?? DAY);
    for (const record of records) {
      if (record.status === 'sent' && (record.settledAt ?? 0) < before) await queue.remove(record.id);
    }
  }

  /** One timer, for when the oldest pending item is due again. */
  private async reschedule(): Promise<void> {
    if (this.closed || !this.queue) return;
    let head: QueueRecord | undefined;
    try {
      head = (await this.queue.read()).find(isPending);
    } catch {
      return;
    }
    this.cancelTimer?.();
    this.cancelTimer = null;
    if (!head || this.closed || !this.online()) return;
    const due = Math.max(head.nextAttemptAt ?? 0, head.notBefore ?? 0);
    if (due === 0) return;
    this.cancelTimer = this.schedule(
      () => {
        this.cancelTimer = null;
        void this.run(false, this.tries);
      },
      Math.max(due - this.now(), 50),
    );
  }

  close(): void {
    this.closed = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
    globalThis.removeEventListener?.('online', this.onOnline);
    this.channel.close();
    this.listeners.clear();
  }
}

export function createOutbox(options: OutboxOptions): Outbox {
  return new StorefrontOutbox(options);
}
