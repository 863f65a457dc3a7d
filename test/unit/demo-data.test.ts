import { expect } from '@open-wc/testing';
import type { Money } from '../../src/core/money.js';
import type { HelpTopic, OrderStatus } from '../../src/core/types.js';
import { createDemoData } from '../../src/adapter/local/demo/demo-data.js';

const NOW = Date.UTC(2026, 10, 18, 2, 30);
const DAY = 86_400_000;

/** Every Money found anywhere inside `value`. */
function collectMoney(value: unknown, found: Money[] = []): Money[] {
  if (Array.isArray(value)) {
    for (const item of value) collectMoney(item, found);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if ('amount' in record && 'currency' in record) found.push(record as unknown as Money);
    else for (const item of Object.values(record)) collectMoney(item, found);
  }
  return found;
}

describe('demo data', () => {
  const data = createDemoData(NOW);
  const { products } = data;
  const skus = new Set(products.map((p) => p.sku));

  it('has 40-50 products with unique ids and skus', () => {
    expect(products.length).to.be.within(40, 50);
    expect(new Set(products.map((p) => p.id)).size).to.equal(products.length);
    expect(skus.size).to.equal(products.length);
  });

  it('keeps every amount a safe integer in CNY', () => {
    const amounts = collectMoney(data);
    expect(amounts.length).to.be.greaterThan(products.length);
    for (const money of amounts) {
      expect(Number.isSafeInteger(money.amount), JSON.stringify(money)).to.be.true;
      expect(money.currency).to.equal('CNY');
    }
  });

  it('relates products only to existing ones', () => {
    const ids = new Set(products.map((p) => p.id));
    for (const product of products) {
      expect(product.related?.length ?? 0, product.sku).to.be.within(2, 4);
      for (const id of product.related ?? []) {
        expect(ids.has(id), `${product.sku} -> ${id}`).to.be.true;
        expect(id).to.not.equal(product.id);
      }
    }
  });

  it('files every product under a known series and a category of that series', () => {
    const series = new Set(data.series.map((s) => s.id));
    const categories = new Map(data.categories.map((c) => [c.id, c]));
    expect(series).to.deep.equal(new Set(['cloud-cotton', 'sound-isle']));
    for (const category of data.categories) expect(series.has(category.series ?? '')).to.be.true;
    for (const product of products) {
      expect(series.has(product.series ?? ''), product.sku).to.be.true;
      expect(categories.get(product.category ?? '')?.series, product.sku).to.equal(product.series);
    }
  });

  it('has bilingual text and sensible prices', () => {
    for (const product of products) {
      expect(product.translations?.['en']?.title, product.sku).to.be.a('string').and.not.empty;
      expect(product.translations?.['en']?.description, product.sku).to.be.a('string').and.not.empty;
      expect(product.price.amount, product.sku).to.be.greaterThan(0);
      if (product.compareAtPrice) expect(product.compareAtPrice.amount, product.sku).to.be.greaterThan(product.price.amount);
      if (product.rating) {
        expect(product.rating.average).to.be.within(3.8, 5);
        expect(product.rating.positiveRate).to.be.within(0.9, 0.995);
      }
      expect(product.createdAt).to.be.within(NOW - 120 * DAY, NOW);
    }
    const titles = products.map((p) => p.title);
    expect(titles).to.include('男士纯棉短袖T恤');
    expect(titles.some((t) => t.includes('长袖'))).to.be.true;
    expect(products.some((p) => /\bEarbuds\b/.test(p.translations?.['en']?.title ?? ''))).to.be.true;
    expect(products.filter((p) => p.freeShipping)).to.have.length(5);
  });

  it('runs exactly one non-campaign flash sale at or above 70% of the list price', () => {
    const running = products.filter((p) => p.flashSale && p.flashSale.startsAt <= NOW && NOW < p.flashSale.endsAt);
    const plain = running.filter((p) => !p.flashSale!.campaign);
    expect(plain).to.have.length(1);
    const [sale] = plain;
    expect(sale!.category).to.equal('earbuds');
    expect(sale!.flashSale!.price.amount).to.be.at.least(Math.ceil((sale!.price.amount * 70) / 100));
    expect(sale!.flashSale!.price.amount).to.be.below(sale!.price.amount);
    const campaigns = running.filter((p) => p.flashSale!.campaign);
    expect(campaigns).to.have.length(1);
    expect(campaigns[0]!.flashSale!.price.amount).to.be.below(campaigns[0]!.price.amount * 0.7);
  });

  it('has one open group buy', () => {
    const groups = products.filter((p) => p.groupBuy);
    expect(groups).to.have.length(1);
    const group = groups[0]!.groupBuy!;
    expect(group.joined).to.be.below(group.needed);
    expect(group.deadline).to.be.greaterThan(NOW);
    expect(group.price.amount).to.be.below(groups[0]!.price.amount);
  });

  it('offers an add-on item that exists', () => {
    const addOn = data.promotions.find((p) => p.kind === 'add-on');
    expect(addOn?.kind === 'add-on' && skus.has(addOn.sku)).to.be.true;
    expect(products.find((p) => p.sku === 'CC-SOCK-001')?.category).to.equal('accessories');
    expect(data.promotions.map((p) => p.kind).sort()).to.deep.equal(['add-on', 'shipping', 'threshold', 'vip']);
  });

  it('has exactly 4 low-stock, 3 sold-out and 2 untracked products', () => {
    expect(products.filter((p) => p.stock !== undefined && p.stock >= 1 && p.stock <= 5)).to.have.length(4);
    expect(products.filter((p) => p.stock === 0)).to.have.length(3);
    expect(products.filter((p) => p.stock === undefined)).to.have.length(2);
  });

  it('has at least two bilingual articles per help topic', () => {
    const topics: HelpTopic[] = ['guide', 'promise', 'returns', 'payment', 'delivery', 'dispatch'];
    expect(new Set(data.helpArticles.map((a) => a.id)).size).to.equal(data.helpArticles.length);
    for (const topic of topics) {
      const articles = data.helpArticles.filter((a) => a.topic === topic);
      expect(articles.length, topic).to.be.at.least(2);
      for (const article of articles) {
        expect(article.body).to.not.be.empty;
        expect(article.translations?.['en']?.title, article.id).to.be.a('string').and.not.empty;
        expect(article.translations?.['en']?.body, article.id).to.be.a('string').and.not.empty;
      }
    }
  });

  it('has orders in every status whose totals add up', () => {
    const statuses: OrderStatus[] = ['placed', 'paid', 'shipped', 'delivered', 'cancelled'];
    expect(new Set(data.orders.map((o) => o.status))).to.deep.equal(new Set(statuses));
    expect(new Set(data.orders.map((o) => o.number)).size).to.equal(data.orders.length);
    for (const order of data.orders) {
      const sum = order.lines.reduce((total, line) => total + line.unitPrice.amount * line.quantity, 0);
      expect(order.total.amount, order.number).to.equal(sum);
      expect(order.number).to.match(/^SF\d{11}$/);
      const placed = new Date(order.placedAt);
      const day = `${placed.getFullYear()}${String(placed.getMonth() + 1).padStart(2, '0')}${String(placed.getDate()).padStart(2, '0')}`;
      expect(order.number.slice(2, 10)).to.equal(day);
      expect(order.contact.some((c) => c.includes('@'))).to.be.true;
      expect(order.contact.some((c) => /^1\d{10}$/.test(c))).to.be.true;
      for (const line of order.lines) {
        expect(products.find((p) => p.sku === line.sku)?.title, line.sku).to.equal(line.title);
      }
      expect(order.timeline[0]?.status).to.equal('placed');
      expect(order.timeline.at(-1)?.status).to.equal(order.status);
      const times = order.timeline.map((e) => e.at);
      expect(times).to.deep.equal([...times].sort((a, b) => a - b));
      if (order.status === 'shipped' || order.status === 'delivered') {
        expect(order.carrier).to.be.a('string');
        expect(order.trackingNumber).to.be.a('string');
        expect(order.shippedAt).to.be.greaterThan(order.paidAt!);
      }
    }
  });

  it('has guestbook entries about the site, the service and real products', () => {
    expect(data.guestbook).to.have.length(12);
    const topics = new Set(data.guestbook.map((e) => e.topic));
    expect(topics.has('site') && topics.has('service')).to.be.true;
    const productTopics = [...topics].filter((t) => t.startsWith('product:'));
    expect(productTopics).to.have.length(3);
    for (const topic of productTopics) expect(skus.has(topic.slice('product:'.length)), topic).to.be.true;
    for (const entry of data.guestbook) {
      if (entry.topic.startsWith('product:')) expect(entry.rating).to.be.within(1, 5);
      for (const reply of entry.replies) expect(reply.createdAt).to.be.greaterThan(entry.createdAt);
    }
    expect(data.guestbook.filter((e) => e.replies.length > 0)).to.have.length(6);
  });

  it('has the demo members and payment methods', () => {
    const emails = data.members.map((m) => m.member.email);
    expect(emails).to.deep.equal(['member@example.com', 'vip@example.com', 'card@example.com']);
    expect(data.members.find((m) => m.member.tier === 'vip')?.member.email).to.equal('vip@example.com');
    expect(data.members.find((m) => m.member.shippingCard)?.member.email).to.equal('card@example.com');
    expect(data.paymentMethods.map((m) => m.id)).to.deep.equal(['alipay', 'wechat', 'unionpay', 'card']);
  });

  it('draws product images as inline SVG', () => {
    for (const product of products) {
      const image = product.images?.[0];
      expect(image?.src.startsWith('data:image/svg+xml,'), product.sku).to.be.true;
      expect(decodeURIComponent(image!.src.slice('data:image/svg+xml,'.length)).startsWith('<svg')).to.be.true;
      expect(image!.alt).to.equal(product.title);
    }
  });

  it('returns fresh data on every call', () => {
    const other = createDemoData(NOW);
    other.products[0]!.price = { amount: 1, currency: 'CNY' };
    other.promotions.length = 0;
    expect(createDemoData(NOW).products[0]!.price.amount).to.not.equal(1);
    expect(createDemoData(NOW).promotions).to.not.be.empty;
  });
});
