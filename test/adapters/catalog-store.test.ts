import { expect } from '@open-wc/testing';
import type { CatalogCapability, StorefrontAdapter } from '../../src/adapter/adapter.js';
import { StorefrontError } from '../../src/core/errors.js';
import type { Product } from '../../src/core/types.js';
import { createStorefront, type Storefront } from '../../src/storefront.js';
import { captureConsole, product, SMALL_CATALOG, uniqueStoreId } from '../helpers/fixtures.js';
import { expectRejection } from './conformance.js';

/** How the fake backend answers right now. */
type Mode = 'ok' | 'network' | 'failed-fetch' | 'validation' | 'aborted' | 'garbage';

/**
 * A tiny adapter over `products` that can be switched into failing. `list` and `get` answer
 * whatever `respond` returns while the mode is `ok`.
 */
function fakeAdapter(products: unknown[] = SMALL_CATALOG) {
  const state = { mode: 'ok' as Mode, listCalls: 0 };
  const fail = (): never => {
    switch (state.mode) {
      case 'network':
        throw new StorefrontError('network', 'The backend could not be reached.');
      case 'failed-fetch':
        throw new TypeError('Failed to fetch');
      case 'validation':
        throw new StorefrontError('validation', 'The backend refused the query.', { detail: { field: 'page' } });
      case 'aborted':
        throw new DOMException('The user aborted a request.', 'AbortError');
      default:
        throw new Error(`unexpected mode ${state.mode}`);
    }
  };
  const catalog: CatalogCapability = {
    list: async (query) => {
      state.listCalls += 1;
      if (state.mode === 'garbage') return { products } as never;
      if (state.mode !== 'ok') fail();
      const page = query.page ?? 1;
      const size = query.pageSize ?? 24;
      const matching = products.filter((item) => !query.series || (item as Partial<Product> | null)?.series === query.series);
      return { items: structuredClone(matching.slice((page - 1) * size, page * size)), total: matching.length } as never;
    },
    get: async (sku) => {
      if (state.mode === 'garbage') return { sku } as never;
      if (state.mode !== 'ok') fail();
      return (structuredClone(products.find((item) => (item as Partial<Product> | null)?.sku === sku)) ?? null) as never;
    },
    facets: async () => ({ series: [], categories: [] }),
    promotions: async () => [],
  };
  const adapter: StorefrontAdapter = { name: 'fake', catalog };
  return { adapter, state };
}

/** An adapter whose `list` resolves to `response`, whatever is asked. */
function answering(response: unknown): StorefrontAdapter {
  return {
    name: 'odd',
    catalog: {
      list: async () => response as never,
      get: async () => response as never,
      facets: async () => response as never,
      promotions: async () => response as never,
    },
  };
}

const opened: Storefront[] = [];
async function storefrontOver(adapter: StorefrontAdapter): Promise<Storefront> {
  const storefront = createStorefront({ adapter, storeId: uniqueStoreId('catalog') });
  opened.push(storefront);
  await storefront.ready;
  return storefront;
}

afterEach(() => {
  for (const storefront of opened.splice(0)) storefront.close();
});

describe('catalog store: malformed responses', () => {
  const shapes: [string, unknown][] = [
    ['an array', []],
    ['null', null],
    ['a string', 'ok'],
    ['items without total', { items: [] }],
    ['products instead of items', { products: [], total: 0 }],
    ['items not an array', { items: 'A,B', total: 2 }],
    ['a negative total', { items: [], total: -1 }],
    ['a fractional total', { items: [], total: 2.5 }],
    ['a total as text', { items: [], total: '3' }],
  ];
  for (const [label, response] of shapes) {
    it(`turns ${label} into invalid-response`, async () => {
      const storefront = await storefrontOver(answering(response));
      const failure = await expectRejection(() => storefront.catalog.list(), 'invalid-response', label);
      expect(failure.message).to.contain('odd');
    });
  }

  it('skips the one invalid product with a warning and returns the rest', async () => {
    const broken = { id: 'id-X', sku: 'X', title: '坏商品', price: { amount: '99', currency: 'CNY' } };
    const { adapter } = fakeAdapter([SMALL_CATALOG[0], broken, SMALL_CATALOG[1], SMALL_CATALOG[2]]);
    const storefront = await storefrontOver(adapter);
    const { result, warnings } = await captureConsole(() => storefront.catalog.list());
    expect(result.items.map((item) => item.sku)).to.deep.equal(['A', 'B', 'C']);
    expect(result.stale).to.equal(undefined);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('"X"');
  });

  it('skips products with a fractional, missing or non-money price', async () => {
    const fractional = product('FRAC', 9900, { price: { amount: 99.5, currency: 'CNY' } });
    const { price: _dropped, ...missing } = product('MISSING', 100);
    const noCurrency = { ...product('NOCUR', 100), price: { amount: 100 } };
    const lowerCurrency = product('LOWER', 100, { price: { amount: 100, currency: 'cny' } });
    const { adapter } = fakeAdapter([fractional, SMALL_CATALOG[0], missing, noCurrency, lowerCurrency, SMALL_CATALOG[2]]);
    const storefront = await storefrontOver(adapter);
    const { result, warnings } = await captureConsole(() => storefront.catalog.list());
    expect(result.items.map((item) => item.sku)).to.deep.equal(['A', 'C']);
    for (const sku of ['FRAC', 'MISSING', 'NOCUR', 'LOWER']) {
      expect(
        warnings.some((warning) => warning.includes(`"${sku}"`)),
        sku,
      ).to.be.true;
    }
  });

  it('skips products that are not objects or lack an id or sku', async () => {
    const { adapter } = fakeAdapter([
      null,
      'A',
      42,
      { ...SMALL_CATALOG[0], sku: '' },
      { ...SMALL_CATALOG[1], id: undefined },
      SMALL_CATALOG[2],
    ]);
    const storefront = await storefrontOver(adapter);
    const { result, warnings } = await captureConsole(() => storefront.catalog.list());
    expect(result.items.map((item) => item.sku)).to.deep.equal(['C']);
    // One line per load names every dropped product, and the total counts only reachable ones.
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/Dropped 5 of 6 products/);
    expect(result.total).to.equal(1);
  });

  it('turns an invalid product from get into invalid-response', async () => {
    const { adapter } = fakeAdapter([product('FRAC', 100, { price: { amount: 1.5, currency: 'CNY' } })]);
    const storefront = await storefrontOver(adapter);
    const { warnings } = await captureConsole(() =>
      expectRejection(() => storefront.catalog.get('FRAC'), 'invalid-response', 'get'),
    );
    expect(warnings.join('\n')).to.contain('FRAC');
    expect(await storefront.catalog.get('NOPE')).to.equal(null);
  });

  it('turns malformed facets and promotions into invalid-response', async () => {
    const storefront = await storefrontOver(answering({ items: [], total: 0 }));
    await expectRejection(() => storefront.catalog.facets(), 'invalid-response', 'facets');
    await expectRejection(() => storefront.catalog.promotions(), 'invalid-response', 'promotions');
  });
});

describe('catalog store: offline from the IndexedDB cache', () => {
  for (const mode of ['network', 'failed-fetch'] as const) {
    it(`answers list and get from the cache, stale, when the adapter fails (${mode})`, async () => {
      const { adapter, state } = fakeAdapter();
      const storefront = await storefrontOver(adapter);
      const fresh = await storefront.catalog.list();
      expect(fresh.items.map((item) => item.sku)).to.deep.equal(['A', 'B', 'C']);
      expect(fresh.stale).to.equal(undefined);

      state.mode = mode;
      const cached = await storefront.catalog.list();
      expect(cached.stale).to.be.true;
      expect(cached.total).to.equal(3);
      expect(cached.items.map((item) => item.sku)).to.have.members(['A', 'B', 'C']);
      expect(cached.items.find((item) => item.sku === 'C')).to.deep.equal(SMALL_CATALOG[2]);

      // The query still applies to what is cached.
      const filtered = await storefront.catalog.list({ series: 'cloud-cotton', sort: 'price-desc' });
      expect(filtered).to.deep.include({ total: 2, stale: true });
      expect(filtered.items.map((item) => item.sku)).to.deep.equal(['B', 'A']);

      expect(await storefront.catalog.get('B')).to.deep.equal(SMALL_CATALOG[1]);
      const failure = await expectRejection(() => storefront.catalog.get('NOT-CACHED'), 'network', 'uncached sku');
      expect(failure.retryable).to.be.true;

      state.mode = 'ok';
      expect((await storefront.catalog.list()).stale).to.equal(undefined);
    });
  }

  it('answers get from what an earlier get cached', async () => {
    const { adapter, state } = fakeAdapter();
    const storefront = await storefrontOver(adapter);
    expect((await storefront.catalog.get('C'))?.sku).to.equal('C');
    state.mode = 'network';
    expect(await storefront.catalog.get('C')).to.deep.equal(SMALL_CATALOG[2]);
  });

  it('keeps the cache across storefronts of the same store id', async () => {
    const { adapter, state } = fakeAdapter();
    const storeId = uniqueStoreId('catalog-reload');
    const first = createStorefront({ adapter, storeId });
    opened.push(first);
    await first.catalog.list();

    state.mode = 'network';
    const second = createStorefront({ adapter, storeId });
    opened.push(second);
    const cached = await second.catalog.list();
    expect(cached).to.deep.include({ total: 3, stale: true });
  });

  it('answers a malformed response from the cache once something is cached', async () => {
    const { adapter, state } = fakeAdapter();
    const storefront = await storefrontOver(adapter);
    await storefront.catalog.list();
    state.mode = 'garbage';
    const page = await storefront.catalog.list();
    expect(page).to.deep.include({ total: 3, stale: true });
  });

  it('rethrows the network error when nothing is cached yet', async () => {
    const { adapter, state } = fakeAdapter();
    state.mode = 'network';
    const storefront = await storefrontOver(adapter);
    await expectRejection(() => storefront.catalog.list(), 'network', 'list');
    await expectRejection(() => storefront.catalog.get('A'), 'network', 'get');
    state.mode = 'failed-fetch';
    const failure = await expectRejection(() => storefront.catalog.list(), 'network', 'failed fetch');
    expect(failure.cause).to.be.instanceOf(TypeError);
  });

  it('never answers a validation error from the cache', async () => {
    const { adapter, state } = fakeAdapter();
    const storefront = await storefrontOver(adapter);
    await storefront.catalog.list();
    state.mode = 'validation';
    const failure = await expectRejection(() => storefront.catalog.list({ series: 'cloud-cotton' }), 'validation', 'list');
    expect(failure.detail).to.deep.equal({ field: 'page' });
    await expectRejection(() => storefront.catalog.get('A'), 'validation', 'get');

    // Nor does a query the SDK itself finds invalid reach the cache (or the adapter).
    state.mode = 'network';
    const calls = state.listCalls;
    await expectRejection(() => storefront.catalog.list({ page: 0 }), 'validation', 'page 0');
    await expectRejection(() => storefront.catalog.list({ pageSize: 10_000 }), 'validation', 'pageSize');
    await expectRejection(() => storefront.catalog.get(''), 'validation', 'empty sku');
    expect(state.listCalls).to.equal(calls);
  });

  it('never answers a cancelled call from the cache', async () => {
    const { adapter, state } = fakeAdapter();
    const storefront = await storefrontOver(adapter);
    await storefront.catalog.list();
    state.mode = 'aborted';
    await expectRejection(() => storefront.catalog.list(), 'aborted', 'list');
    await expectRejection(() => storefront.catalog.get('A'), 'aborted', 'get');
  });
});
