import type { FastifyInstance } from 'fastify';
import { isbot } from 'isbot';
import type { Kysely } from 'kysely';
import type { VisitEvent } from '../../../src/core/types.js';
import type { ServerContext } from '../context.js';
import type { EngagementTables } from '../db/engagement-tables.js';
import { contractRoute } from '../http/contract.js';
import { daily, dayRange, parseTopics, products, recordBatch, stats, type VisitsConfigExtras } from './visits.js';

/**
 * Visits: batches as JSON or as text/plain (sendBeacon sends those without a CORS preflight;
 * validation.ts parses them as JSON and the contract's schema checks them like JSON bodies).
 */
export function registerVisits(app: FastifyInstance, ctx: ServerContext): void {
  const db = ctx.db as unknown as Kysely<EngagementTables>;
  const timeZone = (ctx.config as typeof ctx.config & Partial<VisitsConfigExtras>).shopTimeZone ?? 'Asia/Shanghai';

  contractRoute<{ events: VisitEvent[]; key?: string }>(app, 'POST', '/visits', {}, async (request, reply) => {
    reply.code(202);
    // Crawlers, link previews and headless tools are not visitors; they get a normal answer.
    if (isbot(request.headers['user-agent'] ?? '')) return { accepted: 0 };
    const header = request.headers['idempotency-key'];
    const key = request.body.key ?? (typeof header === 'string' && header ? header : undefined);
    const accepted = await recordBatch(db, request.body.events, {
      ...(key !== undefined ? { key } : {}),
      fallbackVisitor: () => ctx.clientHash(request, 'visits'),
      now: ctx.now(),
      timeZone,
    });
    return { accepted };
  });

  contractRoute<unknown, { topics?: string }>(app, 'GET', '/visits/stats', {}, async (request) => ({
    items: await stats(db, parseTopics(request.query.topics)),
  }));

  contractRoute<unknown, { topics?: string; from?: string; to?: string }>(app, 'GET', '/visits/daily', {}, async (request) => {
    const range = dayRange(request.query, ctx.now(), timeZone);
    return { items: await daily(db, range, parseTopics(request.query.topics)) };
  });

  contractRoute<unknown, { from?: string; to?: string; limit?: number }>(
    app,
    'GET',
    '/visits/top-products',
    {},
    async (request) => {
      const range = dayRange(request.query, ctx.now(), timeZone);
      return { items: await products(db, range, request.query.limit ?? 10) };
    },
  );
}
