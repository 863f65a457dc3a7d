import { sql, type Kysely } from 'kysely';
import { createDemoData, type DemoData } from '../../../src/adapter/local/demo/demo-data.js';
import { normalizeContact } from '../../../src/adapter/local/local-validation.js';
import { hashPassword } from '../account/passwords.js';
import { productRow } from '../catalog/catalog-rows.js';
import { SCHEMA_LOCK } from './migrate.js';
import { seedEngagement } from './seed-engagement.js';
import type { Database } from './tables.js';

/**
 * Seeds the demo shop once (the same `createDemoData` as the local adapter): the `seeded_at`
 * meta row says it was done, so a restart keeps every later write. Flash-sale windows and
 * order times are fixed relative to the first start.
 */
export async function seed(db: Kysely<Database>, now: number): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`.execute(trx);
    const done = await trx.selectFrom('meta').select('value').where('key', '=', 'seeded_at').executeTakeFirst();
    if (done) return false;
    const demo = createDemoData(now);
    await seedCore(trx, demo, now);
    await seedEngagement(trx, demo);
    await trx
      .insertInto('meta')
      .values({ key: 'seeded_at', value: String(now) })
      .execute();
    return true;
  });
}

async function seedCore(db: Kysely<Database>, demo: DemoData, now: number): Promise<void> {
  await db
    .insertInto('products')
    .values(demo.products.map((product, i) => productRow(product, i, now)))
    .execute();
  const facets = [
    ...demo.series.map((facet, i) => ({ kind: 'series' as const, id: facet.id, position: i, data: JSON.stringify(facet) })),
    ...demo.categories.map((facet, i) => ({ kind: 'category' as const, id: facet.id, position: i, data: JSON.stringify(facet) })),
  ];
  await db.insertInto('facets').values(facets).execute();
  const rows = <T extends { id: string }>(items: T[]) =>
    items.map((item, i) => ({ id: item.id, position: i, data: JSON.stringify(item) }));
  await db.insertInto('promotions').values(rows(demo.promotions)).execute();
  await db.insertInto('help_articles').values(rows(demo.helpArticles)).execute();
  await db.insertInto('payment_methods').values(rows(demo.paymentMethods)).execute();
  for (const { member, password } of demo.members) {
    await db
      .insertInto('members')
      .values({
        id: member.id,
        email: member.email,
        name: member.name,
        tier: member.tier,
        shipping_card: member.shippingCard ?? false,
        since: member.since ?? now,
        password_hash: await hashPassword(password),
      })
      .execute();
  }
  for (const order of demo.orders) {
    await db
      .insertInto('orders')
      .values({
        number: order.number,
        status: order.status,
        placed_at: order.placedAt,
        paid_at: order.paidAt ?? null,
        shipped_at: order.shippedAt ?? null,
        delivered_at: order.deliveredAt ?? null,
        cancelled_at: order.status === 'cancelled' ? (order.timeline.at(-1)?.at ?? order.placedAt) : null,
        carrier: order.carrier ?? null,
        tracking_number: order.trackingNumber ?? null,
        lines: JSON.stringify(order.lines),
        total_amount: order.total.amount,
        currency: order.total.currency,
        member_id: null,
        payment_method: null,
        pay_token_hash: null,
      })
      .execute();
    await db
      .insertInto('order_events')
      .values(
        order.timeline.map((event) => ({
          order_number: order.number,
          status: event.status,
          at: event.at,
          note: event.note ?? null,
        })),
      )
      .execute();
    const contacts = [...new Set(order.contact.map(normalizeContact).filter(Boolean))];
    if (contacts.length) {
      await db
        .insertInto('order_contacts')
        .values(contacts.map((contact) => ({ order_number: order.number, contact })))
        .execute();
    }
  }
}
