import { StorefrontError } from '../../core/errors.js';
import type { FeedbackMessage, GuestbookPost, SubscribeRequest } from '../../core/types.js';

/** A pragmatic address check (what a sign-up form can know without sending mail). */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/u;

export function normalizeEmail(value: unknown): string {
  const email = String(value ?? '')
    .trim()
    .toLowerCase();
  if (email.length > 254 || !EMAIL.test(email)) {
    throw new StorefrontError('validation', 'Enter a valid e-mail address.', { detail: { field: 'email' } });
  }
  return email;
}

/** Phone numbers compare by digits, e-mails case-insensitively; '' when it is neither. */
export function normalizeContact(value: unknown): string {
  const text = String(value ?? '')
    .trim()
    .toLowerCase();
  if (text.includes('@')) return text;
  const digits = text.replace(/[\s()+-]/g, '');
  return /^\d{5,15}$/.test(digits) ? digits.replace(/^86(?=1\d{10}$)/, '') : '';
}

/** What a sign-up keeps as proof of consent (the contract's optional consent fields too). */
export interface CheckedSubscribeRequest {
  email: string;
  list: string;
  locale?: string;
  consentText?: string;
  consentVersion?: string;
}

export function checkSubscribeRequest(
  request: SubscribeRequest & { consentText?: string; consentVersion?: string },
): CheckedSubscribeRequest {
  const email = normalizeEmail(request?.email);
  const list = String(request?.list ?? '').trim();
  if (!/^[\w-]{1,64}$/.test(list))
    throw new StorefrontError('validation', 'Unknown mailing list.', { detail: { field: 'list' } });
  if (request.consent !== true) {
    throw new StorefrontError('validation', 'Consent is required to subscribe.', { detail: { field: 'consent' } });
  }
  const optional = {
    locale: optionalText(request.locale, 'locale', 35),
    consentText: optionalText(request.consentText, 'consentText', 2000),
    consentVersion: optionalText(request.consentVersion, 'consentVersion', 64),
  };
  const checked: CheckedSubscribeRequest = { email, list };
  for (const [field, value] of Object.entries(optional)) if (value !== undefined) Object.assign(checked, { [field]: value });
  return checked;
}

const LINK = /(https?:\/\/|www\.)/gi;

/** An optional string field: absent, or a string of at most `max` characters (trimmed). */
function optionalText(value: unknown, field: string, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.trim().length > max) {
    throw new StorefrontError('validation', `"${field}" is text of at most ${max} characters.`, { detail: { field } });
  }
  return value.trim() || undefined;
}

export interface CheckedGuestbookPost {
  topic: string;
  author: string;
  body: string;
  rating?: number;
  /** Private: for the staff only, never listed. */
  contact?: string;
  spam: boolean;
}

/** Validates a guestbook post; `spam` marks it for moderation instead of publishing it. */
export function checkGuestbookPost(post: GuestbookPost): CheckedGuestbookPost {
  const topic = String(post?.topic ?? '').trim();
  const author = String(post?.author ?? '').trim();
  const body = String(post?.body ?? '').trim();
  if (!topic || topic.length > 100)
    throw new StorefrontError('validation', 'A topic is required.', { detail: { field: 'topic' } });
  if (!author || author.length > 40) {
    throw new StorefrontError('validation', 'A name of 1 to 40 characters is required.', { detail: { field: 'author' } });
  }
  if (!body || body.length > 2000) {
    throw new StorefrontError('validation', 'A message of 1 to 2000 characters is required.', { detail: { field: 'body' } });
  }
  const rating = post.rating;
  if (rating !== undefined && (!Number.isInteger(rating) || rating < 1 || rating > 5)) {
    throw new StorefrontError('validation', 'A rating is a whole number from 1 to 5.', { detail: { field: 'rating' } });
  }
  const fillMs = post.fillMs;
  if (fillMs !== undefined && (typeof fillMs !== 'number' || !Number.isFinite(fillMs) || fillMs < 0)) {
    throw new StorefrontError('validation', 'The fill time is a number of milliseconds.', { detail: { field: 'fillMs' } });
  }
  const contact = optionalText(post.contact, 'contact', 200);
  // The local adapter asks for no proof of work, so any answer is accepted unread.
  optionalText(post.challenge, 'challenge', 4000);
  const spam = Boolean(post.website) || (body.match(LINK)?.length ?? 0) > 2;
  return { topic, author, body, ...(rating ? { rating } : {}), ...(contact ? { contact } : {}), spam };
}

export const FEEDBACK_MAX = 2000;

/** Validates a feedback message: 1-2000 characters and the http(s) page it was sent from. */
export function checkFeedbackMessage(message: FeedbackMessage): FeedbackMessage {
  const text = typeof message?.message === 'string' ? message.message.trim() : '';
  if (!text || text.length > FEEDBACK_MAX) {
    throw new StorefrontError('validation', `A message of 1 to ${FEEDBACK_MAX} characters is required.`, {
      detail: { field: 'message' },
    });
  }
  let page: URL | null = null;
  try {
    page = typeof message.pageUrl === 'string' && message.pageUrl.length <= 2000 ? new URL(message.pageUrl) : null;
  } catch {
    page = null;
  }
  if (!page || (page.protocol !== 'http:' && page.protocol !== 'https:')) {
    throw new StorefrontError('validation', 'The page address must be an http(s) URL.', { detail: { field: 'pageUrl' } });
  }
  const optional = {
    pageTitle: optionalText(message.pageTitle, 'pageTitle', 300),
    name: optionalText(message.name, 'name', 80),
    contact: optionalText(message.contact, 'contact', 200),
    to: optionalText(message.to, 'to', 254),
    topic: optionalText(message.topic, 'topic', 40),
  };
  const checked: FeedbackMessage = { message: text, pageUrl: page.href };
  for (const [field, value] of Object.entries(optional)) if (value !== undefined) Object.assign(checked, { [field]: value });
  return checked;
}

export const MAX_IDS = 100;

/** Validates a list of product ids (at most {@link MAX_IDS}); duplicates are dropped, order kept. */
export function checkIds(ids: unknown): string[] {
  if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
    throw new StorefrontError('validation', 'Product ids are a list of strings.', { detail: { field: 'ids' } });
  }
  if (ids.length > MAX_IDS) {
    throw new StorefrontError('validation', `At most ${MAX_IDS} product ids at a time.`, {
      detail: { field: 'ids', max: MAX_IDS },
    });
  }
  return [...new Set(ids as string[])];
}

/** Validates a `limit`: a whole number from 1 to `max`, `fallback` when absent. */
export function checkLimit(limit: unknown, fallback: number, max: number): number {
  if (limit === undefined) return fallback;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new StorefrontError('validation', `The limit is a whole number from 1 to ${max}.`, { detail: { field: 'limit' } });
  }
  return limit;
}
