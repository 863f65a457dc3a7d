import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/sf-store/sf-store.js';
import '../../components/sf-cart/sf-cart.js';
import type { SfCart } from '../../components/sf-cart/sf-cart.js';
import type { SfStore } from '../../components/sf-store/sf-store.js';
import type { DemoData } from '../../src/adapter/local/demo/demo-data.js';
import { LocalAdapter } from '../../src/adapter/local/local-adapter.js';
import type { SfEvent } from '../../src/core/events.js';
import type { Product } from '../../src/core/types.js';
import type { Storefront } from '../../src/storefront.js';
import { eventually, product, smallData, uniqueStoreId } from '../helpers/fixtures.js';

const yuan = (amount: number) => ({ amount, currency: 'CNY' });
const HOUR = 3_600_000;

/** A small shop with every promotion of DESIGN.md and a VIP member. */
function catalog(): Product[] {
  const now = Date.now();
  return [
    product('TEE', 10000, {
      title: '男士纯棉短袖T恤',
      stock: 50,
      related: ['id-CAP'],
      translations: { en: { title: "Men's Cotton T-Shirt" } },
    }),
    product('SOCK', 1990, { title: '纯棉船袜', stock: 100 }),
    product('BUDS', 39900, {
      title: '声屿 Air 真无线蓝牙耳机',
      stock: 10,
      flashSale: { price: yuan(29900), startsAt: now - HOUR, endsAt: now + 10 * HOUR, label: '限时特卖' },
    }),
    product('CAP', 5000, { title: '纯棉棒球帽', stock: 3 }),
    product('GONE', 8000, { title: '亚麻围巾', stock: 5 }),
  ];
}

function shopData(): DemoData {
  const data = smallData(catalog());
  data.promotions = [
    { kind: 'vip', id: 'vip', tiers: { vip: 500 } },
    {
      kind: 'threshold',
      id: 'full-reduction',
      tiers: [
        { threshold: yuan(19900), discount: yuan(2000) },
        { threshold: yuan(39900), discount: yuan(5000) },
      ],
    },
    { kind: 'add-on', id: 'add-on-socks', threshold: yuan(19900), sku: 'SOCK', price: yuan(100) },
    { kind: 'shipping', id: 'shipping', fee: yuan(1000), freeThreshold: yuan(9900) },
  ];
  data.members = [{ member: { id: 'm-vip', name: '韩梅梅', email: 'vip@example.com', tier: 'vip' }, password: 'demo1234' }];
  data.paymentMethods = [
    { id: 'alipay', title: '支付宝', translations: { en: { title: 'Alipay' } } },
    { id: 'wechat', title: '微信支付', translations: { en: { title: 'WeChat Pay' } } },
    { id: 'unionpay', title: '银联', translations: { en: { title: 'UnionPay' } } },
  ];
  return data;
}

interface Setup {
  store: SfStore;
  cart: SfCart;
  storefront: Storefront;
  adapter: LocalAdapter;
  data: DemoData;
}

/** A cart in a store of its own; `lines` are added before the test looks. */
async function setup(
  options: { mode?: 'drawer' | 'inline'; lines?: [string, number][]; lang?: string; vip?: boolean } = {},
): Promise<Setup> {
  const data = shopData();
  const adapter = new LocalAdapter({ data, indexedDB: null });
  const store = await fixture<SfStore>(
    html`<sf-store store-id=${uniqueStoreId('cart')} .adapter=${adapter}>
      <sf-cart mode=${options.mode ?? 'inline'} lang=${options.lang ?? ''}></sf-cart>
    </sf-store>`,
  );
  const storefront = await store.whenReady();
  if (options.vip) await storefront.account.signIn({ email: 'vip@example.com', password: 'demo1234' });
  for (const [sku, quantity] of options.lines ?? []) await storefront.cart.add(sku, quantity);
  const cart = store.querySelector('sf-cart')!;
  return { store, cart, storefront, adapter, data };
}

const root = (cart: SfCart) => cart.shadowRoot!;
const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const all = <E extends Element = HTMLElement>(cart: SfCart, selector: string) => [...root(cart).querySelectorAll<E>(selector)];
const one = <E extends Element = HTMLElement>(cart: SfCart, selector: string) => root(cart).querySelector<E>(selector);
const line = (cart: SfCart, sku: string) => one(cart, `[part="line"][data-sku="${sku}"]`);
const quantityInput = (cart: SfCart, sku: string) => line(cart, sku)!.querySelector<HTMLInputElement>('[part="quantity"] input')!;

/** Waits until the cart shows `count` lines (0: the empty state). */
async function linesShown(cart: SfCart, count: number): Promise<void> {
  await eventually(() => {
    if (count === 0) expect(one(cart, '[part="empty"]')).to.exist;
    else expect(all(cart, '[part="line"]')).to.have.length(count);
  });
}

/** Types `value` into a line's quantity box and commits it with Enter. */
async function typeQuantity(cart: SfCart, sku: string, value: string): Promise<void> {
  const input = quantityInput(cart, sku);
  input.focus();
  input.select();
  await sendKeys({ type: value });
  await sendKeys({ press: 'Enter' });
  await cart.updateComplete;
}

async function quantities(storefront: Storefront): Promise<Record<string, number>> {
  return Object.fromEntries((await storefront.cart.lines()).map((entry) => [entry.sku, entry.quantity]));
}

describe('<sf-cart>', () => {
  it('shows each line with its price and total, and the order summary', async () => {
    const { cart } = await setup({
      lines: [
        ['TEE', 1],
        ['BUDS', 1],
      ],
    });
    await linesShown(cart, 2);
    const tee = line(cart, 'TEE')!;
    expect(text(tee.querySelector('[part="line-title"]'))).to.equal('男士纯棉短袖T恤');
    expect(text(tee.querySelector('[part="line-price"]'))).to.contain('¥100.00');
    expect(text(tee.querySelector('[part="line-total"]'))).to.contain('¥100.00');
    expect(quantityInput(cart, 'TEE').value).to.equal('1');
    const image = tee.querySelector('[part="line-image"]')!;
    expect(image.tagName).to.equal('SPAN'); // no picture: the drawn placeholder

    const buds = line(cart, 'BUDS')!;
    expect(text(buds.querySelector('[part="line-title"]'))).to.contain('限时');
    expect(text(buds.querySelector('[part="line-price"]'))).to.contain('¥299.00');
    expect(buds.querySelector('[part="line-price"] s')!.textContent).to.contain('¥399.00');
    expect(text(buds.querySelector('[part="line-total"] .amount'))).to.equal('¥299.00');

    // 100 + 299 = 399: 满399减50, free shipping, the ¥1 socks unlocked.
    const summary = text(one(cart, '[part="summary"]'));
    expect(summary).to.contain('商品总额 ¥499.00');
    expect(text(one(cart, '[part="total"]'))).to.equal('¥349.00');
    expect(text(one(cart, '[part="adjustments"]'))).to.contain('限时特卖 · 声屿 Air 真无线蓝牙耳机 -¥100.00');
    expect(text(one(cart, '[part="adjustments"]'))).to.contain('满¥399减¥50 -¥50.00');
    expect(text(one(cart, '[part="checkout"]'))).to.equal('去结算 ¥349.00');
    expect(text(one(cart, '#heading'))).to.contain('购物车');
    await expect(cart).to.be.accessible();
  });

  it('changes a quantity with the stepper, and the store has it', async () => {
    const { cart, storefront } = await setup({ lines: [['TEE', 1]] });
    await linesShown(cart, 1);
    const minus = line(cart, 'TEE')!.querySelector<HTMLButtonElement>('[data-step="-1"]')!;
    expect(minus.getAttribute('aria-disabled')).to.equal('true');
    minus.click(); // at 1: nothing happens
    line(cart, 'TEE')!.querySelector<HTMLButtonElement>('[data-step="1"]')!.click();
    await eventually(async () => expect(await quantities(storefront)).to.deep.equal({ TEE: 2 }));
    await eventually(() => expect(text(line(cart, 'TEE')!.querySelector('[part="line-total"] .amount'))).to.equal('¥200.00'));
    expect(quantityInput(cart, 'TEE').value).to.equal('2');
    line(cart, 'TEE')!.querySelector<HTMLButtonElement>('[data-step="-1"]')!.click();
    await eventually(async () => expect(await quantities(storefront)).to.deep.equal({ TEE: 1 }));
  });

  it('refuses typed quantities that are not whole numbers, and clamps to the stock with a message', async () => {
    const { cart, storefront } = await setup({
      lines: [
        ['TEE', 2],
        ['CAP', 1],
      ],
    });
    await linesShown(cart, 2);
    for (const bad of ['abc', '-1', '2.5', '1e9']) {
      await typeQuantity(cart, 'TEE', bad);
      expect(quantityInput(cart, 'TEE').value, bad).to.equal('2');
      const message = line(cart, 'TEE')!.querySelector('.line-message')!;
      expect(text(message), bad).to.equal('请输入 1 到 50 之间的整数。');
      expect(message.getAttribute('role')).to.equal('alert');
      expect(quantityInput(cart, 'TEE').getAttribute('aria-invalid')).to.equal('true');
    }
    await typeQuantity(cart, 'TEE', '0');
    expect(text(line(cart, 'TEE')!.querySelector('.line-message'))).to.contain('数量至少为 1');
    expect(await quantities(storefront)).to.deep.equal({ TEE: 2, CAP: 1 });

    // CAP has 3 left: typing 9 stores 3 and says why.
    await typeQuantity(cart, 'CAP', '9');
    await eventually(async () => expect(await quantities(storefront)).to.deep.equal({ TEE: 2, CAP: 3 }));
    expect(text(line(cart, 'CAP')!.querySelector('.line-message'))).to.equal('仅剩 3 件，已改为 3 件。');
    // Full-width digits from a Chinese IME are fine.
    await typeQuantity(cart, 'TEE', '５');
    await eventually(async () => expect(await quantities(storefront)).to.deep.equal({ TEE: 5, CAP: 3 }));
    expect(line(cart, 'TEE')!.querySelector('.line-message')).to.equal(null);
    // At the stock, + explains instead of adding.
    await eventually(() => expect(text(line(cart, 'CAP'))).to.contain('仅剩 3 件'));
    line(cart, 'CAP')!.querySelector<HTMLButtonElement>('[data-step="1"]')!.click();
    await cart.updateComplete;
    expect(await quantities(storefront)).to.deep.equal({ TEE: 5, CAP: 3 });
  });

  it('removes one line, and undo puts it back', async () => {
    const { cart, storefront } = await setup({
      lines: [
        ['TEE', 2],
        ['CAP', 1],
      ],
    });
    await linesShown(cart, 2);
    const remove = line(cart, 'TEE')!.querySelector<HTMLButtonElement>('[part="remove"]')!;
    expect(remove.getAttribute('aria-label')).to.equal('删除 男士纯棉短袖T恤');
    remove.click();
    await linesShown(cart, 1);
    expect(await quantities(storefront)).to.deep.equal({ CAP: 1 });
    await eventually(() => expect(text(one(cart, '[part="toast"]'))).to.contain('已删除「男士纯棉短袖T恤」'));
    one<HTMLButtonElement>(cart, '.toast-undo')!.click();
    await linesShown(cart, 2);
    expect(await quantities(storefront)).to.deep.equal({ TEE: 2, CAP: 1 });
  });

  it('keeps keyboard focus in the cart when a line is removed', async () => {
    const { cart } = await setup({
      lines: [
        ['TEE', 2],
        ['CAP', 1],
      ],
    });
    await linesShown(cart, 2);
    const remove = line(cart, 'TEE')!.querySelector<HTMLButtonElement>('[part="remove"]')!;
    remove.focus();
    remove.click();
    await linesShown(cart, 1);
    await eventually(() => expect(cart.shadowRoot!.activeElement?.getAttribute('aria-label')).to.contain('删除'));
  });

  it('clears the cart after an inline confirmation, and undo restores every line', async () => {
    const { cart, storefront } = await setup({
      lines: [
        ['TEE', 3],
        ['CAP', 2],
      ],
    });
    await linesShown(cart, 2);
    one<HTMLButtonElement>(cart, '[part="clear"]')!.click();
    await cart.updateComplete;
    expect(text(one(cart, '.confirm'))).to.contain('确定要清空购物车中的 5 件商品吗？');
    expect(deepActive()).to.equal(one(cart, '[data-action="cancel-clear"]'));
    one<HTMLButtonElement>(cart, '[data-action="cancel-clear"]')!.click();
    await cart.updateComplete;
    expect(one(cart, '.confirm')).to.equal(null);
    expect(await quantities(storefront)).to.deep.equal({ TEE: 3, CAP: 2 });

    one<HTMLButtonElement>(cart, '[part="clear"]')!.click();
    await cart.updateComplete;
    one<HTMLButtonElement>(cart, '[data-action="confirm-clear"]')!.click();
    await linesShown(cart, 0);
    expect(await quantities(storefront)).to.deep.equal({});
    expect(text(one(cart, '[part="empty"]'))).to.contain('购物车还是空的');
    await eventually(() => expect(text(one(cart, '[part="toast"]'))).to.contain('已清空购物车'));
    one<HTMLButtonElement>(cart, '.toast-undo')!.click();
    await linesShown(cart, 2);
    expect(await quantities(storefront)).to.deep.equal({ TEE: 3, CAP: 2 });
  });

  it('prices the DESIGN.md example: 3 × ¥100, VIP 5%, 满199减20, free shipping -> ¥265.00', async () => {
    const { cart } = await setup({ lines: [['TEE', 3]], vip: true });
    await linesShown(cart, 1);
    await eventually(() => expect(text(one(cart, '[part="total"]'))).to.equal('¥265.00'));
    const rows = all(cart, '[part="adjustments"] li').map(text);
    expect(rows).to.deep.equal(['VIP 会员 9.5 折 -¥15.00', '满¥199减¥20 -¥20.00']);
    const summary = text(one(cart, '[part="summary"]'));
    expect(summary).to.contain('商品总额 ¥300.00');
    expect(summary).to.contain('优惠 -¥35.00');
    expect(summary).to.contain('运费满¥99包邮 ¥10.00 免运费');
    expect(text(one(cart, '[part="shipping-progress"]'))).to.equal('已享包邮');
    expect(text(one(cart, '[part="member"]'))).to.equal('VIP 会员');
    expect(text(line(cart, 'TEE')!.querySelector('[part="line-total"]'))).to.contain('¥300.00 ¥285.00');
  });

  it('shows how much more ships free, with a progress bar', async () => {
    const { cart, storefront } = await setup({ lines: [['CAP', 1]] });
    await linesShown(cart, 1);
    const progress = one(cart, '[part="shipping-progress"]')!;
    expect(text(progress)).to.equal('再买 ¥49.00 包邮');
    const bar = progress.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).to.equal('51');
    expect(text(one(cart, '[part="summary"]'))).to.contain('运费 ¥10.00');
    expect(text(one(cart, '[part="total"]'))).to.equal('¥60.00');
    await storefront.cart.setQuantity('CAP', 2);
    await eventually(() => expect(text(one(cart, '[part="shipping-progress"]'))).to.equal('已享包邮'));
  });

  it('offers the ¥1 add-on once unlocked, says how far it is before', async () => {
    const { cart, storefront } = await setup({ lines: [['TEE', 1]] });
    await linesShown(cart, 1);
    await eventually(() => expect(text(one(cart, '[part="add-on"]'))).to.contain('再买 ¥99.00 可 ¥1 换购 纯棉船袜'));
    await storefront.cart.setQuantity('TEE', 2);
    const added: SfEvent<'sf-add-to-cart'>[] = [];
    cart.addEventListener('sf-add-to-cart', (event) => added.push(event));
    await eventually(() => expect(text(one(cart, '.add-on-button'))).to.equal('¥1 换购 纯棉船袜'));
    one<HTMLButtonElement>(cart, '.add-on-button')!.click();
    await linesShown(cart, 2);
    expect(added.map((event) => event.detail)).to.deep.equal([{ sku: 'SOCK', quantity: 1 }]);
    await eventually(() => expect(text(one(cart, '[part="add-on"]'))).to.contain('已 ¥1 换购 纯棉船袜'));
    const sock = line(cart, 'SOCK')!;
    expect(text(sock.querySelector('[part="line-title"]'))).to.contain('换购');
    expect(text(sock.querySelector('[part="line-total"] .amount'))).to.equal('¥1.00');
    expect(text(one(cart, '[part="adjustments"]'))).to.contain('满¥199加¥1换购 · 纯棉船袜 -¥18.90');
  });

  it('shows "bought together" suggestions and adds one', async () => {
    const { cart, storefront } = await setup({ lines: [['TEE', 1]] });
    await linesShown(cart, 1);
    await eventually(() => expect(all(cart, '[part="suggestions"] li')).to.have.length(1));
    const add = one<HTMLButtonElement>(cart, '[part="suggestions"] button')!;
    expect(add.getAttribute('aria-label')).to.equal('加入购物车：纯棉棒球帽');
    add.click();
    await linesShown(cart, 2);
    expect(await quantities(storefront)).to.deep.equal({ TEE: 1, CAP: 1 });
  });

  it('keeps a line that is no longer sold visible, greyed, with only a remove button, and blocks checkout', async () => {
    const { cart, storefront, data } = await setup({
      lines: [
        ['TEE', 1],
        ['GONE', 2],
        ['CAP', 1],
      ],
    });
    await linesShown(cart, 3);
    data.products = data.products.filter((entry) => entry.sku !== 'GONE');
    data.products.find((entry) => entry.sku === 'CAP')!.stock = 0;
    storefront.cart.refresh();
    await eventually(() => expect(line(cart, 'GONE')!.dataset['status']).to.equal('unavailable'));
    await eventually(() => expect(line(cart, 'CAP')!.dataset['status']).to.equal('sold-out'));
    const gone = line(cart, 'GONE')!;
    expect(text(gone)).to.contain('已下架');
    expect(gone.querySelector('[part="quantity"]')).to.equal(null);
    expect(gone.querySelectorAll('button')).to.have.length(1);
    expect(gone.querySelector('[part="remove"]')).to.exist;
    expect(text(line(cart, 'CAP'))).to.contain('已售罄');
    const checkout = one<HTMLButtonElement>(cart, '[part="checkout"]')!;
    await eventually(() => expect(checkout.disabled).to.be.true);
    expect(text(one(cart, '#checkout-reason'))).to.equal('请先删除已下架或已售罄的商品再结算。');
    gone.querySelector<HTMLButtonElement>('[part="remove"]')!.click();
    line(cart, 'CAP')!.querySelector<HTMLButtonElement>('[part="remove"]')!.click();
    await linesShown(cart, 1);
    await eventually(() => expect(one<HTMLButtonElement>(cart, '[part="checkout"]')!.disabled).to.be.false);
  });

  it('says when a price changed since the line was added, until the shopper acknowledges it', async () => {
    const { cart, storefront, data } = await setup({ lines: [['TEE', 1]] });
    await linesShown(cart, 1);
    data.products.find((entry) => entry.sku === 'TEE')!.price = yuan(12000);
    storefront.cart.refresh();
    await eventually(() => expect(text(line(cart, 'TEE'))).to.contain('价格已从 ¥100.00 变为 ¥120.00'));
    const ok = [...line(cart, 'TEE')!.querySelectorAll('button')].find((button) => text(button) === '知道了')!;
    ok.click();
    await eventually(() => expect(text(line(cart, 'TEE'))).not.to.contain('价格已从'));
    expect(text(line(cart, 'TEE')!.querySelector('[part="line-total"]'))).to.contain('¥120.00');
  });

  it('explains a line holding more than the stock, blocks checkout, and fixes it in one click', async () => {
    const { cart, storefront, data } = await setup({ lines: [['TEE', 5]] });
    await linesShown(cart, 1);
    data.products.find((entry) => entry.sku === 'TEE')!.stock = 2;
    storefront.cart.refresh();
    await eventually(() => expect(text(line(cart, 'TEE'))).to.contain('库存不足：仅剩 2 件，已按 2 件计算。'));
    expect(text(line(cart, 'TEE')!.querySelector('[part="line-total"] .amount'))).to.equal('¥200.00');
    await eventually(() => expect(one<HTMLButtonElement>(cart, '[part="checkout"]')!.disabled).to.be.true);
    expect(text(one(cart, '#checkout-reason'))).to.equal('部分商品库存不足，请先调整数量再结算。');
    const fix = [...line(cart, 'TEE')!.querySelectorAll('button')].find((button) => text(button) === '改为 2 件')!;
    fix.click();
    await eventually(async () => expect(await quantities(storefront)).to.deep.equal({ TEE: 2 }));
    await eventually(() => expect(one<HTMLButtonElement>(cart, '[part="checkout"]')!.disabled).to.be.false);
  });

  it('says prices moved when the shop refuses the total, and keeps the cart', async () => {
    const { cart, storefront, data } = await setup({ lines: [['TEE', 1]] });
    await linesShown(cart, 1);
    await eventually(() => expect(all(cart, '[part="payment"] input[type="radio"]')).to.have.length(3));
    // The shop changes the price; the cart still shows (and sends) the total the shopper saw.
    data.products.find((entry) => entry.sku === 'TEE')!.price = yuan(11000);
    one<HTMLButtonElement>(cart, '[part="checkout"]')!.click();
    await eventually(() => expect(text(one(cart, '.checkout-box [role="alert"]'))).to.contain('价格已变动'));
    expect(await quantities(storefront)).to.deep.equal({ TEE: 1 });
    // The SDK re-reads the shop after a conflict: the new price shows.
    await eventually(() => expect(text(one(cart, '[part="total"]'))).to.equal('¥110.00'));
  });

  it('says so when the shop offers no checkout, instead of a dead button', async () => {
    const data = shopData();
    const adapter = new LocalAdapter({ data, indexedDB: null });
    Object.defineProperty(adapter, 'checkout', { value: undefined });
    const store = await fixture<SfStore>(
      html`<sf-store store-id=${uniqueStoreId('cart')} .adapter=${adapter}><sf-cart mode="inline"></sf-cart></sf-store>`,
    );
    const storefront = await store.whenReady();
    await storefront.cart.add('TEE', 1);
    const cart = store.querySelector('sf-cart')!;
    await linesShown(cart, 1);
    await eventually(() => expect(text(one(cart, '[part="payment"]'))).to.contain('该商店暂未提供在线支付方式。'));
    expect(one<HTMLButtonElement>(cart, '[part="checkout"]')!.disabled).to.be.true;
    expect(text(one(cart, '#checkout-reason'))).to.equal('该商店暂不支持在线结算。');
  });

  it('explains a page without a store', async () => {
    const cart = await fixture<SfCart>(html`<sf-cart mode="inline"></sf-cart>`);
    await eventually(() => expect(text(one(cart, '[part="notice"]'))).to.contain('未找到商店'));
  });

  it('places the order and shows its number', async () => {
    const { cart, storefront } = await setup({ lines: [['TEE', 1]] });
    await linesShown(cart, 1);
    const checkouts: SfEvent<'sf-checkout'>[] = [];
    cart.addEventListener('sf-checkout', (event) => checkouts.push(event));
    await eventually(() => expect(all(cart, '[part="payment"] input[type="radio"]')).to.have.length(3));
    const wechat = one<HTMLInputElement>(cart, 'input[value="wechat"]')!;
    wechat.click();
    const contact = one<HTMLInputElement>(cart, '#contact')!;
    contact.value = '13800138000';
    contact.dispatchEvent(new Event('input'));
    one<HTMLButtonElement>(cart, '[part="checkout"]')!.click();
    await cart.updateComplete;
    const submitting = one<HTMLButtonElement>(cart, '[part="checkout"]');
    if (submitting) expect(text(submitting)).to.equal('正在提交订单…');
    await eventually(() => expect(one(cart, '[part="success"]')).to.exist);
    expect(checkouts).to.have.length(1);
    expect(checkouts[0]!.detail).to.deep.equal({ paymentMethod: 'wechat', total: yuan(10000) });
    expect(checkouts[0]!.cancelable).to.be.true;
    const number = text(one(cart, '.order-number strong'));
    expect(number).to.match(/^SF\d{8}\d{3}$/);
    expect(text(one(cart, '[part="success"]'))).to.contain('订单已提交');
    expect(location.hash).to.equal(`#sf-checkout=${number}`);
    const order = (await storefront.adapter.orders!.track(number, '13800138000'))!;
    expect(order.lines.map((entry) => entry.sku)).to.deep.equal(['TEE']);
    // The cart is kept until the shopper clears it.
    expect(await quantities(storefront)).to.deep.equal({ TEE: 1 });
    one<HTMLButtonElement>(cart, '[part="success"] .pill-button.danger')!.click();
    await eventually(async () => expect(await quantities(storefront)).to.deep.equal({}));
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('says when checkout cannot reach the shop, and keeps the cart', async () => {
    const { cart, storefront, adapter } = await setup({ lines: [['TEE', 2]] });
    await linesShown(cart, 1);
    await eventually(() => expect(all(cart, '[part="payment"] input[type="radio"]')).to.have.length(3));
    adapter.setFailure('network');
    one<HTMLButtonElement>(cart, '[part="checkout"]')!.click();
    await eventually(() => expect(one(cart, '.checkout-box [role="alert"]')).to.exist);
    expect(text(one(cart, '.checkout-box [role="alert"]'))).to.contain('无法连接到商店服务器');
    expect(text(one(cart, '.checkout-box [role="alert"]'))).to.contain('购物车中的商品已为你保留');
    expect(one(cart, '[part="success"]')).to.equal(null);
    expect(all(cart, '[part="line"]')).to.have.length(1);
    expect(await quantities(storefront)).to.deep.equal({ TEE: 2 });
    expect(one<HTMLButtonElement>(cart, '[part="checkout"]')!.disabled).to.be.false;
  });

  it('lets the page veto checkout with preventDefault on sf-checkout', async () => {
    const { cart, storefront } = await setup({ lines: [['TEE', 1]] });
    await linesShown(cart, 1);
    await eventually(() => expect(all(cart, '[part="payment"] input[type="radio"]')).to.have.length(3));
    let calls = 0;
    const original = storefront.checkout;
    (storefront as { checkout: Storefront['checkout'] }).checkout = (options) => {
      calls += 1;
      return original(options);
    };
    cart.addEventListener('sf-checkout', (event) => event.preventDefault());
    one<HTMLButtonElement>(cart, '[part="checkout"]')!.click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).to.equal(0);
    expect(one(cart, '[part="success"]')).to.equal(null);
    expect(text(one(cart, '[part="checkout"]'))).to.equal('去结算 ¥100.00');
  });

  it('refuses a contact that is neither a phone number nor an e-mail', async () => {
    const { cart } = await setup({ lines: [['TEE', 1]] });
    await linesShown(cart, 1);
    await eventually(() => expect(all(cart, '[part="payment"] input[type="radio"]')).to.have.length(3));
    const checkouts: Event[] = [];
    cart.addEventListener('sf-checkout', (event) => checkouts.push(event));
    const contact = one<HTMLInputElement>(cart, '#contact')!;
    contact.value = 'not a contact';
    contact.dispatchEvent(new Event('input'));
    one<HTMLButtonElement>(cart, '[part="checkout"]')!.click();
    await eventually(() => expect(text(one(cart, '#contact-error'))).to.equal('请填写有效的手机号或邮箱，或留空。'));
    expect(checkouts).to.have.length(0);
    expect(deepActive()).to.equal(contact);
  });

  it('shows a friendly empty state', async () => {
    const { cart } = await setup();
    await linesShown(cart, 0);
    expect(text(one(cart, '[part="empty"]'))).to.contain('购物车还是空的');
    expect(one(cart, '[part="checkout"]')).to.equal(null);
    await expect(cart).to.be.accessible();
  });

  it('speaks English', async () => {
    const { cart } = await setup({ lines: [['TEE', 3]], lang: 'en', vip: true });
    await linesShown(cart, 1);
    await eventually(() => expect(text(one(cart, '[part="total"]'))).to.equal('CN¥265.00'));
    expect(text(line(cart, 'TEE')!.querySelector('[part="line-title"]'))).to.equal("Men's Cotton T-Shirt");
    expect(all(cart, '[part="adjustments"] li').map(text)).to.deep.equal([
      'VIP 5% off -CN¥15.00',
      'CN¥20 off over CN¥199 -CN¥20.00',
    ]);
    expect(text(one(cart, '[part="checkout"]'))).to.equal('Checkout CN¥265.00');
  });

  describe('as a drawer', () => {
    let opener: HTMLButtonElement;
    beforeEach(() => {
      opener = document.createElement('button');
      opener.textContent = 'open cart';
      document.body.append(opener);
    });
    afterEach(() => opener.remove());

    it('opens on sf-cart-open of its store, traps Tab, closes on Escape and gives focus back', async () => {
      const { cart, storefront } = await setup({ mode: 'drawer', lines: [['TEE', 1]] });
      const dialog = one<HTMLDialogElement>(cart, 'dialog')!;
      expect(dialog.open).to.be.false;
      expect(cart.getBoundingClientRect().width).to.equal(0); // takes no room while closed

      // Another store's button is not for this cart.
      const other = new CustomEvent('sf-cart-open', {
        detail: { storeId: 'another' },
        bubbles: true,
        composed: true,
        cancelable: true,
      });
      opener.dispatchEvent(other);
      expect(other.defaultPrevented).to.be.false;
      expect(cart.open).to.be.false;

      opener.focus();
      const event = new CustomEvent('sf-cart-open', {
        detail: { storeId: storefront.storeId },
        bubbles: true,
        composed: true,
        cancelable: true,
      });
      opener.dispatchEvent(event);
      expect(event.defaultPrevented).to.be.true;
      await cart.updateComplete;
      expect(cart.open).to.be.true;
      expect(cart.hasAttribute('open')).to.be.true;
      expect(dialog.open).to.be.true;
      expect(dialog.getAttribute('aria-modal')).to.equal('true');
      expect(dialog.getAttribute('aria-labelledby')).to.equal('heading');
      expect(document.documentElement.style.overflow).to.equal('hidden');
      expect(deepActive()).to.equal(one(cart, '[part="close"]'));
      await linesShown(cart, 1);
      await eventually(() => expect(all(cart, '[part="payment"] input[type="radio"]')).to.have.length(3));
      await expect(cart).to.be.accessible();

      // Tab walks through the drawer and comes back round to the close button.
      const seen = new Set<Element | null>();
      for (let i = 0; i < 40; i += 1) {
        await sendKeys({ press: 'Tab' });
        const active = deepActive();
        expect(cart.shadowRoot!.contains(active), `Tab ${i} left the drawer`).to.be.true;
        seen.add(active);
        if (active === one(cart, '[part="close"]')) break;
      }
      expect(deepActive()).to.equal(one(cart, '[part="close"]'));
      expect(seen.has(one(cart, '[part="checkout"]'))).to.be.true;
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(deepActive()).to.equal(one(cart, '[part="checkout"]'));

      await sendKeys({ press: 'Escape' });
      await cart.updateComplete;
      expect(cart.open).to.be.false;
      expect(dialog.open).to.be.false;
      expect(document.activeElement).to.equal(opener);
      expect(document.documentElement.style.overflow).to.equal('');
    });

    it('closes when the backdrop or the close button is clicked, and opens from the open attribute', async () => {
      const { cart } = await setup({ mode: 'drawer', lines: [['TEE', 1]] });
      cart.setAttribute('open', '');
      await cart.updateComplete;
      expect(one<HTMLDialogElement>(cart, 'dialog')!.open).to.be.true;
      one(cart, '[part="backdrop"]')!.click();
      await cart.updateComplete;
      expect(one<HTMLDialogElement>(cart, 'dialog')!.open).to.be.false;
      expect(cart.hasAttribute('open')).to.be.false;

      opener.focus();
      cart.show();
      await cart.updateComplete;
      expect(one<HTMLDialogElement>(cart, 'dialog')!.open).to.be.true;
      one<HTMLButtonElement>(cart, '[part="close"]')!.click();
      await cart.updateComplete;
      expect(one<HTMLDialogElement>(cart, 'dialog')!.open).to.be.false;
      expect(document.activeElement).to.equal(opener);
    });

    it('closes from "去逛逛" when empty', async () => {
      const { cart } = await setup({ mode: 'drawer' });
      cart.show();
      await linesShown(cart, 0);
      const link = one<HTMLButtonElement>(cart, '[part="empty"] .pill-button')!;
      expect(text(link)).to.equal('去逛逛');
      await expect(cart).to.be.accessible();
      link.click();
      await cart.updateComplete;
      expect(cart.open).to.be.false;
    });
  });
});

/** The focused element, inside shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('<sf-cart> product pictures', () => {
  it('draws the placeholder for a line whose image URL is a script or an HTML page', async () => {
    const data = smallData([
      product('TOWEL', 5900, { title: '纯棉毛巾', stock: 9, images: [{ src: 'javascript:alert(1)', alt: '' }] }),
      product('ROBE', 25900, { title: '纯棉浴袍', stock: 9, images: [{ src: 'data:text/html,<b>x</b>', alt: '' }] }),
    ]);
    const store = await fixture<SfStore>(
      html`<sf-store store-id=${uniqueStoreId('cart-images')} .adapter=${new LocalAdapter({ data, indexedDB: null })}>
        <sf-cart mode="inline"></sf-cart>
      </sf-store>`,
    );
    const storefront = await store.whenReady();
    await storefront.cart.add('TOWEL', 1);
    await storefront.cart.add('ROBE', 1);
    const cart = store.querySelector('sf-cart')!;
    await linesShown(cart, 2);
    for (const sku of ['TOWEL', 'ROBE']) {
      expect(line(cart, sku)!.querySelector('[part="line-image"]')!.tagName, sku).to.equal('SPAN');
    }
    expect(root(cart).querySelector('img')).to.equal(null);
  });
});
