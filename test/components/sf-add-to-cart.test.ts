import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/sf-store/sf-store.js';
import '../../components/sf-add-to-cart/sf-add-to-cart.js';
import type { SfAddToCart } from '../../components/sf-add-to-cart/sf-add-to-cart.js';
import type { SfStore } from '../../components/sf-store/sf-store.js';
import { LocalAdapter } from '../../src/adapter/local/local-adapter.js';
import { StorefrontError } from '../../src/core/errors.js';
import type { SfEvent } from '../../src/core/events.js';
import type { Product } from '../../src/core/types.js';
import type { Storefront } from '../../src/storefront.js';
import { captureConsole, eventually, product, smallData, uniqueStoreId } from '../helpers/fixtures.js';

const CATALOG: Product[] = [
  product('A', 9900, { title: '男士纯棉短袖T恤', stock: 50, translations: { en: { title: "Men's Cotton T-Shirt" } } }),
  product('X', 100, { title: '纯棉棒球帽', stock: 2 }),
  product('GONE', 10900, { title: '重磅纯棉宽松T恤', stock: 0 }),
  product('FREE', 4900, { title: '不限量袜子' }),
];

interface Setup {
  store: SfStore;
  button: SfAddToCart;
  storefront: Storefront;
}

/** An `<sf-add-to-cart>` in a store of its own over `products`; `attrs` go on the element. */
async function setup(
  attrs: { sku?: string; quantity?: string; showQuantity?: boolean; lang?: string },
  options: { adapter?: LocalAdapter; content?: unknown } = {},
): Promise<Setup> {
  const adapter = options.adapter ?? new LocalAdapter({ data: smallData(CATALOG), indexedDB: null });
  const store = await fixture<SfStore>(
    html`<sf-store store-id=${uniqueStoreId('atc')} .adapter=${adapter}>
      <sf-add-to-cart
        sku=${attrs.sku ?? 'A'}
        lang=${attrs.lang ?? ''}
        ?show-quantity=${attrs.showQuantity ?? false}
        quantity=${attrs.quantity ?? '1'}
        >${options.content ?? ''}</sf-add-to-cart
      >
    </sf-store>`,
  );
  const button = store.querySelector('sf-add-to-cart')!;
  const storefront = await store.whenReady();
  return { store, button, storefront };
}

function part(element: SfAddToCart, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function buttonOf(element: SfAddToCart): HTMLButtonElement {
  return part(element, 'button') as HTMLButtonElement;
}

/** Text of the polite live region. */
function live(element: SfAddToCart): string {
  return element.shadowRoot!.querySelector('[role="status"]')!.textContent!.replace(/\s+/g, ' ').trim();
}

function statusText(element: SfAddToCart): string {
  return part(element, 'status')!.textContent!.replace(/\s+/g, ' ').trim();
}

/** Waits until the product is loaded and the button can add. */
async function ready(element: SfAddToCart): Promise<void> {
  await eventually(() => expect(buttonOf(element).dataset['state']).to.equal('idle'));
}

async function quantities(storefront: Storefront): Promise<Record<string, number>> {
  return Object.fromEntries((await storefront.cart.lines()).map((line) => [line.sku, line.quantity]));
}

describe('<sf-add-to-cart>', () => {
  it('is accessible, with and without the stepper', async () => {
    const { button } = await setup({ sku: 'A' });
    await ready(button);
    expect(buttonOf(button).textContent).to.contain('加入购物车');
    await expect(button).to.be.accessible();
    const { button: stepper } = await setup({ sku: 'A', showQuantity: true, quantity: '2' });
    await ready(stepper);
    await expect(stepper).to.be.accessible();
  });

  it('fires sf-add-to-cart, adds the quantity and says so politely, with a check mark for 2 s', async () => {
    const { button, storefront } = await setup({ sku: 'A', quantity: '3' });
    await ready(button);
    const events: SfEvent<'sf-add-to-cart'>[] = [];
    const listener = (event: Event) => void events.push(event as SfEvent<'sf-add-to-cart'>);
    document.addEventListener('sf-add-to-cart', listener);
    buttonOf(button).click();
    document.removeEventListener('sf-add-to-cart', listener);
    expect(events.map((event) => event.detail)).to.deep.equal([{ sku: 'A', quantity: 3 }]);
    expect(events[0]!.cancelable && events[0]!.bubbles && events[0]!.composed).to.be.true;
    await button.updateComplete;
    expect(buttonOf(button).getAttribute('aria-busy')).to.equal('true');
    await eventually(async () => expect(await quantities(storefront)).to.deep.equal({ A: 3 }));
    await eventually(() => expect(buttonOf(button).dataset['state']).to.equal('added'));
    expect(buttonOf(button).textContent).to.contain('已加入购物车');
    expect(buttonOf(button).querySelector('svg.check')).to.exist;
    expect(live(button)).to.contain('已加入购物车');
    expect(buttonOf(button).getAttribute('aria-busy')).to.equal('false');
    await eventually(() => expect(buttonOf(button).dataset['state']).to.equal('idle'), 3500);
    expect(live(button)).to.equal('');
  });

  it('leaves the cart empty when the page vetoes the event', async () => {
    const { button, storefront } = await setup({ sku: 'A' });
    await ready(button);
    button.addEventListener('sf-add-to-cart', (event) => event.preventDefault());
    buttonOf(button).click();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await storefront.cart.lines()).to.deep.equal([]);
    expect(buttonOf(button).dataset['state']).to.equal('idle');
    expect(live(button)).to.equal('');
  });

  it('mends bad quantity attributes with a console warning', async () => {
    const cases: [string, number][] = [
      ['abc', 1],
      ['-1', 1],
      ['2.5', 2],
      ['1e9', 999],
      ['4', 4],
    ];
    for (const [raw, expected] of cases) {
      const { result, warnings } = await captureConsole(() => setup({ sku: 'FREE', quantity: raw }));
      const { button } = result;
      await ready(button);
      expect(warnings.filter((line) => line.includes('sf-add-to-cart')).length, raw).to.equal(expected === Number(raw) ? 0 : 1);
      if (expected !== Number(raw)) expect(warnings.join(' ')).to.contain(`"${raw}"`);
      const details: unknown[] = [];
      button.addEventListener('sf-add-to-cart', (event) => {
        details.push(event.detail);
        event.preventDefault();
      });
      buttonOf(button).click();
      expect(details, raw).to.deep.equal([{ sku: 'FREE', quantity: expected }]);
    }
  });

  it('adds what the stock allows and says so, then says the stock is reached', async () => {
    const adapter = new LocalAdapter({ data: smallData([product('X', 100, { stock: 2 })]), indexedDB: null });
    const { button, storefront } = await setup({ sku: 'X', quantity: '3' }, { adapter });
    await ready(button);
    buttonOf(button).click();
    await eventually(() => expect(statusText(button)).to.contain('库存不足，已为你加入 2 件'));
    expect(await quantities(storefront)).to.deep.equal({ X: 2 });
    await eventually(() => expect(buttonOf(button).dataset['state']).to.equal('idle'), 3500);
    buttonOf(button).click();
    await eventually(() => expect(statusText(button)).to.contain('已达库存上限'));
    expect(await quantities(storefront)).to.deep.equal({ X: 2 });
    await expect(button).to.be.accessible();
  });

  it('disables the button of a sold-out product, with the reason as its text', async () => {
    const { button } = await setup({ sku: 'GONE', showQuantity: true });
    await eventually(() => expect(buttonOf(button).disabled).to.be.true);
    expect(buttonOf(button).textContent!.trim()).to.equal('已售罄');
    expect(part(button, 'quantity-input')!.hasAttribute('disabled')).to.be.true;
    await expect(button).to.be.accessible();
  });

  it('disables the button for an unknown sku and names it', async () => {
    const { button } = await setup({ sku: 'NOPE-<b>1</b>' });
    await eventually(() => expect(buttonOf(button).textContent!.trim()).to.equal('商品不存在'));
    expect(buttonOf(button).disabled).to.be.true;
    expect(statusText(button)).to.contain('NOPE-<b>1</b>');
    expect(button.shadowRoot!.querySelector('b')).to.equal(null);
    await expect(button).to.be.accessible();
  });

  it('adds once for a double click', async () => {
    const { button, storefront } = await setup({ sku: 'A' });
    await ready(button);
    let fired = 0;
    button.addEventListener('sf-add-to-cart', () => (fired += 1));
    buttonOf(button).click();
    buttonOf(button).click();
    await eventually(() => expect(buttonOf(button).dataset['state']).to.equal('added'));
    buttonOf(button).click(); // while the check mark shows: a new add, as the shopper asked
    await eventually(async () => expect(await quantities(storefront)).to.deep.equal({ A: 2 }));
    expect(fired).to.equal(2);
  });

  it('steps the quantity with − and +, up to the stock, by keyboard too', async () => {
    const { button, storefront } = await setup({ sku: 'X', showQuantity: true });
    await ready(button);
    const [minus, plus] = [...button.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="quantity-button"]')];
    const input = part(button, 'quantity-input') as HTMLInputElement;
    expect(input.value).to.equal('1');
    expect(minus!.getAttribute('aria-disabled')).to.equal('true');
    plus!.focus();
    await sendKeys({ press: 'Enter' });
    await button.updateComplete;
    expect(input.value).to.equal('2');
    expect(plus!.getAttribute('aria-disabled')).to.equal('true'); // the stock is 2
    expect(button.shadowRoot!.activeElement === plus, 'focus stays on +').to.be.true;
    plus!.click();
    await button.updateComplete;
    expect(input.value).to.equal('2');
    input.focus();
    input.select();
    await sendKeys({ type: '50' });
    await sendKeys({ press: 'Enter' }); // mends to the stock and adds
    await eventually(async () => expect(await quantities(storefront)).to.deep.equal({ X: 2 }));
    expect(input.value).to.equal('2');
  });

  it('shows an error with a retry that adds', async () => {
    const { button, storefront } = await setup({ sku: 'A' });
    await ready(button);
    const add = storefront.cart.add.bind(storefront.cart);
    let failures = 1;
    storefront.cart.add = (sku: string, quantity?: number) =>
      failures-- > 0 ? Promise.reject(new StorefrontError('unavailable', 'down')) : add(sku, quantity);
    try {
      buttonOf(button).click();
      await eventually(() => expect(button.shadowRoot!.querySelector('[role="alert"]')).to.exist);
      expect(statusText(button)).to.contain('服务暂时不可用');
      await expect(button).to.be.accessible();
      part(button, 'status-action')!.click();
      await eventually(async () => expect(await quantities(storefront)).to.deep.equal({ A: 1 }));
      await eventually(() => expect(button.shadowRoot!.querySelector('[role="alert"]')).to.equal(null));
    } finally {
      storefront.cart.add = add;
    }
  });

  it('says when the stock cannot be read, and offers to try again', async () => {
    const adapter = new LocalAdapter({ data: smallData(CATALOG), indexedDB: null, fail: 'network' });
    const { button } = await setup({ sku: 'A' }, { adapter });
    await eventually(() => expect(statusText(button)).to.contain('无法连接到商店服务器'));
    adapter.setFailure(null);
    part(button, 'status-action')!.click();
    await eventually(() => expect(statusText(button)).to.equal(''));
    expect(buttonOf(button).dataset['state']).to.equal('idle');
  });

  it('waits while the store answers, then becomes ready', async () => {
    const adapter = new LocalAdapter({ data: smallData(CATALOG), indexedDB: null, latency: 100_000 });
    const { button } = await setup({ sku: 'A' }, { adapter });
    await eventually(() => expect(buttonOf(button).dataset['state']).to.equal('loading'));
    expect(buttonOf(button).getAttribute('aria-disabled')).to.equal('true');
    expect(live(button)).to.contain('正在加载商品');
  });

  it('explains the setup when the page has no store', async () => {
    const element = await fixture<SfAddToCart>(html`<sf-add-to-cart sku="A"></sf-add-to-cart>`);
    await eventually(() => expect(statusText(element)).to.contain('未找到商店'));
    expect(buttonOf(element).disabled).to.be.true;
  });

  it('takes custom button content from its slot', async () => {
    const { button } = await setup({ sku: 'A' }, { content: html`<span class="mine">立即抢购</span>` });
    await ready(button);
    const slot = buttonOf(button).querySelector('slot')!;
    expect(slot.assignedElements().map((element) => element.textContent)).to.deep.equal(['立即抢购']);
  });

  it('speaks English', async () => {
    const { button } = await setup({ sku: 'A', lang: 'en', showQuantity: true });
    await ready(button);
    expect(buttonOf(button).textContent!.replace(/\s+/g, ' ')).to.contain("Add to cart: Men's Cotton T-Shirt");
    expect(part(button, 'quantity')!.getAttribute('aria-label')).to.equal('Quantity');
    const { button: gone } = await setup({ sku: 'GONE', lang: 'en' });
    await eventually(() => expect(buttonOf(gone).textContent!.trim()).to.equal('Sold out'));
  });
});
