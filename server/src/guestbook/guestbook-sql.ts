import { sql, type Kysely, type Selectable } from 'kysely';
import type { EngagementTables, GuestbookEntriesTable, GuestbookRepliesTable } from '../db/engagement-tables.js';

/** All SQL of the guestbook tables. */
type Db = Kysely<EngagementTables>;
export type EntryRow = Selectable<GuestbookEntriesTable>;
export type ReplyRow = Selectable<GuestbookRepliesTable>;

/** The public list's sort key: pinned first, then newest, the id breaking ties. */
export interface PublicKey {
  pinned: boolean;
  createdAt: number;
  id: string;
}

/** The staff list's sort key: newest first. */
export interface StaffKey {
  createdAt: number;
  id: string;
}

export type StaffStatus = 'pending' | 'hidden' | 'published' | 'all';

export async function insertEntry(db: Db, row: EntryRow): Promise<void> {
  await db.insertInto('guestbook_entries').values(row).execute();
}

export async function insertEntries(db: Db, rows: EntryRow[]): Promise<void> {
  if (rows.length)
    await db
      .insertInto('guestbook_entries')
      .values(rows)
      .onConflict((c) => c.column('id').doNothing())
      .execute();
}

export async function insertReplies(db: Db, rows: ReplyRow[]): Promise<void> {
  if (rows.length)
    await db
      .insertInto('guestbook_replies')
      .values(rows)
      .onConflict((c) => c.column('id').doNothing())
      .execute();
}

/** Published entries of a topic after `after`, in list order. */
export async function listPublished(db: Db, topic: string, after: PublicKey | null, limit: number): Promise<EntryRow[]> {
  let query = db
    .selectFrom('guestbook_entries')
    .selectAll()
    .where('topic', '=', topic)
    .where('approved', '=', true)
    .where('hidden', '=', false);
  if (after) {
    query = query.where(
      sql<boolean>`(pinned, created_at, id) < (${after.pinned}::boolean, ${after.createdAt}::bigint, ${after.id}::text)`,
    );
  }
  return query.orderBy('pinned', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function listForStaff(
  db: Db,
  filter: { status: StaffStatus; topic?: string },
  after: StaffKey | null,
  limit: number,
): Promise<EntryRow[]> {
  let query = db.selectFrom('guestbook_entries').selectAll();
  if (filter.topic !== undefined) query = query.where('topic', '=', filter.topic);
  if (filter.status === 'pending') query = query.where('approved', '=', false).where('hidden', '=', false);
  if (filter.status === 'hidden') query = query.where('hidden', '=', true);
  if (filter.status === 'published') query = query.where('approved', '=', true).where('hidden', '=', false);
  if (after) query = query.where(sql<boolean>`(created_at, id) < (${after.createdAt}::bigint, ${after.id}::text)`);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function repliesOf(db: Db, entryIds: string[]): Promise<ReplyRow[]> {
  if (entryIds.length === 0) return [];
  return db
    .selectFrom('guestbook_replies')
    .selectAll()
    .where('entry_id', 'in', entryIds)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

export async function findEntry(db: Db, id: string): Promise<EntryRow | undefined> {
  return db.selectFrom('guestbook_entries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateFlags(
  db: Db,
  id: string,
  flags: { approved?: boolean; hidden?: boolean; pinned?: boolean },
): Promise<EntryRow | undefined> {
  const set = Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined));
  if (Object.keys(set).length === 0) return findEntry(db, id);
  return db.updateTable('guestbook_entries').set(set).where('id', '=', id).returningAll().executeTakeFirst();
}

/** True when this poster has had a post approved (first-post moderation). */
export async function posterHasApprovedPost(db: Db, posterHash: string): Promise<boolean> {
  const row = await db
    .selectFrom('guestbook_entries')
    .select('id')
    .where('poster_hash', '=', posterHash)
    .where('approved', '=', true)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Records a solved challenge; false when it was already used (a replayed solution). */
export async function usePowSolution(db: Db, signature: string, expiresAt: number, now: number): Promise<boolean> {
  await db.deleteFrom('guestbook_pow_used').where('expires_at', '<', now).execute();
  const row = await db
    .insertInto('guestbook_pow_used')
    .values({ signature, expires_at: expiresAt })
    .onConflict((c) => c.column('signature').doNothing())
    .returning('signature')
    .executeTakeFirst();
  return row !== undefined;
}
