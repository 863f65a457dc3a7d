import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { applyCatalogQuery } from '../../src/catalog/catalog-query.js';
import type { CatalogQuery, Product } from '../../src/core/types.js';
import { startTestServer, type TestServer } from './test-server.js';

let server: TestServer;
let all: Product[];
before(async () => {
  server = await startTestServer();
  // The whole seeded catalog, in its natural order, as the local adapter holds it.
  all = (await server.request('GET', '/api/products?pageSize=200')).json.items;
});
after(() => server?.close());

function query(q: CatalogQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(q)) if (value !== undefined) params.set(name, String(value));
  return `/api/products?${params}`;
}

describe('catalog', () => {
  it('lists the whole seeded demo catalog', () => {
    assert.ok(all.length >= 40, `${all.length} products`);
    assert.equal(new Set(all.map((p) => p.sku)).size, all.length);
  });

  it('filters, sorts and pages exactly like applyCatalogQuery (flash-sale prices included)', async () => {
    const series = all[0]!.series!;
    const category = all.find((p) => p.category)!.category!;
    const cases: CatalogQuery[] = [
      { sort: 'price-asc' },
      { sort: 'price-desc', pageSize: 7, page: 2 },
      { sort: 'newest', series },
      { sort: 'rating', pageSize: 5, page: 3 },
      { category, sort: 'price-asc' },
      { query: 'T恤' },
      { query: 'tee', sort: 'price-desc' },
      { query: 'ＴＥＥ' },
      { query: '耳机 降噪' },
      { series, query: 'a', pageSize: 3, page: 2 },
      { pageSize: 10, page: 99 },
    ];
    for (const q of cases) {
      const response = await server.request('GET', query(q));
      assert.equal(response.status, 200, JSON.stringify(q));
      const expected = applyCatalogQuery(all, q, Date.now());
      assert.deepEqual(
        response.json.items.map((p: Product) => p.sku),
        expected.items.map((p) => p.sku),
        JSON.stringify(q),
      );
      assert.equal(response.json.total, expected.total, JSON.stringify(q));
    }
  });

  it('refuses bad paging and sort values with 400 naming the field', async () => {
    for (const [q, field] of [
      ['page=0', 'page'],
      ['pageSize=201', 'pageSize'],
      ['pageSize=abc', 'pageSize'],
      ['sort=cheapest', 'sort'],
    ] as const) {
      const response = await server.request('GET', `/api/products?${q}`);
      assert.equal(response.status, 400, q);
      assert.equal(response.json.code, 'validation');
      assert.equal(response.json.errors[0].field, field, q);
    }
  });

  it('gets a product by sku, 404 for an unknown one', async () => {
    const product = await server.request('GET', `/api/products/${encodeURIComponent(all[3]!.sku)}`);
    assert.equal(product.status, 200);
    assert.deepEqual(product.json, all[3]);
    const missing = await server.request('GET', '/api/products/NOPE-000');
    assert.equal(missing.status, 404);
    assert.equal(missing.json.code, 'not-found');
  });

  it('gets products by id in the order asked, leaving unknown ids out', async () => {
    const ids = [all[5]!.id, 'nope', all[1]!.id, all[5]!.id];
    const response = await server.request('GET', `/api/products/by-id?ids=${ids.join(',')}`);
    assert.deepEqual(
      response.json.items.map((p: Product) => p.id),
      [all[5]!.id, all[1]!.id],
    );
    const tooMany = Array.from({ length: 101 }, (_, i) => `id-${i}`).join(',');
    assert.equal((await server.request('GET', `/api/products/by-id?ids=${tooMany}`)).status, 400);
  });

  it('serves facets, promotions, help articles and payment methods', async () => {
    const facets = await server.request('GET', '/api/facets');
    assert.ok(facets.json.series.length >= 2);
    assert.ok(facets.json.categories.length >= 2);
    const promotions = await server.request('GET', '/api/promotions');
    assert.ok(promotions.json.items.some((p: { kind: string }) => p.kind === 'threshold'));
    const help = await server.request('GET', '/api/help/articles');
    assert.ok(help.json.items.length >= 5);
    const methods = await server.request('GET', '/api/payment-methods');
    assert.deepEqual(
      methods.json.items.map((m: { id: string }) => m.id),
      ['alipay', 'wechat', 'unionpay', 'card'],
    );
  });

  it('sends a strong ETag and answers a matching If-None-Match with 304', async () => {
    for (const path of [
      '/api/products?sort=rating',
      `/api/products/${all[0]!.sku}`,
      '/api/facets',
      '/api/promotions',
      '/api/help/articles',
      '/api/payment-methods',
    ]) {
      const first = await server.request('GET', path);
      const etag = first.headers.get('etag');
      assert.match(etag ?? '', /^"[\w-]+"$/, path);
      const again = await server.request('GET', path, { headers: { 'if-none-match': etag! } });
      assert.equal(again.status, 304, path);
      assert.equal(again.text, '');
      const other = await server.request('GET', path, { headers: { 'if-none-match': '"stale"' } });
      assert.equal(other.status, 200, path);
    }
  });
});
