import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import type { LocalAdapter } from '../../src/adapter/local/local-adapter.js';
import type { DemoData } from '../../src/adapter/local/demo/demo-data.js';
import { MAX_LINE_QUANTITY } from '../../src/cart/cart-store.js';
import type { CartView } from '../../src/cart/cart-view.js';
import type { Product } from '../../src/core/types.js';
import { databaseName } from '../../src/storage/schema.js';
import { createStorefront, type Storefront } from '../../src/storefront.js';
import { cny, item, productIn, shopAdapter, shopData } from '../fixtures/cart-shop.js';
import { captureConsole, failure, uniqueStoreId } from '../helpers/fixtures.js';

const opened: Storefront[] = [];
const adapters: LocalAdapter[] = [];

function shop(data: DemoData = shopData(), extra: { storeId?: string; currency?: string } = {}) {
  const adapter = shopAdapter(data);
  adapters.push(adapter);
  const storeId = extra.storeId ?? uniqueStoreId('cart');
  const storefront = createStorefront({ adapter, storeId, ...(extra.currency ? { currency: extra.currency } : {}) });
  opened.push(storefront);
  return { storefront, adapter, data, storeId };
}

afterEach(() => {
  for (const storefront of opened.splice(0)) storefront.close();
  for (const adapter of adapters.splice(0)) adapter.close();
});

function quantities(view: CartView): [string, number, string][] {
  return view.lines.map((line) => [line.line.sku, line.line.quantity, line.status]);
}

describe('cart: persistence', () => {
  it('keeps the lines for a new storefront with the same store id, and prices them the same', async () => {
    const { storefront, storeId, data } = shop();
    await storefront.cart.add('TEE', 2);
    await storefront.cart.add('SOCK', 1);
    const before = await storefront.cart.view();
    storefront.close();

    const { storefront: again } = shop(data, { storeId });
    const after = await again.cart.view();
    expect(quantities(after)).to.deep.equal([
      ['TEE', 2, 'ok'],
      ['SOCK', 1, 'ok'],
    ]);
    expect(after.priced.total).to.deep.equal(before.priced.total);
    expect(after.count).to.equal(3);
  });
});

describe('cart: stock', () => {
  it('caps an add beyond the stock at the stock and says so; a further add is refused with the max', async () => {
    const { storefront } = shop();
    const line = await storefront.cart.add('TEE', 3);
    expect(line.capped).to.equal(undefined);
    const capped = await storefront.cart.add('TEE', 4);
    expect(capped.quantity).to.equal(5);
    expect(capped.capped).to.equal(true);

    const refused = await failure(storefront.cart.add('TEE'));
    expect(refused.code).to.equal('validation');
    expect(refused.detail).to.deep.include({ field: 'quantity', reason: 'stock', max: 5 });
    expect((await storefront.cart.lines()).map((l) => l.quantity)).to.deep.equal([5]);
  });

  it('refuses setQuantity above the stock with the max, and accepts the stock itself', async () => {
    const { storefront } = shop();
    await storefront.cart.add('TEE', 1);
    const refused = await failure(storefront.cart.setQuantity('TEE', 6));
    expect(refused.code).to.equal('validation');
    expect(refused.detail).to.deep.include({ reason: 'stock', max: 5 });
    expect((await storefront.cart.lines())[0]!.quantity).to.equal(1);
    expect((await storefront.cart.setQuantity('TEE', 5))?.quantity).to.equal(5);
  });

  it('refuses a sold-out product with max 0 and leaves the cart as it was', async () => {
    const { storefront } = shop();
    await storefront.cart.add('SOCK', 2);
    const refused = await failure(storefront.cart.add('CAP'));
    expect(refused.code).to.equal('validation');
    expect(refused.detail).to.deep.include({ field: 'quantity', reason: 'stock', max: 0 });
    expect((await storefront.cart.lines()).map((l) => [l.sku, l.quantity])).to.deep.equal([['SOCK', 2]]);
  });

  it('shows a line above the stock left as capped, priced at the stock, and a sold-out line unpriced', async () => {
    const { storefront, data } = shop();
    await storefront.cart.add('TEE', 4);
    await storefront.cart.add('SOCK', 2);
    productIn(data, 'TEE').stock = 2;
    productIn(data, 'SOCK').stock = 0;
    const view = await storefront.cart.view({ fresh: true });
    const [tee, sock] = view.lines;
    expect(tee).to.deep.include({ status: 'ok', capped: true, maxQuantity: 2 });
    expect(tee!.line.quantity, 'the stored quantity is kept').to.equal(4);
    expect(tee!.priced?.quantity).to.equal(2);
    expect(sock).to.deep.include({ status: 'sold-out', maxQuantity: 0, priced: null });
    expect(view.priced.subtotal).to.deep.equal(cny(20000));
    expect(view.count).to.equal(6);
  });

  it('caps at the line limit when the stock is not tracked', async () => {
    const { storefront } = shop();
    await storefront.cart.add('BAG', 990);
    const capped = await storefront.cart.add('BAG', 20);
    expect(capped).to.deep.include({ quantity: MAX_LINE_QUANTITY, capped: true });
    const refused = await failure(storefront.cart.add('BAG'));
    expect(refused.detail).to.deep.include({ reason: 'limit', max: MAX_LINE_QUANTITY });
  });
});

describe('cart: bad quantities', () => {
  const bad: unknown[] = ['abc', -1, 0, 2.5, 1e9, Number.NaN, Number.POSITIVE_INFINITY, '2', null];

  it('refuses every bad quantity to add as validation and stores nothing', async () => {
    const { storefront } = shop();
    for (const quantity of bad) {
      const refused = await failure(storefront.cart.add('TEE', quantity as number));
      expect(refused.code, `add ${String(quantity)}`).to.equal('validation');
      expect(refused.detail.field).to.equal('quantity');
    }
    expect(await storefront.cart.lines()).to.deep.equal([]);
  });

  it('refuses every bad quantity to set as validation and keeps the line; 0 removes it', async () => {
    const { storefront } = shop();
    await storefront.cart.add('TEE', 2);
    for (const quantity of bad.filter((value) => value !== 0)) {
      const refused = await failure(storefront.cart.setQuantity('TEE', quantity as number));
      expect(refused.code, `set ${String(quantity)}`).to.equal('validation');
    }
    expect((await storefront.cart.lines()).map((l) => l.quantity)).to.deep.equal([2]);
    expect(await storefront.cart.setQuantity('TEE', 0)).to.equal(null);
    expect(await storefront.cart.lines()).to.deep.equal([]);
  });

  it('refuses a missing sku and answers an unknown one with not-found', async () => {
    const { storefront } = shop();
    expect((await failure(storefront.cart.add(''))).code).to.equal('validation');
    expect((await failure(storefront.cart.add(undefined as unknown as string))).code).to.equal('validation');
    expect((await failure(storefront.cart.add('NOPE'))).code).to.equal('not-found');
    expect((await failure(storefront.cart.setQuantity('BAG', 1))).code).to.equal('not-found');
    expect(await storefront.cart.lines()).to.deep.equal([]);
  });
});

describe('cart: products that change or go', () => {
  it('keeps a sku the catalog removed visible as unavailable, unpriced, until the shopper removes it', async () => {
    const { storefront, data } = shop();
    await storefront.cart.add('TEE', 1);
    await storefront.cart.add('BAG', 1);
    data.products = data.products.filter((p) => p.sku !== 'BAG');
    const view = await storefront.cart.view({ fresh: true });
    expect(quantities(view)).to.deep.equal([
      ['TEE', 1, 'ok'],
      ['BAG', 1, 'unavailable'],
    ]);
    expect(view.lines[1]).to.deep.include({ product: null, reason: 'removed', priced: null, maxQuantity: 0 });
    expect(view.priced.lines.map((line) => line.sku)).to.deep.equal(['TEE']);
    expect(view.count).to.equal(2);
    // Still there after a reload: never dropped silently.
    expect((await storefront.cart.lines()).map((line) => line.sku)).to.deep.equal(['TEE', 'BAG']);
    await storefront.cart.remove('BAG');
    expect(quantities(await storefront.cart.view())).to.deep.equal([['TEE', 1, 'ok']]);
  });

  it('shows a price change since the add until the shopper acknowledges it', async () => {
    const { storefront, data, storeId } = shop();
    await storefront.cart.add('TEE', 1);
    expect((await storefront.cart.view()).lines[0]!.priceChanged).to.equal(null);

    productIn(data, 'TEE').price = cny(10900);
    const changed = await storefront.cart.view({ fresh: true });
    expect(changed.lines[0]!.priceChanged).to.deep.equal({ from: cny(10000), to: cny(10900) });
    expect(changed.lines[0]!.priced?.unitPrice, 'priced at the new price').to.deep.equal(cny(10900));

    const acknowledged = await storefront.cart.acknowledgePriceChange('TEE');
    expect(acknowledged.unitPriceAtAdd).to.deep.equal(cny(10900));
    expect((await storefront.cart.view()).lines[0]!.priceChanged).to.equal(null);
    storefront.close();
    const { storefront: again } = shop(data, { storeId });
    expect((await again.cart.view()).lines[0]!.priceChanged, 'the acknowledgement is stored').to.equal(null);
    expect((await failure(again.cart.acknowledgePriceChange('BAG'))).code).to.equal('not-found');
  });

  it('records the flash-sale price as the price seen, so a running sale is no price change', async () => {
    const { storefront } = shop();
    const line = await storefront.cart.add('SALE', 1);
    expect(line.unitPriceAtAdd).to.deep.equal(cny(15000));
    const view = await storefront.cart.view();
    expect(view.lines[0]!.priceChanged).to.equal(null);
    expect(view.lines[0]!.priced).to.deep.include({ unitPrice: cny(15000), flashSale: true });
  });
});

describe('cart: unreadable stored records', () => {
  it('removes them with a warning, counts them in view.dropped and keeps the other lines', async () => {
    const { storefront, storeId, data } = shop();
    await storefront.cart.add('TEE', 2);
    storefront.close();
    const db = await openDB(databaseName(storeId));
    await db.put('cart', { key: 'X', sku: 'X', quantity: -4, addedAt: 1, updatedAt: 1 });
    await db.put('cart', { key: 'Y', note: 'not a cart line' });
    db.close();

    const { storefront: fresh } = shop(data, { storeId });
    const { result: view, warnings } = await captureConsole(() => fresh.cart.view());
    expect(quantities(view)).to.deep.equal([['TEE', 2, 'ok']]);
    expect(view.dropped).to.equal(2);
    expect(warnings.filter((text) => text.includes('unreadable cart line'))).to.have.length(2);
    const check = await openDB(databaseName(storeId));
    expect(await check.getAllKeys('cart')).to.deep.equal(['TEE']);
    check.close();
  });
});

describe('cart: bad prices and currencies', () => {
  const broken: [string, Record<string, unknown>][] = [
    ['a negative price', { price: { amount: -100, currency: 'CNY' } }],
    ['a fractional price', { price: { amount: 99.5, currency: 'CNY' } }],
    ['no price', { price: undefined }],
    ['a price as text', { price: '¥99' }],
    ['a negative flash-sale price', { flashSale: { price: cny(-1), startsAt: 0, endsAt: Date.now() + 3_600_000 } }],
  ];
  for (const [what, change] of broken) {
    it(`does not sell a product with ${what}: not in the catalog, refused by the cart, cart unchanged`, async () => {
      const data = shopData();
      data.products.push({ ...item('BROKEN', 5000), ...change } as Product);
      const { storefront } = shop(data);
      await storefront.cart.add('TEE', 1);
      const { result: page } = await captureConsole(() => storefront.catalog.list({ pageSize: 100 }));
      expect(
        page.items.map((p) => p.sku),
        'the grid does not show it',
      ).to.not.include('BROKEN');
      const { result: refused } = await captureConsole(() => failure(storefront.cart.add('BROKEN')));
      expect(refused.code).to.equal('validation');
      expect(refused.detail).to.deep.include({ reason: 'invalid', sku: 'BROKEN' });
      expect((await storefront.cart.lines()).map((l) => [l.sku, l.quantity])).to.deep.equal([['TEE', 1]]);
    });
  }

  it('refuses a product priced in another currency, and a cart in another currency refuses CNY products', async () => {
    const data = shopData();
    data.products.push(item('USD-ONLY', 1500, { price: { amount: 1500, currency: 'USD' } }));
    const { storefront } = shop(data);
    const refused = await failure(storefront.cart.add('USD-ONLY'));
    expect(refused.code).to.equal('validation');
    expect(refused.detail).to.deep.include({ reason: 'currency', expected: 'CNY', actual: 'USD' });
    expect(await storefront.cart.lines()).to.deep.equal([]);

    const { storefront: dollars } = shop(shopData(), { currency: 'USD' });
    expect((await failure(dollars.cart.add('TEE'))).detail.reason).to.equal('currency');
    expect(await dollars.cart.lines()).to.deep.equal([]);
  });

  it('shows a line whose product moved to another currency as unavailable instead of failing the cart', async () => {
    const { storefront, data } = shop();
    await storefront.cart.add('TEE', 1);
    await storefront.cart.add('SOCK', 1);
    productIn(data, 'SOCK').price = { amount: 300, currency: 'USD' };
    const view = await storefront.cart.view({ fresh: true });
    expect(view.lines.map((line) => [line.status, line.reason])).to.deep.equal([
      ['ok', undefined],
      ['unavailable', 'currency'],
    ]);
    expect(view.priced.total).to.deep.equal(cny(10000));
  });
});

describe('cart: offline', () => {
  it('prices the cart from the cached products and the last promotions, marked stale, and recovers', async () => {
    const { storefront, adapter } = shop();
    await storefront.cart.add('TEE', 2);
    await storefront.cart.add('SOCK', 1);
    const online = await storefront.cart.view();
    expect(online.stale).to.equal(false);

    adapter.setFailure('network');
    const offline = await storefront.cart.view({ fresh: true });
    expect(offline.stale).to.equal(true);
    expect(quantities(offline)).to.deep.equal(quantities(online));
    expect(offline.priced).to.deep.equal(online.priced);
    expect(offline.errors?.map((error) => error.code)).to.include('network');

    // Adding offline keeps the shopper's intent; it is checked when the shop is back.
    await storefront.cart.add('BAG', 1);
    expect((await storefront.cart.lines()).map((line) => line.sku)).to.deep.equal(['TEE', 'SOCK', 'BAG']);

    adapter.setFailure(null);
    const back = await storefront.cart.view({ fresh: true });
    expect(back.stale).to.equal(false);
    expect(back.errors).to.equal(undefined);
    expect(quantities(back).map(([sku, , status]) => [sku, status])).to.deep.equal([
      ['TEE', 'ok'],
      ['SOCK', 'ok'],
      ['BAG', 'ok'],
    ]);
  });

  it('keeps the last promotions across a reload for offline pricing', async () => {
    const { storefront, adapter, data, storeId } = shop();
    await storefront.cart.add('TEE', 3);
    const online = await storefront.cart.view();
    expect(online.priced.adjustments.map((a) => a.kind)).to.include('threshold');
    storefront.close();

    adapter.setFailure('network');
    const { storefront: reloaded, adapter: offlineAdapter } = shop(data, { storeId });
    offlineAdapter.setFailure('network');
    const view = await reloaded.cart.view();
    expect(view.stale).to.equal(true);
    expect(view.lines[0]!.status, 'the product comes from the catalog cache').to.equal('ok');
    expect(view.priced.total).to.deep.equal(online.priced.total);
  });

  it('shows a line whose product is neither reachable nor cached as unavailable (offline), stale', async () => {
    const { storefront, adapter, storeId, data } = shop();
    await storefront.cart.add('TEE', 1);
    storefront.close();
    // A fresh profile of the catalog cache would not have it: another store id's database.
    const db = await openDB(databaseName(storeId));
    await db.clear('products');
    db.close();
    adapter.setFailure('network');
    const { storefront: again, adapter: second } = shop(data, { storeId });
    second.setFailure('network');
    const view = await again.cart.view();
    expect(view.lines[0]).to.deep.include({ status: 'unavailable', reason: 'offline' });
    expect(view.stale).to.equal(true);
    expect(view.count).to.equal(1);
  });
});
