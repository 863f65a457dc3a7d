import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { tokenHash } from '../account/account-sql.js';
import { paymentMethods } from '../catalog/catalog-sql.js';
import type { ServerContext } from '../context.js';
import { localeOf } from '../http/problem.js';
import { HttpProblem } from '../http/problem.js';
import { moveOrder } from '../orders/order-status.js';
import { orderByNumber } from '../orders/orders-sql.js';
import { errorPage, paidPage, payForm, type PageLocale } from './pay-page.js';

interface PayParams {
  number: string;
}

function pageLocale(request: FastifyRequest): PageLocale {
  const lang = (request.query as { lang?: unknown }).lang;
  if (lang === 'en' || lang === 'zh-CN') return lang;
  return localeOf(request);
}

/**
 * The demo payment page the checkout URL points to: the shopper picks a method and the POST
 * marks the order paid (the kit never sees card data). The `t` token is the order's secret.
 */
export function registerPayPage(app: FastifyInstance, ctx: ServerContext): void {
  const tokenMatches = async (number: string, token: unknown): Promise<boolean> => {
    if (typeof token !== 'string' || token.length > 200) return false;
    const row = await ctx.db.selectFrom('orders').select('pay_token_hash').where('number', '=', number).executeTakeFirst();
    if (!row?.pay_token_hash) return false;
    const a = Buffer.from(row.pay_token_hash);
    const b = Buffer.from(tokenHash(token));
    return a.length === b.length && timingSafeEqual(a, b);
  };

  app.get<{ Params: PayParams; Querystring: { t?: string } }>('/pay/:number', async (request, reply) => {
    const locale = pageLocale(request);
    const number = request.params.number.slice(0, 64);
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    const order = (await tokenMatches(number, request.query.t)) ? await orderByNumber(ctx.db, number) : null;
    if (!order) return reply.code(404).send(errorPage(locale, 'notFound'));
    if (order.status !== 'placed') {
      return order.status === 'cancelled'
        ? reply.code(409).send(errorPage(locale, 'closed'))
        : reply.send(paidPage(order, locale, true));
    }
    const row = await ctx.db.selectFrom('orders').select('payment_method').where('number', '=', number).executeTakeFirst();
    return reply.send(payForm(order, await paymentMethods(ctx.db), row?.payment_method ?? undefined, request.query.t!, locale));
  });

  app.post<{ Params: PayParams; Body: Record<string, string> | undefined }>('/pay/:number', async (request, reply) => {
    const locale = pageLocale(request);
    const number = request.params.number.slice(0, 64);
    const body = typeof request.body === 'object' && request.body ? request.body : {};
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    if (!(await tokenMatches(number, body.t))) return reply.code(404).send(errorPage(locale, 'notFound'));
    const methods = await paymentMethods(ctx.db);
    const method = methods.find((candidate) => candidate.id === body.method) ?? methods[0];
    const title = method ? (locale === 'en' && method.translations?.en?.title) || method.title : '';
    let already = false;
    try {
      await ctx.db
        .transaction()
        .execute((trx) =>
          moveOrder(trx, number, { status: 'paid', paymentMethod: method?.id, note: `${title}付款成功` }, ctx.now()),
        );
    } catch (error) {
      if (!(error instanceof HttpProblem) || error.status !== 409) throw error;
      already = true;
    }
    const order = await orderByNumber(ctx.db, number);
    if (!order) return reply.code(404).send(errorPage(locale, 'notFound'));
    if (order.status === 'cancelled') return reply.code(409).send(errorPage(locale, 'closed'));
    return reply.send(paidPage(order, locale, already));
  });
}
