import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { priceCart } from '../../src/cart/pricing.js';
import type { Product, Promotion } from '../../src/core/types.js';
import { key, startTestServer, type TestServer } from './test-server.js';

let server: TestServer;
let products: Product[];
let promotions: Promotion[];
before(async () => {
  server = await startTestServer();
  products = (await server.request('GET', '/api/products?pageSize=200')).json.items;
  promotions = (await server.request('GET', '/api/promotions')).json.items;
});
after(() => server?.close());

const staff = () => ({ authorization: `Bearer ${server.staffToken}` });
const inStock = (min: number) => products.filter((p) => p.stock === undefined || p.stock >= min);

function checkout(body: unknown, headers: Record<string, string> = {}) {
  return server.request('POST', '/api/checkout', { body, headers: { 'idempotency-key': key(), ...headers } });
}

async function payPage(url: string) {
  const local = new URL(url);
  return server.request('GET', `${local.pathname}${local.search}`, { headers: { 'accept-language': 'en' } });
}

describe('checkout', () => {
  it('prices the cart itself: client prices and totals in the body are never used', async () => {
    const [a, b] = inStock(5);
    const lines = [
      { sku: a!.sku, quantity: 2 },
      { sku: b!.sku, quantity: 1 },
    ];
    const expected = priceCart({
      lines: [
        { product: a!, quantity: 2 },
        { product: b!, quantity: 1 },
      ],
      promotions,
      now: Date.now(),
    }).total;
    // A tampered unit price is not even accepted by the contract.
    const tampered = await checkout({
      lines: lines.map((l) => ({ ...l, unitPrice: { amount: 1, currency: 'CNY' } })),
      paymentMethod: 'alipay',
    });
    assert.equal(tampered.status, 400);
    const response = await checkout({ lines, paymentMethod: 'alipay', contact: '13312345678' });
    assert.equal(response.status, 201, response.text);
    assert.deepEqual(response.json.total, expected);
    assert.match(response.json.orderNumber, /^SF\d{11}$/);
    assert.match(response.json.url, new RegExp(`/pay/${response.json.orderNumber}\\?t=[\\w-]{20,}$`));
    const track = await server.request('POST', '/api/orders/track', {
      body: { number: response.json.orderNumber, contact: '5678' },
    });
    assert.equal(track.status, 200);
    assert.equal(track.json.status, 'placed');
    assert.deepEqual(track.json.total, expected);
  });

  it('refuses a moved expected total with 409 and the actual total, placing no order', async () => {
    const [a] = inStock(1);
    const before = (await server.request('GET', '/api/staff/orders?limit=100', { headers: staff() })).json.items.length;
    const response = await checkout({
      lines: [{ sku: a!.sku, quantity: 1 }],
      paymentMethod: 'wechat',
      expectedTotal: { amount: 1, currency: 'CNY' },
    });
    assert.equal(response.status, 409);
    assert.equal(response.json.code, 'conflict');
    const actual = priceCart({ lines: [{ product: a!, quantity: 1 }], promotions, now: Date.now() }).total;
    assert.deepEqual(response.json.actual, actual);
    const afterwards = (await server.request('GET', '/api/staff/orders?limit=100', { headers: staff() })).json.items.length;
    assert.equal(afterwards, before);
    const ok = await checkout({ lines: [{ sku: a!.sku, quantity: 1 }], paymentMethod: 'wechat', expectedTotal: actual });
    assert.equal(ok.status, 201);
  });

  it('prices for the signed-in member of the bearer token (VIP discount)', async () => {
    const signIn = await server.request('POST', '/api/account/sign-in', {
      body: { email: 'vip@example.com', password: 'demo1234' },
    });
    const [a] = inStock(1).filter((p) => !p.flashSale);
    const member = signIn.json.member;
    const expected = priceCart({ lines: [{ product: a!, quantity: 1 }], promotions, member, now: Date.now() }).total;
    const guest = priceCart({ lines: [{ product: a!, quantity: 1 }], promotions, now: Date.now() }).total;
    assert.notDeepEqual(expected, guest);
    const response = await checkout(
      { lines: [{ sku: a!.sku, quantity: 1 }], paymentMethod: 'alipay' },
      { authorization: `Bearer ${signIn.json.token}` },
    );
    assert.deepEqual(response.json.total, expected);
    // The member's e-mail tracks the order.
    const track = await server.request('POST', '/api/orders/track', {
      body: { number: response.json.orderNumber, contact: 'VIP@example.com' },
    });
    assert.equal(track.status, 200);
  });

  it('refuses unknown skus, unknown payment methods, empty carts and short stock', async () => {
    assert.equal((await checkout({ lines: [{ sku: 'NOPE', quantity: 1 }], paymentMethod: 'alipay' })).status, 404);
    assert.equal((await checkout({ lines: [{ sku: products[0]!.sku, quantity: 1 }], paymentMethod: 'bitcoin' })).status, 400);
    assert.equal((await checkout({ lines: [], paymentMethod: 'alipay' })).status, 400);
    assert.equal((await checkout({ lines: [{ sku: products[0]!.sku, quantity: 0 }], paymentMethod: 'alipay' })).status, 400);
    const soldOut = products.find((p) => p.stock === 0)!;
    const short = await checkout({ lines: [{ sku: soldOut.sku, quantity: 1 }], paymentMethod: 'alipay' });
    assert.equal(short.status, 409);
    assert.equal(short.json.reason, 'stock');
  });

  it('needs an Idempotency-Key and replays the same order for the same key', async () => {
    const body = { lines: [{ sku: inStock(3)[0]!.sku, quantity: 1 }], paymentMethod: 'alipay' };
    const none = await server.request('POST', '/api/checkout', { body });
    assert.equal(none.status, 400);
    assert.equal(none.json.code, 'validation');
    const k = key();
    const first = await checkout(body, { 'idempotency-key': k });
    const again = await checkout(body, { 'idempotency-key': k });
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(first.headers.get('idempotent-replayed'), null);
    assert.deepEqual(again.json, first.json);
    const other = await checkout({ ...body, paymentMethod: 'wechat' }, { 'idempotency-key': k });
    assert.equal(other.status, 422);
    assert.equal(other.json.reason, 'idempotency-key-reused');
  });

  it('never oversells: 20 concurrent checkouts of a product with little stock', async () => {
    const scarce = products.filter((p) => p.stock !== undefined && p.stock >= 2 && p.stock <= 5)[0]!;
    const stock = (await server.request('GET', `/api/products/${scarce.sku}`)).json.stock as number;
    const results = await Promise.all(
      Array.from({ length: 20 }, () => checkout({ lines: [{ sku: scarce.sku, quantity: 1 }], paymentMethod: 'alipay' })),
    );
    const placed = results.filter((r) => r.status === 201);
    assert.equal(placed.length, stock, results.map((r) => r.status).join(','));
    assert.ok(results.every((r) => r.status === 201 || (r.status === 409 && r.json.reason === 'stock')));
    assert.equal((await server.request('GET', `/api/products/${scarce.sku}`)).json.stock, 0);
  });

  it('the payment page marks the order paid, then staff ship and deliver it; the tracker shows it', async () => {
    const response = await checkout({
      lines: [{ sku: inStock(2)[1]!.sku, quantity: 1 }],
      paymentMethod: 'wechat',
      contact: 'buyer@example.com',
    });
    const number = response.json.orderNumber as string;
    const page = await payPage(response.json.url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(page.text, new RegExp(number));
    assert.match(page.text, /value="wechat" checked/);
    const wrongToken = await server.request('GET', `/pay/${number}?t=wrong`);
    assert.equal(wrongToken.status, 404);
    const token = new URL(response.json.url).searchParams.get('t')!;
    const forged = await server.request('POST', `/pay/${number}`, {
      body: 't=forged&method=alipay',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(forged.status, 404);
    const paid = await server.request('POST', `/pay/${number}?lang=en`, {
      body: `t=${token}&method=alipay`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(paid.status, 200);
    assert.match(paid.text, /Payment received/);
    assert.match(paid.text, new RegExp(number));
    const track = (await server.request('POST', '/api/orders/track', { body: { number, contact: 'buyer@example.com' } })).json;
    assert.equal(track.status, 'paid');
    assert.deepEqual(
      track.timeline.map((e: { status: string }) => e.status),
      ['placed', 'paid'],
    );

    const move = (body: unknown) => server.request('POST', `/api/staff/orders/${number}/status`, { body, headers: staff() });
    assert.equal((await move({ status: 'delivered' })).status, 409);
    assert.equal((await move({ status: 'shipped' })).status, 400);
    const shipped = await move({ status: 'shipped', carrier: '顺丰速运', trackingNumber: 'SF1234567890' });
    assert.equal(shipped.status, 200);
    assert.equal(shipped.json.carrier, '顺丰速运');
    assert.deepEqual(shipped.json.contact, ['buyer@example.com']);
    assert.equal((await move({ status: 'delivered' })).json.status, 'delivered');
    const final = (await server.request('POST', '/api/orders/track', { body: { number, contact: 'buyer@example.com' } })).json;
    assert.equal(final.status, 'delivered');
    assert.equal(final.trackingNumber, 'SF1234567890');
    assert.deepEqual(
      final.timeline.map((e: { status: string }) => e.status),
      ['placed', 'paid', 'shipped', 'delivered'],
    );
    // A paid page opened again says so instead of offering to pay twice.
    assert.match((await payPage(response.json.url)).text, /already paid/);
  });

  it('cancelling an order gives its stock back', async () => {
    const product = inStock(3).find((p) => p.stock !== undefined)!;
    const before = (await server.request('GET', `/api/products/${product.sku}`)).json.stock as number;
    const order = await checkout({ lines: [{ sku: product.sku, quantity: 2 }], paymentMethod: 'alipay' });
    assert.equal((await server.request('GET', `/api/products/${product.sku}`)).json.stock, before - 2);
    const cancel = await server.request('POST', `/api/staff/orders/${order.json.orderNumber}/status`, {
      body: { status: 'cancelled' },
      headers: staff(),
    });
    assert.equal(cancel.json.status, 'cancelled');
    assert.equal((await server.request('GET', `/api/products/${product.sku}`)).json.stock, before);
  });

  it('lists staff orders newest first with a cursor', async () => {
    const first = await server.request('GET', '/api/staff/orders?limit=3', { headers: staff() });
    assert.equal(first.json.items.length, 3);
    assert.ok(first.json.cursor);
    const second = await server.request('GET', `/api/staff/orders?limit=3&cursor=${first.json.cursor}`, { headers: staff() });
    const all = [...first.json.items, ...second.json.items];
    assert.equal(new Set(all.map((o: { number: string }) => o.number)).size, 6);
    for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].placedAt >= all[i].placedAt);
    const paid = await server.request('GET', '/api/staff/orders?status=paid&limit=100', { headers: staff() });
    assert.ok(paid.json.items.every((o: { status: string }) => o.status === 'paid'));
    assert.equal((await server.request('GET', '/api/staff/orders?cursor=garbage', { headers: staff() })).status, 400);
  });
});
