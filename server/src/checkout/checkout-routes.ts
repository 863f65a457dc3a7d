import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ServerContext } from '../context.js';
import { contractRoute } from '../http/contract.js';
import { placeOrder, type CheckoutInput } from './checkout.js';

/** This server's public origin: PUBLIC_URL, else the request's own. */
export function publicOrigin(ctx: ServerContext, request: FastifyRequest): string {
  return ctx.config.publicUrl ?? `${request.protocol}://${request.host}`;
}

export function registerCheckout(app: FastifyInstance, ctx: ServerContext): void {
  contractRoute<CheckoutInput>(app, 'POST', '/checkout', { idempotency: 'required' }, async (request, reply) => {
    await ctx.rateLimit(request, reply, 'checkout', { max: 30, windowSeconds: 600 });
    const member = await ctx.member(request);
    const placed = await placeOrder(ctx.db, request.body, member, ctx.now());
    const url = `${publicOrigin(ctx, request)}/pay/${encodeURIComponent(placed.orderNumber)}?t=${placed.payToken}`;
    reply.code(201);
    return { url, orderNumber: placed.orderNumber, total: placed.total };
  });
}
