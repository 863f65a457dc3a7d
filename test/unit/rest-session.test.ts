import { expect } from '@open-wc/testing';
import { RestAdapter, type RestAdapterOptions } from '../../src/adapter/rest/rest-adapter.js';
import type { Member } from '../../src/core/types.js';
import { createStorefront } from '../../src/storefront.js';
import { MemoryBackend } from '../../src/storage/memory-backend.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { expectRejection } from '../adapters/conformance.js';
import { product, uniqueStoreId } from '../helpers/fixtures.js';
import { FakeFetch, json, problem } from './rest-fake-fetch.js';

const ENDPOINT = 'https://shop.example/api';
const member: Member = { id: 'm-1', name: '小红', email: 'hong@example.com', tier: 'vip' };
const SESSION_KEY = `rest-session:${ENDPOINT}`;

function adapter(fake: FakeFetch, options: Partial<RestAdapterOptions> = {}): RestAdapter {
  return new RestAdapter({ endpoint: ENDPOINT, fetch: fake.fetch, ...options });
}

/** A fake shop that hands out `token-1` and knows who holds it. */
function accountServer(): FakeFetch {
  return new FakeFetch((request) => {
    const path = new URL(request.url).pathname;
    const bearer = request.headers.get('Authorization');
    if (path === '/api/account/sign-in') return json(200, { member, token: 'token-1' });
    if (path === '/api/account/sign-up') return json(201, { member, token: 'token-2' });
    if (path === '/api/account/sign-out') return json(204, null);
    if (path === '/api/account/me') {
      if (bearer === null) return json(200, { member: null });
      return bearer === 'Bearer token-1' ? json(200, { member }) : problem(401, { code: 'unauthorized' });
    }
    if (path === '/api/checkout')
      return json(201, { url: '/pay/SF1?t=x', orderNumber: 'SF1', total: { amount: 1, currency: 'CNY' } });
    return problem(404, { code: 'not-found' });
  });
}

describe('RestAdapter: member session', () => {
  it('keeps the token from sign-in and sends it as a bearer, never as a cookie', async () => {
    const fake = accountServer();
    const rest = adapter(fake);
    expect(await rest.account.signIn({ email: member.email, password: 'pw' })).to.deep.equal(member);
    expect(fake.last.headers.has('Authorization'), 'sign-in itself carries no token').to.be.false;
    expect(await rest.account.current()).to.deep.equal(member);
    expect(fake.last.headers.get('Authorization')).to.equal('Bearer token-1');
    await rest.checkout.begin(
      { lines: [{ sku: 'A', quantity: 1 }], paymentMethod: 'alipay', memberId: 'm-1' },
      { idempotencyKey: 'k' },
    );
    expect(fake.last.headers.get('Authorization')).to.equal('Bearer token-1');
    expect(fake.body(), 'the member is the token, not a claimed id').to.deep.equal({
      lines: [{ sku: 'A', quantity: 1 }],
      paymentMethod: 'alipay',
    });
    expect(fake.requests.every((request) => request.credentials === 'omit')).to.be.true;
  });

  it('forgets the token on sign-out', async () => {
    const fake = accountServer();
    const rest = adapter(fake);
    await rest.account.signIn({ email: member.email, password: 'pw' });
    await rest.account.signOut();
    expect(fake.last.url).to.equal(`${ENDPOINT}/account/sign-out`);
    expect(fake.last.headers.get('Authorization')).to.equal('Bearer token-1');
    const before = fake.requests.length;
    expect(await rest.account.current()).to.equal(null);
    await rest.checkout.begin({ lines: [{ sku: 'A', quantity: 1 }], paymentMethod: 'alipay' }, { idempotencyKey: 'k2' });
    expect(fake.last.headers.has('Authorization')).to.be.false;
    expect(fake.requests.length, 'current() without a token asks nobody').to.equal(before + 1);
  });

  it('keeps the token when sign-out cannot reach the shop, so the shopper can try again', async () => {
    const fake = accountServer();
    const rest = adapter(fake);
    await rest.account.signIn({ email: member.email, password: 'pw' });
    fake.then(new TypeError('Failed to fetch'));
    await expectRejection(() => rest.account.signOut(), 'network', 'sign-out');
    expect(await rest.account.current()).to.deep.equal(member);
  });

  it('clears the token when /account/me answers 401 (expired session)', async () => {
    const fake = accountServer();
    const rest = adapter(fake);
    await rest.account.signUp({ email: member.email, password: 'password1', name: '小红' });
    expect(await rest.account.current(), 'token-2 is not known to the fake').to.equal(null);
    expect(fake.last.headers.get('Authorization')).to.equal('Bearer token-2');
    const before = fake.requests.length;
    expect(await rest.account.current()).to.equal(null);
    expect(fake.requests.length, 'the token is gone').to.equal(before);
  });

  it('keeps the token in the attached store under rest-session:<endpoint>, shared by every tab', async () => {
    const backend = new MemoryBackend();
    const fake = accountServer();
    const tabA = adapter(fake);
    const tabB = adapter(fake);
    tabA.attach({ storage: Promise.resolve(backend), storeId: 's' });
    tabB.attach({ storage: Promise.resolve(backend), storeId: 's' });
    await tabA.account.signIn({ email: member.email, password: 'pw' });
    expect(await backend.get('meta', SESSION_KEY)).to.equal('token-1');
    expect(await tabB.account.current(), 'the other tab is signed in too').to.deep.equal(member);
    await tabB.account.signOut();
    expect(await backend.get('meta', SESSION_KEY)).to.equal(undefined);
    expect(await tabA.account.current(), 'signed out in every tab').to.equal(null);
  });

  it('a 401 clears the stored token too', async () => {
    const backend = new MemoryBackend();
    await backend.put('meta', 'revoked', SESSION_KEY);
    const rest = adapter(accountServer());
    rest.attach({ storage: Promise.resolve(backend), storeId: 's' });
    expect(await rest.account.current()).to.equal(null);
    expect(await backend.get('meta', SESSION_KEY)).to.equal(undefined);
  });

  it('createStorefront attaches it: a member signed in before the reload is signed in after it', async () => {
    const storeId = uniqueStoreId('rest-session');
    const fake = accountServer();
    const first = createStorefront({ adapter: adapter(fake), storeId });
    await first.ready;
    await first.account.signIn({ email: member.email, password: 'pw' });
    first.close();
    const reloaded = createStorefront({ adapter: adapter(fake), storeId });
    await reloaded.account.ready;
    expect(reloaded.account.member).to.deep.equal(member);
    const storage = await openStorage(storeId);
    expect(await storage.get('meta', SESSION_KEY)).to.equal('token-1');
    storage.close();
    reloaded.close();
  });

  it("falls back to memory when the store's storage fails", async () => {
    const fake = accountServer();
    const rest = adapter(fake);
    rest.attach({ storage: Promise.reject(new Error('storage failed')), storeId: 's' });
    await rest.account.signIn({ email: member.email, password: 'pw' });
    expect(await rest.account.current()).to.deep.equal(member);
  });
});

describe('RestAdapter: ETag revalidation', () => {
  const page = { items: [product('A', 100)], total: 1 };

  /** Answers 200 with an ETag, and 304 when If-None-Match carries it. */
  function catalogServer(body: unknown = page, etag = '"v1"'): FakeFetch {
    return new FakeFetch((request) =>
      request.headers.get('If-None-Match') === etag ? json(304, null, { ETag: etag }) : json(200, body, { ETag: etag }),
    );
  }

  it('revalidates with If-None-Match and reuses the body on 304', async () => {
    const fake = catalogServer();
    const rest = adapter(fake);
    const first = await rest.catalog.list({ page: 1 });
    expect(fake.last.headers.has('If-None-Match')).to.be.false;
    first.items[0]!.title = 'changed by the caller';
    const second = await rest.catalog.list({ page: 1 });
    expect(fake.last.headers.get('If-None-Match')).to.equal('"v1"');
    expect(second).to.deep.equal(page);
    await rest.catalog.list({ page: 2 });
    expect(fake.last.headers.has('If-None-Match'), 'another URL, another entry').to.be.false;
  });

  it('caches product, facets, promotions, help and payment methods; not the guestbook', async () => {
    const answers: Record<string, unknown> = {
      '/api/products/A': product('A', 100),
      '/api/facets': { series: [], categories: [] },
      '/api/promotions': { items: [] },
      '/api/help/articles': { items: [] },
      '/api/payment-methods': { items: [{ id: 'alipay', title: '支付宝' }] },
      '/api/guestbook': { items: [] },
    };
    const fake = new FakeFetch((request) => {
      if (request.headers.get('If-None-Match') === '"e"') return json(304, null);
      return json(200, answers[new URL(request.url).pathname], { ETag: '"e"' });
    });
    const rest = adapter(fake);
    const calls = [
      () => rest.catalog.get('A'),
      () => rest.catalog.facets(),
      () => rest.catalog.promotions(),
      () => rest.help.articles(),
      () => rest.checkout.paymentMethods(),
      () => rest.guestbook.list('site'),
    ];
    for (const call of calls) {
      const fresh = await call();
      expect(await call()).to.deep.equal(fresh);
    }
    const revalidated = fake.requests.filter((request) => request.headers.has('If-None-Match'));
    expect(revalidated.map((request) => new URL(request.url).pathname)).to.deep.equal(Object.keys(answers).slice(0, 5));
  });

  it('lets a returning visitor revalidate: the entry is kept in the attached store', async () => {
    const backend = new MemoryBackend();
    const fake = catalogServer();
    const visit = adapter(fake);
    visit.attach({ storage: Promise.resolve(backend), storeId: 's' });
    await visit.catalog.list({});
    await new Promise((resolve) => setTimeout(resolve, 10));
    const returning = adapter(fake);
    returning.attach({ storage: Promise.resolve(backend), storeId: 's' });
    expect(await returning.catalog.list({})).to.deep.equal(page);
    expect(fake.last.headers.get('If-None-Match')).to.equal('"v1"');
  });

  it('validates a 304 body too: a stored body of the wrong shape is downloaded again', async () => {
    const backend = new MemoryBackend();
    await backend.put('meta', { etag: '"v1"', body: { items: 'broken' } }, `rest-etag:${ENDPOINT}/facets`);
    const fake = catalogServer({ series: [], categories: [] });
    const rest = adapter(fake);
    rest.attach({ storage: Promise.resolve(backend), storeId: 's' });
    expect(await rest.catalog.facets()).to.deep.equal({ series: [], categories: [] });
    expect(fake.requests.map((request) => request.headers.get('If-None-Match'))).to.deep.equal(['"v1"', null]);
  });

  it('answers 304 without a cached body as invalid-response', async () => {
    const fake = new FakeFetch(() => json(304, null));
    await expectRejection(() => adapter(fake).catalog.facets(), 'invalid-response', 'facets');
  });
});

describe('RestAdapter: visit beacon', () => {
  it('queues {events, key} as a text/plain Blob with navigator.sendBeacon (no preflight)', async () => {
    const sent: { url: string; data: Blob }[] = [];
    const original = Object.getOwnPropertyDescriptor(navigator, 'sendBeacon');
    Object.defineProperty(navigator, 'sendBeacon', {
      configurable: true,
      value: (url: string, data: Blob) => {
        sent.push({ url, data });
        return true;
      },
    });
    try {
      const events = [{ topic: 'site', visitorId: 'v1', at: 1 }];
      const fake = new FakeFetch();
      expect(adapter(fake).visits.beacon(events, 'visit-key')).to.be.true;
      expect(sent).to.have.length(1);
      expect(sent[0]!.url).to.equal(`${ENDPOINT}/visits`);
      expect(sent[0]!.data.type).to.equal('text/plain');
      expect(JSON.parse(await sent[0]!.data.text())).to.deep.equal({ events, key: 'visit-key' });
      expect(fake.requests).to.have.length(0);
    } finally {
      if (original) Object.defineProperty(navigator, 'sendBeacon', original);
      else delete (navigator as { sendBeacon?: unknown }).sendBeacon;
    }
  });

  it('records a batch as JSON with its key', async () => {
    const fake = new FakeFetch(() => json(202, { accepted: 1 }));
    await adapter(fake).visits.record([{ topic: 'site', visitorId: 'v1', at: 1 }], { idempotencyKey: 'vk' });
    expect(fake.last.headers.get('Idempotency-Key')).to.equal('vk');
    expect(fake.body()).to.deep.equal({ events: [{ topic: 'site', visitorId: 'v1', at: 1 }] });
  });
});
