import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../components/index.js';
import type { SfStore } from '../../components/sf-store/sf-store.js';
import type { SfStoreStatus } from '../../components/sf-store-status/sf-store-status.js';
import { setDefaultStorefront } from '../../components/shared/default-store.js';
import { createStorefront } from '../../src/storefront.js';
import { captureConsole, eventually, rejection, SMALL_CATALOG, smallAdapter, uniqueStoreId } from '../helpers/fixtures.js';

/** The text a person sees in an element's shadow root (whitespace collapsed). */
function visibleText(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('<sf-store>', () => {
  afterEach(() => setDefaultStorefront(null));

  it('provides its store to the widgets inside it (zh-CN by default)', async () => {
    const storeId = uniqueStoreId('provide');
    const store = await fixture<SfStore>(
      html`<sf-store store-id=${storeId} .adapter=${smallAdapter()}><sf-store-status></sf-store-status></sf-store>`,
    );
    const status = store.querySelector('sf-store-status')!;
    await eventually(() => expect(visibleText(status)).to.contain('共 3 件商品'));
    expect(visibleText(status)).to.contain('商店已连接');
    expect(store.storefront?.storeId).to.equal(storeId);
    await expect(status).to.be.accessible();
  });

  it('runs the embedded local demo shop by default and speaks English when asked', async () => {
    const store = await fixture<SfStore>(
      html`<sf-store locale="en" store-id=${uniqueStoreId('local')}><sf-store-status></sf-store-status></sf-store>`,
    );
    const ready = await store.whenReady();
    expect(ready.adapter.name).to.equal('local');
    const status = store.querySelector('sf-store-status')!;
    await eventually(() => expect(visibleText(status)).to.match(/Store connected.*\b4\d products/));
    expect(visibleText(status)).to.contain('Your cart is saved in this browser.');
  });

  it('fires sf-store-ready with the store id and whether storage persists', async () => {
    const storeId = uniqueStoreId('ready-event');
    const element = document.createElement('sf-store');
    element.setAttribute('store-id', storeId);
    element.adapter = smallAdapter();
    const ready = oneEvent(element, 'sf-store-ready');
    document.body.append(element);
    const event = await ready;
    expect(event.detail).to.deep.equal({ storeId, persistent: true });
    element.remove();
  });

  it('serves widgets outside any <sf-store> from the first store of the page', async () => {
    const storeId = uniqueStoreId('default');
    const page = await fixture<HTMLElement>(
      html`<div>
        <header><sf-store-status id="outside"></sf-store-status></header>
        <main><sf-store store-id=${storeId} .adapter=${smallAdapter()}></sf-store></main>
        <sf-store store-id=${uniqueStoreId('second')} .adapter=${smallAdapter([])}></sf-store>
      </div>`,
    );
    const outside = page.querySelector('#outside')!;
    await eventually(() => expect(visibleText(outside)).to.contain('共 3 件商品'));
  });

  it('serves widgets from a store made in script with setDefaultStorefront', async () => {
    const storefront = createStorefront({ adapter: smallAdapter(), storeId: uniqueStoreId('scripted') });
    setDefaultStorefront(storefront);
    const status = await fixture<SfStoreStatus>(html`<sf-store-status lang="en"></sf-store-status>`);
    await eventually(() => expect(visibleText(status)).to.contain('3 products'));
    storefront.close();
  });

  it('moves a widget taken out of its <sf-store> to the page default store', async () => {
    const first = uniqueStoreId('first');
    const page = await fixture<HTMLElement>(
      html`<div>
        <sf-store store-id=${first} .adapter=${smallAdapter()}></sf-store>
        <sf-store store-id=${uniqueStoreId('second')} .adapter=${smallAdapter([])}>
          <sf-store-status id="moving"></sf-store-status>
        </sf-store>
      </div>`,
    );
    const status = page.querySelector('#moving')!;
    await eventually(() => expect(visibleText(status)).to.contain('共 0 件商品'));
    page.append(status);
    await eventually(() => expect(visibleText(status)).to.contain('共 3 件商品'));
  });

  it('explains the setup when the page has no store at all', async () => {
    const status = await fixture<SfStoreStatus>(html`<sf-store-status></sf-store-status>`);
    expect(status.shadowRoot?.querySelector('[role="status"]')).to.exist;
    await eventually(() => expect(visibleText(status)).to.contain('未找到商店'));
    expect(visibleText(status)).to.contain('<sf-store>');
    await expect(status).to.be.accessible();
  });

  it('shows the adapter failing with a retry that recovers', async () => {
    const adapter = smallAdapter();
    adapter.setFailure('network');
    const store = await fixture<SfStore>(
      html`<sf-store store-id=${uniqueStoreId('failing')} .adapter=${adapter}><sf-store-status></sf-store-status></sf-store>`,
    );
    const status = store.querySelector('sf-store-status')!;
    await eventually(() => expect(visibleText(status)).to.contain('无法连接到商店服务器'));
    expect(status.shadowRoot?.querySelector('[role="alert"]')).to.exist;
    adapter.setFailure(null);
    status.shadowRoot!.querySelector<HTMLButtonElement>('button')!.click();
    await eventually(() => expect(visibleText(status)).to.contain('共 3 件商品'));
  });
});

describe('<sf-store> set up from script', () => {
  it('accepts an adapter object set after the element connected', async () => {
    const store = await fixture<SfStore>(
      html`<sf-store store-id=${uniqueStoreId('late-adapter')}><sf-store-status></sf-store-status></sf-store>`,
    );
    store.adapter = smallAdapter();
    const storefront = await store.whenReady();
    expect((await storefront.catalog.list()).total).to.equal(3);
    await eventually(() => expect(visibleText(store.querySelector('sf-store-status')!)).to.contain('共 3 件商品'));
    expect(store.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });
});

describe('<sf-store> adapter set from script at any time', () => {
  /** Markup as a page writes it, with the element already defined (the bundle was imported). */
  function parsed(storeId: string): SfStore {
    const host = document.createElement('div');
    host.innerHTML = `<sf-store store-id="${storeId}"><sf-store-status></sf-store-status></sf-store>`;
    document.body.append(host);
    return host.querySelector('sf-store')!;
  }

  it('uses an adapter set right after the bundle loaded, before the first update', async () => {
    const adapter = smallAdapter();
    const {
      result: store,
      warnings,
      errors,
    } = await captureConsole(async () => {
      const element = parsed(uniqueStoreId('early-adapter'));
      element.adapter = adapter;
      const storefront = await element.whenReady();
      await storefront.account.ready;
      return element;
    });
    expect(store.storefront?.adapter).to.equal(adapter);
    await eventually(() => expect(visibleText(store.querySelector('sf-store-status')!)).to.contain('共 3 件商品'));
    expect([...warnings, ...errors]).to.deep.equal([]);
    store.parentElement!.remove();
  });

  it('switches quietly from the local demo shop to an adapter set after the first update', async () => {
    const adapter = smallAdapter();
    const store = parsed(uniqueStoreId('late-switch'));
    await store.updateComplete;
    const discarded = store.storefront!;
    expect(discarded.adapter.name).to.equal('local');
    const { warnings, errors } = await captureConsole(async () => {
      store.adapter = adapter;
      const storefront = await store.whenReady();
      // The discarded store's member read was still running when its database closed.
      await discarded.account.ready;
      await storefront.account.ready;
    });
    expect(store.storefront?.adapter).to.equal(adapter);
    await eventually(() => expect(visibleText(store.querySelector('sf-store-status')!)).to.contain('共 3 件商品'));
    expect([...warnings, ...errors]).to.deep.equal([]);
    store.parentElement!.remove();
  });

  it('switches again when the adapter is replaced once the store is ready', async () => {
    const store = parsed(uniqueStoreId('ready-switch'));
    const local = await store.whenReady();
    await local.account.ready;
    const adapter = smallAdapter(SMALL_CATALOG.slice(0, 2));
    const { warnings, errors } = await captureConsole(async () => {
      store.adapter = adapter;
      await (
        await store.whenReady()
      ).account.ready;
    });
    expect(store.storefront?.adapter).to.equal(adapter);
    await eventually(() => expect(visibleText(store.querySelector('sf-store-status')!)).to.contain('共 2 件商品'));
    expect([...warnings, ...errors]).to.deep.equal([]);
    store.parentElement!.remove();
  });
});

describe('<sf-store> bad input', () => {
  async function misconfigured(template: ReturnType<typeof html>): Promise<{ store: SfStore; errors: string[]; text: string }> {
    const { result: store, errors } = await captureConsole(async () => {
      const element = await fixture<SfStore>(template);
      await element.updateComplete;
      return element;
    });
    return { store, errors, text: visibleText(store) };
  }

  it('refuses an unknown adapter with a message on the element and in the console', async () => {
    const { store, errors, text } = await misconfigured(
      html`<sf-store adapter="nonsense" store-id=${uniqueStoreId('bad')}></sf-store>`,
    );
    expect(text).to.contain('adapter「nonsense」无效');
    expect(errors.join('\n')).to.contain('adapter "nonsense" is not valid');
    expect(store.shadowRoot!.querySelector('[role="alert"]')).to.exist;
    expect((await rejection(store.whenReady())).code).to.equal('config');
  });

  it('refuses an endpoint that is no URL', async () => {
    const { errors, text } = await misconfigured(
      html`<sf-store adapter="rest" endpoint="not a url" store-id=${uniqueStoreId('bad')}></sf-store>`,
    );
    expect(text).to.contain('endpoint「not a url」不是有效的网址');
    expect(errors.join('\n')).to.contain('endpoint "not a url" is not a valid URL');
  });

  it('says it once: a widget inside the broken store defers to its notice, one outside repeats it', async () => {
    const { result: page } = await captureConsole(() =>
      fixture<HTMLElement>(
        html`<div>
          <sf-store-status id="outside"></sf-store-status>
          <sf-store adapter="nonsense" store-id=${uniqueStoreId('bad')}><sf-store-status id="inside"></sf-store-status></sf-store>
        </div>`,
      ),
    );
    const inside = page.querySelector('#inside')!;
    const outside = page.querySelector('#outside')!;
    await eventually(() => expect(visibleText(outside)).to.contain('adapter「nonsense」无效'));
    expect(visibleText(inside)).to.equal('');
    await expect(page.querySelector('sf-store')!).to.be.accessible();
  });

  it('refuses a store-id with spaces or slashes, in English too', async () => {
    const { errors, text } = await misconfigured(html`<sf-store locale="en" store-id="my shop/1"></sf-store>`);
    expect(text).to.contain('store-id "my shop/1" is not valid');
    expect(errors.join('\n')).to.contain('store-id "my shop/1" is not valid');
  });

  it('fires sf-store-error with a config error', async () => {
    const element = document.createElement('sf-store');
    element.setAttribute('store-id', 'a/b');
    const failed = oneEvent(element, 'sf-store-error');
    await captureConsole(async () => {
      document.body.append(element);
      const event = await failed;
      expect(event.detail.error.code).to.equal('config');
    });
    element.remove();
  });

  it('lets two <sf-store> with the same store-id share one store, with a warning', async () => {
    const storeId = uniqueStoreId('twins');
    const adapter = smallAdapter();
    const { result: page, warnings } = await captureConsole(() =>
      fixture<HTMLElement>(
        html`<div>
          <sf-store store-id=${storeId} .adapter=${adapter}></sf-store>
          <sf-store store-id=${storeId} .adapter=${adapter}></sf-store>
        </div>`,
      ),
    );
    const [first, second] = [...page.querySelectorAll('sf-store')];
    const [a, b] = await Promise.all([first!.whenReady(), second!.whenReady()]);
    expect(a).to.equal(b);
    expect(warnings.join('\n')).to.contain(`Two <sf-store> elements use store-id "${storeId}"`);
    await a.cart.add('A', 2);
    expect(await b.cart.count()).to.equal(2);
  });

  it('refuses a second store with the same store-id but another backend', async () => {
    const storeId = uniqueStoreId('clash');
    const { result: page, errors } = await captureConsole(() =>
      fixture<HTMLElement>(
        html`<div>
          <sf-store store-id=${storeId} .adapter=${smallAdapter()}></sf-store>
          <sf-store store-id=${storeId} adapter="local"></sf-store>
        </div>`,
      ),
    );
    const second = page.querySelectorAll('sf-store')[1]!;
    await second.updateComplete;
    expect(visibleText(second)).to.contain(`另一个 <sf-store> 已使用 store-id「${storeId}」`);
    expect(errors.join('\n')).to.contain('different setup');
  });

  it('keeps the data of two stores with different store-ids apart', async () => {
    const page = await fixture<HTMLElement>(
      html`<div>
        <sf-store store-id=${uniqueStoreId('left')} .adapter=${smallAdapter()}></sf-store>
        <sf-store store-id=${uniqueStoreId('right')} .adapter=${smallAdapter()}></sf-store>
      </div>`,
    );
    const [left, right] = await Promise.all([...page.querySelectorAll('sf-store')].map((store) => store.whenReady()));
    await left!.cart.add('A', 1);
    await right!.cart.add('B', 3);
    expect((await left!.cart.lines()).map((line) => line.sku)).to.deep.equal(['A']);
    expect((await right!.cart.lines()).map((line) => line.sku)).to.deep.equal(['B']);
  });

  it('recovers when a bad attribute is corrected', async () => {
    const { store } = await misconfigured(
      html`<sf-store store-id="bad id" .adapter=${smallAdapter()}><sf-store-status></sf-store-status></sf-store>`,
    );
    store.storeId = uniqueStoreId('fixed');
    const storefront = await store.whenReady();
    expect(storefront.storeId).to.equal(store.storeId);
    expect(store.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    await eventually(() => expect(visibleText(store.querySelector('sf-store-status')!)).to.contain('共 3 件商品'));
  });
});
