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
    await expectRejection(() => adapter.visits.daily(), 'network', 'visits.daily');
    await expectRejection(() => adapter.visits.topProducts(), 'network', 'visits.topProducts');
    await expectRejection(() => adapter.catalog.byIds(['x']), 'network', 'catalog.byIds');
    await expectRejection(
      () => adapter.feedback.send({ message: 'm', pageUrl: 'https://shop.example/' }, { idempotencyKey: 'k' }),
      'network',
      'feedback.send',
    );
    expect(await adapter.mailbox(), 'nothing was mailed').to.deep.equal([]);
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

describe('local adapter: mail outbox', () => {
  const MINUTE = 60_000;

  it('mails the confirmation with both links instead of answering the token, newest mail first', async () => {
    let clock = Date.UTC(2026, 2, 1, 8);
    const adapter = local({ indexedDB: null, now: () => clock, mailLinkBase: 'https://shop.example' });
    const answer = await adapter.newsletter.subscribe(
      { email: ' Reader@Example.com ', list: 'news', consent: true },
      { idempotencyKey: 'mail-1' },
    );
    expect(answer).to.deep.equal({ email: 'reader@example.com', list: 'news', status: 'pending' });
    clock += MINUTE;
    await adapter.newsletter.subscribe(
      { email: 'other@example.com', list: 'news', consent: true, locale: 'en' },
      { idempotencyKey: 'mail-2' },
    );

    const all = await adapter.mailbox();
    expect(all.map((mail) => mail.to)).to.deep.equal(['other@example.com', 'reader@example.com']);
    const [mail] = await adapter.mailbox('READER@example.com');
    expect(mail).to.deep.include({ kind: 'newsletter-confirmation', to: 'reader@example.com', subject: '请确认您的订阅' });
    expect(mail!.createdAt).to.equal(Date.UTC(2026, 2, 1, 8));
    const confirm = newsletterTokenFromMail(mail!.text, 'confirm')!;
    const unsubscribe = newsletterTokenFromMail(mail!.text, 'unsubscribe')!;
    expect(mail!.text).to.contain(`https://shop.example/newsletter/confirm?token=${confirm}`);
    expect(confirm).to.not.equal(unsubscribe);
    expect(mail!.headers).to.deep.equal({
      'List-Id': '<news.shop.example>',
      'List-Unsubscribe': `<https://shop.example/newsletter/unsubscribe?token=${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(all[0]!.subject, 'an English sign-up gets an English mail').to.equal('Please confirm your subscription');
    await expectRejection(() => adapter.newsletter.confirm(unsubscribe), 'not-found', 'the unsubscribe token confirms nothing');
    expect((await adapter.newsletter.unsubscribe(unsubscribe)).status).to.equal('unsubscribed');
  });

  it('re-sends to a pending address only after the cool-down, with the same working links', async () => {
    let clock = Date.UTC(2026, 2, 1, 8);
    const adapter = local({ indexedDB: null, now: () => clock, mailCooldownMs: 10 * MINUTE });
    const subscribe = (key: string, email = 'again@example.com') =>
      adapter.newsletter.subscribe({ email, list: 'news', consent: true }, { idempotencyKey: key });
    await subscribe('again-1');
    clock += 9 * MINUTE;
    await subscribe('again-2', 'AGAIN@example.com');
    expect(await adapter.mailbox('again@example.com'), 'within the cool-down').to.have.length(1);
    clock += MINUTE;
    await subscribe('again-3');
    const mails = await adapter.mailbox('again@example.com');
    expect(mails, 'after the cool-down').to.have.length(2);
    const [newer, older] = mails.map((mail) => newsletterTokenFromMail(mail.text, 'confirm'));
    expect(newer).to.equal(older);
    expect((await adapter.newsletter.confirm(older!)).status).to.equal('confirmed');
    clock += 60 * MINUTE;
    expect((await subscribe('again-4')).status, 'a confirmed address stays confirmed').to.equal('confirmed');
    expect(await adapter.mailbox('again@example.com'), 'and gets no mail').to.have.length(2);
  });

  it('does not undo an unsubscribe with the old confirmation link; signing up again does', async () => {
    const adapter = local({ indexedDB: null, mailCooldownMs: 0 });
    const subscribe = (key: string) =>
      adapter.newsletter.subscribe({ email: 'leaver@example.com', list: 'news', consent: true }, { idempotencyKey: key });
    await subscribe('leave-1');
    const [mail] = await adapter.mailbox('leaver@example.com');
    const confirm = newsletterTokenFromMail(mail!.text, 'confirm')!;
    await adapter.newsletter.confirm(confirm);
    await adapter.newsletter.unsubscribe(newsletterTokenFromMail(mail!.text, 'unsubscribe')!);
    expect((await adapter.newsletter.confirm(confirm)).status).to.equal('unsubscribed');
    expect((await subscribe('leave-2')).status).to.equal('pending');
    expect((await adapter.newsletter.confirm(confirm)).status).to.equal('confirmed');
  });

  it('mails feedback to the staff address asked for when known, else to the default one', async () => {
    const clock = Date.UTC(2026, 2, 1, 8);
    const adapter = local({
      indexedDB: null,
      now: () => clock,
      feedbackAddresses: ['service@shop.example', 'boss@shop.example'],
    });
    const message = {
      message: '  <b>尺码</b> 表在哪里？  ',
      pageUrl: 'https://shop.example/p/CC-TEE-001',
      pageTitle: '男士纯棉短袖T恤',
      contact: 'asker@example.com',
    };
    const receipt = await adapter.feedback.send({ ...message, to: 'BOSS@shop.example' }, { idempotencyKey: 'fb-1' });
    expect(receipt.receivedAt).to.equal(clock);
    await adapter.feedback.send({ ...message, to: 'someone@evil.example' }, { idempotencyKey: 'fb-2' });
    await adapter.feedback.send({ message: '好评', pageUrl: 'http://shop.example/' }, { idempotencyKey: 'fb-3' });

    const [boss] = await adapter.mailbox('boss@shop.example');
    expect(boss).to.deep.include({ kind: 'feedback', to: 'boss@shop.example', subject: '[反馈] 男士纯棉短袖T恤' });
    expect(boss!.text).to.contain('<b>尺码</b> 表在哪里？');
    expect(boss!.text).to.contain('<https://shop.example/p/CC-TEE-001>');
    expect(boss!.text).to.contain('asker@example.com');
    expect(boss!.text).to.contain(receipt.id);
    expect(boss!.headers).to.deep.equal({ 'Reply-To': 'asker@example.com' });
    const service = await adapter.mailbox('service@shop.example');
    expect(service.map((mail) => mail.subject)).to.deep.equal(['[反馈] http://shop.example/', '[反馈] 男士纯棉短袖T恤']);
    expect(await adapter.mailbox('someone@evil.example')).to.deep.equal([]);
    for (const [label, bad] of [
      ['a name over 80 characters', { ...message, name: '名'.repeat(81) }],
      ['a contact that is not text', { ...message, contact: 42 as unknown as string }],
    ] as const) {
      await expectRejection(() => adapter.feedback.send(bad, { idempotencyKey: `bad-${label}` }), 'validation', label);
    }
  });
});

describe('local adapter: products by id', () => {
  it('drops repeated ids and rejects what is not a list of strings', async () => {
    const adapter = local({ data: structuredClone(demo), indexedDB: null });
    const [a, b] = demo.products as [Product, Product];
    expect((await adapter.catalog.byIds([b.id, a.id, b.id])).map((item) => item.sku)).to.deep.equal([b.sku, a.sku]);
    expect(await adapter.catalog.byIds(Array.from({ length: 100 }, () => a.id))).to.have.length(1);
    await expectRejection(() => adapter.catalog.byIds('a,b' as unknown as string[]), 'validation', 'a string');
    await expectRejection(() => adapter.catalog.byIds([1] as unknown as string[]), 'validation', 'a number');
  });
});

describe('local adapter: visits per day', () => {
  const DAY = 24 * HOUR;
  const event = (topic: string, visitorId: string) => ({ topic, visitorId, at: 0 });

  it('counts a visit on the day in Asia/Shanghai, whatever the clock of the event says', async () => {
    // 16:30 UTC on 1 March is 00:30 on 2 March in China.
    const adapter = local({ indexedDB: null, now: () => Date.UTC(2026, 2, 1, 16, 30) });
    await adapter.visits.record([event('site', 'v1')], { idempotencyKey: 'tz-1' });
    expect(await adapter.visits.daily()).to.deep.equal([{ day: '2026-03-02', topic: 'site', pageViews: 1, uniqueVisitors: 1 }]);
    expect(await adapter.visits.daily(['site'], { from: '2026-03-02', to: '2026-03-02' })).to.have.length(1);
    expect(await adapter.visits.daily(['site'], { to: '2026-03-01' })).to.deep.equal([]);
  });

  it('covers the last 30 days by default and sums product pages over the range', async () => {
    let clock = Date.UTC(2026, 2, 1, 4);
    const adapter = local({ indexedDB: null, now: () => clock });
    const record = (key: string, events: ReturnType<typeof event>[]) => adapter.visits.record(events, { idempotencyKey: key });
    await record('d0', [event('product:A', 'v1'), event('product:A', 'v1'), event('site', 'v1')]);
    clock += DAY;
    await record('d1', [event('product:A', 'v1'), event('product:B', 'v2'), event('product:B', 'v3'), event('product:B', 'v3')]);
    expect(await adapter.visits.topProducts()).to.deep.equal([
      { sku: 'A', pageViews: 3, uniqueVisitors: 2 },
      { sku: 'B', pageViews: 3, uniqueVisitors: 2 },
    ]);
    expect(await adapter.visits.topProducts({ from: '2026-03-02' })).to.deep.equal([
      { sku: 'B', pageViews: 3, uniqueVisitors: 2 },
      { sku: 'A', pageViews: 1, uniqueVisitors: 1 },
    ]);
    expect((await adapter.visits.daily()).map((row) => `${row.day} ${row.topic} ${row.pageViews}`)).to.deep.equal([
      '2026-03-01 product:A 2',
      '2026-03-01 site 1',
      '2026-03-02 product:A 1',
      '2026-03-02 product:B 3',
    ]);
    clock = Date.UTC(2026, 2, 1, 4) + 29 * DAY;
    expect((await adapter.visits.daily()).map((row) => row.day)[0], 'day 30 still in').to.equal('2026-03-01');
    clock += DAY;
    expect((await adapter.visits.daily()).map((row) => row.day)[0], 'day 31 out').to.equal('2026-03-02');
    expect(await adapter.visits.stats(['product:A']), 'all-time stats unchanged').to.deep.equal([
      { topic: 'product:A', pageViews: 3, uniqueVisitors: 1 },
    ]);
  });

  it('rejects more than 100 events in a batch and topics that are not a list', async () => {
    const adapter = local({ indexedDB: null });
    const many = Array.from({ length: 101 }, (_, i) => event('site', `v${i}`));
    await expectRejection(() => adapter.visits.record(many, { idempotencyKey: 'many' }), 'validation', '101 events');
    expect(await adapter.visits.stats(['site'])).to.deep.equal([{ topic: 'site', pageViews: 0, uniqueVisitors: 0 }]);
    await expectRejection(() => adapter.visits.daily('site' as unknown as string[]), 'validation', 'topics a string');
  });
});

describe('local adapter: guestbook moderation', () => {
  it('pins a demo entry above newer ones, approves a held post, and knows no unknown id', async () => {
    const adapter = local({ data: structuredClone(demo), indexedDB: null });
    const site = () => adapter.guestbook.list('site', { limit: 50 });
    const before = (await site()).entries;
    const oldest = before.at(-1)!;
    expect(before.length).to.be.at.least(2);
    const pinned = await adapter.moderateGuestbook(oldest.id, { pinned: true });
    expect(pinned).to.deep.include({ id: oldest.id, pinned: true });
    expect((await site()).entries.map((entry) => entry.id)).to.deep.equal([
      oldest.id,
      ...before.slice(0, -1).map((entry) => entry.id),
    ]);

    const held = await adapter.guestbook.post(
      { topic: 'site', author: 'bot?', body: 'hello', website: 'x', contact: '13800000000' },
      { idempotencyKey: 'held' },
    );
    expect(held.pending).to.be.true;
    expect((await site()).entries.map((entry) => entry.id)).to.not.include(held.id);
    const approved = await adapter.moderateGuestbook(held.id, { approved: true });
    expect(approved).to.not.have.property('pending');
    expect(approved).to.not.have.property('contact');
    expect((await site()).entries.map((entry) => entry.id).slice(0, 2)).to.deep.equal([oldest.id, held.id]);

    await expectRejection(() => adapter.moderateGuestbook('g-nope', { hidden: true }), 'not-found', 'unknown id');
    await expectRejection(
      () => adapter.moderateGuestbook(held.id, { hidden: 'yes' as unknown as boolean }),
      'validation',
      'hidden "yes"',
    );
  });

  it('rejects a fill time or a contact of the wrong type as validation', async () => {
    const adapter = local({ indexedDB: null });
    const post = { topic: 'site', author: 'a', body: 'b' };
    await expectRejection(
      () => adapter.guestbook.post({ ...post, fillMs: -1 }, { idempotencyKey: 'fill-neg' }),
      'validation',
      'fillMs -1',
    );
    await expectRejection(
      () => adapter.guestbook.post({ ...post, fillMs: '3000' as unknown as number }, { idempotencyKey: 'fill-str' }),
      'validation',
      'fillMs "3000"',
    );
    await expectRejection(
      () => adapter.guestbook.post({ ...post, contact: 'x'.repeat(201) }, { idempotencyKey: 'contact-long' }),
      'validation',
      'contact of 201 characters',
    );
  });
});
