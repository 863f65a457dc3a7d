import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { EngagementTables } from '../db/engagement-tables.js';
import { staffCursorAfter, encodeStaffCursor } from '../guestbook/guestbook-cursor.js';

/** The development mail outbox (newsletter confirmations, feedback to the staff): SQL and shape. */
type Db = Kysely<EngagementTables>;

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
  kind: string;
  createdAt: number;
}

/** Something that can log (Fastify's logger). */
export interface MailLog {
  info(object: Record<string, unknown>, message: string): void;
  warn(object: Record<string, unknown>, message: string): void;
}

/**
 * Where mails are logged: in development at `warn`, so the confirmation links show with the
 * default quiet LOG_LEVEL (there is no real mail); in production at `info`.
 */
export function mailLog(log: MailLog, production: boolean): MailLog {
  return production
    ? log
    : { info: (object, message) => log.warn(object, message), warn: (object, message) => log.warn(object, message) };
}

/** Header values never carry a line break (no header injection from a form field). */
export function headerValue(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').trim();
}

/** "Sends" a mail: writes it to the outbox table and to the server log. */
export async function sendMail(
  db: Db,
  log: MailLog,
  mail: Omit<OutboxMail, 'id' | 'createdAt'>,
  now: number,
): Promise<OutboxMail> {
  const headers = Object.fromEntries(Object.entries(mail.headers).map(([name, value]) => [name, headerValue(value)]));
  const stored: OutboxMail = {
    ...mail,
    to: headerValue(mail.to),
    subject: headerValue(mail.subject),
    headers,
    id: `mail-${randomBytes(9).toString('base64url')}`,
    createdAt: now,
  };
  await db
    .insertInto('mail_outbox')
    .values({
      id: stored.id,
      to_address: stored.to,
      subject: stored.subject,
      text_body: stored.text,
      headers: JSON.stringify(stored.headers),
      kind: stored.kind,
      created_at: now,
    })
    .execute();
  log.info({ mail: stored }, `mail to ${stored.to}: ${stored.subject}`);
  return stored;
}

export async function listMail(
  db: Db,
  filter: { to?: string },
  cursor: string | undefined,
  limit: number,
): Promise<{ items: OutboxMail[]; cursor?: string }> {
  const after = staffCursorAfter(cursor);
  let query = db.selectFrom('mail_outbox').selectAll();
  if (filter.to !== undefined) query = query.where(sql<string>`lower(to_address)`, '=', filter.to.trim().toLowerCase());
  if (after) query = query.where(sql<boolean>`(created_at, id) < (${after.createdAt}::bigint, ${after.id}::text)`);
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const items = page.map((row) => ({
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    headers: typeof row.headers === 'string' ? (JSON.parse(row.headers) as Record<string, string>) : row.headers,
    kind: row.kind,
    createdAt: Number(row.created_at),
  }));
  const last = items.at(-1);
  return {
    items,
    ...(rows.length > limit && last ? { cursor: encodeStaffCursor({ createdAt: last.createdAt, id: last.id }) } : {}),
  };
}
