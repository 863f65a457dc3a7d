import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Member } from '../../../src/core/types.js';
import type { Database, MembersTable } from '../db/tables.js';

/** All SQL of the members and sessions tables. */
type Db = Kysely<Database>;
export type MemberRow = Selectable<MembersTable>;

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function memberOf(row: MemberRow): Member {
  const member: Member = { id: row.id, name: row.name, email: row.email, tier: row.tier, since: Number(row.since) };
  if (row.shipping_card) member.shippingCard = true;
  return member;
}

export async function memberForToken(db: Db, token: string, now: number): Promise<Member | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('members', 'members.id', 'sessions.member_id')
    .selectAll('members')
    .where('sessions.token_hash', '=', tokenHash(token))
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  return row ? memberOf(row) : null;
}

export async function memberByEmail(db: Db, email: string): Promise<MemberRow | undefined> {
  return db.selectFrom('members').selectAll().where('email', '=', email).executeTakeFirst();
}

/** Inserts the member; false when the e-mail is taken. */
export async function insertMember(db: Db, row: MemberRow): Promise<boolean> {
  const result = await db
    .insertInto('members')
    .values(row)
    .onConflict((c) => c.column('email').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function insertSession(db: Db, token: string, memberId: string, now: number, ttlMs: number): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ token_hash: tokenHash(token), member_id: memberId, created_at: now, expires_at: now + ttlMs })
    .execute();
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash(token)).execute();
}

export async function pruneSessions(db: Db, now: number): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
}
