import type { FastifyInstance } from 'fastify';
import type { OrderStatus } from '../../../src/core/types.js';
import type { ServerContext } from '../context.js';
import { contractRoute } from '../http/contract.js';
import { moveOrder, type StatusChange } from '../orders/order-status.js';
import { staffOrder, staffOrders } from '../orders/orders-sql.js';

function encodeCursor(key: { placedAt: number; number: string }): string {
  return Buffer.from(JSON.stringify([key.placedAt, key.number])).toString('base64url');
}

function decodeCursor(cursor: string): { placedAt: number; number: string } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [placedAt, number] = value as unknown[];
    return typeof placedAt === 'number' && Number.isSafeInteger(placedAt) && typeof number === 'string' && number.length <= 64
      ? { placedAt, number }
      : null;
  } catch {
    return null;
  }
}

export function registerStaffOrders(app: FastifyInstance, ctx: ServerContext): void {
  contractRoute<unknown, { status?: OrderStatus; cursor?: string; limit?: number }>(
    app,
    'GET',
    '/staff/orders',
    {},
    async (request) => {
      ctx.requireStaff(request);
      const { status, cursor, limit = 20 } = request.query;
      const after = cursor ? decodeCursor(cursor) : undefined;
      if (after === null) ctx.problem(400, 'validation', 'cursor is not one this server wrote.', { field: 'cursor' });
      const items = await staffOrders(ctx.db, { status, after, limit: limit + 1 });
      const page = items.slice(0, limit);
      const last = page.at(-1);
      return items.length > limit && last ? { items: page, cursor: encodeCursor(last) } : { items: page };
    },
  );
  contractRoute<StatusChange, unknown, { number: string }>(app, 'POST', '/staff/orders/{number}/status', {}, async (request) => {
    ctx.requireStaff(request);
    const number = request.params.number.toUpperCase();
    await ctx.db.transaction().execute((trx) => moveOrder(trx, number, request.body, ctx.now()));
    return staffOrder(ctx.db, number);
  });
}
