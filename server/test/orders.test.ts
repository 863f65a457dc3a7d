import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from './test-server.js';

interface StaffOrder {
  number: string;
  status: string;
  contact: string[];
}

let server: TestServer;
let orders: StaffOrder[];
// A low factor so the tracking limit (10 per 10 min, x2 here) is reached within the test.
before(async () => {
  server = await startTestServer({ RATE_LIMIT_FACTOR: '2' });
  orders = (
    await server.request('GET', '/api/staff/orders?limit=100', { headers: { authorization: `Bearer ${server.staffToken}` } })
  ).json.items;
});
after(() => server?.close());

const track = (number: string, contact: string) => server.request('POST', '/api/orders/track', { body: { number, contact } });

describe('order tracking', () => {
  it('finds a seeded order by number and its phone, the phone last 4 digits or its e-mail', async () => {
    assert.equal(orders.length, 6);
    const order = orders.find((o) => o.status === 'shipped')!;
    const phone = order.contact.find((c) => !c.includes('@'))!;
    const email = order.contact.find((c) => c.includes('@'))!;
    for (const contact of [phone, `+86 ${phone.slice(0, 3)} ${phone.slice(3)}`, phone.slice(-4), email.toUpperCase()]) {
      const response = await track(order.number, contact);
      assert.equal(response.status, 200, contact);
      assert.equal(response.json.number, order.number);
      assert.equal(response.json.status, 'shipped');
      assert.ok(response.json.carrier);
      assert.equal(response.json.contact, undefined, 'contacts are never shown');
    }
    // Spaces and dashes in the number are ignored.
    const spaced = `${order.number.slice(0, 2)} ${order.number.slice(2, 10)}-${order.number.slice(10)}`.toLowerCase();
    assert.equal((await track(spaced, email)).status, 200);
  });

  it('answers an unknown number and a wrong contact with the same 404', async () => {
    const order = orders[0]!;
    const wrong = await track(order.number, '13999999999');
    const unknown = await track('SF20000101999', order.contact[0]!);
    const lastFourWrong = await track(order.number, '0000');
    for (const response of [wrong, unknown, lastFourWrong]) {
      assert.equal(response.status, 404);
      assert.equal(response.json.code, 'not-found');
    }
    assert.equal(wrong.text, unknown.text);
    assert.equal(wrong.text, lastFourWrong.text);
  });

  it('refuses blank numbers and contacts that are no phone or e-mail with 400', async () => {
    for (const [number, contact] of [
      ['   ', '13800138000'],
      [orders[0]!.number, '  '],
      [orders[0]!.number, 'not a contact'],
    ] as const) {
      const response = await track(number, contact);
      assert.equal(response.status, 400, `${number}/${contact}`);
      assert.equal(response.json.code, 'validation');
    }
  });

  it('rate limits repeated attempts per client with 429, Retry-After and RateLimit headers', async () => {
    let limited;
    for (let i = 0; i < 25 && !limited; i++) {
      const response = await track('SF20000101001', '1234');
      assert.ok(response.headers.get('ratelimit-policy'));
      if (response.status === 429) limited = response;
    }
    assert.ok(limited, 'never rate limited');
    assert.equal(limited.json.code, 'rate-limited');
    assert.match(limited.headers.get('retry-after') ?? '', /^\d+$/);
    assert.match(limited.headers.get('ratelimit') ?? '', /limit=20, remaining=0, reset=\d+/);
    assert.equal(limited.headers.get('ratelimit-policy'), '20;w=600');
    // Even a right pair is refused while limited: guessing cannot continue.
    const order = orders[0]!;
    assert.equal((await track(order.number, order.contact[0]!)).status, 429);
  });
});
