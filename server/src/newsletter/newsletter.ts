import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { StorefrontError } from '../../../src/core/errors.js';
import type { Subscription } from '../../../src/core/types.js';
import { normalizeEmail } from '../../../src/adapter/local/local-validation.js';
import type { EngagementTables } from '../db/engagement-tables.js';
import { staffCursorAfter, encodeStaffCursor } from '../guestbook/guestbook-cursor.js';
import { HttpProblem } from '../http/problem.js';
import { sendMail, type MailLog } from './mail-outbox.js';
import {
  addConsent,
  addToken,
  dropConfirmTokens,
  listSubscribers,
  setStatus,
  subscriberOfToken,
  takeMailSlot,
  upsertSubscriber,
  type SubscriberRow,
  type SubscriptionStatus,
} from './newsletter-sql.js';

type Db = Kysely<EngagementTables>;
type Locale = 'zh-CN' | 'en';

/** Newsletter settings not in ServerConfig; tests and embedders may set them on it. */
export interface NewsletterConfigExtras {
  /** At most one confirmation mail per address per this many seconds (default 600). */
  newsletterCooldownSeconds: number;
}

const CONFIRM_TTL_MS = 7 * 86_400_000;
const DEFAULT_CONSENT = {
  text: '我同意接收本店的电子报，并可随时通过邮件中的链接退订。',
  version: 'default-1',
};

export interface SubscribeInput {
  email: string;
  list: string;
  consent: boolean;
  consentText?: string;
  consentVersion?: string;
  locale?: string;
}

export interface MailContext {
  /** Public origin of the server (links in the mail). */
  baseUrl: string;
  /** Address of the `mailto:` unsubscribe and the sender. */
  sender: string;
  log: MailLog;
}

function invalid(field: string, en: string, zh: string): never {
  throw new HttpProblem(400, 'validation', en, { field }, [{ field, message: en }], {}, zh);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function newId(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString('base64url')}`;
}

export function toSubscription(row: SubscriberRow): Subscription {
  return { email: row.email, list: row.list, status: row.status };
}

function checkInput(input: SubscribeInput): { email: string; list: string; text: string; version: string; locale: Locale } {
  let email: string;
  try {
    email = normalizeEmail(input.email);
  } catch (error) {
    if (error instanceof StorefrontError) invalid('email', 'Enter a valid e-mail address.', '请输入有效的电子邮件地址。');
    throw error;
  }
  const list = String(input.list ?? '').trim();
  if (!/^[\w-]{1,64}$/.test(list)) invalid('list', 'Unknown mailing list.', '没有这个邮件列表。');
  if (input.consent !== true) invalid('consent', 'Consent is required to subscribe.', '订阅需要您的同意。');
  const text = input.consentText?.trim() || DEFAULT_CONSENT.text;
  const version = input.consentVersion?.trim() || DEFAULT_CONSENT.version;
  if (text.length > 2000) invalid('consentText', 'The consent text is at most 2000 characters.', '同意文本最多 2000 个字符。');
  if (version.length > 64)
    invalid('consentVersion', 'The consent version is at most 64 characters.', '同意文本版本最多 64 个字符。');
  return { email, list, text, version, locale: input.locale?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN' };
}

/**
 * Double opt-in: one row per (list, address); every sign-up's consent text, version and time
 * are kept; a confirmation mail goes out unless one went to the address within the cool-down.
 * The answer never carries a token: only the mail does.
 */
export async function subscribe(
  db: Db,
  input: SubscribeInput,
  mail: MailContext,
  cooldownMs: number,
  now: number,
): Promise<Subscription> {
  const checked = checkInput(input);
  return db.transaction().execute(async (trx) => {
    let row = await upsertSubscriber(
      trx,
      { id: newId('sub'), list: checked.list, email: checked.email, locale: checked.locale },
      now,
    );
    await addConsent(
      trx,
      { id: newId('consent'), subscriber_id: row.id, consent_text: checked.text, consent_version: checked.version },
      now,
    );
    if (row.status === 'confirmed') return toSubscription(row);
    if (row.status === 'unsubscribed') row = await setStatus(trx, row.id, 'pending', now);
    if (await takeMailSlot(trx, checked.email, cooldownMs, now)) {
      await sendConfirmation(trx, row, checked.locale, mail, now);
    }
    return toSubscription(row);
  });
}

async function sendConfirmation(db: Db, row: SubscriberRow, locale: Locale, mail: MailContext, now: number): Promise<void> {
  const confirm = newToken();
  const unsubscribe = newToken();
  await addToken(
    db,
    { token_hash: hashToken(confirm), subscriber_id: row.id, purpose: 'confirm', expires_at: now + CONFIRM_TTL_MS },
    now,
  );
  await addToken(
    db,
    { token_hash: hashToken(unsubscribe), subscriber_id: row.id, purpose: 'unsubscribe', expires_at: null },
    now,
  );
  const confirmUrl = `${mail.baseUrl}/newsletter/confirm?token=${confirm}`;
  const unsubscribePage = `${mail.baseUrl}/newsletter/unsubscribe?token=${unsubscribe}`;
  const oneClick = `${mail.baseUrl}/api/newsletter/unsubscribe?token=${unsubscribe}`;
  const en = locale === 'en';
  const subject = en ? `Confirm your subscription to "${row.list}"` : `请确认订阅「${row.list}」`;
  const text = en
    ? [
        'Hello,',
        '',
        `Please confirm that you want to receive "${row.list}" at ${row.email}:`,
        confirmUrl,
        '',
        'If you did not ask for this, ignore this mail: nothing will be sent to you.',
        '',
        `Unsubscribe: ${unsubscribePage}`,
      ].join('\n')
    : [
        '您好：',
        '',
        `请打开下面的链接，确认用 ${row.email} 订阅「${row.list}」：`,
        confirmUrl,
        '',
        '如果这不是您本人的操作，请忽略这封邮件，我们不会再给您发送任何邮件。',
        '',
        `退订：${unsubscribePage}`,
      ].join('\n');
  await sendMail(
    db,
    mail.log,
    {
      to: row.email,
      subject,
      text,
      kind: 'newsletter-confirm',
      headers: {
        From: mail.sender,
        'List-Id': `<${row.list}.${new URL(mail.baseUrl).hostname}>`,
        // RFC 8058: mail clients offer a one-click unsubscribe that POSTs to the https URI.
        'List-Unsubscribe': `<${oneClick}>, <mailto:${mail.sender}?subject=unsubscribe%20${encodeURIComponent(row.list)}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Language': locale,
      },
    },
    now,
  );
}

function unknownToken(): never {
  throw new HttpProblem(404, 'not-found', 'This link is not valid or has expired.', {}, undefined, {}, '此链接无效或已过期。');
}

function checkToken(token: unknown): string {
  return typeof token === 'string' && /^[A-Za-z0-9_-]{16,200}$/.test(token) ? token : unknownToken();
}

/** The subscription a token belongs to, without changing anything (the GET pages). */
export async function peek(
  db: Db,
  token: unknown,
  purpose: 'confirm' | 'unsubscribe',
  now: number,
): Promise<Subscription | null> {
  if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{16,200}$/.test(token)) return null;
  const row = await subscriberOfToken(db, hashToken(token), purpose, now);
  return row ? toSubscription(row) : null;
}

export async function confirm(db: Db, token: unknown, now: number): Promise<Subscription> {
  const row = (await subscriberOfToken(db, hashToken(checkToken(token)), 'confirm', now)) ?? unknownToken();
  return toSubscription(row.status === 'confirmed' ? row : await setStatus(db, row.id, 'confirmed', now));
}

export async function unsubscribe(db: Db, token: unknown, now: number): Promise<Subscription> {
  const row = (await subscriberOfToken(db, hashToken(checkToken(token)), 'unsubscribe', now)) ?? unknownToken();
  await dropConfirmTokens(db, row.id);
  return toSubscription(row.status === 'unsubscribed' ? row : await setStatus(db, row.id, 'unsubscribed', now));
}

export interface StaffSubscriber extends Subscription {
  id: string;
  locale?: string;
  createdAt: number;
  updatedAt: number;
  confirmedAt?: number;
  unsubscribedAt?: number;
  /** The latest sign-up's consent, kept as proof. */
  consent?: { text: string; version: string; at: number };
}

export async function staffSubscribers(
  db: Db,
  filter: { list?: string; status?: SubscriptionStatus },
  cursor: string | undefined,
  limit: number,
): Promise<{ items: StaffSubscriber[]; cursor?: string }> {
  const after = staffCursorAfter(cursor);
  const rows = await listSubscribers(db, filter, after, limit + 1);
  const items = rows.slice(0, limit).map((row): StaffSubscriber => {
    const item: StaffSubscriber = {
      id: row.id,
      ...toSubscription(row),
      createdAt: Number(row.created_at),
      updatedAt: Number(row.updated_at),
    };
    if (row.locale !== null) item.locale = row.locale;
    if (row.confirmed_at !== null) item.confirmedAt = Number(row.confirmed_at);
    if (row.unsubscribed_at !== null) item.unsubscribedAt = Number(row.unsubscribed_at);
    if (row.consent_text !== null && row.consent_version !== null && row.consent_at !== null) {
      item.consent = { text: row.consent_text, version: row.consent_version, at: Number(row.consent_at) };
    }
    return item;
  });
  const last = items.at(-1);
  return {
    items,
    ...(rows.length > limit && last ? { cursor: encodeStaffCursor({ createdAt: last.createdAt, id: last.id }) } : {}),
  };
}
