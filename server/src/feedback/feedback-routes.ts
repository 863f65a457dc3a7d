import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { FeedbackMessage } from '../../../src/core/types.js';
import type { ServerContext } from '../context.js';
import type { EngagementTables } from '../db/engagement-tables.js';
import { contractRoute } from '../http/contract.js';
import { mailLog } from '../newsletter/mail-outbox.js';
import { receiveFeedback, staffFeedback } from './feedback.js';

/** Feedback from a page to the staff address (stored and mailed), and the staff's list of it. */
export function registerFeedback(app: FastifyInstance, ctx: ServerContext): void {
  const db = ctx.db as unknown as Kysely<EngagementTables>;

  contractRoute<FeedbackMessage>(app, 'POST', '/feedback', { idempotency: 'required' }, async (request, reply) => {
    await ctx.rateLimit(request, reply, 'feedback', { max: 10, windowSeconds: 600 });
    const receipt = await receiveFeedback(
      db,
      mailLog(request.log, ctx.config.production),
      request.body,
      ctx.config.feedbackAddresses,
      ctx.now(),
    );
    reply.code(201);
    return receipt;
  });

  contractRoute<unknown, { cursor?: string; limit?: number }>(app, 'GET', '/staff/feedback', {}, async (request) => {
    ctx.requireStaff(request);
    return staffFeedback(db, request.query.cursor, request.query.limit ?? 50);
  });
}
