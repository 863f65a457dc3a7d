import type { StorefrontError } from '../core/errors.js';
import type {
  CheckoutRequest,
  CheckoutSession,
  FeedbackMessage,
  FeedbackReceipt,
  GuestbookEntry,
  GuestbookPost,
  SubscribeRequest,
  Subscription,
  VisitEvent,
} from '../core/types.js';

/** What each kind of write sends: the adapter method's first argument. */
export interface OutboxPayloads {
  'guestbook.post': GuestbookPost;
  'newsletter.subscribe': SubscribeRequest;
  'feedback.send': FeedbackMessage;
  'visits.record': VisitEvent[];
  'checkout.begin': CheckoutRequest;
}

/** What the adapter answers for each kind. */
export interface OutboxResults {
  'guestbook.post': GuestbookEntry;
  'newsletter.subscribe': Subscription;
  'feedback.send': FeedbackReceipt;
  'visits.record': void;
  'checkout.begin': CheckoutSession;
}

export type OutboxKind = keyof OutboxPayloads;

export const OUTBOX_KINDS: readonly OutboxKind[] = [
  'guestbook.post',
  'newsletter.subscribe',
  'feedback.send',
  'visits.record',
  'checkout.begin',
];

/**
 * `queued`: waiting to send (offline, or the server failed and a retry is due at
 * `nextAttemptAt`); `sending`: on its way; `sent`: the backend took it (`result`); `failed`:
 * refused for good (`error`), kept until acknowledged so the shopper sees why.
 */
export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface OutboxItem<K extends OutboxKind = OutboxKind> {
  /** The item's idempotency key, also its id: every replay sends the same key. */
  readonly id: string;
  readonly kind: K;
  readonly payload: OutboxPayloads[K];
  readonly status: OutboxStatus;
  /** Sends tried so far. */
  readonly attempts: number;
  readonly createdAt: number;
  /** When the next regular retry is due (queued items that failed before). */
  readonly nextAttemptAt?: number;
  /** Queued: the last retryable failure. Failed: why it was refused. */
  readonly error?: StorefrontError;
  /** Sent: the adapter's answer. */
  readonly result?: OutboxResults[K];
  /** When it was sent or refused. */
  readonly settledAt?: number;
}

/** Every kind's item, discriminated by `kind`. */
export type AnyOutboxItem = { [K in OutboxKind]: OutboxItem<K> }[OutboxKind];

export type OutboxSubmission = { [K in OutboxKind]: { kind: K; payload: OutboxPayloads[K] } }[OutboxKind];

/**
 * What `submit` resolves to: `sent` with the adapter's answer when it went out from this page,
 * `queued` when it waits for the network or a retry (watch it with `subscribe`), `failed` when
 * the backend refused it for good.
 */
export type OutboxOutcome<K extends OutboxKind = OutboxKind> =
  | { status: 'sent'; id: string; result: OutboxResults[K] }
  | { status: 'queued'; id: string; error?: StorefrontError }
  | { status: 'failed'; id: string; error: StorefrontError };

/** One item changed (here or in another tab); `removed` after `acknowledge`. */
export interface OutboxChange {
  status: OutboxStatus | 'removed';
  item: AnyOutboxItem;
}

export type OutboxListener = (change: OutboxChange) => void;

export interface FlushSummary {
  sent: number;
  failed: number;
  /** Still waiting (queued or being sent by another tab) when the flush ended. */
  pending: number;
}

export interface Outbox {
  /**
   * Stores the write (IndexedDB first, so a closed tab loses nothing), then tries to send it.
   * Rejects only when it could not be stored: `quota` (no room), `validation` (a payload of
   * the wrong shape), `unavailable` (closed).
   */
  submit<K extends OutboxKind>(submission: { kind: K; payload: OutboxPayloads[K] }): Promise<OutboxOutcome<K>>;
  /** Items queued or being sent, oldest first. */
  pending(): Promise<AnyOutboxItem[]>;
  /** Every item kept: pending ones and outcomes not yet acknowledged, oldest first. */
  items(): Promise<AnyOutboxItem[]>;
  /** Calls `listener` with each item change, from this tab and the others. */
  subscribe(listener: OutboxListener): () => void;
  /** Sends what is waiting now (a `Retry-After` is still honoured). */
  flush(): Promise<FlushSummary>;
  /** Forgets a sent or failed item once its outcome was shown. Pending items stay. */
  acknowledge(id: string): Promise<void>;
  /** False when IndexedDB is unavailable: queued items last only as long as this page. */
  readonly persistent: boolean;
  /** Records dropped because they failed validation when read back (older release, devtools). */
  readonly dropped: number;
  close(): void;
}
