import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.js';

const HOUR = 3_600_000;

function dayOf(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/**
 * sha256 of the client address with a random salt of the UTC day (kept in the database so every
 * instance hashes alike). Salts older than 48 h are deleted, so yesterday's hashes cannot be
 * linked to an address any more; the raw address is never stored.
 */
export async function clientHash(db: Kysely<Database>, ip: string, purpose: string, now: number): Promise<string> {
  const day = dayOf(now);
  let row = await db.selectFrom('daily_salts').select('salt').where('day', '=', day).executeTakeFirst();
  if (!row) {
    await db
      .insertInto('daily_salts')
      .values({ day, salt: randomBytes(32).toString('base64url'), created_at: now })
      .onConflict((c) => c.column('day').doNothing())
      .execute();
    await db
      .deleteFrom('daily_salts')
      .where('created_at', '<', now - 48 * HOUR)
      .execute();
    row = await db.selectFrom('daily_salts').select('salt').where('day', '=', day).executeTakeFirstOrThrow();
  }
  return createHash('sha256').update(`${row.salt}\u0000${purpose}\u0000${ip}`).digest('base64url');
}
