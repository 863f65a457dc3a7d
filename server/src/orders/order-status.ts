import type { Kysely } from 'kysely';
import type { OrderStatus } from '../../../src/core/types.js';
import { HttpProblem } from '../http/problem.js';
import type { Database } from '../db/tables.js';
import { releaseStock } from '../checkout/stock-sql.js';
import { addEvent, lockOrder, updateOrder } from './orders-sql.js';

/** The moves an order's status allows. */
const MOVES: Record<OrderStatus, OrderStatus[]> = {
  placed: ['paid', 'cancelled'],
  paid: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
};

const NOTES: Record<OrderStatus, string> = {
  placed: '订单已提交',
  paid: '付款成功',
  shipped: '已发货',
  delivered: '已签收，感谢您的购买',
  cancelled: '订单已取消',
};

export interface StatusChange {
  status: OrderStatus;
  carrier?: string;
  trackingNumber?: string;
  note?: string;
  paymentMethod?: string;
}

/**
 * Moves an order to `change.status` inside `trx` (the row locked), with a timeline event; a
 * cancelled order gives its held stock back. 404 unknown, 409 for a move the status does not allow.
 */
export async function moveOrder(trx: Kysely<Database>, number: string, change: StatusChange, now: number): Promise<void> {
  const row = await lockOrder(trx, number);
  if (!row) throw new HttpProblem(404, 'not-found', `No order has the number ${number}.`, { number });
  if (!MOVES[row.status].includes(change.status)) {
    throw new HttpProblem(409, 'conflict', `An order that is ${row.status} cannot become ${change.status}.`, {
      reason: 'status',
      status: row.status,
      allowed: MOVES[row.status],
    });
  }
  if (change.status === 'shipped' && (!change.carrier || !change.trackingNumber)) {
    throw new HttpProblem(400, 'validation', 'A shipped order needs a carrier and a tracking number.', {}, [
      ...(!change.carrier ? [{ field: 'carrier', message: 'is required' }] : []),
      ...(!change.trackingNumber ? [{ field: 'trackingNumber', message: 'is required' }] : []),
    ]);
  }
  const columns = { paid: 'paid_at', shipped: 'shipped_at', delivered: 'delivered_at', cancelled: 'cancelled_at' } as const;
  const update: Parameters<typeof updateOrder>[2] = { status: change.status };
  if (change.status !== 'placed') update[columns[change.status]] = now;
  if (change.status === 'shipped') {
    update.carrier = change.carrier!;
    update.tracking_number = change.trackingNumber!;
  }
  if (change.paymentMethod) update.payment_method = change.paymentMethod;
  await updateOrder(trx, number, update);
  const note =
    change.note ??
    (change.status === 'shipped' ? `${change.carrier}已揽收，运单号 ${change.trackingNumber}` : NOTES[change.status]);
  await addEvent(trx, number, { status: change.status, at: now, note });
  if (change.status === 'cancelled') await releaseStock(trx, row.lines as { sku: string; quantity: number }[]);
}
