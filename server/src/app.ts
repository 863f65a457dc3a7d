import Fastify, { type FastifyInstance } from 'fastify';
import { registerAccount } from './account/account-routes.js';
import { registerCatalog } from './catalog/catalog-routes.js';
import { registerCheckout } from './checkout/checkout-routes.js';
import type { ServerContext } from './context.js';
import { registerFeedback } from './feedback/feedback-routes.js';
import { registerGuestbook } from './guestbook/guestbook-routes.js';
import { contractRoute, openApiDocument } from './http/contract.js';
import { clientError, frameworkError, registerErrorHandling } from './http/errors.js';
import { registerIdempotency } from './http/idempotency.js';
import { registerSecurity } from './http/security.js';
import { registerEtags, registerValidation } from './http/validation.js';
import { registerNewsletter } from './newsletter/newsletter-routes.js';
import { registerOrders } from './orders/orders-routes.js';
import { registerPayPage } from './pay/pay-routes.js';
import { registerStaffOrders } from './staff/staff-orders-routes.js';
import { registerStatic } from './static/static-routes.js';
import { registerVisits } from './visits/visits-routes.js';

/** JSON bodies larger than this are refused 413 (the largest legitimate one is a 100-event visit batch). */
export const BODY_LIMIT = 64 * 1024;

declare module 'fastify' {
  interface FastifyInstance {
    /** `METHOD url` of every route registered (the contract-coverage test reads it). */
    routeList: string[];
  }
}

/** The Fastify instance with every route of the contract, the pages and the demo files. */
export async function buildApp(ctx: ServerContext): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    trustProxy: ctx.config.trustProxy as boolean | string,
    logger: { level: ctx.config.logLevel },
    // Fastify's own 404/400 texts are replaced by problem+json in errors.ts.
    frameworkErrors: frameworkError,
    clientErrorHandler: clientError,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    ajv: { customOptions: { strict: false } },
  });
  const routeList: string[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeList.push(`${method} ${route.url}`);
  });
  registerValidation(app);
  registerErrorHandling(app);
  await registerSecurity(app, ctx.config.allowedOrigins);
  registerIdempotency(app, ctx.db, ctx.now);
  registerEtags(app);
  // Every staff path (S2's too) needs the staff token, checked before the body is even validated.
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/staff/') && request.method !== 'OPTIONS') ctx.requireStaff(request);
  });

  contractRoute(app, 'GET', '/openapi.json', {}, async () => openApiDocument());
  contractRoute(app, 'GET', '/health', {}, async () => ({ ok: true, database: ctx.databaseKind }));

  registerCatalog(app, ctx);
  registerOrders(app, ctx);
  registerCheckout(app, ctx);
  registerAccount(app, ctx);
  registerStaffOrders(app, ctx);
  registerGuestbook(app, ctx);
  registerVisits(app, ctx);
  registerNewsletter(app, ctx);
  registerFeedback(app, ctx);
  registerPayPage(app, ctx);
  registerStatic(app);
  return app;
}
