import { expect, fixture, html } from '@open-wc/testing';
import '../../components/sf-store/sf-store.js';
import '../../components/sf-product-card/sf-product-card.js';
import type { SfProductCard } from '../../components/sf-product-card/sf-product-card.js';
import type { SfStore } from '../../components/sf-store/sf-store.js';
import { LocalAdapter } from '../../src/adapter/local/local-adapter.js';
import type { Product } from '../../src/core/types.js';
import { eventually, product, smallData, uniqueStoreId } from '../helpers/fixtures.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A fixed "now" for the products below (the tests hand the same clock to the card). */
const NOW = Date.UTC(2026, 10, 25, 4, 0, 0);
const yuan = (amount: number) => ({ amount, currency: 'CNY' });

const CATALOG: Product[] = [
  product('TEE', 7900, {
    title: '男士纯棉短袖T恤',
    compareAtPrice: yuan(9900),
    stock: 268,
    rating: { average: 4.8, count: 2316, positiveRate: 0.97 },
    images: [
      {
        src: 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
        alt: '白色T恤',
        width: 600,
        height: 600,
      },
    ],
    translations: { en: { title: "Men's Cotton Short-Sleeve T-Shirt" } },
  }),
  product('FLASH', 39900, {
    title: '声屿 Air 真无线蓝牙耳机',
    stock: 86,
    flashSale: { price: yuan(29900), startsAt: NOW - HOUR, endsAt: NOW + 2 * HOUR + 13 * 60_000 + 5000, label: '限时特卖' },
  }),
  product('GROUP', 25900, {
    title: '云棉 连帽卫衣',
    stock: 76,
    groupBuy: { price: yuan(19900), joined: 37, needed: 50, deadline: NOW + 3 * DAY, presaleStock: 120 },
  }),
  product('LOW', 15900, { title: '纯棉棒球帽', stock: 2 }),
  product('GONE', 10900, { title: '重磅纯棉宽松T恤', stock: 0 }),
  product('BARE', 4900, { title: '' }),
  product('EVIL', 100, { title: '<img src=x onerror=alert(1)>' }),
];

/** The text a person sees in an element's shadow root (whitespace collapsed). */
function visibleText(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function part(card: SfProductCard, name: string): HTMLElement | null {
  return card.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
}

function button(card: SfProductCard): HTMLButtonElement {
  return card.shadowRoot!.querySelector<HTMLButtonElement>('button[part="button"]')!;
}

interface Setup {
  store: SfStore;
  card: SfProductCard;
}

/** A card for `sku` in a store of its own over `products`, with the test clock. */
async function cardFor(
  sku: string,
  options: { products?: Product[]; clock?: () => number; lang?: string; adapter?: LocalAdapter } = {},
): Promise<Setup> {
  const adapter = options.adapter ?? new LocalAdapter({ data: smallData(options.products ?? CATALOG), indexedDB: null });
  const store = await fixture<SfStore>(
    html`<sf-store store-id=${uniqueStoreId('card')} .adapter=${adapter}>
      <sf-product-card sku=${sku} lang=${options.lang ?? ''} .clock=${options.clock ?? (() => NOW)}></sf-product-card>
    </sf-store>`,
  );
  const card = store.querySelector('sf-product-card')!;
  return { store, card };
}

/** Waits until the card shows a product (its title heading is there). */
async function loaded(card: SfProductCard): Promise<void> {
  await eventually(() => expect(part(card, 'title')).to.exist);
}

describe('<sf-product-card>', () => {
  it('shows the price, the compare-at price struck through and the saving', async () => {
    const { card } = await cardFor('TEE');
    await loaded(card);
    expect(part(card, 'title')!.tagName).to.equal('H3');
    expect(part(card, 'title')!.textContent!.trim()).to.equal('男士纯棉短袖T恤');
    expect(part(card, 'price')!.textContent!.replace(/\s+/g, '')).to.contain('¥79.00');
    const was = part(card, 'compare-price')!;
    expect(was.tagName).to.equal('S');
    expect(was.textContent).to.equal('¥99.00');
    expect(part(card, 'badge')!.textContent).to.equal('-20%');
    expect(part(card, 'saving')!.textContent).to.equal('省¥20');
    expect(part(card, 'rating')!.textContent!.replace(/\s+/g, ' ')).to.contain('4.8 分 · 2,316 条评价');
    expect(part(card, 'stock')!.textContent).to.contain('有货');
    const img = part(card, 'image') as HTMLImageElement;
    expect(img.tagName).to.equal('IMG');
    expect(img.loading).to.equal('lazy');
    expect(img.alt).to.equal('白色T恤');
    await expect(card).to.be.accessible();
  });

  it('counts a flash sale down and goes back to the list price when it ends, without reload', async () => {
    let now = NOW;
    const { card } = await cardFor('FLASH', { clock: () => now });
    await loaded(card);
    expect(part(card, 'price')!.textContent!.replace(/\s+/g, '')).to.contain('¥299.00');
    expect(part(card, 'compare-price')!.textContent).to.equal('¥399.00');
    const bar = part(card, 'countdown')!;
    expect(bar.textContent!.replace(/\s+/g, ' ')).to.contain('限时特卖');
    expect(bar.textContent!.replace(/\s+/g, '')).to.contain('距结束02:13:05');
    expect(bar.getAttribute('role')).to.equal('timer');
    await expect(card).to.be.accessible();
    now += 2000;
    await eventually(() => expect(part(card, 'countdown')!.textContent!.replace(/\s+/g, '')).to.contain('02:13:03'));
    now = NOW + 2 * HOUR + 13 * 60_000 + 5001;
    await eventually(() => expect(part(card, 'countdown')).to.equal(null));
    expect(part(card, 'price')!.textContent!.replace(/\s+/g, '')).to.contain('¥399.00');
    expect(part(card, 'compare-price')).to.equal(null);
  });

  it('shows the group buy: price, progress, deadline and presale stock', async () => {
    const { card } = await cardFor('GROUP');
    await loaded(card);
    const group = part(card, 'group-buy')!;
    expect(group.textContent!.replace(/\s+/g, ' ')).to.contain('已拼 37 / 需 50 人');
    expect(group.textContent).to.contain('还差 13 人成团');
    expect(group.textContent!.replace(/\s+/g, '')).to.contain('¥199.00');
    expect(group.textContent).to.contain('预售库存 120 件');
    expect(group.textContent).to.contain('截止 2026年11月28日');
    const progress = part(card, 'progress')!;
    expect(progress.getAttribute('role')).to.equal('progressbar');
    expect(progress.getAttribute('aria-valuenow')).to.equal('37');
    expect(progress.getAttribute('aria-valuemin')).to.equal('0');
    expect(progress.getAttribute('aria-valuemax')).to.equal('50');
    expect(part(card, 'progress-fill')!.style.width).to.equal('74%');
    await expect(card).to.be.accessible();
  });

  it('says when only a few are left', async () => {
    const { card } = await cardFor('LOW');
    await loaded(card);
    expect(part(card, 'stock')!.textContent).to.contain('仅剩 2 件');
    expect(button(card).disabled).to.be.false;
  });

  it('disables the button of a sold-out product, with the reason as its text', async () => {
    const { card } = await cardFor('GONE');
    await loaded(card);
    expect(part(card, 'stock')!.textContent).to.contain('已售罄');
    expect(button(card).disabled).to.be.true;
    expect(button(card).textContent!.trim()).to.equal('已售罄');
    await expect(card).to.be.accessible();
  });

  it('names the sku it could not find', async () => {
    const { card } = await cardFor('NOPE-<b>1</b>');
    await eventually(() => expect(visibleText(card)).to.contain('未找到商品 NOPE-<b>1</b>'));
    expect(card.shadowRoot!.querySelector('b')).to.equal(null);
  });

  it('shows an error with a retry that recovers', async () => {
    const adapter = new LocalAdapter({ data: smallData(CATALOG), indexedDB: null, fail: 'network' });
    const { card } = await cardFor('TEE', { adapter });
    await eventually(() => expect(visibleText(card)).to.contain('无法连接到商店服务器'));
    adapter.setFailure(null);
    card.shadowRoot!.querySelector<HTMLButtonElement>('[part="notice-action"]')!.click();
    await loaded(card);
  });

  it('shows a loading skeleton while the store answers', async () => {
    const adapter = new LocalAdapter({ data: smallData(CATALOG), indexedDB: null, latency: 100_000 });
    const { card } = await cardFor('TEE', { adapter });
    await eventually(() => expect(card.shadowRoot!.querySelector('.skeleton[role="status"]')).to.exist);
    expect(visibleText(card)).to.contain('正在加载商品');
  });

  it('explains the setup when the page has no store', async () => {
    const card = await fixture<SfProductCard>(html`<sf-product-card sku="TEE"></sf-product-card>`);
    await eventually(() => expect(visibleText(card)).to.contain('未找到商店'));
  });

  it('never shows NaN for a product without a price, and offers no add', async () => {
    const broken = { ...product('NOPRICE', 0), price: undefined } as unknown as Product;
    const card = await fixture<SfProductCard>(html`<sf-product-card .product=${broken}></sf-product-card>`);
    expect(visibleText(card)).not.to.contain('NaN');
    expect(part(card, 'price')!.textContent).to.contain('暂无报价');
    expect(button(card).disabled).to.be.true;
    expect(button(card).textContent!.trim()).to.equal('暂无报价');
  });

  it('draws a placeholder for a product without a picture or a title', async () => {
    const { card } = await cardFor('BARE');
    await loaded(card);
    expect(card.shadowRoot!.querySelector('img')).to.equal(null);
    expect(part(card, 'placeholder')!.textContent).to.contain('暂无图片');
    expect(part(card, 'title')!.textContent!.trim()).to.equal('未命名商品');
    await expect(card).to.be.accessible();
  });

  it('draws the placeholder for a script or HTML image URL, never an <img> with it', async () => {
    for (const src of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'java\tscript:alert(1)']) {
      const products = [product('HOSTILE', 5900, { title: '纯棉毛巾', images: [{ src, alt: '毛巾' }] })];
      const { card } = await cardFor('HOSTILE', { products });
      await loaded(card);
      expect(card.shadowRoot!.querySelector('img'), src).to.equal(null);
      expect(part(card, 'placeholder')!.textContent).to.contain('暂无图片');
    }
  });

  it('renders a hostile title as text', async () => {
    const { card } = await cardFor('EVIL');
    await loaded(card);
    expect(part(card, 'title')!.textContent!.trim()).to.equal('<img src=x onerror=alert(1)>');
    expect(card.shadowRoot!.querySelector('img')).to.equal(null);
  });

  it('highlights search terms in the title and links to the product page', async () => {
    const item = CATALOG[0]!;
    const card = await fixture<SfProductCard>(
      html`<sf-product-card .product=${item} .terms=${['纯棉']} href="/p/{sku}?from=blog"></sf-product-card>`,
    );
    expect(part(card, 'highlight')!.textContent).to.equal('纯棉');
    expect(part(card, 'title-link')!.getAttribute('href')).to.equal('/p/TEE?from=blog');
    expect(card.shadowRoot!.querySelector('.media-link')!.getAttribute('href')).to.equal('/p/TEE?from=blog');
  });

  it('takes another heading level', async () => {
    const card = await fixture<SfProductCard>(html`<sf-product-card heading-level="2" .product=${CATALOG[0]}></sf-product-card>`);
    expect(part(card, 'title')!.tagName).to.equal('H2');
  });

  it('fires sf-add-to-cart and puts the product in the cart', async () => {
    const { store, card } = await cardFor('TEE');
    await loaded(card);
    const details: unknown[] = [];
    const listener = (event: Event) => details.push((event as CustomEvent).detail);
    document.addEventListener('sf-add-to-cart', listener);
    button(card).click();
    document.removeEventListener('sf-add-to-cart', listener);
    expect(details).to.deep.equal([{ sku: 'TEE', quantity: 1 }]);
    const storefront = await store.whenReady();
    await eventually(async () => expect((await storefront.cart.lines()).map((line) => line.sku)).to.deep.equal(['TEE']));
    await eventually(() => expect(part(card, 'feedback')!.textContent).to.contain('已加入购物车'));
    expect(part(card, 'feedback')!.getAttribute('role')).to.equal('status');
  });

  it('leaves the cart alone when the page vetoes sf-add-to-cart', async () => {
    const { store, card } = await cardFor('TEE');
    await loaded(card);
    let cancelable = false;
    card.addEventListener('sf-add-to-cart', (event) => {
      cancelable = event.cancelable && event.bubbles && event.composed;
      event.preventDefault();
    });
    button(card).click();
    expect(cancelable).to.be.true;
    await new Promise((resolve) => setTimeout(resolve, 100));
    const storefront = await store.whenReady();
    expect(await storefront.cart.lines()).to.deep.equal([]);
    expect(part(card, 'feedback')!.textContent!.trim()).to.equal('');
  });

  it('speaks English', async () => {
    const { card } = await cardFor('TEE', { lang: 'en' });
    await loaded(card);
    expect(part(card, 'title')!.textContent!.trim()).to.equal("Men's Cotton Short-Sleeve T-Shirt");
    expect(part(card, 'rating')!.textContent!.replace(/\s+/g, ' ')).to.contain('4.8/5 · 2,316 reviews');
    expect(part(card, 'stock')!.textContent).to.contain('In stock');
    expect(part(card, 'saving')!.textContent).to.equal('Save CN¥20');
    expect(button(card).textContent).to.contain('Add to cart');
    const { card: missing } = await cardFor('NOPE', { lang: 'en' });
    await eventually(() => expect(visibleText(missing)).to.contain('Product NOPE not found'));
  });
});
