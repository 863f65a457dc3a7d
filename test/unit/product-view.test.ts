import { expect } from '@open-wc/testing';
import {
  countdown,
  groupBuyView,
  priceView,
  primaryImage,
  productText,
  ratingView,
  stockState,
  upcomingSale,
} from '../../src/catalog/product-view.js';
import { product } from '../helpers/fixtures.js';

const HOUR = 3_600_000;

describe('product view', () => {
  it('shows the list price and a higher compare-at price struck through', () => {
    const view = priceView(product('A', 7900, { compareAtPrice: { amount: 9900, currency: 'CNY' } }), 0);
    expect(view.price).to.deep.equal({ amount: 7900, currency: 'CNY' });
    expect(view.was).to.deep.equal({ amount: 9900, currency: 'CNY' });
    expect(view.percentOff).to.equal(20);
    expect(view.sale).to.equal(null);
  });

  it('uses the flash-sale price inside its window and the list price after it', () => {
    const item = product('B', 39900, {
      flashSale: { price: { amount: 29900, currency: 'CNY' }, startsAt: 0, endsAt: 2 * HOUR, label: '限时特卖' },
    });
    const during = priceView(item, HOUR);
    expect(during.price?.amount).to.equal(29900);
    expect(during.was?.amount).to.equal(39900);
    expect(during.sale).to.deep.equal({ endsAt: 2 * HOUR, campaign: false, label: '限时特卖' });
    expect(during.changesAt).to.equal(2 * HOUR);
    const after = priceView(item, 2 * HOUR);
    expect(after.price?.amount).to.equal(39900);
    expect(after.sale).to.equal(null);
    expect(after.changesAt).to.equal(null);
    expect(priceView(item, -HOUR).changesAt).to.equal(0);
  });

  it('never yields NaN or a crash for a product with a missing or broken price', () => {
    const broken = { ...product('C', 100), price: undefined } as never;
    expect(priceView(broken, 0)).to.deep.equal({ price: null, was: null, percentOff: null, sale: null, changesAt: null });
    const fractional = product('D', 12.5);
    expect(priceView(fractional, 0).price).to.equal(null);
    const otherCurrency = product('E', 100, { compareAtPrice: { amount: 200, currency: 'USD' } });
    expect(priceView(otherCurrency, 0).was).to.equal(null);
  });

  it('tells stock states apart', () => {
    expect(stockState(product('A', 1))).to.deep.equal({ kind: 'untracked' });
    expect(stockState(product('A', 1, { stock: 0 }))).to.deep.equal({ kind: 'sold-out' });
    expect(stockState(product('A', 1, { stock: 3 }))).to.deep.equal({ kind: 'low', left: 3 });
    expect(stockState(product('A', 1, { stock: 40 }))).to.deep.equal({ kind: 'in-stock', left: 40 });
    expect(stockState(product('A', 1, { stock: Number.NaN }))).to.deep.equal({ kind: 'sold-out' });
  });

  it('computes group-buy progress and whether it is still open', () => {
    const item = product('G', 25900, {
      groupBuy: { price: { amount: 19900, currency: 'CNY' }, joined: 37, needed: 50, deadline: 10 },
    });
    const view = groupBuyView(item, 5)!;
    expect(view.progress).to.equal(0.74);
    expect(view.open).to.be.true;
    expect(view.reached).to.be.false;
    expect(groupBuyView(item, 10)!.open).to.be.false;
    expect(groupBuyView(product('H', 1), 0)).to.equal(null);
  });

  it('picks the translation for the locale and falls back to Chinese', () => {
    const item = product('T', 1, { title: '男士纯棉短袖T恤', translations: { en: { title: "Men's Cotton Tee" } } });
    expect(productText(item, 'en').title).to.equal("Men's Cotton Tee");
    expect(productText(item, 'zh-CN').title).to.equal('男士纯棉短袖T恤');
    expect(productText(product('U', 1, { title: '纯棉袜' }), 'en').title).to.equal('纯棉袜');
  });

  it('never throws on text fields a host page got wrong', () => {
    const odd = { ...product('V', 1), title: 42, description: null, translations: 'en' } as never;
    expect(productText(odd, 'en')).to.deep.equal({ title: '', description: '' });
    expect(productText(product('W', 1, { title: '  纯棉袜  ', translations: { en: { title: '  ' } } }), 'en').title).to.equal(
      '纯棉袜',
    );
  });

  it('shows a rating only when it is well formed, rounded and clamped', () => {
    expect(ratingView(product('R', 1, { rating: { average: 4.76, count: 2316, positiveRate: 0.97 } }))).to.deep.equal({
      average: 4.8,
      count: 2316,
      positiveRate: 0.97,
    });
    expect(ratingView(product('R', 1, { rating: { average: 9, count: 3.7 } }))).to.deep.equal({ average: 5, count: 3 });
    expect(ratingView(product('R', 1))).to.equal(null);
    expect(ratingView(product('R', 1, { rating: { average: Number.NaN, count: 3 } }))).to.equal(null);
    expect(ratingView(product('R', 1, { rating: { average: 4, count: 0 } }))).to.equal(null);
    expect(ratingView({ ...product('R', 1), rating: 'great' } as never)).to.equal(null);
  });

  it('picks the first usable image', () => {
    const images = [{ src: '', alt: 'empty' }, null, { src: 'a.png', alt: 'A', width: 400, height: -1 }];
    expect(primaryImage({ ...product('I', 1), images } as never)).to.deep.equal({ src: 'a.png', alt: 'A', width: 400 });
    expect(primaryImage(product('I', 1))).to.equal(null);
    expect(primaryImage({ ...product('I', 1), images: 'a.png' } as never)).to.equal(null);
  });

  it('announces a flash sale that has not started yet, and nothing once it runs', () => {
    const item = product('S', 39900, {
      flashSale: { price: { amount: 29900, currency: 'CNY' }, startsAt: HOUR, endsAt: 2 * HOUR, label: '双11' },
    });
    expect(upcomingSale(item, 0)).to.deep.equal({ price: { amount: 29900, currency: 'CNY' }, startsAt: HOUR, label: '双11' });
    expect(upcomingSale(item, HOUR)).to.equal(null);
    expect(upcomingSale(item, 3 * HOUR)).to.equal(null);
    expect(upcomingSale(product('S', 1), 0)).to.equal(null);
  });

  it('splits a countdown and never goes negative', () => {
    expect(countdown(90_061_000, 0)).to.deep.equal({ days: 1, hours: 1, minutes: 1, seconds: 1, total: 90_061_000 });
    expect(countdown(0, 5).total).to.equal(0);
  });
});
