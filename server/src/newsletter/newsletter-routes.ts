import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { ConfigError } from '../config.js';
import type { ServerContext } from '../context.js';
import type { EngagementTables } from '../db/engagement-tables.js';
import { contractRoute } from '../http/contract.js';
import { HttpProblem, localeOf } from '../http/problem.js';
import { listMail, mailLog } from './mail-outbox.js';
import { askPage, donePage, invalidPage, type PageKind } from './newsletter-pages.js';
import type { SubscriptionStatus } from './newsletter-sql.js';
import {
  confirm,
  peek,
  staffSubscribers,
  subscribe,
  unsubscribe,
  type MailContext,
  type NewsletterConfigExtras,
  type SubscribeInput,
} from './newsletter.js';

/** Newsletter: double opt-in, confirm and unsubscribe by token (JSON, RFC 8058 one-click, pages), staff lists. */
export function registerNewsletter(app: FastifyInstance, ctx: ServerContext): void {
  const db = ctx.db as unknown as Kysely<EngagementTables>;
  const config = ctx.config as typeof ctx.config & Partial<NewsletterConfigExtras>;
  const cooldownEnv = Number(process.env.NEWSLETTER_COOLDOWN_SECONDS || 600);
  if (!Number.isSafeInteger(cooldownEnv) || cooldownEnv < 0) {
    throw new ConfigError(
      `NEWSLETTER_COOLDOWN_SECONDS must be a whole number of seconds, got "${process.env.NEWSLETTER_COOLDOWN_SECONDS}".`,
    );
  }
  const cooldownMs = (config.newsletterCooldownSeconds ?? cooldownEnv) * 1000;
  const mailContext = (request: FastifyRequest): MailContext => ({
    baseUrl: config.publicUrl ?? `${request.protocol}://${request.host}`,
    sender: config.feedbackAddresses[0] ?? 'service@example.com',
    log: mailLog(request.log, config.production),
  });

  contractRoute<SubscribeInput>(app, 'POST', '/newsletter/subscriptions', { idempotency: 'required' }, async (request, reply) => {
    const subscription = await subscribe(db, request.body, mailContext(request), cooldownMs, ctx.now());
    reply.code(202);
    return subscription;
  });

  contractRoute<{ token: string }>(app, 'POST', '/newsletter/confirm', {}, async (request) =>
    confirm(db, request.body.token, ctx.now()),
  );

  // JSON { token }, or RFC 8058 one-click: the mail client POSTs List-Unsubscribe=One-Click to
  // the List-Unsubscribe URL, whose query carries the token.
  contractRoute<{ token?: string; 'List-Unsubscribe'?: string }, { token?: string }>(
    app,
    'POST',
    '/newsletter/unsubscribe',
    {},
    async (request) => {
      const token = request.body.token ?? request.query.token;
      if (token === undefined) {
        throw new HttpProblem(400, 'validation', 'The token is missing.', { field: 'token' }, undefined, {}, '缺少令牌。');
      }
      return unsubscribe(db, token, ctx.now());
    },
  );

  contractRoute<unknown, { list?: string; status?: SubscriptionStatus; cursor?: string; limit?: number }>(
    app,
    'GET',
    '/staff/subscribers',
    {},
    async (request) => {
      ctx.requireStaff(request);
      const { list, status, cursor, limit = 50 } = request.query;
      return staffSubscribers(db, { ...(list !== undefined ? { list } : {}), ...(status ? { status } : {}) }, cursor, limit);
    },
  );

  contractRoute<unknown, { to?: string; cursor?: string; limit?: number }>(app, 'GET', '/staff/mail', {}, async (request) => {
    ctx.requireStaff(request);
    const { to, cursor, limit = 50 } = request.query;
    return listMail(db, to !== undefined ? { to } : {}, cursor, limit);
  });

  for (const kind of ['confirm', 'unsubscribe'] as const) registerPages(app, ctx, db, kind);
}

function sendPage(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .header('x-robots-tag', 'noindex')
    .header('vary', 'Accept-Language')
    .type('text/html; charset=utf-8')
    .send(html);
}

/** `GET /newsletter/{kind}?token=` shows the page and changes nothing; its form POSTs to the same path. */
function registerPages(app: FastifyInstance, ctx: ServerContext, db: Kysely<EngagementTables>, kind: PageKind): void {
  app.get<{ Querystring: { token?: string } }>(`/newsletter/${kind}`, async (request, reply) => {
    const locale = localeOf(request);
    const token = request.query.token;
    const subscription = await peek(db, token, kind, ctx.now());
    if (!subscription || token === undefined) return sendPage(reply, 404, invalidPage(locale));
    return sendPage(reply, 200, askPage(locale, kind, subscription, token));
  });

  app.post<{ Body: { token?: unknown } | undefined }>(`/newsletter/${kind}`, async (request, reply) => {
    const locale = localeOf(request);
    const token = request.body?.token;
    try {
      const subscription = kind === 'confirm' ? await confirm(db, token, ctx.now()) : await unsubscribe(db, token, ctx.now());
      return sendPage(reply, 200, donePage(locale, kind, subscription));
    } catch (error) {
      if (error instanceof HttpProblem && error.status === 404) return sendPage(reply, 404, invalidPage(locale));
      throw error;
    }
  });
}
