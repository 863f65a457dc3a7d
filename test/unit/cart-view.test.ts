import { expect } from '@open-wc/testing';
import type { LocalAdapter } from '../../src/adapter/local/local-adapter.js';
import type { DemoData } from '../../src/adapter/local/demo/demo-data.js';
import type { CartView } from '../../src/cart/cart-view.js';
import { createStorefront, type Storefront } from '../../src/storefront.js';
import { cny, PASSWORD, productIn, shopAdapter, shopData } from '../fixtures/cart-shop.js';
import { eventually, uniqueStoreId } from '../helpers/fixtures.js';

const opened: Storefront[] = [];
const adapters: LocalAdapter[] = [];
const unsubscribes: (() => void)[] = [];

function shop(data: DemoData = shopData(), extra: { now?: () => number } = {}) {
  const adapter = shopAdapter(data, extra.now ? { now: extra.now } : {});
  adapters.push(adapter);
  const storefront = createStorefront({ adapter, storeId: uniqueStoreId('view'), ...extra });
  opened.push(storefront);
  return { storefront, adapter, data };
}

/** Subscribes to the view; `latest()` is the last view received, `views` all of them. */
function watch(storefront: Storefront) {
  const views: CartView[] = [];
  unsubscribes.push(storefront.cart.subscribeView((view) => views.push(view)));
  return { views, latest: () => views.at(-1) };
}

afterEach(() => {
  for (const unsubscribe of unsubscribes.splice(0)) unsubscribe();
  for (const storefront of opened.splice(0)) storefront.close();
  for (const adapter of adapters.splice(0)) adapter.close();
});

const kinds = (view: CartView | undefined) => view?.priced.adjustments.map((adjustment) => adjustment.kind) ?? [];

describe('cart view: live updates', () => {
  it('gives a view at once, then one after every change of the lines', async () => {
    const { storefront } = shop();
    const { views, latest } = watch(storefront);
    await eventually(() => expect(views).to.have.length(1));
    expect(latest()!.lines).to.deep.equal([]);
    expect(latest()!.priced.total).to.deep.equal(cny(0));
    expect(latest()!.dropped).to.equal(0);

    await storefront.cart.add('SOCK', 2);
    await eventually(() => expect(latest()?.count).to.equal(2));
    await storefront.cart.setQuantity('SOCK', 3);
    await eventually(() => expect(latest()?.priced.subtotal).to.deep.equal(cny(5700)));
    await storefront.cart.clear();
    await eventually(() => expect(latest()?.lines).to.deep.equal([]));
  });

  it('reprices live when a VIP signs in (5% off), and back when they sign out', async () => {
    const { storefront } = shop();
    await storefront.cart.add('TEE', 3);
    const { latest } = watch(storefront);
    // The worked example of DESIGN.md: ¥300 -> 满199减20 -> ¥280, shipping free.
    await eventually(() => expect(latest()?.priced.total).to.deep.equal(cny(28000)));
    expect(latest()!.member).to.equal(null);

    await storefront.account.signIn({ email: 'vip@example.com', password: PASSWORD });
    // VIP 5% -> 285.00; 满199减20 -> 265.00; shipping free -> ¥265.00.
    await eventually(() => expect(latest()?.priced.total).to.deep.equal(cny(26500)));
    expect(latest()!.member?.tier).to.equal('vip');
    expect(kinds(latest())).to.deep.equal(['vip', 'threshold', 'shipping-free']);

    await storefront.account.signOut();
    await eventually(() => expect(latest()?.priced.total).to.deep.equal(cny(28000)));
    expect(latest()!.member).to.equal(null);
  });

  it('waives delivery for a member with the annual shipping card, live', async () => {
    const { storefront } = shop();
    // Two SOCKs (¥38, the 换购 still locked): under the ¥99 free-delivery threshold.
    await storefront.cart.add('SOCK', 2);
    const { latest } = watch(storefront);
    await eventually(() => expect(latest()?.priced.shipping).to.deep.equal(cny(1000)));
    expect(latest()!.freeShippingGap).to.deep.equal(cny(6100));

    await storefront.account.signIn({ email: 'card@example.com', password: PASSWORD });
    await eventually(() => expect(latest()?.priced.shipping).to.deep.equal(cny(0)));
    expect(kinds(latest())).to.deep.equal(['shipping-card']);
    expect(latest()!.freeShippingGap).to.equal(null);
    expect(latest()!.priced.total).to.deep.equal(cny(3800));
  });

  it('follows promotions the shop changes once they are re-read', async () => {
    const { storefront, data } = shop();
    await storefront.cart.add('TEE', 2);
    const { latest } = watch(storefront);
    await eventually(() => expect(latest()?.priced.total).to.deep.equal(cny(18000)));
    data.promotions = data.promotions.filter((promotion) => promotion.kind !== 'threshold');
    storefront.cart.refresh();
    await eventually(() => expect(latest()?.priced.total).to.deep.equal(cny(20000)));
    expect(latest()!.promotions.map((promotion) => promotion.id)).to.not.include('full-reduction');
  });

  it('reprices when a flash sale in the cart ends, and when one starts, on its own', async () => {
    const start = Date.now();
    const data = shopData(start);
    productIn(data, 'SALE').flashSale = { price: cny(15000), startsAt: start - 1000, endsAt: start + 400 };
    productIn(data, 'BAG').flashSale = { price: cny(25000), startsAt: start + 700, endsAt: start + 3_600_000 };
    const { storefront } = shop(data);
    await storefront.cart.add('SALE', 1);
    await storefront.cart.add('BAG', 1);
    const { views, latest } = watch(storefront);
    await eventually(() => expect(latest()?.lines[0]?.priced?.unitPrice).to.deep.equal(cny(15000)));
    expect(latest()!.lines[1]!.priced?.unitPrice).to.deep.equal(cny(29900));

    // The sale of SALE ends: back to the list price, shown as a price change from the price seen.
    await eventually(() => expect(latest()?.lines[0]?.priced?.unitPrice).to.deep.equal(cny(20000)), 3000);
    expect(latest()!.lines[0]!.priceChanged).to.deep.equal({ from: cny(15000), to: cny(20000) });
    // The sale of BAG starts.
    await eventually(() => expect(latest()?.lines[1]?.priced?.unitPrice).to.deep.equal(cny(25000)), 3000);
    expect(latest()!.lines[1]!.priceChanged).to.deep.equal({ from: cny(29900), to: cny(25000) });
    expect(views.length, 'one view per change, no more').to.be.at.most(4);
  });

  it('stops calling a listener once it unsubscribed', async () => {
    const { storefront } = shop();
    const seen: CartView[] = [];
    const stop = storefront.cart.subscribeView((view) => seen.push(view));
    await eventually(() => expect(seen).to.have.length(1));
    stop();
    await storefront.cart.add('SOCK');
    await storefront.cart.view();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).to.have.length(1);
  });
});

describe('cart view: promotions', () => {
  it('applies 满减 (best tier once), and shows how much more ships free', async () => {
    const { storefront } = shop();
    // Two SOCKs (the 换购 sku) at ¥19: locked, both count toward free shipping (¥38 of ¥99).
    await storefront.cart.add('SOCK', 2);
    let view = await storefront.cart.view();
    expect(view.freeShippingGap).to.deep.equal(cny(6100));
    expect(view.priced.total).to.deep.equal(cny(3800 + 1000));

    await storefront.cart.add('BAG', 1);
    view = await storefront.cart.view();
    // BAG alone qualifies (¥299, the 换购 item does not count): SOCK costs ¥1, 满199减20, free delivery.
    expect(view.priced.total).to.deep.equal(cny(100 + 1900 + 29900 - 2000));
    expect(view.freeShippingGap).to.equal(null);
    await storefront.cart.add('TEE', 1);
    view = await storefront.cart.view();
    // Qualifying ¥399 (TEE + BAG) -> 满399减50.
    expect(view.priced.adjustments.find((a) => a.kind === 'threshold')?.amount).to.deep.equal(cny(-5000));
  });

  it('unlocks the ¥1 换购 item over the threshold and drops it back to list price below it', async () => {
    const { storefront } = shop();
    await storefront.cart.add('TEE', 1);
    let view = await storefront.cart.view();
    expect(view.addOnOffer).to.deep.include({ sku: 'SOCK', unlocked: false, inCart: false, missing: cny(9900) });
    expect(view.addOnProduct?.sku).to.equal('SOCK');

    await storefront.cart.setQuantity('TEE', 2);
    view = await storefront.cart.view();
    expect(view.addOnOffer).to.deep.include({ unlocked: true, inCart: false });

    await storefront.cart.add('SOCK', 2);
    view = await storefront.cart.view();
    const sock = view.lines.find((line) => line.line.sku === 'SOCK')!;
    expect(sock.priced).to.deep.include({ addOn: true, addOnPrice: cny(100) });
    // One unit at ¥1, the second at list: 100 + 1900.
    expect(sock.priced?.lineTotal).to.deep.equal(cny(2000));
    expect(kinds(view)).to.include('add-on');

    await storefront.cart.setQuantity('TEE', 1);
    view = await storefront.cart.view();
    const dropped = view.lines.find((line) => line.line.sku === 'SOCK')!;
    expect(dropped.priced).to.deep.include({ addOn: false, lineTotal: cny(3800) });
    expect(view.addOnOffer).to.deep.include({ unlocked: false, inCart: true });
    expect(kinds(view)).to.not.include('add-on');
  });
});

describe('cart view: suggestions', () => {
  it('suggests related products not in the cart and not sold out, resolved by id', async () => {
    const { storefront } = shop();
    await storefront.cart.add('TEE', 1);
    let view = await storefront.cart.view();
    // TEE lists SOCK, CAP (sold out), an id the catalog does not have, and BAG.
    expect(view.suggestions.map((product) => product.sku)).to.deep.equal(['SOCK', 'BAG']);
    await storefront.cart.add('SOCK', 1);
    view = await storefront.cart.view();
    // SOCK lists TEE, which is in the cart already.
    expect(view.suggestions.map((product) => product.sku)).to.deep.equal(['BAG']);
  });

  it('suggests at most six', async () => {
    const data = shopData();
    const tee = productIn(data, 'TEE');
    tee.related = [];
    for (let i = 0; i < 9; i += 1) {
      data.products.push({ id: `id-R${i}`, sku: `R${i}`, title: `搭配 ${i}`, price: cny(1000 + i) });
      tee.related.push(`id-R${i}`);
    }
    const { storefront } = shop(data);
    await storefront.cart.add('TEE', 1);
    const view = await storefront.cart.view();
    expect(view.suggestions.map((product) => product.sku)).to.deep.equal(['R0', 'R1', 'R2', 'R3', 'R4', 'R5']);
  });
});

describe('cart view: abort', () => {
  it('rejects as aborted when the signal fires', async () => {
    const { storefront } = shop();
    const controller = new AbortController();
    controller.abort();
    let code: string | undefined;
    try {
      await storefront.cart.view({ signal: controller.signal });
    } catch (error) {
      code = (error as { code?: string }).code;
    }
    expect(code).to.equal('aborted');
  });
});

describe('cart view: the demo shop', () => {
  it('prices the worked example for the demo VIP with the local adapter', async () => {
    const storefront = createStorefront({ adapter: 'local', storeId: uniqueStoreId('demo-view') });
    opened.push(storefront);
    await storefront.account.ready;
    await storefront.account.signOut();
    await storefront.cart.add('CC-TEE-001', 2);
    const view = await storefront.cart.view();
    expect(view.lines[0]!.status).to.equal('ok');
    expect(view.suggestions.length).to.be.within(1, 6);
    expect(view.suggestions.map((product) => product.sku)).to.not.include('CC-TEE-001');
    expect(view.addOnOffer?.sku).to.equal('CC-SOCK-001');
  });
});
