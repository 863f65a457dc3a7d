import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDemoData } from '../../src/adapter/local/demo/demo-data.js';
import { applyCatalogQuery } from '../../src/catalog/catalog-query.js';
import { contractOperations, routeUrl } from '../src/http/contract.js';
import { key, startTestServer, type TestServer } from './test-server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer({ ALLOWED_ORIGINS: 'https://shop.example' });
});
after(() => server?.close());

const staff = () => ({ authorization: `Bearer ${server.staffToken}` });

describe('contract coverage', () => {
  it('has a route for every operation of openapi.yaml, and no /api route outside it', () => {
    const app = server.running.app;
    const operations = contractOperations();
    assert.ok(operations.length >= 30, `only ${operations.length} operations`);
    for (const operation of operations) {
      const [method, path] = operation.split(' ') as [string, string];
      assert.ok(app.hasRoute({ method: method as 'GET', url: routeUrl(path) }), `no route for ${operation}`);
    }
    // Every /api route the server registered is one of the contract's operations.
    const known = new Set(operations.map((operation) => `${operation.split(' ')[0]} ${routeUrl(operation.split(' ')[1]!)}`));
    const apiRoutes = app.routeList.filter((route) => route.includes(' /api/') && !route.startsWith('OPTIONS'));
    assert.ok(apiRoutes.length >= operations.length);
    for (const route of apiRoutes) assert.ok(known.has(route), `route ${route} is not in the contract`);
  });

  it('serves the contract as JSON', async () => {
    const response = await server.request('GET', '/api/openapi.json');
    assert.equal(response.status, 200);
    assert.equal(response.json.openapi, '3.1.0');
    assert.ok(response.json.paths['/checkout'].post);
  });

  it('answers health with the database kind', async () => {
    const response = await server.request('GET', '/api/health');
    assert.deepEqual(response.json, { ok: true, database: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
  });
});

describe('bad input', () => {
  const signUp = (body: unknown, headers: Record<string, string> = {}) =>
    server.request('POST', '/api/account/sign-up', { body, headers });
  const canSignIn = async (email: string) =>
    (await server.request('POST', '/api/account/sign-in', { body: { email, password: 'password123' } })).status === 200;

  it('refuses malformed JSON with a 400 problem and writes nothing', async () => {
    const response = await signUp('{"email":"a@example.com","password":"password123","name":', {});
    assert.equal(response.status, 400);
    assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(response.json.code, 'validation');
    assert.equal(response.json.status, 400);
  });

  it('refuses wrong types, unknown fields and missing fields, naming the field', async () => {
    const wrongType = await signUp({ email: 'typed@example.com', password: 12345678, name: 'A' });
    assert.equal(wrongType.status, 400);
    assert.equal(wrongType.json.errors[0].field, 'password');
    const unknown = await signUp({ email: 'extra@example.com', password: 'password123', name: 'A', admin: true });
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.json.errors[0].field, 'admin');
    const missing = await signUp({ email: 'missing@example.com', password: 'password123' });
    assert.equal(missing.status, 400);
    assert.equal(missing.json.errors[0].field, 'name');
    assert.equal(await canSignIn('typed@example.com'), false);
    assert.equal(await canSignIn('extra@example.com'), false);
  });

  it('does not coerce JSON strings into numbers', async () => {
    const response = await server.request('POST', '/api/checkout', {
      body: { lines: [{ sku: 'CW-TEE-001', quantity: '2' }], paymentMethod: 'alipay' },
      headers: { 'idempotency-key': key() },
    });
    assert.equal(response.status, 400);
    assert.equal(response.json.errors[0].field, 'lines.0.quantity');
  });

  it('refuses a body over the limit with 413 and writes nothing', async () => {
    const response = await signUp({ email: 'big@example.com', password: 'password123', name: 'x'.repeat(70_000) });
    assert.equal(response.status, 413);
    assert.equal(response.json.code, 'validation');
    assert.equal(typeof response.json.limit, 'number');
    assert.equal(await canSignIn('big@example.com'), false);
  });

  it('refuses a media type the operation does not take with 415', async () => {
    const response = await server.request('POST', '/api/account/sign-in', {
      body: 'email=a@example.com',
      headers: { 'content-type': 'application/xml' },
    });
    assert.equal(response.status, 415);
    assert.equal(response.json.code, 'validation');
    const plain = await server.request('POST', '/api/account/sign-in', {
      body: JSON.stringify({ email: 'member@example.com', password: 'demo1234' }),
      headers: { 'content-type': 'text/plain' },
    });
    assert.equal(plain.status, 415);
  });

  it('localizes title and detail by Accept-Language (zh-CN default, en)', async () => {
    const zh = await signUp('{');
    assert.equal(zh.headers.get('content-language'), 'zh-CN');
    assert.match(zh.json.detail, /JSON/);
    assert.match(zh.json.title, /[\u4e00-\u9fff]/);
    const en = await server.request('POST', '/api/account/sign-up', {
      body: '{',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    assert.equal(en.headers.get('content-language'), 'en');
    assert.equal(en.json.detail, 'The body is not valid JSON.');
  });

  it('answers an unknown API path with a 404 problem', async () => {
    const response = await server.request('GET', '/api/nothing-here');
    assert.equal(response.status, 404);
    assert.equal(response.json.code, 'not-found');
  });

  const hostile = [
    "' OR '1'='1",
    "x'; DROP TABLE products; --",
    '%',
    '_',
    '\\',
    '"; SELECT pg_sleep(5); --',
    '🙂',
    "') UNION SELECT * FROM members --",
  ];

  it('answers SQL injection strings in every catalog filter normally', async () => {
    const demo = createDemoData().products;
    const before = await server.request('GET', '/api/products?pageSize=200');
    for (const text of hostile) {
      for (const name of ['series', 'category', 'query']) {
        const response = await server.request('GET', `/api/products?${name}=${encodeURIComponent(text)}`);
        assert.equal(response.status, 200, `${name}=${text}`);
        // Matched as text, exactly as the local adapter matches it (no wildcard, no SQL).
        const expected = name === 'query' ? applyCatalogQuery(demo, { query: text, pageSize: 200 }).total : 0;
        assert.equal(response.json.total, expected, `${name}=${text}`);
      }
      const sort = await server.request('GET', `/api/products?sort=${encodeURIComponent(text)}`);
      assert.equal(sort.status, 400);
      const byId = await server.request('GET', `/api/products/by-id?ids=${encodeURIComponent(text)}`);
      assert.equal(byId.status, 200);
      assert.deepEqual(byId.json.items, []);
    }
    const afterwards = await server.request('GET', '/api/products?pageSize=200');
    assert.equal(afterwards.json.total, before.json.total);
  });

  it('answers SQL injection strings in every path parameter normally', async () => {
    for (const text of hostile) {
      const product = await server.request('GET', `/api/products/${encodeURIComponent(text)}`);
      assert.equal(product.status, 404, text);
      assert.equal(product.json.code, 'not-found');
      const move = await server.request('POST', `/api/staff/orders/${encodeURIComponent(text)}/status`, {
        body: { status: 'paid' },
        headers: staff(),
      });
      assert.equal(move.status, 404, text);
      const track = await server.request('POST', '/api/orders/track', { body: { number: text, contact: 'a@example.com' } });
      assert.equal(track.status, 404, text);
      // As a contact it is no phone or e-mail: refused as input, never run as SQL.
      const contact = await server.request('POST', '/api/orders/track', { body: { number: 'SF20260101001', contact: text } });
      assert.equal(contact.status, 400, text);
    }
    const orders = await server.request('GET', '/api/staff/orders?limit=100', { headers: staff() });
    assert.equal(orders.status, 200);
    assert.ok(orders.json.items.length >= 6);
  });
});

describe('the demo files', () => {
  it('serves the demo page on the REST adapter at /api, and only demo/ and dist/ files', async () => {
    const page = await server.request('GET', '/');
    assert.equal(page.status, 200);
    assert.match(page.text, /<sf-store[^>]* adapter="rest" endpoint="\/api"/);
    assert.doesNotMatch(page.text, /adapter="local"/);
    for (const path of [
      '/package.json',
      '/server/src/config.ts',
      '/demo/../package.json',
      '/dist/..%2Fpackage.json',
      '/.git/config',
      '/demo/%2e%2e/server/openapi.yaml',
    ]) {
      const response = await server.request('GET', path);
      assert.equal(response.status, 404, path);
    }
  });
});

describe('origins and headers', () => {
  it('sends CORS headers to an allowed origin only', async () => {
    const allowed = await server.request('GET', '/api/facets', { headers: { origin: 'https://shop.example' } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.match(allowed.headers.get('access-control-expose-headers') ?? '', /Idempotent-Replayed/);
    const other = await server.request('GET', '/api/facets', { headers: { origin: 'https://evil.example' } });
    assert.equal(other.status, 200);
    assert.equal(other.headers.get('access-control-allow-origin'), null);
  });

  it('answers a preflight from an allowed origin', async () => {
    const response = await server.request('OPTIONS', '/api/checkout', {
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,idempotency-key,authorization',
      },
    });
    assert.equal(response.status, 204);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/i);
  });

  it('refuses a write from a disallowed origin with 403 and writes nothing', async () => {
    const response = await server.request('POST', '/api/account/sign-up', {
      body: { email: 'evil@example.com', password: 'password123', name: 'Evil' },
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(response.status, 403);
    assert.equal(response.json.code, 'unauthorized');
    const signIn = await server.request('POST', '/api/account/sign-in', {
      body: { email: 'evil@example.com', password: 'password123' },
    });
    assert.equal(signIn.status, 400);
  });

  it('sends security headers and a CSP', async () => {
    const response = await server.request('GET', '/api/facets');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.match(response.headers.get('content-security-policy') ?? '', /script-src 'self'/);
  });

  it('needs the staff token on every staff path, before looking at the body', async () => {
    for (const [method, path] of [
      ['GET', '/api/staff/orders'],
      ['GET', '/api/staff/guestbook'],
      ['GET', '/api/staff/mail'],
      ['POST', '/api/staff/orders/X/status'],
    ] as const) {
      const none = await server.request(method, path, method === 'POST' ? { body: '{' } : {});
      assert.equal(none.status, 401, `${method} ${path}`);
      assert.equal(none.json.code, 'unauthorized');
      const wrong = await server.request(method, path, { headers: { authorization: 'Bearer nope' } });
      assert.equal(wrong.status, 401);
    }
  });
});
