import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { Database } from './tables.js';

const MIGRATIONS = fileURLToPath(new URL('./migrations/', import.meta.url));
/** One advisory lock id for migrating and seeding, so instances starting together take turns. */
export const SCHEMA_LOCK = 720_731_001;

/**
 * Runs `migrations/NNN_name.sql` in order, each in its own transaction with its row in
 * `schema_migrations`. Instances starting at once serialize on an advisory lock.
 */
export async function migrate(db: Kysely<Database>): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at bigint NOT NULL)`.execute(db);
  const files = readdirSync(MIGRATIONS)
    .filter((name) => /^\d{3}_[\w-]+\.sql$/.test(name))
    .sort();
  const applied: string[] = [];
  for (const name of files) {
    const ran = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`.execute(trx);
      const done = await sql<{ name: string }>`SELECT name FROM schema_migrations WHERE name = ${name}`.execute(trx);
      if (done.rows.length > 0) return false;
      await sql.raw(readFileSync(`${MIGRATIONS}${name}`, 'utf8')).execute(trx);
      await sql`INSERT INTO schema_migrations (name, applied_at) VALUES (${name}, ${Date.now()})`.execute(trx);
      return true;
    });
    if (ran) applied.push(name);
  }
  return applied;
}
