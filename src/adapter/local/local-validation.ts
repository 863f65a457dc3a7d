import { StorefrontError } from '../../core/errors.js';
import type { GuestbookPost, SubscribeRequest } from '../../core/types.js';

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

export function checkSubscribeRequest(request: SubscribeRequest): { email: string; list: string } {
  const email = normalizeEmail(request?.email);
  const list = String(request?.list ?? '').trim();
  if (!/^[\w-]{1,64}$/.test(list))
    throw new StorefrontError('validation', 'Unknown mailing list.', { detail: { field: 'list' } });
  if (request.consent !== true) {
    throw new StorefrontError('validation', 'Consent is required to subscribe.', { detail: { field: 'consent' } });
  }
  return { email, list };
}

const LINK = /(https?:\/\/|www\.)/gi;

/** Validates a guestbook post; `spam` marks it for moderation instead of publishing it. */
export function checkGuestbookPost(post: GuestbookPost): {
  topic: string;
  author: string;
  body: string;
  rating?: number;
  spam: boolean;
} {
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
  const spam = Boolean(post.website) || (body.match(LINK)?.length ?? 0) > 2;
  return { topic, author, body, ...(rating ? { rating } : {}), spam };
}
