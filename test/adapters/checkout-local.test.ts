import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import type { CheckoutCapability, StorefrontAdapter } from '../../src/adapter/adapter.js';
import type { LocalAdapter } from '../../src/adapter/local/local-adapter.js';
import type { DemoData } from '../../src/adapter/local/demo/demo-data.js';
import { StorefrontError } from '../../src/core/errors.js';
import { databaseName } from '../../src/storage/schema.js';
import { createStorefront, type Storefront } from '../../src/storefront.js';
import { cny, PASSWORD, productIn, shopAdapter, shopData } from '../fixtures/cart-shop.js';
import { failure, uniqueStoreId } from '../helpers/fixtures.js';

const opened: Storefront[] = [];
const adapters: LocalAdapter[] = [];

function shop(data: DemoData = shopData()) {
  const adapter = shopAdapter(data);
  adapters.push(adapter);
  const storefront = createStorefront({ adapter, storeId: uniqueStoreId('checkout') });
  opened.push(storefront);
  return { storefront, adapter, data };
}

afterEach(() => {
  for (const storefront of opened.splice(0)) storefront.close();
  for (const adapter of adapters.splice(0)) adapter.close();
});

/** The number of the order the adapter would place next (orders are numbered in sequence). */
function sequenceOf(orderNumber: string): number {
  return Number(orderNumber.slice(-3));
}

describe('checkout with the local adapter', () => {
  it('lists the payment methods, validated', async () => {
    const { storefront } = shop();
    expect((await storefront.paymentMethods()).map((method) => method.id)).to.deep.equal(['alipay', 'wechat']);
  });

  it('places an order the adapter tracks with the contact, at the total the cart showed; the cart is kept', async () => {
    const { storefront, adapter } = shop();
    await storefront.cart.add('TEE', 3);
    await storefront.cart.add('SOCK', 1);
    const view = await storefront.cart.view();
    const session = await storefront.checkout({ paymentMethod: 'wechat', contact: '138 0013 8000' });
    expect(session.url).to.be.a('string').and.not.equal('');
    expect(session.orderNumber).to.match(/^SF\d{11}$/);

    const order = await adapter.orders.track(session.orderNumber, '13800138000');
    expect(order?.number).to.equal(session.orderNumber);
    expect(order!.lines.map((line) => [line.sku, line.quantity])).to.deep.equal([
      ['TEE', 3],
      ['SOCK', 1],
    ]);
    expect(order!.total).to.deep.equal(view.priced.total);
    expect(await adapter.orders.track(session.orderNumber, 'someone@example.com')).to.equal(null);
    expect(
      (await storefront.cart.lines()).map((line) => line.quantity),
      'begin does not clear the cart',
    ).to.deep.equal([3, 1]);
    await storefront.cart.clear();
    expect(await storefront.cart.count()).to.equal(0);
  });

  it("prices a signed-in VIP's order like their cart (member, 满减, 换购) and sends the member id", async () => {
    const { storefront, adapter } = shop();
    const sent: unknown[] = [];
    const begin = adapter.checkout.begin;
    adapter.checkout.begin = (request, options) => {
      sent.push(request);
      return begin(request, options);
    };
    await storefront.account.signIn({ email: 'vip@example.com', password: PASSWORD });
    await storefront.cart.add('TEE', 3);
    await storefront.cart.add('SOCK', 1);
    const view = await storefront.cart.view();
    expect(view.priced.adjustments.map((adjustment) => adjustment.kind)).to.include.members(['vip', 'threshold', 'add-on']);
    const session = await storefront.checkout({ paymentMethod: 'alipay' });
    const order = await adapter.orders.track(session.orderNumber, 'vip@example.com');
    expect(order!.total).to.deep.equal(view.priced.total);
    expect(sent).to.deep.equal([
      {
        lines: [
          { sku: 'TEE', quantity: 3 },
          { sku: 'SOCK', quantity: 1 },
        ],
        paymentMethod: 'alipay',
        memberId: 'm-002',
        expectedTotal: view.priced.total,
      },
    ]);
  });

  it('fails offline with the network error and keeps the cart; works once the shop is back', async () => {
    const { storefront, adapter } = shop();
    await storefront.cart.add('TEE', 1);
    await storefront.paymentMethods();
    adapter.setFailure('network');
    const refused = await failure(storefront.checkout({ paymentMethod: 'alipay', contact: 'a@example.com' }));
    expect(refused.code).to.equal('network');
    expect(refused.retryable).to.equal(true);
    expect((await storefront.cart.lines()).map((line) => [line.sku, line.quantity])).to.deep.equal([['TEE', 1]]);

    adapter.setFailure(null);
    const session = await storefront.checkout({ paymentMethod: 'alipay', contact: 'a@example.com' });
    expect((await adapter.orders.track(session.orderNumber, 'a@example.com'))?.number).to.equal(session.orderNumber);
  });

  it('fails with the network error, not a validation error, when the cart cannot even be looked up offline', async () => {
    const data = shopData();
    const { storefront, adapter } = shop(data);
    const storeId = storefront.storeId;
    await storefront.cart.add('TEE', 1);
    storefront.close();
    const db = await openDB(databaseName(storeId));
    await db.clear('products');
    db.close();
    adapter.setFailure('network');
    const again = createStorefront({ adapter, storeId });
    opened.push(again);
    const refused = await failure(again.checkout({ paymentMethod: 'alipay' }));
    expect(refused.code).to.equal('network');
    expect(await again.cart.count()).to.equal(1);
  });

  it('reuses the idempotency key when retrying the same cart after a failure that may have reached the shop', async () => {
    const { storefront, adapter } = shop();
    const keys: string[] = [];
    const begin = adapter.checkout.begin;
    let fail = true;
    adapter.checkout.begin = async (request, options) => {
      keys.push(options.idempotencyKey);
      const session = await begin(request, options);
      // The order was placed, but the answer is lost on the way back.
      if (fail) throw new StorefrontError('network', 'The connection dropped.');
      return session;
    };
    await storefront.cart.add('TEE', 1);
    expect((await failure(storefront.checkout({ paymentMethod: 'alipay', contact: 'a@example.com' }))).code).to.equal('network');
    fail = false;
    const session = await storefront.checkout({ paymentMethod: 'alipay', contact: 'a@example.com' });
    expect(keys).to.have.length(2);
    expect(keys[1], 'the retry reuses the key').to.equal(keys[0]);
    // One order only: the next order placed gets the very next number.
    await storefront.cart.add('SOCK', 1);
    const next = await storefront.checkout({ paymentMethod: 'alipay', contact: 'a@example.com' });
    expect(keys[2]).to.not.equal(keys[0]);
    expect(sequenceOf(next.orderNumber)).to.equal(sequenceOf(session.orderNumber) + 1);
  });

  it('refuses an empty cart, a missing or unknown payment method and a malformed contact as validation', async () => {
    const { storefront } = shop();
    const empty = await failure(storefront.checkout({ paymentMethod: 'alipay' }));
    expect(empty.code).to.equal('validation');
    expect(empty.detail).to.deep.include({ field: 'lines', reason: 'empty' });

    await storefront.cart.add('TEE', 1);
    const unknown = await failure(storefront.checkout({ paymentMethod: 'bitcoin' }));
    expect(unknown.code).to.equal('validation');
    expect(unknown.detail).to.deep.include({ field: 'paymentMethod', reason: 'unknown', value: 'bitcoin' });
    const missing = await failure(storefront.checkout({ paymentMethod: '' }));
    expect(missing.detail).to.deep.include({ field: 'paymentMethod', reason: 'missing' });
    const contact = await failure(storefront.checkout({ paymentMethod: 'alipay', contact: 'call me' }));
    expect(contact.detail).to.deep.include({ field: 'contact' });
  });

  it('refuses unavailable, sold-out and over-stock lines, naming them', async () => {
    const { storefront, data } = shop();
    await storefront.cart.add('TEE', 4);
    await storefront.cart.add('BAG', 1);
    await storefront.cart.add('SOCK', 1);

    productIn(data, 'TEE').stock = 2;
    let refused = await failure(storefront.checkout({ paymentMethod: 'alipay', ...(await fresh(storefront)) }));
    expect(refused.detail).to.deep.include({ field: 'lines', reason: 'stock', skus: ['TEE'] });
    expect(refused.detail.lines).to.deep.equal([{ sku: 'TEE', max: 2 }]);

    productIn(data, 'SOCK').stock = 0;
    refused = await failure(storefront.checkout({ paymentMethod: 'alipay', ...(await fresh(storefront)) }));
    expect(refused.detail).to.deep.include({ field: 'lines', reason: 'sold-out', skus: ['SOCK'] });

    data.products = data.products.filter((product) => product.sku !== 'BAG');
    refused = await failure(storefront.checkout({ paymentMethod: 'alipay', ...(await fresh(storefront)) }));
    expect(refused.code).to.equal('validation');
    expect(refused.detail).to.deep.include({ field: 'lines', reason: 'unavailable', skus: ['BAG', 'SOCK'] });
  });

  it('returns the same promise for a double click, and places one order', async () => {
    const { storefront, adapter } = shop();
    await storefront.cart.add('TEE', 1);
    const first = storefront.checkout({ paymentMethod: 'alipay', contact: 'a@example.com' });
    const second = storefront.checkout({ paymentMethod: 'alipay', contact: 'a@example.com' });
    expect(second).to.equal(first);
    const [a, b] = await Promise.all([first, second]);
    expect(b.orderNumber).to.equal(a.orderNumber);
    const later = await storefront.checkout({ paymentMethod: 'alipay', contact: 'a@example.com' });
    expect(sequenceOf(later.orderNumber), 'no order was placed in between').to.equal(sequenceOf(a.orderNumber) + 1);
    expect(await adapter.orders.track(a.orderNumber, 'a@example.com')).to.not.equal(null);
  });

  it('is refused with conflict when prices moved after the cart was shown, and the cart then shows the new price', async () => {
    const { storefront, data } = shop();
    await storefront.cart.add('BAG', 1);
    const shown = await storefront.cart.view();
    productIn(data, 'BAG').price = cny(31900);
    const refused = await failure(storefront.checkout({ paymentMethod: 'alipay', expectedTotal: shown.priced.total }));
    expect(refused.code).to.equal('conflict');
    const now = await storefront.cart.view();
    expect(now.lines[0]!.priceChanged).to.deep.equal({ from: cny(29900), to: cny(31900) });
    const session = await storefront.checkout({ paymentMethod: 'alipay', expectedTotal: now.priced.total });
    expect(session.orderNumber).to.be.a('string');
  });

  it('the local adapter refuses an expectedTotal that is not its own total', async () => {
    const { adapter } = shop();
    const refused = await failure(
      adapter.checkout.begin(
        { lines: [{ sku: 'TEE', quantity: 1 }], paymentMethod: 'alipay', expectedTotal: cny(1) },
        { idempotencyKey: 'wrong-total' },
      ),
    );
    expect(refused.code).to.equal('conflict');
    expect(refused.detail).to.deep.include({ expected: cny(1), actual: cny(10000) });
  });
});

describe('checkout with other adapters', () => {
  it('rejects unsupported without the checkout capability', async () => {
    const base = shopAdapter();
    adapters.push(base);
    const storefront = createStorefront({
      adapter: { name: 'catalog-only', catalog: base.catalog },
      storeId: uniqueStoreId('co'),
    });
    opened.push(storefront);
    await storefront.cart.add('TEE', 1);
    expect((await failure(storefront.paymentMethods())).code).to.equal('unsupported');
    expect((await failure(storefront.checkout({ paymentMethod: 'alipay' }))).code).to.equal('unsupported');
    expect(await storefront.cart.count()).to.equal(1);
  });

  function withCheckout(checkout: Partial<CheckoutCapability>): Storefront {
    const base = shopAdapter();
    adapters.push(base);
    const adapter: StorefrontAdapter = {
      name: 'custom',
      catalog: base.catalog,
      checkout: { paymentMethods: base.checkout.paymentMethods, begin: base.checkout.begin, ...checkout },
    };
    const storefront = createStorefront({ adapter, storeId: uniqueStoreId('co'), timeout: 200 });
    opened.push(storefront);
    return storefront;
  }

  it('refuses a session whose payment address is not http(s) or that is malformed', async () => {
    for (const answer of [
      { url: 'javascript:alert(1)', orderNumber: 'X1' },
      { url: '', orderNumber: 'X1' },
      { orderNumber: 'X1' },
    ]) {
      const storefront = withCheckout({ begin: async () => answer as never });
      await storefront.cart.add('TEE', 1);
      expect((await failure(storefront.checkout({ paymentMethod: 'alipay' }))).code, JSON.stringify(answer)).to.equal(
        'invalid-response',
      );
    }
  });

  it('refuses malformed payment methods as invalid-response', async () => {
    const storefront = withCheckout({ paymentMethods: async () => [{ id: 'alipay' }] as never });
    expect((await failure(storefront.paymentMethods())).code).to.equal('invalid-response');
  });

  it('fails a hanging checkout as timeout and keeps the cart', async () => {
    const storefront = withCheckout({ begin: () => new Promise(() => {}) });
    await storefront.cart.add('TEE', 1);
    expect((await failure(storefront.checkout({ paymentMethod: 'alipay' }))).code).to.equal('timeout');
    expect(await storefront.cart.count()).to.equal(1);
  });
});

/** Makes the next view re-read the shop (what the cart would show after its periodic refresh). */
async function fresh(storefront: Storefront): Promise<Record<string, never>> {
  await storefront.cart.view({ fresh: true });
  return {};
}
