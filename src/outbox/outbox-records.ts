import * as v from 'valibot';
import { isStorefrontErrorCode, StorefrontError } from '../core/errors.js';
import { describeIssues, MoneySchema } from '../core/schemas.js';
import type { CheckoutRequest, FeedbackMessage, GuestbookPost, SubscribeRequest, VisitEvent } from '../core/types.js';
import type { StoredOutboxItem } from '../storage/schema.js';
import type { AnyOutboxItem, OutboxKind, OutboxPayloads, OutboxStatus } from './outbox-types.js';

/*
 * The shapes a payload must have to be stored and, read back, to be replayed. Only types are
 * checked here (what an older release or devtools could break); the backend judges content.
 * Loose objects: a field a newer release added is kept and sent as it was.
 */
const text = v.string();
const optionalText = v.optional(v.string());
const finite = v.pipe(v.number(), v.finite());

const GuestbookPostSchema = v.looseObject({
  topic: text,
  author: text,
  body: text,
  rating: v.optional(finite),
  website: optionalText,
  fillMs: v.optional(finite),
  contact: optionalText,
  challenge: optionalText,
});

const SubscribeRequestSchema = v.looseObject({ email: text, list: text, consent: v.boolean(), locale: optionalText });

const FeedbackMessageSchema = v.looseObject({
  message: text,
  pageUrl: text,
  pageTitle: optionalText,
  name: optionalText,
  contact: optionalText,
  to: optionalText,
  topic: optionalText,
});

/** The contract's largest visit batch. */
export const MAX_VISIT_BATCH = 100;

const VisitEventsSchema = v.pipe(
  v.array(v.looseObject({ topic: text, visitorId: text, at: finite, sku: optionalText })),
  v.minLength(1),
  v.maxLength(MAX_VISIT_BATCH),
);

const CheckoutRequestSchema = v.looseObject({
  lines: v.array(v.looseObject({ sku: text, quantity: v.pipe(v.number(), v.safeInteger()) })),
  paymentMethod: text,
  memberId: optionalText,
  contact: optionalText,
  expectedTotal: v.optional(MoneySchema),
});

const PAYLOAD_SCHEMAS = {
  'guestbook.post': GuestbookPostSchema,
  'newsletter.subscribe': SubscribeRequestSchema,
  'feedback.send': FeedbackMessageSchema,
  'visits.record': VisitEventsSchema,
  'checkout.begin': CheckoutRequestSchema,
} as const;

// Compile-time proof that each schema accepts what the public type allows.
type Assert<T extends true> = T;
type Fits<A, B> = [A] extends [B] ? true : false;
export type OutboxSchemaChecks = [
  Assert<Fits<v.InferOutput<typeof GuestbookPostSchema>, GuestbookPost>>,
  Assert<Fits<v.InferOutput<typeof SubscribeRequestSchema>, SubscribeRequest>>,
  Assert<Fits<v.InferOutput<typeof FeedbackMessageSchema>, FeedbackMessage>>,
  Assert<Fits<v.InferOutput<typeof VisitEventsSchema>, VisitEvent[]>>,
  Assert<Fits<v.InferOutput<typeof CheckoutRequestSchema>, CheckoutRequest>>,
  Assert<Fits<keyof typeof PAYLOAD_SCHEMAS, OutboxKind>>,
  Assert<Fits<OutboxKind, keyof typeof PAYLOAD_SCHEMAS>>,
];

export function isOutboxKind(value: unknown): value is OutboxKind {
  return typeof value === 'string' && Object.hasOwn(PAYLOAD_SCHEMAS, value);
}

/** The payload checked for `kind`, or a `validation` error naming what is wrong. */
export function checkPayload<K extends OutboxKind>(kind: K, payload: unknown): OutboxPayloads[K] {
  const result = v.safeParse(PAYLOAD_SCHEMAS[kind], payload);
  if (!result.success) {
    throw new StorefrontError('validation', `The ${kind} payload is not valid: ${describeIssues(result.issues)}.`, {
      detail: { kind },
    });
  }
  return result.output as OutboxPayloads[K];
}

const STATUSES: readonly OutboxStatus[] = ['queued', 'sending', 'sent', 'failed'];

const RecordSchema = v.object({
  id: v.pipe(v.number(), v.safeInteger()),
  kind: v.string(),
  idempotencyKey: v.pipe(v.string(), v.minLength(1)),
  payload: v.optional(v.unknown()),
  createdAt: finite,
  status: v.optional(v.picklist(STATUSES)),
  attempts: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
  nextAttemptAt: v.optional(finite),
  notBefore: v.optional(finite),
  error: v.optional(v.object({ code: v.string(), message: v.string(), detail: v.optional(v.record(v.string(), v.unknown())) })),
  result: v.optional(v.unknown()),
  settledAt: v.optional(finite),
});

/** A stored record that passed validation: its key is known and its payload fits its kind. */
export type QueueRecord = StoredOutboxItem & { id: number; kind: OutboxKind; status: OutboxStatus; attempts: number };

/** The record as the flusher may trust it, or null when it is garbage. */
export function readRecord(value: unknown): QueueRecord | null {
  const parsed = v.safeParse(RecordSchema, value);
  if (!parsed.success || !isOutboxKind(parsed.output.kind)) return null;
  const record = parsed.output;
  if (!v.safeParse(PAYLOAD_SCHEMAS[record.kind as OutboxKind], record.payload).success) return null;
  // A record from before the outbox kept state is a queued write never tried.
  return {
    ...record,
    payload: record.payload,
    kind: record.kind as OutboxKind,
    status: record.status ?? 'queued',
    attempts: record.attempts ?? 0,
  };
}

/** An error as IndexedDB and BroadcastChannel can carry it (plain data only). */
export function storeError(error: StorefrontError): NonNullable<StoredOutboxItem['error']> {
  let detail: Record<string, unknown> | undefined;
  try {
    detail = structuredClone(error.detail);
  } catch {
    detail = undefined;
  }
  return { code: error.code, message: error.message, ...(detail ? { detail } : {}) };
}

export function restoreError(stored: NonNullable<StoredOutboxItem['error']>): StorefrontError {
  const code = isStorefrontErrorCode(stored.code) ? stored.code : 'unavailable';
  return new StorefrontError(code, stored.message, { detail: stored.detail ?? {} });
}

/** The public view of a record. */
export function toItem(record: QueueRecord): AnyOutboxItem {
  return {
    id: record.idempotencyKey,
    kind: record.kind,
    payload: record.payload,
    status: record.status,
    attempts: record.attempts,
    createdAt: record.createdAt,
    ...(record.nextAttemptAt !== undefined ? { nextAttemptAt: record.nextAttemptAt } : {}),
    ...(record.error ? { error: restoreError(record.error) } : {}),
    ...(record.status === 'sent' ? { result: record.result } : {}),
    ...(record.settledAt !== undefined ? { settledAt: record.settledAt } : {}),
  } as AnyOutboxItem;
}
