import { sql, type Kysely, type Selectable } from 'kysely';
import type { EngagementTables, NewsletterSubscribersTable } from '../db/engagement-tables.js';
import type { StaffKey } from '../guestbook/guestbook-sql.js';

/** All SQL of the newsletter tables. */
type Db = Kysely<EngagementTables>;
export type SubscriberRow = Selectable<NewsletterSubscribersTable>;
export type SubscriptionStatus = SubscriberRow['status'];

/** The one row of (list, email): inserted as pending, or the existing one (however often submitted). */
export async function upsertSubscriber(
  db: Db,
  row: { id: string; list: string; email: string; locale: string | null },
  now: number,
): Promise<SubscriberRow> {
  return db
    .insertInto('newsletter_subscribers')
    .values({ ...row, status: 'pending', created_at: now, updated_at: now })
    .onConflict((c) =>
      c
        .columns(['list', 'email'])
        .doUpdateSet({ updated_at: now, locale: sql`coalesce(excluded.locale, newsletter_subscribers.locale)` }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function setStatus(db: Db, id: string, status: SubscriptionStatus, now: number): Promise<SubscriberRow> {
  const times =
    status === 'confirmed'
      ? { confirmed_at: sql<number>`coalesce(confirmed_at, ${now}::bigint)`, unsubscribed_at: null }
      : status === 'unsubscribed'
        ? { unsubscribed_at: sql<number>`coalesce(unsubscribed_at, ${now}::bigint)` }
        : { confirmed_at: null, unsubscribed_at: null };
  return db
    .updateTable('newsletter_subscribers')
    .set({ status, updated_at: now, ...times })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function addConsent(
  db: Db,
  consent: { id: string; subscriber_id: string; consent_text: string; consent_version: string },
  now: number,
): Promise<void> {
  await db
    .insertInto('newsletter_consents')
    .values({ ...consent, created_at: now })
    .execute();
}

/** True when a confirmation mail may go to `email` now (and records that one goes). */
export async function takeMailSlot(db: Db, email: string, cooldownMs: number, now: number): Promise<boolean> {
  const row = await db
    .insertInto('newsletter_mail_cooldown')
    .values({ email, last_sent_at: now })
    .onConflict((c) =>
      c
        .column('email')
        .doUpdateSet({ last_sent_at: now })
        .where('newsletter_mail_cooldown.last_sent_at', '<=', now - cooldownMs),
    )
    .returning('email')
    .executeTakeFirst();
  return row !== undefined;
}

export async function addToken(
  db: Db,
  token: { token_hash: string; subscriber_id: string; purpose: 'confirm' | 'unsubscribe'; expires_at: number | null },
  now: number,
): Promise<void> {
  await db
    .insertInto('newsletter_tokens')
    .values({ ...token, created_at: now })
    .execute();
}

/** The subscriber a live token of `purpose` belongs to. */
export async function subscriberOfToken(
  db: Db,
  tokenHash: string,
  purpose: 'confirm' | 'unsubscribe',
  now: number,
): Promise<SubscriberRow | undefined> {
  return db
    .selectFrom('newsletter_tokens as t')
    .innerJoin('newsletter_subscribers as s', 's.id', 't.subscriber_id')
    .selectAll('s')
    .where('t.token_hash', '=', tokenHash)
    .where('t.purpose', '=', purpose)
    .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', now)]))
    .executeTakeFirst();
}

/** After an unsubscribe, older confirmation links must not subscribe the address again. */
export async function dropConfirmTokens(db: Db, subscriberId: string): Promise<void> {
  await db.deleteFrom('newsletter_tokens').where('subscriber_id', '=', subscriberId).where('purpose', '=', 'confirm').execute();
}

export interface StaffSubscriberRow extends SubscriberRow {
  consent_text: string | null;
  consent_version: string | null;
  consent_at: number | string | null;
}

export async function listSubscribers(
  db: Db,
  filter: { list?: string; status?: SubscriptionStatus },
  after: StaffKey | null,
  limit: number,
): Promise<StaffSubscriberRow[]> {
  let query = db
    .selectFrom('newsletter_subscribers as s')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('newsletter_consents as c')
          .select(['c.consent_text', 'c.consent_version', 'c.created_at as consent_at'])
          .whereRef('c.subscriber_id', '=', 's.id')
          .orderBy('c.created_at', 'desc')
          .orderBy('c.id', 'desc')
          .limit(1)
          .as('latest'),
      (join) => join.onTrue(),
    )
    .selectAll('s')
    .select(['latest.consent_text', 'latest.consent_version', 'latest.consent_at']);
  if (filter.list !== undefined) query = query.where('s.list', '=', filter.list);
  if (filter.status !== undefined) query = query.where('s.status', '=', filter.status);
  if (after) query = query.where(sql<boolean>`(s.created_at, s.id) < (${after.createdAt}::bigint, ${after.id}::text)`);
  return query.orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').limit(limit).execute();
}
