import type {
  CallOptions,
  FeedbackCapability,
  GuestbookCapability,
  NewsletterCapability,
  VisitsCapability,
  WriteOptions,
} from '../adapter.js';
import {
  cursorPageSchema,
  DailyVisitsSchema,
  FeedbackReceiptSchema,
  GuestbookChallengeSchema,
  GuestbookEntrySchema,
  itemsSchema,
  ProductVisitsSchema,
  SubscriptionSchema,
  VisitsAcceptedSchema,
  VisitStatsSchema,
} from '../../core/schemas.js';
import type { DayRange, FeedbackMessage, GuestbookPost, SubscribeRequest, VisitEvent } from '../../core/types.js';
import * as v from 'valibot';
import type { FetchFunction, HttpClient } from './http-client.js';
import { pick } from './pick.js';

const GUESTBOOK_POST_FIELDS = ['topic', 'author', 'body', 'rating', 'website', 'fillMs', 'contact', 'challenge'] as const;
const SUBSCRIBE_FIELDS = ['email', 'list', 'consent', 'consentText', 'consentVersion', 'locale'] as const;
const FEEDBACK_FIELDS = ['message', 'pageUrl', 'pageTitle', 'name', 'contact', 'to', 'topic'] as const;

export type GuestbookChallenge = v.InferOutput<typeof GuestbookChallengeSchema>;

export interface RestGuestbookCapability extends GuestbookCapability {
  /**
   * The server's proof-of-work challenge (ALTCHA), or null when it asks for none. Solve it and
   * send the answer as the post's `challenge`.
   */
  challenge(options?: CallOptions): Promise<GuestbookChallenge | null>;
}

export function restGuestbook(http: HttpClient): RestGuestbookCapability {
  const PageSchema = cursorPageSchema(GuestbookEntrySchema);
  return {
    async challenge(options?: CallOptions) {
      // 204 (proof of work off) has no body: the schema would refuse `undefined`.
      const answer = await http.request(
        { method: 'GET', path: '/guestbook/challenge', schema: v.optional(GuestbookChallengeSchema) },
        options,
      );
      return answer ?? null;
    },
    async list(topic: string, page: { cursor?: string; limit?: number } = {}, options?: CallOptions) {
      const answer = await http.request(
        { method: 'GET', path: '/guestbook', query: { topic, cursor: page.cursor, limit: page.limit }, schema: PageSchema },
        options,
      );
      return answer.cursor === undefined ? { entries: answer.items } : { entries: answer.items, cursor: answer.cursor };
    },
    post(entry: GuestbookPost, options: WriteOptions) {
      return http.request(
        {
          method: 'POST',
          path: '/guestbook',
          body: pick(entry, GUESTBOOK_POST_FIELDS),
          schema: GuestbookEntrySchema,
          idempotencyKey: options?.idempotencyKey,
        },
        options,
      );
    },
  };
}

export interface RestVisitsCapability extends Required<VisitsCapability> {
  /**
   * Sends a batch with `navigator.sendBeacon` (for `pagehide`, when a fetch would be cut off):
   * a `text/plain` body `{ events, key }`, so no CORS preflight is needed. Resolves nothing:
   * true when the browser queued it.
   */
  beacon(events: VisitEvent[], idempotencyKey: string): boolean;
}

export function restVisits(http: HttpClient, fetch: FetchFunction): RestVisitsCapability {
  return {
    async record(events: VisitEvent[], options: WriteOptions) {
      await http.request(
        {
          method: 'POST',
          path: '/visits',
          body: { events },
          schema: VisitsAcceptedSchema,
          idempotencyKey: options?.idempotencyKey,
        },
        options,
      );
    },
    beacon(events: VisitEvent[], idempotencyKey: string) {
      const url = http.url('/visits');
      const body = JSON.stringify({ events, key: idempotencyKey });
      const sendBeacon = typeof navigator === 'undefined' ? undefined : navigator.sendBeacon?.bind(navigator);
      try {
        if (sendBeacon) return sendBeacon(url, new Blob([body], { type: 'text/plain' }));
        // No beacon (Node, old browsers): a keepalive fetch outlives the page as well.
        void fetch(url, {
          method: 'POST',
          body,
          headers: { 'Content-Type': 'text/plain' },
          keepalive: true,
          credentials: 'omit',
        }).catch(() => {});
        return true;
      } catch {
        return false;
      }
    },
    async stats(topics?: string[], options?: CallOptions) {
      const answer = await http.request(
        { method: 'GET', path: '/visits/stats', query: { topics }, schema: itemsSchema(VisitStatsSchema) },
        options,
      );
      return answer.items;
    },
    async daily(topics?: string[], range: DayRange = {}, options?: CallOptions) {
      const answer = await http.request(
        {
          method: 'GET',
          path: '/visits/daily',
          query: { topics, from: range.from, to: range.to },
          schema: itemsSchema(DailyVisitsSchema),
        },
        options,
      );
      return answer.items;
    },
    async topProducts(range: DayRange & { limit?: number } = {}, options?: CallOptions) {
      const answer = await http.request(
        {
          method: 'GET',
          path: '/visits/top-products',
          query: { from: range.from, to: range.to, limit: range.limit },
          schema: itemsSchema(ProductVisitsSchema),
        },
        options,
      );
      return answer.items;
    },
  };
}

export function restNewsletter(http: HttpClient): NewsletterCapability {
  return {
    subscribe(request: SubscribeRequest, options: WriteOptions) {
      return http.request(
        {
          method: 'POST',
          path: '/newsletter/subscriptions',
          body: pick(request as SubscribeRequest & { consentText?: string; consentVersion?: string }, SUBSCRIBE_FIELDS),
          schema: SubscriptionSchema,
          idempotencyKey: options?.idempotencyKey,
        },
        options,
      );
    },
    confirm(token: string, options?: CallOptions) {
      return http.request({ method: 'POST', path: '/newsletter/confirm', body: { token }, schema: SubscriptionSchema }, options);
    },
    unsubscribe(token: string, options?: CallOptions) {
      return http.request(
        { method: 'POST', path: '/newsletter/unsubscribe', body: { token }, schema: SubscriptionSchema },
        options,
      );
    },
  };
}

export function restFeedback(http: HttpClient): FeedbackCapability {
  return {
    send(message: FeedbackMessage, options: WriteOptions) {
      return http.request(
        {
          method: 'POST',
          path: '/feedback',
          body: pick(message, FEEDBACK_FIELDS),
          schema: FeedbackReceiptSchema,
          idempotencyKey: options?.idempotencyKey,
        },
        options,
      );
    },
  };
}
