import { expect } from '@open-wc/testing';
import { RestAdapter } from '../../src/adapter/rest/rest-adapter.js';
import { capabilitiesOf, CAPABILITIES } from '../../src/adapter/adapter.js';
import { product } from '../helpers/fixtures.js';
import { FakeFetch, json } from './rest-fake-fetch.js';

const ENDPOINT = 'https://shop.example/api';

function call(fake: FakeFetch): RestAdapter {
  return new RestAdapter({ endpoint: ENDPOINT, fetch: fake.fetch });
}

function seen(
  fake: FakeFetch,
  index = fake.requests.length - 1,
): { method: string; path: string; query: Record<string, string> } {
  const url = new URL(fake.requests[index]!.url);
  return {
    method: fake.requests[index]!.method,
    path: url.pathname.replace('/api', ''),
    query: Object.fromEntries(url.searchParams),
  };
}

const entry = { id: 'g-1', topic: 'site', author: '小明', body: '好', createdAt: 1, replies: [], pinned: true };

describe('RestAdapter: contract paths', () => {
  it('offers every capability group', () => {
    expect(capabilitiesOf(call(new FakeFetch()))).to.deep.equal([...CAPABILITIES]);
  });

  it('lists the guestbook by topic with a cursor and maps items to entries', async () => {
    const fake = new FakeFetch().then(json(200, { items: [entry], cursor: 'abc' }), json(200, { items: [] }));
    const first = await call(fake).guestbook.list('product:A', { limit: 1 });
    expect(first).to.deep.equal({ entries: [entry], cursor: 'abc' });
    expect(seen(fake)).to.deep.equal({ method: 'GET', path: '/guestbook', query: { topic: 'product:A', limit: '1' } });
    const second = await call(fake).guestbook.list('product:A', { cursor: 'abc', limit: 1 });
    expect(second).to.deep.equal({ entries: [] });
    expect(seen(fake).query).to.deep.equal({ topic: 'product:A', cursor: 'abc', limit: '1' });
  });

  it('reads the proof-of-work challenge, or null when the server asks for none', async () => {
    const challenge = { algorithm: 'SHA-256', challenge: 'abc', salt: 's?expires=1', signature: 'sig', maxnumber: 50_000 };
    const fake = new FakeFetch().then(json(200, challenge), json(204, null), json(200, { algorithm: 'SHA-256' }));
    const rest = call(fake);
    expect(await rest.guestbook.challenge()).to.deep.equal(challenge);
    expect(seen(fake)).to.deep.equal({ method: 'GET', path: '/guestbook/challenge', query: {} });
    expect(await rest.guestbook.challenge()).to.equal(null);
    let code: unknown;
    await rest.guestbook.challenge().catch((error: { code?: unknown }) => (code = error.code));
    expect(code).to.equal('invalid-response');
  });

  it('posts only the contract fields of a guestbook entry', async () => {
    const fake = new FakeFetch(() => json(201, entry));
    const post = { topic: 'site', author: 'a', body: 'b', website: '', fillMs: 3000, extra: 'dropped' };
    await call(fake).guestbook.post(post, { idempotencyKey: 'k' });
    expect(fake.body()).to.deep.equal({ topic: 'site', author: 'a', body: 'b', website: '', fillMs: 3000 });
  });

  it('reads visit stats, days and top products with comma-separated topics', async () => {
    const fake = new FakeFetch().then(
      json(200, { items: [{ topic: 'a', pageViews: 2, uniqueVisitors: 1 }] }),
      json(200, { items: [{ day: '2026-12-01', topic: 'a', pageViews: 2, uniqueVisitors: 1 }] }),
      json(200, { items: [{ sku: 'A', pageViews: 5, uniqueVisitors: 3 }] }),
    );
    const rest = call(fake);
    expect(await rest.visits.stats(['a', 'product:B'])).to.deep.equal([{ topic: 'a', pageViews: 2, uniqueVisitors: 1 }]);
    expect(seen(fake)).to.deep.equal({ method: 'GET', path: '/visits/stats', query: { topics: 'a,product:B' } });
    expect(await rest.visits.daily(['a'], { from: '2026-12-01', to: '2026-12-02' })).to.have.length(1);
    expect(seen(fake)).to.deep.equal({
      method: 'GET',
      path: '/visits/daily',
      query: { topics: 'a', from: '2026-12-01', to: '2026-12-02' },
    });
    expect((await rest.visits.topProducts({ limit: 5 }))[0]!.sku).to.equal('A');
    expect(seen(fake)).to.deep.equal({ method: 'GET', path: '/visits/top-products', query: { limit: '5' } });
  });

  it('subscribes, confirms and unsubscribes at their paths', async () => {
    const subscription = { email: 'a@example.com', list: 'news', status: 'pending' };
    const fake = new FakeFetch(() => json(202, subscription));
    const rest = call(fake);
    await rest.newsletter.subscribe(
      { email: 'a@example.com', list: 'news', consent: true, locale: 'en' },
      { idempotencyKey: 'k' },
    );
    expect(seen(fake).path).to.equal('/newsletter/subscriptions');
    expect(fake.body()).to.deep.equal({ email: 'a@example.com', list: 'news', consent: true, locale: 'en' });
    await rest.newsletter.confirm('tok');
    expect([seen(fake).path, fake.body()]).to.deep.equal(['/newsletter/confirm', { token: 'tok' }]);
    await rest.newsletter.unsubscribe('tok');
    expect([seen(fake).path, fake.body()]).to.deep.equal(['/newsletter/unsubscribe', { token: 'tok' }]);
  });

  it('sends feedback and answers with the receipt', async () => {
    const fake = new FakeFetch(() => json(201, { id: 'f-1', receivedAt: 5 }));
    const receipt = await call(fake).feedback.send(
      { message: '你好', pageUrl: 'https://blog.example/p', pageTitle: '文章', to: 'staff-email' },
      { idempotencyKey: 'k' },
    );
    expect(receipt).to.deep.equal({ id: 'f-1', receivedAt: 5 });
    expect(seen(fake)).to.deep.include({ method: 'POST', path: '/feedback' });
    expect(fake.last.headers.get('Idempotency-Key')).to.equal('k');
  });

  it('tracks an order with a POST (the contact stays out of the URL)', async () => {
    const order = {
      number: 'SF1',
      status: 'placed',
      placedAt: 1,
      lines: [{ sku: 'A', title: 'T', quantity: 1, unitPrice: { amount: 100, currency: 'CNY' } }],
      total: { amount: 100, currency: 'CNY' },
      timeline: [{ status: 'placed', at: 1 }],
    };
    const fake = new FakeFetch(() => json(200, order));
    expect(await call(fake).orders.track('SF1', '13800001234')).to.deep.equal(order);
    expect(seen(fake)).to.deep.equal({ method: 'POST', path: '/orders/track', query: {} });
    expect(fake.body()).to.deep.equal({ number: 'SF1', contact: '13800001234' });
  });

  it('gets products by id in one request, in the order asked', async () => {
    const ids = ['id-B', 'id-A', 'id-NOPE'];
    const fake = new FakeFetch(() => json(200, { items: [product('B', 100), product('A', 100)] }));
    const products = await call(fake).catalog.byIds(ids);
    expect(products.map((item) => item.id)).to.deep.equal(['id-B', 'id-A']);
    expect(seen(fake)).to.deep.equal({ method: 'GET', path: '/products/by-id', query: { ids: 'id-B,id-A,id-NOPE' } });
    const none = new FakeFetch();
    expect(await call(none).catalog.byIds([])).to.deep.equal([]);
    expect(none.requests).to.have.length(0);
  });
});
