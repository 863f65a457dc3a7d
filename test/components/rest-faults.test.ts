import { expect, fixture, html } from '@open-wc/testing';
import '../../components/sf-store/sf-store.js';
import '../../components/sf-product-grid/sf-product-grid.js';
import '../../components/sf-product-card/sf-product-card.js';
import type { SfStore } from '../../components/sf-store/sf-store.js';
import { RestAdapter } from '../../src/adapter/rest/rest-adapter.js';
import { captureConsole, eventually, product, uniqueStoreId } from '../helpers/fixtures.js';

/*
 * The elements on the RestAdapter when the backend misbehaves: a 500, an HTML error page from a
 * proxy, garbage JSON, a server that never answers. The shopper gets a localized message with a
 * retry (never a blank widget or a crash), and the cart, kept in IndexedDB, keeps working.
 */

type Fault = 'ok' | 'error-500' | 'html' | 'garbage' | 'hang';

const PRODUCTS = [product('REST-1', 12900, { title: '纯棉短袖T恤' }), product('REST-2', 29900, { title: '蓝牙耳机' })];

/** A backend whose fault can be switched: `ok` answers the contract's catalog paths. */
function backend() {
  const state = { fault: 'ok' as Fault, calls: 0 };
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    state.calls += 1;
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, location.href);
    switch (state.fault) {
      case 'error-500':
        return Promise.resolve(new Response('Internal Server Error', { status: 500 }));
      case 'html':
        return Promise.resolve(
          new Response('<html><body>502 Bad Gateway</body></html>', { headers: { 'content-type': 'text/html' } }),
        );
      case 'garbage':
        return Promise.resolve(json({ items: 'not a list', total: -3 }));
      case 'hang':
        return new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        );
    }
    if (url.pathname.endsWith('/products')) return Promise.resolve(json({ items: PRODUCTS, total: PRODUCTS.length }));
    const sku = decodeURIComponent(url.pathname.split('/products/')[1] ?? '');
    const found = PRODUCTS.find((item) => item.sku === sku);
    if (found) return Promise.resolve(json(found));
    if (url.pathname.endsWith('/facets')) return Promise.resolve(json({ series: [], categories: [] }));
    if (url.pathname.endsWith('/promotions')) return Promise.resolve(json({ items: [] }));
    if (url.pathname.endsWith('/account/me')) return Promise.resolve(json({ member: null }));
    return Promise.resolve(
      new Response(JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404, code: 'not-found' }), {
        status: 404,
        headers: { 'content-type': 'application/problem+json' },
      }),
    );
  };
  // Quick retries and a short timeout, so the faults show within a test's time.
  const adapter = new RestAdapter({ endpoint: '/api', fetch, timeout: 400, retry: { attempts: 2, baseDelay: 5, maxDelay: 10 } });
  return { state, adapter };
}

const text = (element: Element) => (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function mount(adapter: RestAdapter, markup = html`<sf-product-grid page-size="8"></sf-product-grid>`) {
  const store = await fixture<SfStore>(
    html`<sf-store store-id=${uniqueStoreId('rest-faults')} timeout="500" .adapter=${adapter}>${markup}</sf-store>`,
  );
  return { store, storefront: await store.whenReady() };
}

describe('elements on the RestAdapter when the backend fails', () => {
  for (const [fault, message] of [
    ['error-500', '服务暂时不可用，请稍后重试'],
    ['html', '商店服务器返回了无法识别的数据'],
    ['garbage', '商店服务器返回了无法识别的数据'],
    ['hang', '商店服务器响应超时'],
  ] as const) {
    it(`shows a localized message with a retry for ${fault}, and the retry recovers`, async () => {
      const { state, adapter } = backend();
      state.fault = fault;
      await captureConsole(async () => {
        const { store } = await mount(adapter);
        const grid = store.querySelector('sf-product-grid')!;
        await eventually(() => expect(text(grid)).to.contain(message), 5000);
        const retry = [...grid.shadowRoot!.querySelectorAll('button')].find((button) => /重试/.test(button.textContent ?? ''));
        expect(retry, 'a retry button').to.exist;
        state.fault = 'ok';
        retry!.click();
        await eventually(() => expect(text(grid)).to.contain('共 2 件商品'), 5000);
        const titles = [
          ...grid.shadowRoot!.querySelectorAll<HTMLElement & { product?: { title: string } }>('sf-product-card'),
        ].map((card) => card.product?.title);
        expect(titles).to.deep.equal(['纯棉短袖T恤', '蓝牙耳机']);
      });
    });
  }

  it('keeps the cart working from IndexedDB while the backend fails', async () => {
    const { state, adapter } = backend();
    await captureConsole(async () => {
      const { storefront } = await mount(adapter, html`<sf-product-card sku="REST-1"></sf-product-card>`);
      await storefront.cart.add('REST-1', 1);
      state.fault = 'error-500';
      // The product is known from the cache: adding more and reading the cart still work.
      await storefront.cart.add('REST-1', 2);
      expect((await storefront.cart.lines()).map((line) => [line.sku, line.quantity])).to.deep.equal([['REST-1', 3]]);
      state.fault = 'hang';
      await storefront.cart.setQuantity('REST-1', 1);
      expect((await storefront.cart.lines())[0]?.quantity).to.equal(1);
    });
  });
});
