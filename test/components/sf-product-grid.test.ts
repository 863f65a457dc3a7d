import { expect, fixture, html } from '@open-wc/testing';
import '../../components/sf-store/sf-store.js';
import '../../components/sf-product-grid/sf-product-grid.js';
import type { SfProductGrid } from '../../components/sf-product-grid/sf-product-grid.js';
import type { SfStore } from '../../components/sf-store/sf-store.js';
import { setDefaultStorefront } from '../../components/shared/default-store.js';
import { LocalAdapter } from '../../src/adapter/local/local-adapter.js';
import type { Product } from '../../src/core/types.js';
import { captureConsole, eventually, product, smallData, uniqueStoreId } from '../helpers/fixtures.js';

function visibleText(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

type Card = HTMLElement & { product?: Product; terms?: string[] };

function cards(grid: SfProductGrid): Card[] {
  return [...grid.shadowRoot!.querySelectorAll<Card>('sf-product-card')];
}

const skus = (grid: SfProductGrid) => cards(grid).map((card) => card.product?.sku);

/** 30 products in two series and four categories, with distinct prices and dates. */
function catalog(count = 30): Product[] {
  return Array.from({ length: count }, (_, i) => {
    const cotton = i % 2 === 0;
    return product(`P${String(i).padStart(3, '0')}`, 1000 + ((i * 7919) % 30) * 100, {
      title: cotton ? `云棉纯棉短袖T恤 ${i} 号` : `声屿蓝牙耳机 ${i} 号`,
      series: cotton ? 'cloud-cotton' : 'sound-isle',
      category: cotton ? (i % 4 === 0 ? 'tops' : 'bottoms') : 'earbuds',
      createdAt: i,
      rating: { average: (i % 5) + 0.5, count: i },
    });
  });
}

function adapterFor(products: Product[], extra: Partial<ConstructorParameters<typeof LocalAdapter>[0]> = {}): LocalAdapter {
  const data = smallData(products);
  data.series = [
    { id: 'cloud-cotton', title: '云棉', translations: { en: { title: 'CloudCotton' } } },
    { id: 'sound-isle', title: '声屿', translations: { en: { title: 'SoundIsle' } } },
  ];
  data.categories = [
    { id: 'tops', title: '上衣', series: 'cloud-cotton' },
    { id: 'bottoms', title: '裤装', series: 'cloud-cotton' },
    { id: 'earbuds', title: '耳机', series: 'sound-isle' },
    { id: 'speakers', title: '音箱', series: 'sound-isle' },
  ];
  return new LocalAdapter({ data, indexedDB: null, ...extra });
}

async function mount(adapter: LocalAdapter, attributes = html``, gridMarkup?: unknown) {
  const store = await fixture<SfStore>(
    html`<sf-store store-id=${uniqueStoreId('grid')} .adapter=${adapter}
      >${gridMarkup ?? html`<sf-product-grid page-size="8"></sf-product-grid>`}${attributes}</sf-store
    >`,
  );
  const grid = store.querySelector('sf-product-grid')!;
  return { store, grid, storefront: await store.whenReady() };
}

describe('<sf-product-grid>', () => {
  afterEach(() => setDefaultStorefront(null));

  it('shows the first page of cards, the count, and pages through the catalog', async () => {
    const { grid } = await mount(adapterFor(catalog()));
    await eventually(() => expect(cards(grid)).to.have.length(8));
    expect(visibleText(grid)).to.contain('共 30 件商品');
    const first = skus(grid);
    const pages = grid.shadowRoot!.querySelectorAll('nav [part="page"]');
    expect([...pages].map((b) => b.textContent?.trim())).to.include.members(['1', '2', '4']);
    grid.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="第 2 页"]')!.click();
    await eventually(() => expect(skus(grid)[0]).not.to.equal(first[0]));
    expect(skus(grid).some((sku) => first.includes(sku))).to.equal(false);
    expect(grid.shadowRoot!.querySelector('[aria-current="page"]')!.textContent!.trim()).to.equal('2');
    await expect(grid).to.be.accessible();
  });

  it('filters by the series attribute and by the chips a shopper clicks', async () => {
    const { grid } = await mount(
      adapterFor(catalog()),
      html``,
      html`<sf-product-grid series="sound-isle" page-size="50"></sf-product-grid>`,
    );
    await eventually(() => expect(cards(grid)).to.have.length(15));
    expect(cards(grid).every((card) => card.product?.series === 'sound-isle')).to.equal(true);
    const chip = (label: string) =>
      [...grid.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="chip"]')].find((b) => b.textContent?.trim() === label)!;
    await eventually(() => expect(chip('声屿').getAttribute('aria-pressed')).to.equal('true'));
    chip('云棉').click();
    await eventually(() => expect(cards(grid).every((card) => card.product?.series === 'cloud-cotton')).to.equal(true));
    chip('上衣').click();
    await eventually(() => expect(cards(grid).every((card) => card.product?.category === 'tops')).to.equal(true));
    expect(cards(grid)).to.have.length(8);
    expect(chip('上衣').getAttribute('aria-pressed')).to.equal('true');
  });

  it('sorts by price, rating and date from the select', async () => {
    const { grid } = await mount(adapterFor(catalog()), html``, html`<sf-product-grid page-size="50"></sf-product-grid>`);
    await eventually(() => expect(cards(grid)).to.have.length(30));
    const select = grid.shadowRoot!.querySelector('select')!;
    const choose = (value: string) => {
      select.value = value;
      select.dispatchEvent(new Event('change'));
    };
    choose('price-asc');
    await eventually(() => {
      const prices = cards(grid).map((card) => card.product!.price.amount);
      expect(prices).to.deep.equal([...prices].sort((a, b) => a - b));
      expect(new Set(prices).size).to.be.greaterThan(1);
    });
    choose('price-desc');
    await eventually(() => {
      const prices = cards(grid).map((card) => card.product!.price.amount);
      expect(prices).to.deep.equal([...prices].sort((a, b) => b - a));
    });
    choose('newest');
    await eventually(() => expect(skus(grid)[0]).to.equal('P029'));
  });

  it('follows the page search: ranked results, highlighted terms, and back to all', async () => {
    const { grid, storefront } = await mount(
      adapterFor(catalog()),
      html``,
      html`<sf-product-grid page-size="50"></sf-product-grid>`,
    );
    await eventually(() => expect(cards(grid)).to.have.length(30));
    storefront.search.setQuery('耳机');
    await eventually(() => expect(cards(grid)).to.have.length(15));
    expect(cards(grid).every((card) => card.product!.title.includes('耳机'))).to.equal(true);
    expect(cards(grid)[0]!.terms).to.include('耳机');
    expect(visibleText(grid)).to.contain('“耳机”的搜索结果');
    // Filters still apply to the results.
    grid.series = 'cloud-cotton';
    await eventually(() => expect(visibleText(grid)).to.contain('没有找到与「耳机」相关的商品'));
    grid.series = '';
    await eventually(() => expect(cards(grid)).to.have.length(15));
    const clear = [...grid.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === '清除搜索')!;
    clear.click();
    await eventually(() => expect(cards(grid)).to.have.length(30));
    expect(storefront.search.query).to.equal('');
  });

  it('shows a hostile query as text in "no results"', async () => {
    const { grid, storefront } = await mount(adapterFor(catalog()));
    await eventually(() => expect(cards(grid)).to.have.length(8));
    const hostile = '<img src=x onerror=alert(1)>';
    storefront.search.setQuery(hostile);
    await eventually(() => expect(visibleText(grid)).to.contain(`没有找到与「${hostile}」相关的商品`));
    expect(grid.shadowRoot!.querySelector('img')).to.equal(null);
    storefront.search.setQuery('a'.repeat(1000));
    await eventually(() => expect(visibleText(grid)).to.contain('没有找到'));
  });

  it('says when a category has no products, and offers all products', async () => {
    const { grid } = await mount(adapterFor(catalog()), html``, html`<sf-product-grid category="speakers"></sf-product-grid>`);
    await eventually(() => expect(visibleText(grid)).to.contain('该分类暂无商品'));
    [...grid.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="notice-action"]')][0]!.click();
    await eventually(() => expect(cards(grid).length).to.be.greaterThan(0));
  });

  it('keeps focus on "next" at the last page, and follows a lang change at once', async () => {
    const { grid } = await mount(adapterFor(catalog(12)));
    await eventually(() => expect(cards(grid)).to.have.length(8));
    const next = grid.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="下一页"]')!;
    next.focus();
    next.click();
    await eventually(() => expect(next.getAttribute('aria-disabled')).to.equal('true'));
    expect(grid.shadowRoot!.activeElement).to.equal(next);
    next.click(); // at the last page: nothing happens
    expect(grid.shadowRoot!.querySelector('[aria-current="page"]')!.textContent!.trim()).to.equal('2');
    grid.setAttribute('lang', 'en');
    await eventually(() => expect(visibleText(grid)).to.contain('12 products'));
  });

  it('says when the shop has no products at all', async () => {
    const { grid } = await mount(adapterFor([]));
    await eventually(() => expect(visibleText(grid)).to.contain('商店里还没有商品'));
  });

  it('shows an error with a retry that recovers, in English too', async () => {
    const adapter = adapterFor(catalog(), { fail: 'network' });
    const { grid } = await mount(adapter, html``, html`<sf-product-grid lang="en" page-size="8"></sf-product-grid>`);
    await eventually(() => expect(visibleText(grid)).to.contain("Can't reach the shop's server"));
    adapter.setFailure(null);
    grid.shadowRoot!.querySelector<HTMLButtonElement>('[part="notice-action"]')!.click();
    await eventually(() => expect(cards(grid)).to.have.length(8));
    expect(visibleText(grid)).to.contain('30 products');
  });

  it('keeps cached products on screen, marked offline, when the backend goes away', async () => {
    const adapter = adapterFor(catalog());
    const { grid } = await mount(adapter, html``, html`<sf-product-grid page-size="50"></sf-product-grid>`);
    await eventually(() => expect(cards(grid)).to.have.length(30));
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the cache write land
    adapter.setFailure('network');
    grid.sort = 'price-asc';
    await eventually(() => expect(visibleText(grid)).to.contain('网络不可用'));
    expect(cards(grid)).to.have.length(30);
  });

  it('gives up on a hanging backend: a timeout with retry, or the cached products', async () => {
    const inner = adapterFor(catalog());
    let hang = true;
    const hanging = {
      name: 'hanging',
      catalog: {
        list: (query: never, options: never) => (hang ? new Promise<never>(() => {}) : inner.catalog.list(query, options)),
        get: (sku: string) => inner.catalog.get(sku),
        facets: () => inner.catalog.facets(),
        promotions: () => inner.catalog.promotions(),
      },
    };
    const store = await fixture<SfStore>(
      html`<sf-store store-id=${uniqueStoreId('hang')} timeout="300" .adapter=${hanging}>
        <sf-product-grid page-size="50"></sf-product-grid>
      </sf-store>`,
    );
    const grid = store.querySelector('sf-product-grid')!;
    await eventually(() => expect(visibleText(grid)).to.contain('商店服务器响应超时'));
    hang = false;
    grid.shadowRoot!.querySelector<HTMLButtonElement>('[part="notice-action"]')!.click();
    await eventually(() => expect(cards(grid)).to.have.length(30));
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the cache write land
    hang = true;
    grid.sort = 'price-desc';
    await eventually(() => expect(visibleText(grid)).to.contain('商店服务器响应超时，正在显示之前缓存的商品'));
    expect(visibleText(grid)).not.to.contain('网络不可用');
    expect(cards(grid)).to.have.length(30);
  });

  it('counts only the products a shopper can reach, and says once how many failed validation', async () => {
    const inner = adapterFor(catalog(3));
    const broken = [
      ...Array.from({ length: 6 }, (_, i) => ({ ...product(`BAD${i}`, 100), price: { amount: -1, currency: 'CNY' } })),
      { title: 'no sku at all' },
    ];
    const adapter = {
      name: 'sloppy',
      catalog: {
        ...inner.catalog,
        list: async (query: never, options: never) => {
          const page = await inner.catalog.list(query, options);
          return { items: [...page.items, ...broken], total: page.total + broken.length };
        },
      },
    };
    const { result: grid, warnings } = await captureConsole(async () => {
      const store = await fixture<SfStore>(
        html`<sf-store store-id=${uniqueStoreId('dropped')} .adapter=${adapter}>
          <sf-product-grid page-size="24"></sf-product-grid>
        </sf-store>`,
      );
      const element = store.querySelector('sf-product-grid')!;
      await eventually(() => expect(cards(element)).to.have.length(3));
      return element;
    });
    expect(visibleText(grid)).to.contain('共 3 件商品');
    expect(visibleText(grid)).not.to.contain('共 10 件商品');
    expect(grid.shadowRoot!.querySelector('nav [part="page"]')).to.equal(null);
    const dropped = warnings.filter((line) => line.includes('failed validation'));
    expect(dropped).to.have.length(1);
    expect(dropped[0]).to.contain('Dropped 7 of 10 products from the sloppy adapter');
    expect(dropped[0]).to.contain('"BAD0"');
  });

  it('keeps loading pages in infinite mode when every page dropped some products, counting them out', async () => {
    // 6 pages of 10 counted; on each page 3 fail validation: 42 reachable.
    const items = Array.from({ length: 60 }, (_, i) =>
      i % 10 < 3
        ? { ...product(`BAD${i}`, 100), price: { amount: -1, currency: 'CNY' } }
        : product(`P${String(i).padStart(3, '0')}`, 1000, { title: `纯棉T恤 ${i} 号`, createdAt: 60 - i }),
    );
    const adapter = {
      name: 'sloppy',
      catalog: {
        list: async (query: { page?: number; pageSize?: number }) => {
          const size = query.pageSize ?? 24;
          const page = query.page ?? 1;
          return { items: structuredClone(items.slice((page - 1) * size, page * size)), total: items.length } as never;
        },
        get: async () => null,
        facets: async () => ({ series: [], categories: [] }),
        promotions: async () => [],
      },
    };
    const { result: grid } = await captureConsole(async () => {
      const store = await fixture<SfStore>(
        html`<sf-store store-id=${uniqueStoreId('dropped-infinite')} .adapter=${adapter}>
          <sf-product-grid infinite page-size="10" style="display:block"></sf-product-grid>
        </sf-store>`,
      );
      const element = store.querySelector('sf-product-grid')!;
      await eventually(() => expect(cards(element).length).to.be.greaterThan(0), 5000);
      expect(visibleText(element)).to.contain('共 57 件商品');
      await eventually(() => {
        window.scrollTo(0, document.body.scrollHeight);
        expect(visibleText(element)).to.contain('已显示全部 42 件商品');
      }, 8000);
      return element;
    });
    expect(visibleText(grid)).to.contain('共 42 件商品');
    window.scrollTo(0, 0);
  });

  it('says a response it cannot read is invalid, not that the network is down, cached products or not', async () => {
    const inner = adapterFor(catalog(12));
    let garbage = true;
    const adapter = {
      name: 'garbled',
      catalog: {
        ...inner.catalog,
        list: (query: never, options: never) =>
          garbage ? Promise.resolve('<html>502 Bad Gateway</html>' as never) : inner.catalog.list(query, options),
      },
    };
    const { result: grid } = await captureConsole(async () => {
      const store = await fixture<SfStore>(
        html`<sf-store store-id=${uniqueStoreId('garbled')} .adapter=${adapter}>
          <sf-product-grid page-size="50"></sf-product-grid>
        </sf-store>`,
      );
      const element = store.querySelector('sf-product-grid')!;
      // Nothing cached yet: the error itself, with a retry.
      await eventually(() => expect(visibleText(element)).to.contain('商店服务器返回了无法识别的数据，请稍后重试'));
      expect(element.shadowRoot!.querySelector('[role="alert"]')).to.exist;
      garbage = false;
      element.shadowRoot!.querySelector<HTMLButtonElement>('[part="notice-action"]')!.click();
      await eventually(() => expect(cards(element)).to.have.length(12));
      await new Promise((resolve) => setTimeout(resolve, 100)); // let the cache write land
      garbage = true;
      element.sort = 'price-asc';
      await eventually(() => expect(visibleText(element)).to.contain('商店服务器返回了无法识别的数据，正在显示之前缓存的商品'));
      return element;
    });
    expect(visibleText(grid)).not.to.contain('网络不可用');
    expect(cards(grid)).to.have.length(12);
  });

  it('renders only the visible cards of 2,000 products in infinite mode, loading more on scroll', async () => {
    const { grid } = await mount(
      adapterFor(catalog(2000)),
      html``,
      html`<sf-product-grid infinite page-size="60" style="display:block"></sf-product-grid>`,
    );
    await eventually(() => expect(grid.shadowRoot!.querySelector('.virtual-grid')).to.exist, 5000);
    await eventually(() => expect(cards(grid).length).to.be.greaterThan(0), 5000);
    expect(visibleText(grid)).to.contain('共 2,000 件商品');
    expect(cards(grid).length).to.be.lessThan(60);
    window.scrollTo(0, document.body.scrollHeight);
    await eventually(() => {
      window.scrollTo(0, document.body.scrollHeight);
      const last = cards(grid).map((card) => Number(card.product!.sku.slice(1)));
      expect(Math.max(...last)).to.be.greaterThan(60);
    }, 6000);
    expect(cards(grid).length).to.be.lessThan(120);
    window.scrollTo(0, 0);
  });
});
