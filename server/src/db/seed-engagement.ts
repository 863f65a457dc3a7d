import type { Kysely } from 'kysely';
import type { DemoData } from '../../../src/adapter/local/demo/demo-data.js';
import { insertEntries, insertReplies } from '../guestbook/guestbook-sql.js';
import type { EngagementTables } from './engagement-tables.js';
import type { Database } from './tables.js';

/** The demo guestbook (the local adapter's, one source for both), published, with its staff replies. */
export async function seedEngagement(db: Kysely<Database>, demo: DemoData): Promise<void> {
  const engagement = db as unknown as Kysely<EngagementTables>;
  await insertEntries(
    engagement,
    demo.guestbook.map((entry) => ({
      id: entry.id,
      topic: entry.topic,
      author: entry.author,
      body: entry.body,
      rating: entry.rating ?? null,
      contact: null,
      created_at: entry.createdAt,
      approved: !entry.pending,
      hidden: false,
      pinned: entry.pinned ?? false,
      held_reason: null,
      poster_hash: null,
    })),
  );
  await insertReplies(
    engagement,
    demo.guestbook.flatMap((entry) =>
      entry.replies.map((reply, i) => ({
        id: `${entry.id}-r${i + 1}`,
        entry_id: entry.id,
        author: reply.author,
        body: reply.body,
        created_at: reply.createdAt,
      })),
    ),
  );
}
