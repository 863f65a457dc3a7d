import { sql, type Kysely, type Selectable } from 'kysely';
import type { Order, OrderEvent, OrderStatus } from '../../../src/core/types.js';
import type { Database, OrdersTable } from '../db/tables.js';

/** All SQL of the orders, order_events, order_contacts and order_sequences tables. */
type Db = Kysely<Database>;
type OrderRow = Selectable<OrdersTable>;

export type StaffOrder = Order & { contact: string[]; paymentMethod?: string; memberId?: string };

function orderOf(row: OrderRow, events: OrderEvent[]): Order {
  const order: Order = {
    number: row.number,
    status: row.status,
    placedAt: Number(row.placed_at),
    lines: row.lines as Order['lines'],
    total: { amount: Number(row.total_amount), currency: row.currency },
    timeline: events,
  };
  if (row.paid_at !== null) order.paidAt = Number(row.paid_at);
  if (row.shipped_at !== null) order.shippedAt = Number(row.shipped_at);
  if (row.delivered_at !== null) order.deliveredAt = Number(row.delivered_at);
  if (row.carrier) order.carrier = row.carrier;
  if (row.tracking_number) order.trackingNumber = row.tracking_number;
  return order;
}

async function eventsOf(db: Db, numbers: string[]): Promise<Map<string, OrderEvent[]>> {
  const map = new Map<string, OrderEvent[]>(numbers.map((number) => [number, []]));
  if (numbers.length === 0) return map;
  const rows = await db
    .selectFrom('order_events')
    .selectAll()
    .where('order_number', 'in', numbers)
    .orderBy('at')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const event: OrderEvent = { status: row.status as OrderStatus, at: Number(row.at) };
    if (row.note) event.note = row.note;
    map.get(row.order_number)?.push(event);
  }
  return map;
}

export async function orderByNumber(db: Db, number: string): Promise<Order | null> {
  const row = await db.selectFrom('orders').selectAll().where('number', '=', number).executeTakeFirst();
  if (!row) return null;
  return orderOf(row, (await eventsOf(db, [number])).get(number) ?? []);
}

/** The order's number and its tracking contacts in one query (absent order: no rows). */
export async function trackingCandidates(db: Db, number: string): Promise<{ found: boolean; contacts: string[] }> {
  const rows = await sql<{ number: string; contact: string | null }>`
    SELECT o.number, c.contact FROM orders o LEFT JOIN order_contacts c ON c.order_number = o.number
    WHERE o.number = ${number}`.execute(db);
  return { found: rows.rows.length > 0, contacts: rows.rows.map((row) => row.contact).filter((c): c is string => !!c) };
}

export async function staffOrders(
  db: Db,
  filter: { status?: OrderStatus; after?: { placedAt: number; number: string }; limit: number },
): Promise<StaffOrder[]> {
  let query = db.selectFrom('orders').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.after) {
    const { placedAt, number } = filter.after;
    query = query.where((eb) =>
      eb.or([eb('placed_at', '<', placedAt), eb.and([eb('placed_at', '=', placedAt), eb('number', '<', number)])]),
    );
  }
  const rows = await query.orderBy('placed_at', 'desc').orderBy('number', 'desc').limit(filter.limit).execute();
  return withStaffFields(db, rows);
}

async function withStaffFields(db: Db, rows: OrderRow[]): Promise<StaffOrder[]> {
  const numbers = rows.map((row) => row.number);
  const events = await eventsOf(db, numbers);
  const contacts = numbers.length
    ? await db.selectFrom('order_contacts').selectAll().where('order_number', 'in', numbers).orderBy('contact').execute()
    : [];
  return rows.map((row) => {
    const order: StaffOrder = {
      ...orderOf(row, events.get(row.number) ?? []),
      contact: contacts.filter((c) => c.order_number === row.number).map((c) => c.contact),
    };
    if (row.payment_method) order.paymentMethod = row.payment_method;
    if (row.member_id) order.memberId = row.member_id;
    return order;
  });
}

export async function staffOrder(db: Db, number: string): Promise<StaffOrder | null> {
  const row = await db.selectFrom('orders').selectAll().where('number', '=', number).executeTakeFirst();
  return row ? ((await withStaffFields(db, [row]))[0] ?? null) : null;
}

/** The next free order number of the day: SF + yyyymmdd + a sequence shared by every instance. */
export async function nextOrderNumber(db: Db, now: number): Promise<string> {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}`;
  for (;;) {
    const result = await sql<{ last: number }>`
      INSERT INTO order_sequences (day, last) VALUES (${day}, 501)
      ON CONFLICT (day) DO UPDATE SET last = order_sequences.last + 1 RETURNING last`.execute(db);
    const number = `SF${day}${String(result.rows[0]!.last).padStart(3, '0')}`;
    const taken = await db.selectFrom('orders').select('number').where('number', '=', number).executeTakeFirst();
    if (!taken) return number;
  }
}

export async function insertOrder(
  db: Db,
  order: Order,
  extra: { contacts: string[]; memberId: string | null; paymentMethod: string; payTokenHash: string },
): Promise<void> {
  await db
    .insertInto('orders')
    .values({
      number: order.number,
      status: order.status,
      placed_at: order.placedAt,
      paid_at: null,
      shipped_at: null,
      delivered_at: null,
      cancelled_at: null,
      carrier: null,
      tracking_number: null,
      lines: JSON.stringify(order.lines),
      total_amount: order.total.amount,
      currency: order.total.currency,
      member_id: extra.memberId,
      payment_method: extra.paymentMethod,
      pay_token_hash: extra.payTokenHash,
    })
    .execute();
  await addEvent(db, order.number, order.timeline[0]!);
  if (extra.contacts.length) {
    await db
      .insertInto('order_contacts')
      .values(extra.contacts.map((contact) => ({ order_number: order.number, contact })))
      .onConflict((c) => c.doNothing())
      .execute();
  }
}

export async function addEvent(db: Db, number: string, event: OrderEvent): Promise<void> {
  await db
    .insertInto('order_events')
    .values({ order_number: number, status: event.status, at: event.at, note: event.note ?? null })
    .execute();
}

/** Locks the order row for a status move (FOR UPDATE) and returns it. */
export async function lockOrder(db: Db, number: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('number', '=', number).forUpdate().executeTakeFirst();
}

export async function updateOrder(
  db: Db,
  number: string,
  change: Partial<
    Pick<
      OrderRow,
      'status' | 'paid_at' | 'shipped_at' | 'delivered_at' | 'cancelled_at' | 'carrier' | 'tracking_number' | 'payment_method'
    >
  >,
): Promise<void> {
  await db.updateTable('orders').set(change).where('number', '=', number).execute();
}
