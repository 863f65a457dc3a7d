import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { GuestbookPost } from '../../../src/core/types.js';
import type { ServerContext } from '../context.js';
import type { EngagementTables } from '../db/engagement-tables.js';
import { contractRoute } from '../http/contract.js';
import { HttpProblem } from '../http/problem.js';
import { checkSolution, issueChallenge } from './guestbook-pow.js';
import { usePowSolution, type StaffStatus } from './guestbook-sql.js';
import {
  createEntry,
  guestbookSettings,
  listStaff,
  listTopic,
  moderate,
  replyTo,
  type GuestbookConfigExtras,
} from './guestbook.js';

const POW_MAX_NUMBER = 100_000;
const POW_TTL_MS = 10 * 60_000;

/** The guestbook: public list and post (with the anti-spam checks), staff list, reply and moderation. */
export function registerGuestbook(app: FastifyInstance, ctx: ServerContext): void {
  const db = ctx.db as unknown as Kysely<EngagementTables>;
  const settings = guestbookSettings(ctx.config as typeof ctx.config & Partial<GuestbookConfigExtras>);

  contractRoute<unknown, { topic: string; cursor?: string; limit?: number }>(app, 'GET', '/guestbook', {}, async (request) =>
    listTopic(db, request.query.topic, request.query.cursor, request.query.limit ?? 10),
  );

  contractRoute(app, 'GET', '/guestbook/challenge', {}, async (_request, reply) => {
    if (!settings.pow) return reply.code(204).send();
    reply.header('cache-control', 'no-store');
    return issueChallenge(settings.powKey, POW_MAX_NUMBER, POW_TTL_MS, ctx.now());
  });

  contractRoute<GuestbookPost>(app, 'POST', '/guestbook', { idempotency: 'required' }, async (request, reply) => {
    const post = request.body;
    if (settings.pow) {
      const solved = post.challenge ? await checkSolution(post.challenge, settings.powKey) : null;
      if (!solved || !(await usePowSolution(db, solved.signature, solved.expiresAt, ctx.now()))) {
        throw new HttpProblem(
          400,
          'validation',
          'Solve the proof-of-work challenge first (GET /guestbook/challenge).',
          { field: 'challenge', reason: 'proof-of-work' },
          [{ field: 'challenge', message: 'missing, wrong, expired or already used' }],
          {},
          '请先完成人机验证。',
        );
      }
    }
    const limits = settings.guestbookRateLimits;
    await ctx.rateLimit(request, reply, 'guestbook:post', limits.client);
    await ctx.rateLimit(request, reply, `global:guestbook:topic:${post.topic}`, limits.topic);
    await ctx.rateLimit(request, reply, 'global:guestbook:site', limits.site);
    const posterHash = await ctx.clientHash(request, 'guestbook-poster');
    const entry = await createEntry(db, post, settings, posterHash, ctx.now());
    reply.code(201);
    return entry;
  });

  contractRoute<unknown, { status?: StaffStatus; topic?: string; cursor?: string; limit?: number }>(
    app,
    'GET',
    '/staff/guestbook',
    {},
    async (request) => {
      ctx.requireStaff(request);
      const { status = 'all', topic, cursor, limit = 20 } = request.query;
      return listStaff(db, { status, ...(topic !== undefined ? { topic } : {}) }, cursor, limit);
    },
  );

  contractRoute<{ body: string; author?: string }, unknown, { id: string }>(
    app,
    'POST',
    '/staff/guestbook/{id}/replies',
    {},
    async (request, reply) => {
      ctx.requireStaff(request);
      const entry = await replyTo(db, request.params.id, request.body, ctx.now());
      reply.code(201);
      return entry;
    },
  );

  contractRoute<{ approved?: boolean; hidden?: boolean; pinned?: boolean }, unknown, { id: string }>(
    app,
    'PATCH',
    '/staff/guestbook/{id}',
    {},
    async (request) => {
      ctx.requireStaff(request);
      return moderate(db, request.params.id, request.body);
    },
  );
}
