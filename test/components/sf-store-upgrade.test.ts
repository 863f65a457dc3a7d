import { expect } from '@open-wc/testing';
import type { SfStore } from '../../components/sf-store/sf-store.js';
import { captureConsole, eventually, smallAdapter, uniqueStoreId } from '../helpers/fixtures.js';

// This file loads the elements itself (no static import): the page sets the adapter on an
// <sf-store> the browser does not know yet, as a page does whose bundle loads late.
describe('<sf-store> given its adapter before it was defined', () => {
  it('uses that adapter once the element upgrades, without a warning', async () => {
    expect(customElements.get('sf-store')).to.equal(undefined);
    const host = document.createElement('div');
    host.innerHTML = `<sf-store store-id="${uniqueStoreId('upgrade')}"><sf-store-status></sf-store-status></sf-store>`;
    document.body.append(host);
    const adapter = smallAdapter();
    const early = host.querySelector('sf-store') as unknown as { adapter: unknown };
    early.adapter = adapter;

    const {
      result: store,
      warnings,
      errors,
    } = await captureConsole(async () => {
      await import('../../components/index.js');
      const element = host.querySelector('sf-store') as SfStore;
      const storefront = await element.whenReady();
      await storefront.account.ready;
      return element;
    });
    expect(store.storefront?.adapter).to.equal(adapter);
    const status = host.querySelector('sf-store-status')!;
    await eventually(() => expect(status.shadowRoot?.textContent?.replace(/\s+/g, ' ')).to.contain('共 3 件商品'));
    expect([...warnings, ...errors]).to.deep.equal([]);
    host.remove();
  });
});
