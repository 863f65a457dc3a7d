import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { FeedbackMessage, FeedbackReceipt } from '../../../src/core/types.js';
import type { EngagementTables } from '../db/engagement-tables.js';
import { staffCursorAfter, encodeStaffCursor } from '../guestbook/guestbook-cursor.js';
import { HttpProblem } from '../http/problem.js';
import { sendMail, type MailLog } from '../newsletter/mail-outbox.js';
import { insertFeedback, listFeedback, type FeedbackRow } from './feedback-sql.js';

type Db = Kysely<EngagementTables>;

export const FEEDBACK_LIMITS = { message: 2000, pageUrl: 2000, pageTitle: 300, name: 100, contact: 200, topic: 40 } as const;

function invalid(field: string, en: string, zh: string): never {
  throw new HttpProblem(400, 'validation', en, { field }, [{ field, message: en }], {}, zh);
}

function optional(value: string | undefined, field: keyof typeof FEEDBACK_LIMITS): string | null {
  const text = value?.trim() ?? '';
  if ([...text].length > FEEDBACK_LIMITS[field]) {
    invalid(
      field,
      `${field} is at most ${FEEDBACK_LIMITS[field]} characters.`,
      `${field} 最多 ${FEEDBACK_LIMITS[field]} 个字符。`,
    );
  }
  return text || null;
}

/** The page the message was sent from: an http(s) URL only (never `javascript:` for the staff to click). */
function pageUrlOf(value: string): string {
  const text = value.trim();
  let url: URL | null = null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || text.length > FEEDBACK_LIMITS.pageUrl) {
    invalid('pageUrl', 'The page URL must be an http(s) URL.', '页面地址必须是 http(s) 网址。');
  }
  return text;
}

export interface StaffFeedback extends FeedbackMessage {
  id: string;
  /** The staff address it was delivered to. */
  to: string;
  receivedAt: number;
}

/** Line breaks (and the other vertical spaces) collapsed into one space. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\v\f\u0085\u2028\u2029]+/g, ' ').trim();
}

/**
 * Stores the message and mails it, with the page it came from, to the staff address asked for
 * when that address is one the shop lists (`FEEDBACK_ADDRESSES`), else to the first (default).
 */
export async function receiveFeedback(
  db: Db,
  log: MailLog,
  message: FeedbackMessage,
  addresses: string[],
  now: number,
): Promise<FeedbackReceipt> {
  const text = message.message.trim();
  if (!text || [...text].length > FEEDBACK_LIMITS.message) {
    invalid('message', 'A message of 1 to 2000 characters is required.', '请填写 1 到 2000 个字符的留言。');
  }
  const pageUrl = pageUrlOf(message.pageUrl);
  const wanted = message.to?.trim().toLowerCase();
  const to = addresses.find((address) => address.toLowerCase() === wanted) ?? addresses[0]!;
  const row: FeedbackRow = {
    id: `fb-${randomBytes(9).toString('base64url')}`,
    message: text,
    page_url: pageUrl,
    page_title: optional(message.pageTitle, 'pageTitle'),
    name: optional(message.name, 'name'),
    contact: optional(message.contact, 'contact'),
    topic: optional(message.topic, 'topic'),
    to_address: to,
    created_at: now,
  };
  return db.transaction().execute(async (trx) => {
    await insertFeedback(trx, row);
    const lines = [
      text,
      '',
      '--',
      `页面 Page: ${row.page_title ?? ''} ${pageUrl}`.replace(/\s+/g, ' ').trim(),
      // One line each: a line break in a field must not forge footer lines (a fake Contact or Id).
      ...(row.name ? [`姓名 Name: ${oneLine(row.name)}`] : []),
      ...(row.contact ? [`联系方式 Contact: ${oneLine(row.contact)}`] : []),
      ...(row.topic ? [`类别 Topic: ${oneLine(row.topic)}`] : []),
      `编号 Id: ${row.id}`,
    ];
    const headers: Record<string, string> = { 'Content-Type': 'text/plain; charset=utf-8' };
    // Staff answer by replying, when the sender left an e-mail address.
    if (row.contact && /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(row.contact)) headers['Reply-To'] = row.contact;
    await sendMail(
      trx,
      log,
      {
        to,
        subject: `[反馈 Feedback${row.topic ? ` · ${row.topic}` : ''}] ${row.page_title ?? pageUrl}`.slice(0, 200),
        text: lines.join('\n'),
        headers,
        kind: 'feedback',
      },
      now,
    );
    return { id: row.id, receivedAt: now };
  });
}

export async function staffFeedback(
  db: Db,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: StaffFeedback[]; cursor?: string }> {
  const after = staffCursorAfter(cursor);
  const rows = await listFeedback(db, after, limit + 1);
  const items = rows.slice(0, limit).map((row): StaffFeedback => {
    const item: StaffFeedback = {
      id: row.id,
      message: row.message,
      pageUrl: row.page_url,
      to: row.to_address,
      receivedAt: Number(row.created_at),
    };
    if (row.page_title !== null) item.pageTitle = row.page_title;
    if (row.name !== null) item.name = row.name;
    if (row.contact !== null) item.contact = row.contact;
    if (row.topic !== null) item.topic = row.topic;
    return item;
  });
  const last = items.at(-1);
  return {
    items,
    ...(rows.length > limit && last ? { cursor: encodeStaffCursor({ createdAt: last.receivedAt, id: last.id }) } : {}),
  };
}
