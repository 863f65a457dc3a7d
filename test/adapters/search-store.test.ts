import { expect } from '@open-wc/testing';
import { LocalAdapter } from '../../src/adapter/local/local-adapter.js';
import type { Product } from '../../src/core/types.js';
import { cleanQuery } from '../../src/search/search-store.js';
import { createStorefront } from '../../src/storefront.js';
import { product, smallData, uniqueStoreId } from '../helpers/fixtures.js';

const PRODUCTS: Product[] = [
  product('TEE', 9900, { title: '男士纯棉短袖T恤', series: 'cloud-cotton', category: 'tops', createdAt: 1 }),
  product('LONG', 12900, { title: '女士纯棉长袖衬衫', series: 'cloud-cotton', category: 'tops', createdAt: 2 }),
  product('SOCK', 2900, { title: '纯棉中筒袜', series: 'cloud-cotton', category: 'accessories', createdAt: 3 }),
  product('BUDS', 29900, { title: '声屿 Air 真无线蓝牙耳机', series: 'sound-isle', category: 'earbuds', createdAt: 4 }),
];

function adapter(products = PRODUCTS): LocalAdapter {
  return new LocalAdapter({ data: smallData(products), indexedDB: null });
}

describe('search store', () => {
  it('suggests the best products for a partial query', async () => {
    const shop = createStorefront({ adapter: adapter(), storeId: uniqueStoreId('search') });
    const hits = await shop.search.suggest('纯棉', { limit: 2 });
    expect(hits).to.have.length(2);
    expect(hits.every(({ product }) => product.title.includes('纯棉'))).to.equal(true);
    expect(hits[0]!.hit.terms).to.include('纯棉');
    shop.close();
  });

  it('filters, sorts and pages results', async () => {
    const shop = createStorefront({ adapter: adapter(), storeId: uniqueStoreId('search') });
    const all = await shop.search.search('纯棉', { sort: 'price-asc' });
    expect(all.total).to.equal(3);
    expect(all.items.map((item) => item.product.sku)).to.deep.equal(['SOCK', 'TEE', 'LONG']);
    const tops = await shop.search.search('纯棉', { category: 'tops', sort: 'price-desc', pageSize: 1, page: 2 });
    expect(tops.total).to.equal(2);
    expect(tops.items.map((item) => item.product.sku)).to.deep.equal(['TEE']);
    expect((await shop.search.search('   ')).total).to.equal(0);
    shop.close();
  });

  it('holds the page query and tells subscribers', async () => {
    const shop = createStorefront({ adapter: adapter(), storeId: uniqueStoreId('search') });
    const heard: string[] = [];
    const stop = shop.search.subscribe((query) => heard.push(query));
    shop.search.setQuery('  短袖   T恤 ');
    shop.search.setQuery('短袖 T恤');
    stop();
    shop.search.setQuery('袜');
    expect(heard).to.deep.equal(['短袖 T恤']);
    expect(shop.search.query).to.equal('袜');
    expect(cleanQuery('x'.repeat(500))).to.have.length(120);
    expect(cleanQuery(42)).to.equal('');
    shop.close();
  });

  it('keeps recent searches in IndexedDB, newest first, without duplicates', async () => {
    const storeId = uniqueStoreId('recent');
    const shop = createStorefront({ adapter: adapter(), storeId });
    await shop.search.remember('短袖');
    await shop.search.remember('耳机');
    await shop.search.remember('短袖');
    for (let i = 0; i < 10; i += 1) await shop.search.remember(`q${i}`);
    shop.close();
    const again = createStorefront({ adapter: adapter(), storeId });
    const recent = await again.search.recent();
    expect(recent).to.have.length(8);
    expect(recent[0]).to.equal('q9');
    expect(await again.search.forget('q9')).not.to.include('q9');
    expect(await again.search.forget()).to.deep.equal([]);
    again.close();
  });

  it('keeps the built index for the next visit, and rebuilds it when the catalog changed', async () => {
    const storeId = uniqueStoreId('kept');
    const first = createStorefront({ adapter: adapter(), storeId });
    expect((await first.search.suggest('耳机')).map((h) => h.product.sku)).to.deep.equal(['BUDS']);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the index is written in the background
    first.close();

    // A returning visitor whose backend is down still searches, from the kept index.
    const offline = new LocalAdapter({ data: smallData(PRODUCTS), indexedDB: null, fail: 'network' });
    const second = createStorefront({ adapter: offline, storeId });
    expect((await second.search.suggest('耳机')).map((h) => h.product.sku)).to.deep.equal(['BUDS']);
    second.close();

    // The catalog changed: the kept index answers first, then the fresh one takes over.
    const changed = [...PRODUCTS, product('HOOD', 19900, { title: '加厚连帽卫衣' })];
    const third = createStorefront({ adapter: adapter(changed), storeId });
    await third.search.suggest('卫衣');
    let found: string[] = [];
    for (let i = 0; i < 50 && found.length === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      found = (await third.search.suggest('卫衣')).map((h) => h.product.sku);
    }
    expect(found).to.deep.equal(['HOOD']);
    third.close();
  });

  it('reports a failing backend when nothing is kept, and recovers on the next call', async () => {
    const failing = new LocalAdapter({ data: smallData(PRODUCTS), indexedDB: null, fail: 'network' });
    const shop = createStorefront({ adapter: failing, storeId: uniqueStoreId('fail') });
    let code: string | undefined;
    try {
      await shop.search.suggest('耳机');
    } catch (error) {
      code = (error as { code?: string }).code;
    }
    expect(code).to.equal('network');
    failing.setFailure(null);
    expect((await shop.search.suggest('耳机')).map((h) => h.product.sku)).to.deep.equal(['BUDS']);
    shop.close();
  });

  it('cancels with the signal', async () => {
    const shop = createStorefront({ adapter: adapter(), storeId: uniqueStoreId('abort') });
    const controller = new AbortController();
    controller.abort();
    let code: string | undefined;
    try {
      await shop.search.suggest('耳机', { signal: controller.signal });
    } catch (error) {
      code = (error as { code?: string }).code;
    }
    expect(code).to.equal('aborted');
    shop.close();
  });
});
