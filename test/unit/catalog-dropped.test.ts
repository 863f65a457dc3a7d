import { expect } from '@open-wc/testing';
import type { StorefrontAdapter } from '../../src/adapter/adapter.js';
import type { CatalogQuery, Product } from '../../src/core/types.js';
import { createStorefront } from '../../src/storefront.js';
import { captureConsole, product, uniqueStoreId } from '../helpers/fixtures.js';

/** A product the schema refuses (a negative price), still claiming its sku. */
const broken = (sku: string) => ({ ...product(sku, 100), price: { amount: -5, currency: 'CNY' } });

/** Pages of 5 over `items` (valid or not), counting all of them in `total`, as a sloppy backend would. */
function pagedAdapter(items: unknown[]): StorefrontAdapter {
  return {
    name: 'sloppy',
    catalog: {
      list: async (query: CatalogQuery) => {
        const page = query.page ?? 1;
        const size = query.pageSize ?? 24;
        return { items: structuredClone(items.slice((page - 1) * size, page * size)), total: items.length } as never;
      },
      get: async () => null,
      facets: async () => ({ series: [], categories: [] }),
      promotions: async () => [],
    },
  };
}

const valid = (count: number, from = 0): Product[] => Array.from({ length: count }, (_, i) => product(`OK${i + from}`, 1000));

describe('catalog total and products that failed validation', () => {
  it('subtracts the dropped products from the total, also those seen on other pages, and logs once per load', async () => {
    // Page 1: 3 valid, 2 broken; page 2: 2 valid, 3 broken; page 3: 5 valid. 15 counted, 10 reachable.
    const items = [
      ...valid(3),
      broken('B1'),
      broken('B2'),
      ...valid(2, 3),
      broken('B3'),
      broken('B4'),
      broken('B5'),
      ...valid(5, 5),
    ];
    const storefront = createStorefront({ adapter: pagedAdapter(items), storeId: uniqueStoreId('dropped') });
    await storefront.ready;
    const { result, warnings } = await captureConsole(async () => {
      const first = await storefront.catalog.list({ page: 1, pageSize: 5 });
      const second = await storefront.catalog.list({ page: 2, pageSize: 5 });
      const third = await storefront.catalog.list({ page: 3, pageSize: 5 });
      const again = await storefront.catalog.list({ page: 1, pageSize: 5, sort: 'price-asc' });
      return { first, second, third, again };
    });
    expect(result.first.items).to.have.length(3);
    expect(result.first.total).to.equal(13);
    expect(result.second.items).to.have.length(2);
    expect(result.second.total).to.equal(10);
    expect(result.third.total).to.equal(10);
    expect(result.again.total).to.equal(10);
    expect(warnings).to.have.length(3); // three loads dropped something, each said so once
    expect(warnings[0]).to.contain('Dropped 2 of 5 products from the sloppy adapter that failed validation');
    expect(warnings[0]).to.contain('"B1"');
    expect(warnings[1]).to.contain('Dropped 3 of 5 products');
    storefront.close();
  });

  it('never counts fewer than it shows, and forgets a product once it is valid again', async () => {
    const items: unknown[] = [broken('X'), ...valid(2)];
    const storefront = createStorefront({ adapter: pagedAdapter(items), storeId: uniqueStoreId('dropped-fixed') });
    await storefront.ready;
    await captureConsole(async () => expect((await storefront.catalog.list()).total).to.equal(2));
    items[0] = product('X', 100);
    expect((await storefront.catalog.list()).total).to.equal(3);
    storefront.close();
  });

  it('keeps the filter sets apart: a product dropped under one series does not lower another', async () => {
    const adapter = pagedAdapter([broken('B1'), ...valid(4)]);
    const list = adapter.catalog.list;
    adapter.catalog.list = async (query, options) => {
      const page = (await list(query, options)) as unknown as { items: unknown[]; total: number };
      return (query.series === 'clean' ? { items: page.items.slice(1), total: page.total - 1 } : page) as never;
    };
    const storefront = createStorefront({ adapter, storeId: uniqueStoreId('dropped-series') });
    await storefront.ready;
    await captureConsole(async () => expect((await storefront.catalog.list()).total).to.equal(4));
    expect((await storefront.catalog.list({ series: 'clean' })).total).to.equal(4);
    storefront.close();
  });
});
