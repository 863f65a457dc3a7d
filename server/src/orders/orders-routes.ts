import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { normalizeContact } from '../../../src/adapter/local/local-validation.js';
import type { ServerContext } from '../context.js';
import { contractRoute } from '../http/contract.js';
import { orderByNumber, trackingCandidates } from './orders-sql.js';

/** Tracking attempts per client (hashed address) and window; a number cannot be guessed with them. */
export const TRACK_LIMIT = { max: 10, windowSeconds: 600 };

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Whether `given` (an e-mail, a phone, or a phone's last 4 digits) is one of the order's contacts. */
export function contactMatches(given: string, known: readonly string[]): boolean {
  const text = given.trim().toLowerCase();
  const lastFour = /^\d{4}$/.test(text.replace(/[\s-]/g, '')) ? text.replace(/[\s-]/g, '') : null;
  const normalized = lastFour ? '' : normalizeContact(text);
  let match = false;
  // Every known contact is compared (in constant time), so the answer takes as long either way.
  for (const contact of known) {
    const candidate = lastFour && !contact.includes('@') ? contact.slice(-4) : contact;
    const wanted = lastFour ?? normalized;
    if (timingSafeEqual(digest(candidate), digest(wanted)) && wanted !== '') match = true;
  }
  return match;
}

export function registerOrders(app: FastifyInstance, ctx: ServerContext): void {
  contractRoute<{ number: string; contact: string }>(app, 'POST', '/orders/track', {}, async (request, reply) => {
    await ctx.rateLimit(request, reply, 'orders-track', TRACK_LIMIT);
    // People type order numbers with spaces or dashes ("SF 20261125-018").
    const number = request.body.number.replace(/[\s-]/g, '').toUpperCase();
    const contact = request.body.contact.trim();
    // Input shape only (the same for every order): blank fields, or a contact that is no phone or e-mail.
    if (!number || !contact || (!/^\d{4}$/.test(contact.replace(/[\s-]/g, '')) && !normalizeContact(contact))) {
      ctx.problem(400, 'validation', 'An order number and a phone number (or its last 4 digits) or e-mail are required.', {
        field: !number ? 'number' : 'contact',
      });
    }
    const { found, contacts } = await trackingCandidates(ctx.db, number);
    // An unknown number is checked against a decoy contact, so both failures do the same work.
    const matched = contactMatches(contact, found ? contacts : ['decoy@example.invalid']) && found;
    const order = matched ? await orderByNumber(ctx.db, number) : null;
    if (!order) {
      ctx.problem(404, 'not-found', 'No order matches this number and contact.', {});
    }
    return order;
  });
}
