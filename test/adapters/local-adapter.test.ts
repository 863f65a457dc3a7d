import { expect } from '@open-wc/testing';
import { LocalAdapter } from '../../src/adapter/local/local-adapter.js';
import { createDemoData } from '../../src/adapter/local/demo/demo-data.js';
import { priceCart } from '../../src/cart/pricing.js';
import type { Product } from '../../src/core/types.js';
import { product, uniqueStoreId } from '../helpers/fixtures.js';
import { expectRejection, newsletterTokenFromMail, testAdapter, type ConformanceFixtures } from './conformance.js';

const HOUR = 3_600_000;

/*
 * The demo data the conformance runs serve, built once so the fixtures (order numbers carry
 * the day they were placed) and the adapter agree even when a run crosses midnight.
 */
const demo = createDemoData(Date.now());
const knownOrder = demo.orders.find((order) => order.status === 'delivered')!;

/** The adapter the running conformance test uses: the fixtures read its mailbox. */
let current: LocalAdapter | undefined;

async function mailedToken(email: string, list: string, kind: 'confirm' | 'unsubscribe'): Promise<string> {
  const mails = await current!.mailbox(email);
  const mail = mails.find((candidate) => candidate.headers['List-Id']?.startsWith(`<${list}.`));
  const token = mail && newsletterTokenFromMail(mail.text, kind);
  if (!token) throw new Error(`no ${kind} link mailed to ${email} for ${list}`);
  return token;
}

const fixtures: ConformanceFixtures = {
  catalog: { sku: 'CC-TEE-001', titleFragment: '纯棉短袖', series: 'cloud-cotton', category: 'tops' },
  order: { number: knownOrder.number, contact: knownOrder.contact[0]! },
  guestbook: { topic: 'product:SI-BUD-001' },
  member: { email: 'member@example.com', password: 'demo1234' },
  newsletterList: 'news',
  readConfirmationToken: (email, list) => mailedToken(email, list, 'confirm'),
  readUnsubscribeToken: (email, list) => mailedToken(email, list, 'unsubscribe'),
  readMail: (address) => current!.mailbox(address),
  staff: {
    moderateGuestbook: async (id, change) => void (await current!.moderateGuestbook(id, change)),
  },
};

const persistentNamespace = uniqueStoreId('conformance');
testAdapter(
  'local',
  () => (current = new LocalAdapter({ namespace: persistentNamespace, data: createDemoDataCopy() })),
  fixtures,
);

const memoryNamespace = uniqueStoreId('conformance-memory');
testAdapter(
  'local, state in memory',
  () => (current = new LocalAdapter({ namespace: memoryNamespace, data: createDemoDataCopy(), indexedDB: null })),
  fixtures,
);

/** Each adapter gets its own copy of the same demo data, as a backend would hold its own. */
function createDemoDataCopy(): typeof demo {
  return structuredClone(demo);
}

const opened: LocalAdapter[] = [];
function local(options: ConstructorParameters<typeof LocalAdapter>[0] = {}): LocalAdapter {
  const adapter = new LocalAdapter({ namespace: uniqueStoreId('local'), ...options });
  opened.push(adapter);
  return adapter;
}

afterEach(() => {
  for (const adapter of opened.splice(0)) adapter.close();
});

describe('local adapter: simulated latency', () => {
  it('still answers with latency on', async () => {
    const adapter = local({ latency: 20 });
    const product = await adapter.catalog.get('CC-TEE-001');
    expect(product?.sku).to.equal('CC-TEE-001');
  });

  it('rejects as aborted when the signal fires during the latency', async () => {
    // A latency no test would wait for: only the abort can settle the call in time.
    const adapter = local({ latency: 60_000 });
    const controller = new AbortController();
    const pending = adapter.catalog.list({}, { signal: controller.signal });
    controller.abort();
    await expectRejection(() => pending, 'aborted', 'list aborted during latency');

    const later = new AbortController();
    const tracking = adapter.orders.track(knownOrder.number, knownOrder.contact[0]!, { signal: later.signal });
    setTimeout(() => later.abort(), 10);
    await expectRejection(() => tracking, 'aborted', 'track aborted during latency');
  });

  it('does not post a guestbook entry whose call was aborted during the latency', async () => {
    const namespace = uniqueStoreId('local-abort');
    const slow = local({ namespace, latency: 60_000 });
    const controller = new AbortController();
    const posting = slow.guestbook.post(
      { topic: 'abort-topic', author: '测试', body: '不应出现' },
      { idempotencyKey: 'abort-1', signal: controller.signal },
    );
    controller.abort();
    await expectRejection(() => posting, 'aborted', 'post');
    const fast = local({ namespace });
    expect((await fast.guestbook.list('abort-topic')).entries).to.deep.equal([]);
  });
});

describe('local adapter: simulated failure', () => {
  it('fails every call with the configured code until setFailure(null)', async () => {
    const adapter = local({ fail: 'network' });
    await expectRejection(() => adapter.catalog.list({}), 'network', 'catalog.list');
    await expectRejection(() => adapter.catalog.get('CC-TEE-001'), 'network', 'catalog.get');
    await expectRejection(() => adapter.help.articles(), 'network', 'help.articles');
    await expectRejection(() => adapter.orders.track(knownOrder.number, knownOrder.contact[0]!), 'network', 'orders.track');
    await expectRejection(() => adapter.guestbook.list('site'), 'network', 'guestbook.list');
    await expectRejection(
      () => adapter.guestbook.post({ topic: 'site', author: 'a', body: 'b' }, { idempotencyKey: 'k' }),
      'network',
      'guestbook.post',
    );
    await expectRejection(() => adapter.visits.stats(), 'network', 'visits.stats');
    await expectRejection(() => adapter.checkout.paymentMethods(), 'network', 'checkout.paymentMethods');
    await expectRejection(() => adapter.account.current(), 'network', 'account.current');

    adapter.setFailure('timeout');
    const timeout = await expectRejection(() => adapter.catalog.list({}), 'timeout', 'timeout');
    expect(timeout.retryable).to.be.true;

    adapter.setFailure(null);
    const page = await adapter.catalog.list({});
    expect(page.total).to.equal(demo.products.length);
    expect((await adapter.catalog.get('CC-TEE-001'))?.sku).to.equal('CC-TEE-001');
  });

  it('keeps the post a failing call refused out of the state', async () => {
    const namespace = uniqueStoreId('local-fail');
    const adapter = local({ namespace, fail: 'network' });
    await expectRejection(
      () => adapter.guestbook.post({ topic: 'fail-topic', author: 'a', body: 'b' }, { idempotencyKey: 'fail-1' }),
      'network',
      'post',
    );
    adapter.setFailure(null);
    expect((await adapter.guestbook.list('fail-topic')).entries).to.deep.equal([]);
    // The same key works once the backend is back, and posts once.
    const entry = await adapter.guestbook.post({ topic: 'fail-topic', author: 'a', body: 'b' }, { idempotencyKey: 'fail-1' });
    expect((await adapter.guestbook.list('fail-topic')).entries.map((listed) => listed.id)).to.deep.equal([entry.id]);
  });
});

describe('local adapter: products option', () => {
  const generated: Product[] = Array.from({ length: 2000 }, (_, i) =>
    product(`GEN-${String(i).padStart(4, '0')}`, 100 + ((i * 7919) % 50_000), {
      series: i % 2 === 0 ? 'even' : 'odd',
      category: `c${i % 10}`,
      createdAt: i,
    }),
  );

  it('replaces the catalog: 2,000 products, paged all the way', async () => {
    const adapter = local({ products: generated });
    const first = await adapter.catalog.list({ pageSize: 200 });
    expect(first.total).to.equal(2000);
    expect(first.items).to.have.length(200);
    const seen = new Set<string>();
    for (let page = 1; page <= 10; page += 1) {
      const { items, total } = await adapter.catalog.list({ page, pageSize: 200 });
      expect(total).to.equal(2000);
      expect(items).to.have.length(200);
      for (const item of items) seen.add(item.sku);
    }
    expect(seen.size).to.equal(2000);
    const beyond = await adapter.catalog.list({ page: 11, pageSize: 200 });
    expect(beyond).to.deep.equal({ items: [], total: 2000 });

    expect((await adapter.catalog.list({ series: 'odd' })).total).to.equal(1000);
    expect((await adapter.catalog.list({ category: 'c3' })).total).to.equal(200);
    const newest = await adapter.catalog.list({ sort: 'newest', pageSize: 3 });
    expect(newest.items.map((item) => item.sku)).to.deep.equal(['GEN-1999', 'GEN-1998', 'GEN-1997']);
    expect((await adapter.catalog.get('GEN-1234'))?.price.amount).to.equal(generated[1234]!.price.amount);
    expect(await adapter.catalog.get('CC-TEE-001'), 'the demo products are gone').to.equal(null);
  });

  it('keeps the rest of the demo shop (help, payment methods) around the replaced catalog', async () => {
    const adapter = local({ products: generated.slice(0, 3) });
    expect((await adapter.catalog.list({})).total).to.equal(3);
    expect(await adapter.help.articles()).to.not.be.empty;
    expect(await adapter.checkout.paymentMethods()).to.not.be.empty;
  });
});

describe('local adapter: clock', () => {
  it('sorts the flash-sale product at its sale price during the sale and at list price once it ends', async () => {
    const start = Date.UTC(2026, 10, 18, 2, 30);
    let clock = start;
    const adapter = local({ now: () => clock });
    const onSale = (await adapter.catalog.get('SI-BUD-001'))!;
    const sale = onSale.flashSale!;
    expect(sale.price.amount).to.be.lessThan(onSale.price.amount);
    expect(start).to.be.within(sale.startsAt, sale.endsAt - 1);

    // A product without a sale priced between the sale price and the list price.
    const { items: all } = await adapter.catalog.list({ pageSize: 200 });
    const between = all.find(
      (item) => !item.flashSale && item.price.amount > sale.price.amount && item.price.amount < onSale.price.amount,
    )!;
    expect(between, 'a product priced between sale and list price').to.exist;

    const order = async () => (await adapter.catalog.list({ sort: 'price-asc', pageSize: 200 })).items.map((item) => item.sku);

    let skus = await order();
    expect(skus.indexOf('SI-BUD-001')).to.be.lessThan(skus.indexOf(between.sku));

    clock = sale.endsAt - 1;
    skus = await order();
    expect(skus.indexOf('SI-BUD-001'), 'still on sale 1 ms before the end').to.be.lessThan(skus.indexOf(between.sku));

    clock = sale.endsAt;
    skus = await order();
    expect(skus.indexOf('SI-BUD-001'), 'at list price once endsAt is reached').to.be.greaterThan(skus.indexOf(between.sku));
    const descending = (await adapter.catalog.list({ sort: 'price-desc', pageSize: 200 })).items.map((item) => item.sku);
    expect(descending.indexOf('SI-BUD-001')).to.be.lessThan(descending.indexOf(between.sku));

    clock = sale.endsAt + 10 * HOUR;
    skus = await order();
    expect(skus.indexOf('SI-BUD-001')).to.be.greaterThan(skus.indexOf(between.sku));
  });

  it('dates a guestbook post with its clock', async () => {
    const clock = Date.UTC(2026, 0, 2, 3, 4, 5);
    const adapter = local({ now: () => clock, indexedDB: null });
    const entry = await adapter.guestbook.post({ topic: 'clock', author: 'a', body: 'b' }, { idempotencyKey: 'clock-1' });
    expect(entry.createdAt).to.equal(clock);
  });
});

describe('local adapter: persisted state', () => {
  it('lists a post made by one instance in another instance with the same namespace', async () => {
    const namespace = uniqueStoreId('local-shared');
    const first = local({ namespace });
    const entry = await first.guestbook.post(
      { topic: 'site', author: '第一个', body: '跨实例留言' },
      { idempotencyKey: 'shared-1' },
    );
    first.close();

    const second = local({ namespace });
    const { entries } = await second.guestbook.list('site', { limit: 50 });
    expect(entries.map((listed) => listed.id)).to.include(entry.id);
    expect(entries.find((listed) => listed.id === entry.id)?.body).to.equal('跨实例留言');
    // The idempotency key is remembered by the backend, not by the instance.
    const replay = await second.guestbook.post(
      { topic: 'site', author: '第一个', body: '跨实例留言' },
      { idempotencyKey: 'shared-1' },
    );
    expect(replay.id).to.equal(entry.id);
  });

  it('keeps sessions, visits and subscriptions across instances of one namespace', async () => {
    const namespace = uniqueStoreId('local-shared');
    const first = local({ namespace });
    await first.account.signIn({ email: 'vip@example.com', password: 'demo1234' });
    await first.visits.record([{ topic: 'site', visitorId: 'v1', at: 1 }], { idempotencyKey: 'visit-1' });
    await first.newsletter.subscribe({ email: 'shared@example.com', list: 'news', consent: true }, { idempotencyKey: 'sub-1' });

    const second = local({ namespace });
    expect((await second.account.current())?.tier).to.equal('vip');
    expect(await second.visits.stats(['site'])).to.deep.equal([{ topic: 'site', pageViews: 1, uniqueVisitors: 1 }]);
    const [mail] = await second.mailbox('shared@example.com');
    expect((await second.newsletter.confirm(newsletterTokenFromMail(mail!.text, 'confirm')!)).status).to.equal('confirmed');
  });

  it('does not leak into another namespace', async () => {
    const first = local({ namespace: uniqueStoreId('local-a') });
    const other = local({ namespace: uniqueStoreId('local-b') });
    const entry = await first.guestbook.post({ topic: 'site', author: 'A', body: '只属于A' }, { idempotencyKey: 'leak-1' });
    await first.account.signIn({ email: 'member@example.com', password: 'demo1234' });
    await first.visits.record([{ topic: 'site', visitorId: 'v1', at: 1 }], { idempotencyKey: 'leak-visit' });

    const { entries } = await other.guestbook.list('site', { limit: 50 });
    expect(entries.map((listed) => listed.id)).to.not.include(entry.id);
    expect(await other.account.current()).to.equal(null);
    expect(await other.visits.stats(['site'])).to.deep.equal([{ topic: 'site', pageViews: 0, uniqueVisitors: 0 }]);
    // The same idempotency key in the other namespace is a new write.
    const own = await other.guestbook.post({ topic: 'site', author: 'B', body: '只属于B' }, { idempotencyKey: 'leak-1' });
    expect(own.id).to.not.equal(entry.id);
  });

  it('keeps state to the instance when indexedDB is null', async () => {
    const namespace = uniqueStoreId('local-memory');
    const first = local({ namespace, indexedDB: null });
    const entry = await first.guestbook.post({ topic: 'site', author: 'M', body: '内存' }, { idempotencyKey: 'mem-1' });
    expect((await first.guestbook.list('site', { limit: 50 })).entries.map((listed) => listed.id)).to.include(entry.id);
    const second = local({ namespace, indexedDB: null });
    expect((await second.guestbook.list('site', { limit: 50 })).entries.map((listed) => listed.id)).to.not.include(entry.id);
  });
});

describe('local adapter: demo shop specifics', () => {
  it('tracks a demo order by phone number written with +86 and separators, or by e-mail in any case', async () => {
    const adapter = local({ data: structuredClone(demo), indexedDB: null });
    const [phone, email] = knownOrder.contact as [string, string];
    const spaced = `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)} ${phone.slice(7)}`;
    expect((await adapter.orders.track(knownOrder.number, spaced))?.number).to.equal(knownOrder.number);
    expect((await adapter.orders.track(knownOrder.number, email.toUpperCase()))?.number).to.equal(knownOrder.number);
    await expectRejection(() => adapter.orders.track(knownOrder.number, 'hello'), 'validation', 'neither phone nor e-mail');
  });

  it('holds spam-like posts (honeypot or many links) for moderation instead of listing them', async () => {
    const adapter = local({ indexedDB: null });
    const links = await adapter.guestbook.post(
      { topic: 'spam', author: 'bot', body: 'http://a.example http://b.example www.c.example' },
      { idempotencyKey: 'links' },
    );
    const honeypot = await adapter.guestbook.post(
      { topic: 'spam', author: 'bot', body: 'hi', website: 'x' },
      { idempotencyKey: 'honeypot' },
    );
    expect(links.pending).to.be.true;
    expect(honeypot.pending).to.be.true;
    expect((await adapter.guestbook.list('spam')).entries).to.deep.equal([]);
  });

  it('refuses a write without an idempotency key', async () => {
    const adapter = local({ indexedDB: null });
    await expectRejection(
      () => adapter.guestbook.post({ topic: 'site', author: 'a', body: 'b' }, { idempotencyKey: '' }),
      'validation',
      'empty key',
    );
    await expectRejection(
      () => adapter.guestbook.post({ topic: 'site', author: 'a', body: 'b' }, undefined as unknown as { idempotencyKey: string }),
      'validation',
      'no options',
    );
  });

  it('prices checkout lines at the flash-sale price and refuses more than the stock', async () => {
    const adapter = local({ indexedDB: null });
    const onSale = (await adapter.catalog.get('SI-BUD-001'))!;
    const session = await adapter.checkout.begin(
      { lines: [{ sku: 'SI-BUD-001', quantity: 2 }], paymentMethod: 'alipay', contact: '13512345678' },
      { idempotencyKey: 'flash-checkout' },
    );
    const order = (await adapter.orders.track(session.orderNumber, '135 1234 5678'))!;
    expect(order.lines[0]!.unitPrice.amount).to.equal(onSale.flashSale!.price.amount);
    // The order is priced like the cart: the shop's promotions apply (here 满399减50 on ¥598).
    const priced = priceCart({ lines: [{ product: onSale, quantity: 2 }], promotions: await adapter.catalog.promotions() });
    expect(order.total).to.deep.equal(priced.total);
    expect(order.total.amount).to.be.lessThan(2 * onSale.flashSale!.price.amount);
    await expectRejection(
      () =>
        adapter.checkout.begin(
          { lines: [{ sku: 'SI-BUD-001', quantity: onSale.stock! + 1 }], paymentMethod: 'alipay' },
          { idempotencyKey: 'too-many' },
        ),
      'conflict',
      'over stock',
    );
    await expectRejection(
      () =>
        adapter.checkout.begin(
          { lines: [{ sku: 'NOPE', quantity: 1 }], paymentMethod: 'alipay' },
          { idempotencyKey: 'unknown-sku' },
        ),
      'not-found',
      'unknown sku',
    );
    await expectRejection(
      () =>
        adapter.checkout.begin(
          { lines: [{ sku: 'SI-BUD-001', quantity: 1.5 }], paymentMethod: 'alipay' },
          { idempotencyKey: 'half' },
        ),
      'validation',
      'fractional quantity',
    );
  });

  it('refuses more than the stock when one sku comes in two lines (two variants of it)', async () => {
    const adapter = local({ indexedDB: null });
    const stock = (await adapter.catalog.get('SI-BUD-001'))!.stock!;
    const half = Math.ceil(stock / 2) + 1;
    await expectRejection(
      () =>
        adapter.checkout.begin(
          {
            lines: [
              { sku: 'SI-BUD-001', quantity: half },
              { sku: 'SI-BUD-001', quantity: half },
            ],
            paymentMethod: 'alipay',
          },
          { idempotencyKey: 'split-lines' },
        ),
      'conflict',
      `2 x ${half} of a stock of ${stock}`,
    );
  });

  it('rejects a guestbook cursor it never handed out as validation', async () => {
    const adapter = local({ indexedDB: null });
    await expectRejection(() => adapter.guestbook.list('site', { cursor: '!!' }), 'validation', 'cursor "!!"');
    await expectRejection(() => adapter.guestbook.list('site', { cursor: '-1' }), 'validation', 'cursor "-1"');
  });

  it('gives every checkout its own order number, so every placed order stays trackable', async () => {
    const adapter = local({ data: structuredClone(demo), indexedDB: null });
    const placed: { number: string; contact: string }[] = [];
    for (let i = 0; i < 300; i += 1) {
      const contact = `buyer-${i}@example.com`;
      const session = await adapter.checkout.begin(
        { lines: [{ sku: 'CC-TEE-001', quantity: 1 }], paymentMethod: 'wechat', contact },
        { idempotencyKey: `many-${i}` },
      );
      placed.push({ number: session.orderNumber, contact });
    }
    const numbers = placed.map((entry) => entry.number);
    const repeated = numbers.filter((number, i) => numbers.indexOf(number) !== i);
    const demoNumbers = demo.orders.map((order) => order.number);
    expect(repeated, 'order numbers handed out twice').to.deep.equal([]);
    expect(
      numbers.filter((number) => demoNumbers.includes(number)),
      'numbers of existing orders',
    ).to.deep.equal([]);
    const lost: string[] = [];
    for (const { number, contact } of placed) if ((await adapter.orders.track(number, contact)) === null) lost.push(number);
    expect(lost, 'placed orders that can no longer be tracked').to.deep.equal([]);
  });
});
