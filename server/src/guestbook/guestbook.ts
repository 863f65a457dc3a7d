import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { GuestbookEntry, GuestbookPost, GuestbookReply } from '../../../src/core/types.js';
import { ConfigError, type ModerationMode, type ServerConfig } from '../config.js';
import type { EngagementTables } from '../db/engagement-tables.js';
import { HttpProblem } from '../http/problem.js';
import type { RateLimit } from '../http/rate-limit.js';
import { publicCursorAfter, staffCursorAfter, encodePublicCursor, encodeStaffCursor } from './guestbook-cursor.js';
import {
  findEntry,
  insertEntry,
  insertReplies,
  listForStaff,
  listPublished,
  posterHasApprovedPost,
  repliesOf,
  updateFlags,
  type EntryRow,
  type ReplyRow,
  type StaffStatus,
} from './guestbook-sql.js';

type Db = Kysely<EngagementTables>;

/** Guestbook settings not (yet) in ServerConfig may be set on it by tests and embedders. */
export interface GuestbookConfigExtras {
  /** Links a post may carry before `guestbookLinkPolicy` applies (default 2). */
  guestbookMaxLinks: number;
  /** `hold` (default): a post with more links waits for approval; `refuse`: 400. */
  guestbookLinkPolicy: 'hold' | 'refuse';
  guestbookRateLimits: { client: RateLimit; topic: RateLimit; site: RateLimit };
}

export interface GuestbookSettings extends GuestbookConfigExtras {
  moderation: ModerationMode;
  minFillMs: number;
  pow: boolean;
  /** HMAC key of the proof-of-work challenges: derived from the staff token so every instance shares it. */
  powKey: string;
}

/** GUESTBOOK_MAX_LINKS / GUESTBOOK_LINK_POLICY, when the config object does not set them. */
function linkSettingsFromEnv(
  env: NodeJS.ProcessEnv,
): Partial<Pick<GuestbookConfigExtras, 'guestbookMaxLinks' | 'guestbookLinkPolicy'>> {
  const settings: Partial<Pick<GuestbookConfigExtras, 'guestbookMaxLinks' | 'guestbookLinkPolicy'>> = {};
  const maxLinks = env.GUESTBOOK_MAX_LINKS;
  if (maxLinks !== undefined && maxLinks !== '') {
    const value = Number(maxLinks);
    if (!Number.isSafeInteger(value) || value < 0 || value > 100) {
      throw new ConfigError(`GUESTBOOK_MAX_LINKS must be a whole number from 0 to 100, got "${maxLinks}".`);
    }
    settings.guestbookMaxLinks = value;
  }
  const policy = env.GUESTBOOK_LINK_POLICY;
  if (policy !== undefined && policy !== '') {
    if (policy !== 'hold' && policy !== 'refuse')
      throw new ConfigError(`GUESTBOOK_LINK_POLICY must be hold or refuse, got "${policy}".`);
    settings.guestbookLinkPolicy = policy;
  }
  return settings;
}

export function guestbookSettings(
  config: ServerConfig & Partial<GuestbookConfigExtras>,
  env: NodeJS.ProcessEnv = process.env,
): GuestbookSettings {
  const fromEnv = linkSettingsFromEnv(env);
  return {
    moderation: config.guestbookModeration,
    minFillMs: config.guestbookMinFillMs,
    pow: config.pow,
    powKey: createHash('sha256').update(`altcha\u0000${config.staffToken}`).digest('hex'),
    guestbookMaxLinks: config.guestbookMaxLinks ?? fromEnv.guestbookMaxLinks ?? 2,
    guestbookLinkPolicy: config.guestbookLinkPolicy ?? fromEnv.guestbookLinkPolicy ?? 'hold',
    guestbookRateLimits: config.guestbookRateLimits ?? {
      client: { max: 5, windowSeconds: 600 },
      topic: { max: 30, windowSeconds: 600 },
      site: { max: 200, windowSeconds: 600 },
    },
  };
}

/** What the staff see: the entry with its private contact and moderation state. */
export interface StaffGuestbookEntry extends GuestbookEntry {
  contact?: string;
  approved: boolean;
  hidden: boolean;
  pinned: boolean;
  /** Why it was held: honeypot, links, fill-time, moderation, first-post. */
  heldReason?: string;
}

export type HeldReason = 'honeypot' | 'links' | 'fill-time' | 'moderation' | 'first-post';

const LINK = /\b(?:https?:\/\/|www\.)/gi;
export const GUESTBOOK_LIMITS = { topic: 128, author: 40, body: 2000, contact: 200 } as const;

export function countLinks(body: string): number {
  return body.match(LINK)?.length ?? 0;
}

function invalid(field: string, en: string, zh: string): never {
  throw new HttpProblem(400, 'validation', en, { field }, [{ field, message: en }], {}, zh);
}

// Bidi embeddings/overrides/isolates ("\u202eadmin" shows reversed) and invisible spaces are
// dropped; control characters and line breaks in a name become one space. ZWJ/ZWNJ stay (emoji, scripts).
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad]/g;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is matched
const NAME_BREAKS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u061c]+/g;

/** A display name on one line, without direction tricks or invisible padding. */
function cleanName(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(INVISIBLE, '').replace(NAME_BREAKS, ' ').replace(/\s+/g, ' ').trim();
}

/** Whether `text` shows anything (not only spaces and joiners). */
function visible(text: string): boolean {
  return /[^\s\u200c\u200d]/u.test(text);
}

/** Checks the text fields beyond the contract's types. Text is kept verbatim (plain text, never HTML-cleaned). */
export function checkPost(
  post: GuestbookPost,
  settings: GuestbookSettings,
): Required<Pick<GuestbookPost, 'topic' | 'author' | 'body'>> & Pick<GuestbookPost, 'rating' | 'contact'> {
  const topic = String(post.topic ?? '').trim();
  const author = cleanName(String(post.author ?? ''));
  const body = String(post.body ?? '')
    .replace(BIDI_CONTROLS, '')
    .trim();
  const contact = post.contact === undefined ? undefined : String(post.contact).trim();
  if (!topic || topic.length > GUESTBOOK_LIMITS.topic)
    invalid('topic', 'A topic of 1 to 128 characters is required.', '需要 1 到 128 个字符的主题。');
  if (!visible(author) || [...author].length > GUESTBOOK_LIMITS.author)
    invalid('author', 'A name of 1 to 40 characters is required.', '请填写 1 到 40 个字符的昵称。');
  if (!visible(body.replace(INVISIBLE, '')) || [...body].length > GUESTBOOK_LIMITS.body)
    invalid('body', 'A message of 1 to 2000 characters is required.', '请填写 1 到 2000 个字符的留言。');
  if (contact !== undefined && contact.length > GUESTBOOK_LIMITS.contact)
    invalid('contact', 'The contact is at most 200 characters.', '联系方式最多 200 个字符。');
  const rating = post.rating;
  if (rating !== undefined && (!Number.isInteger(rating) || rating < 1 || rating > 5))
    invalid('rating', 'A rating is a whole number from 1 to 5.', '评分是 1 到 5 的整数。');
  if (settings.guestbookLinkPolicy === 'refuse' && countLinks(body) > settings.guestbookMaxLinks) {
    invalid(
      'body',
      `A message may carry at most ${settings.guestbookMaxLinks} links.`,
      `留言最多可包含 ${settings.guestbookMaxLinks} 个链接。`,
    );
  }
  return { topic, author, body, ...(rating !== undefined ? { rating } : {}), ...(contact ? { contact } : {}) };
}

/** Why a post waits (or, for the honeypot, is never published); null when it is published at once. */
export async function holdReason(
  db: Db,
  post: GuestbookPost,
  body: string,
  settings: GuestbookSettings,
  posterHash: string,
): Promise<HeldReason | null> {
  if (typeof post.website === 'string' && post.website.trim() !== '') return 'honeypot';
  if (countLinks(body) > settings.guestbookMaxLinks) return 'links';
  // A form sent faster than a person can fill it; a missing fillMs is not held (old clients, the API).
  if (post.fillMs !== undefined && post.fillMs < settings.minFillMs) return 'fill-time';
  if (settings.moderation === 'all') return 'moderation';
  if (settings.moderation === 'first-post' && !(await posterHasApprovedPost(db, posterHash))) return 'first-post';
  return null;
}

function newId(prefix: string): string {
  return `${prefix}-${randomBytes(9).toString('base64url')}`;
}

function toReply(row: ReplyRow): GuestbookReply {
  return { author: row.author, body: row.body, createdAt: Number(row.created_at), staff: true };
}

export function toEntry(row: EntryRow, replies: ReplyRow[]): GuestbookEntry {
  const entry: GuestbookEntry = {
    id: row.id,
    topic: row.topic,
    author: row.author,
    body: row.body,
    createdAt: Number(row.created_at),
    replies: replies.map(toReply),
  };
  if (row.rating !== null) entry.rating = row.rating;
  if (!row.approved) entry.pending = true;
  if (row.pinned) entry.pinned = true;
  return entry;
}

export function toStaffEntry(row: EntryRow, replies: ReplyRow[]): StaffGuestbookEntry {
  return {
    ...toEntry(row, replies),
    approved: row.approved,
    hidden: row.hidden,
    pinned: row.pinned,
    ...(row.contact !== null ? { contact: row.contact } : {}),
    ...(row.held_reason !== null ? { heldReason: row.held_reason } : {}),
  };
}

async function withReplies<T>(db: Db, rows: EntryRow[], map: (row: EntryRow, replies: ReplyRow[]) => T): Promise<T[]> {
  const replies = await repliesOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) =>
    map(
      row,
      replies.filter((reply) => reply.entry_id === row.id),
    ),
  );
}

export async function listTopic(
  db: Db,
  topic: string,
  cursor: string | undefined,
  limit: number,
): Promise<{ items: GuestbookEntry[]; cursor?: string }> {
  const after = publicCursorAfter(cursor);
  const rows = await listPublished(db, topic, after, limit + 1);
  const page = rows.slice(0, limit);
  const items = await withReplies(db, page, toEntry);
  const last = page.at(-1);
  const next =
    rows.length > limit && last
      ? encodePublicCursor({ pinned: last.pinned, createdAt: Number(last.created_at), id: last.id })
      : undefined;
  return { items, ...(next ? { cursor: next } : {}) };
}

export async function listStaff(
  db: Db,
  filter: { status: StaffStatus; topic?: string },
  cursor: string | undefined,
  limit: number,
): Promise<{ items: StaffGuestbookEntry[]; cursor?: string }> {
  const after = staffCursorAfter(cursor);
  const rows = await listForStaff(db, filter, after, limit + 1);
  const page = rows.slice(0, limit);
  const items = await withReplies(db, page, toStaffEntry);
  const last = page.at(-1);
  const next = rows.length > limit && last ? encodeStaffCursor({ createdAt: Number(last.created_at), id: last.id }) : undefined;
  return { items, ...(next ? { cursor: next } : {}) };
}

export async function createEntry(
  db: Db,
  post: GuestbookPost,
  settings: GuestbookSettings,
  posterHash: string,
  now: number,
): Promise<GuestbookEntry> {
  const checked = checkPost(post, settings);
  const reason = await holdReason(db, post, checked.body, settings, posterHash);
  const row: EntryRow = {
    id: newId('g'),
    topic: checked.topic,
    author: checked.author,
    body: checked.body,
    rating: checked.rating ?? null,
    contact: checked.contact ?? null,
    created_at: now,
    approved: reason === null,
    hidden: false,
    pinned: false,
    held_reason: reason,
    poster_hash: posterHash,
  };
  await insertEntry(db, row);
  // The honeypot answer looks like any held post: a bot learns nothing.
  return toEntry(row, []);
}

function notFound(): never {
  throw new HttpProblem(404, 'not-found', 'No guestbook entry has this id.', {}, undefined, {}, '没有这条留言。');
}

export async function replyTo(
  db: Db,
  id: string,
  reply: { body: string; author?: string },
  now: number,
): Promise<GuestbookEntry> {
  const entry = (await findEntry(db, id)) ?? notFound();
  const body = reply.body.trim();
  const author = (reply.author ?? '').trim() || '客服';
  if (!body || [...body].length > GUESTBOOK_LIMITS.body)
    invalid('body', 'A reply of 1 to 2000 characters is required.', '请填写 1 到 2000 个字符的回复。');
  if ([...author].length > GUESTBOOK_LIMITS.author)
    invalid('author', 'A name of 1 to 40 characters is required.', '请填写 1 到 40 个字符的昵称。');
  await insertReplies(db, [{ id: newId('r'), entry_id: entry.id, author, body, created_at: now }]);
  const [withReply] = await withReplies(db, [entry], toEntry);
  return withReply!;
}

export async function moderate(
  db: Db,
  id: string,
  flags: { approved?: boolean; hidden?: boolean; pinned?: boolean },
): Promise<StaffGuestbookEntry> {
  const row = (await updateFlags(db, id, flags)) ?? notFound();
  const [entry] = await withReplies(db, [row], toStaffEntry);
  return entry!;
}
