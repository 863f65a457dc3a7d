import { sql, type Kysely } from 'kysely';
import type { EngagementTables } from '../db/engagement-tables.js';

/** All SQL of the visit tables. */
type Db = Kysely<EngagementTables>;

export interface DayTopicCount {
  day: string;
  topic: string;
  pageViews: number;
  uniqueVisitors: number;
}

/** The salt of `day`, created when missing (concurrent instances agree on the first one written). */
export async function saltOf(db: Db, day: string, now: number): Promise<string> {
  await db
    .insertInto('visit_salts')
    .values({ day, salt: cryptoSalt(), created_at: now })
    .onConflict((c) => c.column('day').doNothing())
    .execute();
  const row = await db.selectFrom('visit_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow();
  return row.salt;
}

function cryptoSalt(): string {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64url');
}

/**
 * Forgets what could re-identify a visitor: salts older than 48 h, and the salted hashes of days
 * that can no longer receive unique visitors (`keepDays` are the days still counted).
 */
export async function forgetOldVisitors(db: Db, now: number, keepDays: string[]): Promise<void> {
  await db
    .deleteFrom('visit_salts')
    .where((eb) => eb.or([eb('created_at', '<', now - 48 * 3_600_000), eb('day', 'not in', keepDays)]))
    .execute();
  await db.deleteFrom('visit_seen').where('day', 'not in', keepDays).execute();
  await db
    .deleteFrom('visit_batches')
    .where('created_at', '<', now - 7 * 24 * 3_600_000)
    .execute();
}

/** Reserves a batch key; the earlier answer's count when the key was already used. */
export async function reserveBatch(db: Db, key: string, accepted: number, now: number): Promise<number | null> {
  const inserted = await db
    .insertInto('visit_batches')
    .values({ key, accepted, created_at: now })
    .onConflict((c) => c.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return null;
  const row = await db.selectFrom('visit_batches').select('accepted').where('key', '=', key).executeTakeFirstOrThrow();
  return row.accepted;
}

/** Inserts the (day, topic, hash) triples not seen yet; answers the ones that were new. */
export async function markSeen(
  db: Db,
  rows: { day: string; topic: string; visitor_hash: string }[],
): Promise<{ day: string; topic: string }[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('visit_seen')
    .values(rows)
    .onConflict((c) => c.columns(['day', 'topic', 'visitor_hash']).doNothing())
    .returning(['day', 'topic'])
    .execute();
}

/** Adds to the day counters; they only ever go up. */
export async function addCounts(db: Db, counts: DayTopicCount[]): Promise<void> {
  if (counts.length === 0) return;
  await db
    .insertInto('visit_daily')
    .values(
      counts.map((count) => ({
        day: count.day,
        topic: count.topic,
        page_views: count.pageViews,
        unique_visitors: count.uniqueVisitors,
      })),
    )
    .onConflict((c) =>
      c.columns(['day', 'topic']).doUpdateSet({
        page_views: sql`visit_daily.page_views + excluded.page_views`,
        unique_visitors: sql`visit_daily.unique_visitors + excluded.unique_visitors`,
      }),
    )
    .execute();
}

/** All-time totals per topic (unique visitors: the sum of the daily uniques). */
export async function totals(db: Db, topics?: string[]): Promise<{ topic: string; pageViews: number; uniqueVisitors: number }[]> {
  let query = db
    .selectFrom('visit_daily')
    .select((eb) => [
      'topic',
      eb.fn.sum<string | number>('page_views').as('page_views'),
      eb.fn.sum<string | number>('unique_visitors').as('unique_visitors'),
    ])
    .groupBy('topic')
    .orderBy('topic');
  if (topics) query = query.where('topic', 'in', topics);
  const rows = await query.execute();
  return rows.map((row) => ({
    topic: row.topic,
    pageViews: Number(row.page_views),
    uniqueVisitors: Number(row.unique_visitors),
  }));
}

export async function dailyCounts(db: Db, from: string, to: string, topics?: string[]): Promise<DayTopicCount[]> {
  let query = db
    .selectFrom('visit_daily')
    .selectAll()
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .orderBy('topic');
  if (topics) query = query.where('topic', 'in', topics);
  const rows = await query.execute();
  return rows.map((row) => ({
    day: row.day,
    topic: row.topic,
    pageViews: Number(row.page_views),
    uniqueVisitors: Number(row.unique_visitors),
  }));
}

/** Product pages (`product:SKU`) by page views over the range, most viewed first. */
export async function topProducts(
  db: Db,
  from: string,
  to: string,
  limit: number,
): Promise<{ topic: string; pageViews: number; uniqueVisitors: number }[]> {
  const rows = await db
    .selectFrom('visit_daily')
    .select((eb) => [
      'topic',
      eb.fn.sum<string | number>('page_views').as('page_views'),
      eb.fn.sum<string | number>('unique_visitors').as('unique_visitors'),
    ])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('topic', 'like', 'product:%')
    .groupBy('topic')
    .orderBy(sql`sum(page_views)`, 'desc')
    .orderBy(sql`sum(unique_visitors)`, 'desc')
    .orderBy('topic')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    topic: row.topic,
    pageViews: Number(row.page_views),
    uniqueVisitors: Number(row.unique_visitors),
  }));
}
