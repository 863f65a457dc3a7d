import { expect } from '@open-wc/testing';
import type { LocalAdapter } from '../../src/adapter/local/local-adapter.js';
import type { CartView } from '../../src/cart/cart-view.js';
import type { Member } from '../../src/core/types.js';
import { createStorefront, type Storefront } from '../../src/storefront.js';
import { cny, PASSWORD, shopAdapter } from '../fixtures/cart-shop.js';
import { eventually, uniqueStoreId } from '../helpers/fixtures.js';

type Tab = { ready: Promise<Storefront>; adapter: LocalAdapter };
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

/** This page's storefront and a second one in a same-origin iframe, on one store id and one backend state. */
async function twoTabs(): Promise<{ first: Storefront; second: Storefront }> {
  const storeId = uniqueStoreId('tabs');
  const namespace = uniqueStoreId('tabs-backend');
  const adapter = shopAdapter(undefined, { namespace });
  const first = createStorefront({ adapter, storeId });
  cleanups.push(() => {
    first.close();
    adapter.close();
  });
  await first.ready;
  const frame = document.createElement('iframe');
  frame.src = `/test/fixtures/cart-tab.html?store=${storeId}&namespace=${namespace}`;
  document.body.append(frame);
  await eventually(() => expect((frame.contentWindow as unknown as { tab?: Tab }).tab).to.exist, 5000);
  const tab = (frame.contentWindow as unknown as { tab: Tab }).tab;
  const second = await tab.ready;
  cleanups.push(() => {
    second.close();
    tab.adapter.close();
    frame.remove();
  });
  return { first, second };
}

describe('cart: two tabs', () => {
  it('counts concurrent adds from both tabs: the final quantity is the sum', async () => {
    const { first, second } = await twoTabs();
    const adds = Array.from({ length: 20 }, (_, i) => [
      first.cart.add('SOCK', 1),
      second.cart.add('SOCK', 1),
      i % 2 === 0 ? first.cart.add('BAG', 2) : second.cart.add('BAG', 3),
    ]).flat();
    await Promise.all(adds);
    const expected = [
      ['SOCK', 40],
      ['BAG', 10 * 2 + 10 * 3],
    ];
    const byTab = async (tab: Storefront) =>
      (await tab.cart.lines()).map((line) => [line.sku, line.quantity]).sort(([a], [b]) => String(b).localeCompare(String(a)));
    expect(await byTab(first)).to.deep.equal(expected);
    await eventually(async () => expect(await byTab(second)).to.deep.equal(expected));
  });

  it('never lets two tabs together add past the stock', async () => {
    const { first, second } = await twoTabs();
    // TEE has 5 in stock: 8 adds at once from two tabs, 5 succeed (one may be capped), the rest are refused.
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => [first.cart.add('TEE', 1), second.cart.add('TEE', 1)]).flat(),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).to.have.length(5);
    for (const result of results) {
      if (result.status === 'rejected')
        expect((result.reason as { detail: unknown }).detail).to.deep.include({ reason: 'stock' });
    }
    expect((await first.cart.lines())[0]?.quantity).to.equal(5);
  });

  it("updates the first tab's view when the second tab changes the cart", async () => {
    const { first, second } = await twoTabs();
    const views: CartView[] = [];
    cleanups.push(first.cart.subscribeView((view) => views.push(view)));
    await eventually(() => expect(views).to.have.length(1));
    await second.cart.add('TEE', 2);
    await eventually(() => expect(views.at(-1)?.priced.total).to.deep.equal(cny(18000)));
    await second.cart.remove('TEE');
    await eventually(() => expect(views.at(-1)?.lines).to.deep.equal([]));
  });

  it("follows a sign-in and sign-out in the other tab: member and the view's prices", async () => {
    const { first, second } = await twoTabs();
    await first.cart.add('TEE', 3);
    const members: (Member | null)[] = [];
    cleanups.push(first.account.subscribe((member) => members.push(member)));
    const views: CartView[] = [];
    cleanups.push(first.cart.subscribeView((view) => views.push(view)));
    await eventually(() => expect(views.at(-1)?.priced.total).to.deep.equal(cny(28000)));

    await second.account.signIn({ email: 'vip@example.com', password: PASSWORD });
    await eventually(() => expect(first.account.member?.email).to.equal('vip@example.com'));
    await eventually(() => expect(views.at(-1)?.priced.total).to.deep.equal(cny(26500)));

    await second.account.signOut();
    await eventually(() => expect(first.account.member).to.equal(null));
    await eventually(() => expect(views.at(-1)?.priced.total).to.deep.equal(cny(28000)));
    expect(members.map((member) => member?.tier ?? null)).to.deep.equal([null, 'vip', null]);
  });
});
