import { sql, type Kysely, type Selectable } from 'kysely';
import type { EngagementTables, FeedbackMessagesTable } from '../db/engagement-tables.js';
import type { StaffKey } from '../guestbook/guestbook-sql.js';

/** All SQL of the feedback table. */
type Db = Kysely<EngagementTables>;
export type FeedbackRow = Selectable<FeedbackMessagesTable>;

export async function insertFeedback(db: Db, row: FeedbackRow): Promise<void> {
  await db.insertInto('feedback_messages').values(row).execute();
}

export async function listFeedback(db: Db, after: StaffKey | null, limit: number): Promise<FeedbackRow[]> {
  let query = db.selectFrom('feedback_messages').selectAll();
  if (after) query = query.where(sql<boolean>`(created_at, id) < (${after.createdAt}::bigint, ${after.id}::text)`);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
