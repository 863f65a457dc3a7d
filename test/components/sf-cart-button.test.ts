import { expect, fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../components/sf-store/sf-store.js';
import '../../components/sf-cart-button/sf-cart-button.js';
import '../../components/sf-cart/sf-cart.js';
import type { SfCartButton } from '../../components/sf-cart-button/sf-cart-button.js';
import type { SfStore } from '../../components/sf-store/sf-store.js';
import type { SfEvent } from '../../src/core/events.js';
import { createStorefront, type Storefront } from '../../src/storefront.js';
import { captureConsole, eventually, product, smallAdapter, uniqueStoreId } from '../helpers/fixtures.js';

const CATALOG = [product('A', 9900, { stock: 500 }), product('B', 19900, { stock: 500 }), product('C', 2900)];

interface Setup {
  store: SfStore;
  button: SfCartButton;
  storefront: Storefront;
  storeId: string;
}

/** A cart button in the header of a page whose store sits elsewhere (the page's default store). */
async function setup(attrs: { href?: string; label?: string; lang?: string } = {}): Promise<Setup> {
  const storeId = uniqueStoreId('cartbtn');
  const page = await fixture<HTMLElement>(
    html`<div>
      <header>
        <sf-cart-button href=${ifDefined(attrs.href)} lang=${attrs.lang ?? ''} label=${ifDefined(attrs.label)}></sf-cart-button>
      </header>
      <main><sf-store store-id=${storeId} .adapter=${smallAdapter(CATALOG)}></sf-store></main>
    </div>`,
  );
  const store = page.querySelector('sf-store')!;
  const button = page.querySelector('sf-cart-button')!;
  const storefront = await store.whenReady();
  await loaded(button);
  return { store, button, storefront, storeId };
}

function part(element: SfCartButton, name: string): HTMLElement | null {
  return element.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function buttonOf(element: SfCartButton): HTMLButtonElement {
  return part(element, 'button') as HTMLButtonElement;
}

function badge(element: SfCartButton): string | null {
  const node = part(element, 'badge')!;
  return node.hidden ? null : node.dataset['count']!;
}

async function loaded(element: SfCartButton): Promise<void> {
  await eventually(() => expect(buttonOf(element).dataset['loading']).to.equal('false'));
}

function live(element: SfCartButton): string {
  return element.shadowRoot!.querySelector('[role="status"]')!.textContent!.trim();
}

describe('<sf-cart-button>', () => {
  it('is a button named after the cart, with no badge while empty', async () => {
    const { button } = await setup();
    expect(buttonOf(button).getAttribute('aria-label')).to.equal('购物车，0 件商品');
    expect(badge(button)).to.equal(null);
    expect(live(button)).to.equal('');
    await expect(button).to.be.accessible();
  });

  it('counts the units added through the SDK, says so politely and bumps the badge', async () => {
    const { button, storefront } = await setup();
    await storefront.cart.add('A', 2);
    await eventually(() => expect(badge(button)).to.equal('2'));
    expect(buttonOf(button).getAttribute('aria-label')).to.equal('购物车，2 件商品');
    expect(live(button)).to.equal('购物车，2 件商品');
    expect(part(button, 'badge')!.getAnimations().length).to.be.greaterThan(0);
    await storefront.cart.add('B', 1);
    await eventually(() => expect(badge(button)).to.equal('3'));
    await storefront.cart.remove('A');
    await eventually(() => expect(badge(button)).to.equal('1'));
    expect(buttonOf(button).getAttribute('aria-label')).to.equal('购物车，1 件商品');
    await expect(button).to.be.accessible();
  });

  it('follows a second storefront of the same store (another tab)', async () => {
    const { button, storeId } = await setup();
    const other = createStorefront({ adapter: smallAdapter(CATALOG), storeId });
    try {
      await other.ready;
      await other.cart.add('C', 4);
      await eventually(() => expect(badge(button)).to.equal('4'));
      await other.cart.clear();
      await eventually(() => expect(badge(button)).to.equal(null));
      expect(buttonOf(button).getAttribute('aria-label')).to.equal('购物车，0 件商品');
    } finally {
      other.close();
    }
  });

  it('shows 99+ past 99, with the real count in its name', async () => {
    const { button, storefront } = await setup();
    await storefront.cart.add('A', 120);
    await eventually(() => expect(badge(button)).to.equal('99+'));
    expect(buttonOf(button).getAttribute('aria-label')).to.equal('购物车，120 件商品');
    await expect(button).to.be.accessible();
  });

  it('fires sf-cart-open with the store id; a cart that handles it keeps the page where it is', async () => {
    const { button, storeId } = await setup({ href: '#cart-page-handled' });
    const events: SfEvent<'sf-cart-open'>[] = [];
    const cart = (event: Event) => {
      events.push(event as SfEvent<'sf-cart-open'>);
      event.preventDefault();
    };
    document.addEventListener('sf-cart-open', cart);
    try {
      buttonOf(button).click();
    } finally {
      document.removeEventListener('sf-cart-open', cart);
    }
    expect(events.map((event) => event.detail)).to.deep.equal([{ storeId }]);
    expect(events[0]!.cancelable && events[0]!.bubbles && events[0]!.composed).to.be.true;
    expect(location.hash).not.to.equal('#cart-page-handled');
  });

  it('opens the <sf-cart> drawer of its store instead of following href', async () => {
    const before = location.href;
    const storeId = uniqueStoreId('cartbtn');
    const page = await fixture<HTMLElement>(
      html`<div>
        <sf-cart-button href="#cart-page-real"></sf-cart-button>
        <sf-store store-id=${storeId} .adapter=${smallAdapter(CATALOG)}><sf-cart></sf-cart></sf-store>
      </div>`,
    );
    const button = page.querySelector('sf-cart-button')!;
    const cart = page.querySelector('sf-cart')!;
    await page.querySelector('sf-store')!.whenReady();
    await loaded(button);
    try {
      buttonOf(button).click();
      await eventually(() => expect(cart.open).to.be.true);
      expect(location.hash).not.to.equal('#cart-page-real');
    } finally {
      cart.open = false;
      history.replaceState(null, '', before);
    }
  });

  it('goes to href when no cart opened', async () => {
    const before = location.href;
    const { button } = await setup({ href: '#cart-page' });
    try {
      buttonOf(button).click();
      expect(location.hash).to.equal('#cart-page');
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('hints once in the console when there is neither a cart nor an href', async () => {
    const { button } = await setup();
    const { warnings } = await captureConsole(async () => {
      buttonOf(button).click();
      buttonOf(button).click();
    });
    expect(warnings.length).to.equal(1);
    expect(warnings[0]).to.contain('no <sf-cart> on the page');
  });

  it('shows a label next to the icon, which starts its name', async () => {
    const { button, storefront } = await setup({ label: '' });
    expect(part(button, 'label')!.textContent).to.equal('购物车');
    await storefront.cart.add('A', 3);
    await eventually(() => expect(badge(button)).to.equal('3'));
    expect(buttonOf(button).getAttribute('aria-label')).to.equal('购物车，3 件商品');
    await expect(button).to.be.accessible();
  });

  it('takes its own label text', async () => {
    const { button } = await setup({ label: '我的购物袋' });
    expect(part(button, 'label')!.textContent).to.equal('我的购物袋');
    expect(buttonOf(button).getAttribute('aria-label')).to.equal('我的购物袋，0 件商品');
  });

  it('speaks English', async () => {
    const { button, storefront } = await setup({ lang: 'en', label: '' });
    expect(part(button, 'label')!.textContent).to.equal('Cart');
    await storefront.cart.add('A', 1);
    await eventually(() => expect(buttonOf(button).getAttribute('aria-label')).to.equal('Cart, 1 item'));
    await storefront.cart.add('A', 1);
    await eventually(() => expect(buttonOf(button).getAttribute('aria-label')).to.equal('Cart, 2 items'));
  });

  it('still offers the cart page when the page has no store, and says why the count is missing', async () => {
    const button = await fixture<SfCartButton>(html`<sf-cart-button></sf-cart-button>`);
    await eventually(() => expect(buttonOf(button).dataset['problem']).to.equal('true'));
    expect(buttonOf(button).getAttribute('aria-label')).to.equal('购物车');
    expect(button.shadowRoot!.getElementById('problem')!.textContent).to.contain('未找到商店');
    expect(badge(button)).to.equal(null);
    await expect(button).to.be.accessible();
  });
});
