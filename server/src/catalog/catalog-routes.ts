import type { FastifyInstance } from 'fastify';
import type { CatalogQuery } from '../../../src/core/types.js';
import type { ServerContext } from '../context.js';
import { contractRoute } from '../http/contract.js';
import * as catalog from './catalog-sql.js';

const MAX_IDS = 100;

export function registerCatalog(app: FastifyInstance, ctx: ServerContext): void {
  const cached = { etag: true };
  contractRoute<unknown, CatalogQuery>(app, 'GET', '/products', cached, async (request) =>
    catalog.listProducts(ctx.db, request.query, ctx.now()),
  );
  contractRoute<unknown, { ids: string }>(app, 'GET', '/products/by-id', cached, async (request) => {
    const ids = [
      ...new Set(
        request.query.ids
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      ),
    ];
    if (ids.length > MAX_IDS) ctx.problem(400, 'validation', `ids lists at most ${MAX_IDS} products.`, { field: 'ids' });
    return { items: await catalog.productsByIds(ctx.db, ids) };
  });
  contractRoute<unknown, unknown, { sku: string }>(app, 'GET', '/products/{sku}', cached, async (request) => {
    const product = await catalog.productBySku(ctx.db, request.params.sku);
    return (
      product ?? ctx.problem(404, 'not-found', `No product has the sku "${request.params.sku}".`, { sku: request.params.sku })
    );
  });
  contractRoute(app, 'GET', '/facets', cached, async () => catalog.facets(ctx.db));
  contractRoute(app, 'GET', '/promotions', cached, async () => ({ items: await catalog.promotions(ctx.db) }));
  contractRoute(app, 'GET', '/help/articles', cached, async () => ({ items: await catalog.helpArticles(ctx.db) }));
  contractRoute(app, 'GET', '/payment-methods', cached, async () => ({ items: await catalog.paymentMethods(ctx.db) }));
}
