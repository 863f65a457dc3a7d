import { expect } from '@open-wc/testing';
import {
  buildPricedView,
  nextFlashBoundary,
  pickSuggestions,
  unitPriceAt,
  usablePromotions,
  type ProductLookupResult,
} from '../../src/cart/cart-view-model.js';
import { StorefrontError } from '../../src/core/errors.js';
import type { CartLine, Product, Promotion } from '../../src/core/types.js';
import { cny, item, SHOP_PROMOTIONS } from '../fixtures/cart-shop.js';
import { captureConsole } from '../helpers/fixtures.js';

const NOW = Date.UTC(2026, 10, 11, 12);

function line(sku: string, quantity: number, extra: Partial<CartLine> = {}): CartLine {
  return { key: sku, sku, quantity, addedAt: 1, updatedAt: 1, ...extra };
}

function found(...products: Product[]): Map<string, ProductLookupResult> {
  return new Map(products.map((product) => [product.sku, { product }]));
}

describe('cart view model (pure)', () => {
  it('leaves out a promotion in another currency instead of failing the whole cart', async () => {
    const promotions: Promotion[] = [
      ...SHOP_PROMOTIONS,
      {
        kind: 'threshold',
        id: 'dollars',
        tiers: [{ threshold: { amount: 1, currency: 'USD' }, discount: { amount: 1, currency: 'USD' } }],
      },
    ];
    const { result: usable, warnings } = await captureConsole(async () => usablePromotions(promotions, 'CNY'));
    expect(usable.map((promotion) => promotion.id)).to.not.include('dollars');
    expect(warnings.join('\n')).to.contain('dollars');
    const { result: view } = await captureConsole(async () =>
      buildPricedView({
        lines: [line('A', 3)],
        lookups: found(item('A', 10000)),
        promotions,
        member: null,
        now: NOW,
        currency: 'CNY',
      }),
    );
    expect(view.priced.total).to.deep.equal(cny(28000));
    expect(view.errors).to.deep.equal([]);
  });

  it('names why a line is unavailable: removed, invalid data, offline, currency', () => {
    const lookups = new Map<string, ProductLookupResult>([
      ['GONE', { product: null }],
      ['BAD', { error: new StorefrontError('invalid-response', 'malformed') }],
      ['AWAY', { error: new StorefrontError('network', 'offline') }],
      ['USD', { product: item('USD', 100, { price: { amount: 100, currency: 'USD' } }) }],
    ]);
    const view = buildPricedView({
      lines: [line('GONE', 1), line('BAD', 1), line('AWAY', 1), line('USD', 1), line('UNASKED', 1)],
      lookups,
      promotions: [],
      member: null,
      now: NOW,
      currency: 'CNY',
    });
    expect(view.lines.map((entry) => [entry.status, entry.reason])).to.deep.equal([
      ['unavailable', 'removed'],
      ['unavailable', 'invalid'],
      ['unavailable', 'offline'],
      ['unavailable', 'currency'],
      ['unavailable', 'offline'],
    ]);
    expect(view.errors.map((error) => [error.sku, error.code])).to.deep.equal([
      ['BAD', 'invalid-response'],
      ['AWAY', 'network'],
    ]);
    expect(view.count).to.equal(5);
    expect(view.priced.total).to.deep.equal(cny(0));
  });

  it('takes the flash-sale price as the unit price only inside its window and below list', () => {
    const sale = item('S', 10000, { flashSale: { price: cny(8000), startsAt: NOW - 10, endsAt: NOW + 10 } });
    expect(unitPriceAt(sale, NOW)).to.deep.equal(cny(8000));
    expect(unitPriceAt(sale, NOW + 10)).to.deep.equal(cny(10000));
    expect(unitPriceAt(sale, NOW - 11)).to.deep.equal(cny(10000));
    const notCheaper = item('N', 10000, { flashSale: { price: cny(12000), startsAt: NOW - 10, endsAt: NOW + 10 } });
    expect(unitPriceAt(notCheaper, NOW)).to.deep.equal(cny(10000));
  });

  it('finds the next flash-sale boundary after now', () => {
    const products = [
      item('A', 100, { flashSale: { price: cny(50), startsAt: NOW - 100, endsAt: NOW + 500 } }),
      item('B', 100, { flashSale: { price: cny(50), startsAt: NOW + 200, endsAt: NOW + 900 } }),
      item('C', 100),
      null,
    ];
    expect(nextFlashBoundary(products, NOW)).to.equal(NOW + 200);
    expect(nextFlashBoundary(products, NOW + 200)).to.equal(NOW + 500);
    expect(nextFlashBoundary(products, NOW + 900)).to.equal(null);
  });

  it('picks suggestions in order, without duplicates, cart items or sold-out products, at most six', () => {
    const catalog = Array.from({ length: 10 }, (_, i) => item(`R${i}`, 100 + i, i === 2 ? { stock: 0 } : {}));
    const byId = new Map(catalog.map((product) => [product.id, product]));
    const a = item('R0', 100, { related: ['id-R1', 'id-R2', 'id-R3', 'id-R1'] });
    const b = item('R9', 109, { related: ['id-R3', 'id-R0', 'id-R4', 'id-R5', 'id-R6', 'id-R7', 'id-R8'] });
    expect(pickSuggestions([a, b], byId).map((product) => product.sku)).to.deep.equal(['R1', 'R3', 'R4', 'R5', 'R6', 'R7']);
    expect(pickSuggestions([a, null], byId, 2).map((product) => product.sku)).to.deep.equal(['R1', 'R3']);
  });
});
