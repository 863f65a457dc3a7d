import { expect, fixture, html } from '@open-wc/testing';
import '../../components/index.js';
import type { SfStore } from '../../components/sf-store/sf-store.js';
import { setDefaultStorefront } from '../../components/shared/default-store.js';
import { captureConsole, eventually, rejection, uniqueStoreId } from '../helpers/fixtures.js';

/*
 * <sf-store endpoint=...> on the RestAdapter, against the real reference server that
 * web-test-runner starts (restServerPlugin) with a fresh PGlite data folder and the demo seed.
 */
interface ServerInfo {
  apiUrl: string | null;
  serverError: string | null;
}
const serverModule: string = '/__server.js';

/** The text a person sees in an element's shadow root (whitespace collapsed). */
function visibleText(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Whether the page has downloaded the REST adapter's module (it is loaded only when a store needs it). */
function restAdapterLoaded(): boolean {
  return performance.getEntriesByType('resource').some((entry) => entry.name.includes('/adapter/rest/rest-adapter'));
}

describe('<sf-store> on the REST adapter', () => {
  let apiUrl = '';
  let products = 0;

  before(async function () {
    this.timeout(100_000);
    const server = (await import(serverModule)) as ServerInfo;
    if (!server.apiUrl) throw new Error(`The reference server did not start: ${server.serverError}`);
    apiUrl = server.apiUrl;
    products = ((await (await fetch(`${apiUrl}/products?pageSize=1`)).json()) as { total: number }).total;
    expect(products).to.be.greaterThan(0);
  });
  afterEach(() => setDefaultStorefront(null));

  it('does not download the REST adapter for a store on the local adapter', async () => {
    const store = await fixture<SfStore>(html`<sf-store store-id=${uniqueStoreId('local-only')}></sf-store>`);
    expect((await store.whenReady()).adapter.name).to.equal('local');
    expect(restAdapterLoaded()).to.equal(false);
  });

  it('uses the RestAdapter at the endpoint, with or without adapter="rest"', async () => {
    for (const template of [
      (storeId: string) => html`<sf-store endpoint=${apiUrl} store-id=${storeId}><sf-store-status></sf-store-status></sf-store>`,
      (storeId: string) =>
        html`<sf-store adapter="rest" endpoint=${`${apiUrl}/`} store-id=${storeId}
          ><sf-store-status></sf-store-status
        ></sf-store>`,
    ]) {
      const store = await fixture<SfStore>(template(uniqueStoreId('rest')));
      const storefront = await store.whenReady();
      expect(storefront.adapter.name).to.equal('rest');
      expect((storefront.adapter as { endpoint?: string }).endpoint).to.equal(apiUrl);
      const status = store.querySelector('sf-store-status')!;
      await eventually(() => expect(visibleText(status)).to.contain(`共 ${products} 件商品`), 8000);
      expect(visibleText(status)).to.contain('商店已连接');
      expect(visibleText(store)).not.to.contain('rest');
      expect(store.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      store.remove();
    }
    expect(restAdapterLoaded()).to.equal(true);
  });

  it('uses an endpoint set from script before the first update', async () => {
    const host = document.createElement('div');
    host.innerHTML = `<sf-store store-id="${uniqueStoreId('rest-script')}"><sf-store-status></sf-store-status></sf-store>`;
    document.body.append(host);
    const store = host.querySelector('sf-store')!;
    store.endpoint = apiUrl;
    const {
      result: storefront,
      warnings,
      errors,
    } = await captureConsole(async () => {
      const ready = await store.whenReady();
      await ready.account.ready;
      return ready;
    });
    expect(storefront.adapter.name).to.equal('rest');
    expect([...warnings, ...errors]).to.deep.equal([]);
    host.remove();
  });

  it('asks for the endpoint when adapter="rest" has none', async () => {
    const { result: store, errors } = await captureConsole(async () => {
      const element = await fixture<SfStore>(html`<sf-store adapter="rest" store-id=${uniqueStoreId('no-endpoint')}></sf-store>`);
      await element.updateComplete;
      return element;
    });
    expect(visibleText(store)).to.contain('adapter="rest" 需要 endpoint 属性');
    expect(errors.join('\n')).to.contain('needs an endpoint attribute');
    expect((await rejection(store.whenReady())).code).to.equal('config');
  });

  it('refuses an endpoint the REST adapter cannot use', async () => {
    for (const endpoint of ['javascript:alert(1)', 'ftp://shop.example/api', 'https://shop.example/api?x=1', 'api']) {
      const { result: store } = await captureConsole(async () => {
        const element = await fixture<SfStore>(
          html`<sf-store endpoint=${endpoint} store-id=${uniqueStoreId('bad-endpoint')}></sf-store>`,
        );
        await element.updateComplete;
        return element;
      });
      expect(visibleText(store), endpoint).to.contain(`endpoint「${endpoint}」不是有效的网址`);
    }
  });
});
