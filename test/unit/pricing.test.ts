import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  addOnOffer,
  freeShippingGap,
  priceCart,
  type Adjustment,
  type PriceCartInput,
  type PricedCart,
} from '../../src/cart/pricing.js';
import { isStorefrontError, type StorefrontError } from '../../src/core/errors.js';
import type { Money } from '../../src/core/money.js';
import type { FlashSale, Member, Product, Promotion } from '../../src/core/types.js';
import { DEMO_PROMOTIONS } from '../../src/adapter/local/demo/demo-content.js';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 11, 12);

const cny = (amount: number): Money => ({ amount, currency: 'CNY' });
const product = (sku: string, amount: number, extra: Partial<Product> = {}): Product => ({
  id: `id-${sku}`,
  sku,
  title: `商品 ${sku}`,
  price: cny(amount),
  ...extra,
});
const sale = (amount: number, extra: Partial<FlashSale> = {}): FlashSale => ({
  price: cny(amount),
  startsAt: NOW - HOUR,
  endsAt: NOW + HOUR,
  ...extra,
});
const vipMember: Pick<Member, 'tier' | 'shippingCard'> = { tier: 'vip' };
const plainMember: Pick<Member, 'tier' | 'shippingCard'> = { tier: 'member' };

// The demo promotions, spelled out: VIP 5%, 满199减20 / 满399减50, 满199 + ¥1 换购 socks, ¥10 shipping free from ¥99.
const VIP: Promotion = { kind: 'vip', id: 'vip', tiers: { vip: 500 } };
const FULL_REDUCTION: Promotion = {
  kind: 'threshold',
  id: 'full-reduction',
  tiers: [
    { threshold: cny(19900), discount: cny(2000) },
    { threshold: cny(39900), discount: cny(5000) },
  ],
};
const ADD_ON: Promotion = { kind: 'add-on', id: 'add-on-socks', threshold: cny(19900), sku: 'SOCK', price: cny(100) };
const SHIPPING: Promotion = { kind: 'shipping', id: 'shipping', fee: cny(1000), freeThreshold: cny(9900) };
const ALL: Promotion[] = [VIP, FULL_REDUCTION, ADD_ON, SHIPPING];

const SOCK = product('SOCK', 2900);

function price(lines: [Product, number][], promotions: Promotion[] = ALL, extra: Partial<PriceCartInput> = {}): PricedCart {
  return priceCart({ lines: lines.map(([p, quantity]) => ({ product: p, quantity })), promotions, now: NOW, ...extra });
}

const amounts = (cart: PricedCart) => ({
  subtotal: cart.subtotal.amount,
  discount: cart.discount.amount,
  shipping: cart.shipping.amount,
  total: cart.total.amount,
});
const kinds = (cart: PricedCart) => cart.adjustments.map((a) => a.kind);
const find = (cart: PricedCart, kind: Adjustment['kind']) => cart.adjustments.find((a) => a.kind === kind);

function validationError(run: () => unknown): StorefrontError {
  try {
    run();
  } catch (error) {
    expect(isStorefrontError(error, 'validation'), String(error)).to.be.true;
    return error as StorefrontError;
  }
  throw new Error('expected a validation error');
}

describe('priceCart', () => {
  it('counts a locked add-on unit toward 满减 like any line (an add-on offer never raises a price)', () => {
    const shirt = product('SHIRT', 15000);
    const cap = product('CAP', 5900);
    const promotions: Promotion[] = [
      { kind: 'threshold', id: 'tr', tiers: [{ threshold: cny(19900), discount: cny(2000) }] },
      { kind: 'add-on', id: 'ao', threshold: cny(30000), sku: 'CAP', price: cny(100) },
    ];
    const input = {
      lines: [
        { product: shirt, quantity: 1 },
        { product: cap, quantity: 1 },
      ],
      now: NOW,
    };
    const withOffer = priceCart({ ...input, promotions });
    const withoutOffer = priceCart({ ...input, promotions: promotions.slice(0, 1) });
    expect(withOffer.total).to.deep.equal(cny(18900));
    expect(withOffer.total).to.deep.equal(withoutOffer.total);
    const offer = addOnOffer(withOffer, promotions)!;
    expect(offer.unlocked).to.equal(false);
    // It unlocks on what is bought besides the cap: ¥150 of ¥300.
    expect(offer.missing).to.deep.equal(cny(15000));
  });

  describe('DESIGN.md examples', () => {
    it('prices the worked example: ¥100 x3, VIP 5% -> 285, 满199减20 -> 265, free shipping -> ¥265.00', () => {
      const cart = price([[product('A', 10000), 3]], ALL, { member: vipMember });
      expect(cart.lines[0]!.lineTotal).to.deep.equal(cny(28500));
      expect(cart.qualifyingSubtotal).to.deep.equal(cny(28500));
      expect(amounts(cart)).to.deep.equal({ subtotal: 30000, discount: 3500, shipping: 0, total: 26500 });
      expect(cart.merchandise).to.deep.equal(cny(26500));
      expect(kinds(cart)).to.deep.equal(['vip', 'threshold', 'shipping-free']);
      const [vip, threshold, shipping] = cart.adjustments as [Adjustment, Adjustment, Adjustment];
      expect(vip).to.include({ sku: 'A', promotionId: 'vip', applies: 'line' });
      expect(vip.amount).to.deep.equal(cny(-1500));
      expect(vip.params).to.deep.equal({ tier: 'vip', basisPoints: 500, base: cny(30000) });
      expect(threshold).to.include({ promotionId: 'full-reduction', applies: 'order', reason: '满¥199.00减¥20.00' });
      expect(threshold.amount).to.deep.equal(cny(-2000));
      expect(threshold.params).to.deep.equal({ threshold: cny(19900), discount: cny(2000), qualifyingSubtotal: cny(28500) });
      expect(shipping).to.include({ kind: 'shipping-free', applies: 'shipping', reason: '满¥99.00包邮' });
      expect(shipping.amount).to.deep.equal(cny(-1000));
    });

    it('gives the same result with the demo promotions', () => {
      const cart = priceCart({
        lines: [{ product: product('A', 10000), quantity: 3 }],
        promotions: DEMO_PROMOTIONS,
        member: vipMember,
      });
      expect(cart.total).to.deep.equal(cny(26500));
    });

    it('takes the best met tier once: 420.00 gets -50.00', () => {
      const cart = price([[product('A', 42000), 1]]);
      expect(find(cart, 'threshold')!.amount).to.deep.equal(cny(-5000));
      expect(cart.adjustments.filter((a) => a.kind === 'threshold')).to.have.length(1);
      expect(cart.total).to.deep.equal(cny(37000));
    });

    it('meets a threshold exactly, and misses it by one fen', () => {
      expect(find(price([[product('A', 19900), 1]]), 'threshold')!.amount).to.deep.equal(cny(-2000));
      expect(find(price([[product('A', 19899), 1]]), 'threshold')).to.equal(undefined);
      expect(find(price([[product('A', 39900), 1]]), 'threshold')!.amount).to.deep.equal(cny(-5000));
      expect(find(price([[product('A', 39899), 1]]), 'threshold')!.amount).to.deep.equal(cny(-2000));
    });

    it('judges thresholds after VIP: ¥200 x1 at VIP 5% is ¥190, below 满199', () => {
      const cart = price([[product('A', 20000), 1]], ALL, { member: vipMember });
      expect(cart.qualifyingSubtotal).to.deep.equal(cny(19000));
      expect(find(cart, 'threshold')).to.equal(undefined);
    });
  });

  describe('unit price and flash sales', () => {
    it('uses the sale price inside the window: start inclusive, end exclusive', () => {
      const item = product('F', 10000, { flashSale: sale(8000, { startsAt: NOW, endsAt: NOW + HOUR }) });
      const at = (now: number) => priceCart({ lines: [{ product: item, quantity: 2 }], promotions: [], now }).lines[0]!;
      expect(at(NOW - 1)).to.include({ flashSale: false });
      expect(at(NOW - 1).unitPrice).to.deep.equal(cny(10000));
      expect(at(NOW)).to.include({ flashSale: true });
      expect(at(NOW).unitPrice).to.deep.equal(cny(8000));
      expect(at(NOW).lineTotal).to.deep.equal(cny(16000));
      expect(at(NOW + HOUR - 1).unitPrice).to.deep.equal(cny(8000));
      expect(at(NOW + HOUR).unitPrice).to.deep.equal(cny(10000));
      expect(at(NOW + HOUR).listPrice).to.deep.equal(cny(10000));
    });

    it('lists the flash sale as an adjustment against the list price', () => {
      const cart = price([[product('F', 10000, { flashSale: sale(8000, { label: '限时特卖' }) }), 2]], []);
      expect(kinds(cart)).to.deep.equal(['flash-sale']);
      const flash = cart.adjustments[0]!;
      expect(flash.amount).to.deep.equal(cny(-4000));
      expect(flash.params).to.deep.equal({ salePrice: cny(8000), listPrice: cny(10000), quantity: 2, label: '限时特卖' });
      expect(flash.reason).to.equal('限时特卖：单价¥80.00（原价¥100.00）');
      expect(amounts(cart)).to.deep.equal({ subtotal: 20000, discount: 4000, shipping: 0, total: 16000 });
    });

    it('ignores a "sale" price at or above the list price', () => {
      const cart = price([[product('F', 10000, { flashSale: sale(12000) }), 1]], []);
      expect(cart.lines[0]).to.include({ flashSale: false });
      expect(cart.total).to.deep.equal(cny(10000));
    });

    it('defaults now to the clock', () => {
      const live = product('F', 10000, {
        flashSale: { price: cny(9000), startsAt: Date.now() - HOUR, endsAt: Date.now() + HOUR },
      });
      expect(priceCart({ lines: [{ product: live, quantity: 1 }], promotions: [] }).total).to.deep.equal(cny(9000));
    });
  });

  describe('VIP and the 7折 floor', () => {
    it('rounds the VIP discount half-up per line: 5% of 333 fen = 16.65 -> 17', () => {
      const cart = price([[product('A', 333), 1]], [VIP], { member: vipMember });
      expect(find(cart, 'vip')!.amount).to.deep.equal(cny(-17));
      expect(cart.total).to.deep.equal(cny(316));
      // 5% of 329 = 16.45 -> 16; per line, not per unit: 5% of 3 x 111 = 16.65 -> 17 (per unit would be 3 x 6 = 18).
      expect(find(price([[product('A', 329), 1]], [VIP], { member: vipMember }), 'vip')!.amount).to.deep.equal(cny(-16));
      expect(find(price([[product('A', 111), 3]], [VIP], { member: vipMember }), 'vip')!.amount).to.deep.equal(cny(-17));
    });

    it('rounds exact halves up and stays exact beyond 2^53 intermediate products', () => {
      // 5% of 10 fen = 0.5 -> 1; 5% of 30 fen = 1.5 -> 2.
      expect(find(price([[product('A', 10), 1]], [VIP], { member: vipMember }), 'vip')!.amount).to.deep.equal(cny(-1));
      expect(find(price([[product('A', 30), 1]], [VIP], { member: vipMember }), 'vip')!.amount).to.deep.equal(cny(-2));
      // 3,000,000,000,000,003 fen x 500 bp overflows doubles; the discount is still exact (…0.15 -> …0).
      const huge = price([[product('H', 1_000_000_000_000_001), 3]], [VIP], { member: vipMember });
      expect(find(huge, 'vip')!.amount).to.deep.equal(cny(-150_000_000_000_000));
      expect(huge.total).to.deep.equal(cny(2_850_000_000_000_003));
      const floored = price([[product('H', 1_000_000_000_000_001), 3]], [{ kind: 'vip', id: 'v', tiers: { vip: 9000 } }], {
        member: vipMember,
      });
      expect(floored.total).to.deep.equal(cny(2_100_000_000_000_003));
    });

    it('gives no VIP discount to a tier the promotion does not list, nor to guests', () => {
      expect(kinds(price([[product('A', 10000), 1]], [VIP], { member: plainMember }))).to.deep.equal([]);
      expect(kinds(price([[product('A', 10000), 1]], [VIP]))).to.deep.equal([]);
      expect(
        kinds(
          price([[product('A', 10000), 1]], [{ kind: 'vip', id: 'v', tiers: {} }], { member: { tier: 'constructor' as never } }),
        ),
      ).to.be.empty;
    });

    it('floors a 40% VIP discount at 70% of list', () => {
      const big: Promotion = { kind: 'vip', id: 'vip40', tiers: { vip: 4000 } };
      const cart = price([[product('A', 10000), 2]], [big], { member: vipMember });
      expect(cart.lines[0]!.lineTotal).to.deep.equal(cny(14000));
      expect(cart.lines[0]).to.include({ floored: true, campaign: false });
      expect(kinds(cart)).to.deep.equal(['vip', 'floor']);
      expect(find(cart, 'vip')!.amount).to.deep.equal(cny(-8000));
      expect(find(cart, 'floor')!.amount).to.deep.equal(cny(2000));
      expect(find(cart, 'floor')!.params).to.deep.equal({ floorBasisPoints: 7000, floor: cny(14000), quantity: 2 });
      expect(amounts(cart)).to.deep.equal({ subtotal: 20000, discount: 6000, shipping: 0, total: 14000 });
    });

    it('rounds the floor up to the fen: 70% of 3 x 333 = 699.3 -> 700', () => {
      const cart = price([[product('A', 333), 3]], [{ kind: 'vip', id: 'v', tiers: { vip: 5000 } }], { member: vipMember });
      expect(cart.lines[0]!.lineTotal).to.deep.equal(cny(700));
    });

    it('floors an ordinary flash sale below 7折 back up', () => {
      const cart = price([[product('F', 10000, { flashSale: sale(5000) }), 1]], []);
      expect(cart.lines[0]!.unitPrice).to.deep.equal(cny(5000));
      expect(cart.lines[0]!.lineTotal).to.deep.equal(cny(7000));
      expect(kinds(cart)).to.deep.equal(['flash-sale', 'floor']);
      expect(cart.discount).to.deep.equal(cny(3000));
    });

    it('does not floor a 双11 campaign flash sale at 50% of list', () => {
      const cart = price([[product('F', 10000, { flashSale: sale(5000, { campaign: true, label: '双11' }) }), 1]], []);
      expect(cart.lines[0]!.lineTotal).to.deep.equal(cny(5000));
      expect(cart.lines[0]).to.include({ campaign: true, floored: false, flashSale: true });
      expect(find(cart, 'flash-sale')).to.include({ campaign: true });
      expect(kinds(cart)).to.deep.equal(['flash-sale']);
    });

    it('floors an ordinary VIP discount on a campaign sale at min(sale line, 70% of list)', () => {
      const campaign = (amount: number) => product('F', 10000, { flashSale: sale(amount, { campaign: true }) });
      const vip20: Promotion = { kind: 'vip', id: 'vip20', tiers: { vip: 2000 } };
      // Sale already under 7折: the ordinary VIP discount cannot go lower than the sale price.
      const under = price([[campaign(5000), 1]], [vip20], { member: vipMember });
      expect(under.lines[0]!.lineTotal).to.deep.equal(cny(5000));
      expect(kinds(under)).to.deep.equal(['flash-sale', 'vip', 'floor']);
      // Sale at 80%: VIP 20% would give 64.00; the floor stops it at 70.00.
      const over = price([[campaign(8000), 1]], [vip20], { member: vipMember });
      expect(over.lines[0]!.lineTotal).to.deep.equal(cny(7000));
      // Sale at 90%, VIP 5%: 85.50, above both.
      const small = price([[campaign(9000), 1]], [VIP], { member: vipMember });
      expect(small.lines[0]!.lineTotal).to.deep.equal(cny(8550));
      expect(small.lines[0]).to.include({ floored: false, campaign: true });
    });

    it('lets a campaign VIP discount go below 7折, on top of a floored ordinary sale', () => {
      const vip40: Promotion = { kind: 'vip', id: 'vip-1111', tiers: { vip: 4000 }, campaign: true };
      const plain = price([[product('A', 10000), 1]], [vip40], { member: vipMember });
      expect(plain.lines[0]!.lineTotal).to.deep.equal(cny(6000));
      expect(find(plain, 'vip')).to.include({ campaign: true });
      // Ordinary sale at 50% is floored to 70.00 first, then the campaign VIP takes 40% of that.
      const onSale = price([[product('F', 10000, { flashSale: sale(5000) }), 1]], [vip40], { member: vipMember });
      expect(onSale.lines[0]!.lineTotal).to.deep.equal(cny(4200));
      expect(kinds(onSale)).to.deep.equal(['flash-sale', 'vip', 'floor']);
      expect(onSale.adjustments.reduce((sum, a) => sum + a.amount.amount, 0)).to.equal(4200 - 10000);
    });

    it('takes the highest VIP discount for the tier when several promotions give one', () => {
      const other: Promotion = { kind: 'vip', id: 'vip-extra', tiers: { vip: 800, member: 200 } };
      expect(find(price([[product('A', 10000), 1]], [VIP, other], { member: vipMember }), 'vip')).to.include({
        promotionId: 'vip-extra',
      });
      expect(price([[product('A', 10000), 1]], [VIP, other], { member: plainMember }).total).to.deep.equal(cny(9800));
    });
  });

  describe('满减', () => {
    it('picks the single best discount across several threshold promotions', () => {
      const other: Promotion = { kind: 'threshold', id: 'other', tiers: [{ threshold: cny(30000), discount: cny(3000) }] };
      const at350 = price([[product('A', 35000), 1]], [FULL_REDUCTION, other]);
      expect(find(at350, 'threshold')).to.include({ promotionId: 'other' });
      expect(at350.adjustments.filter((a) => a.kind === 'threshold')).to.have.length(1);
      expect(find(price([[product('A', 40000), 1]], [FULL_REDUCTION, other]), 'threshold')).to.include({
        promotionId: 'full-reduction',
      });
    });

    it('takes the larger discount of two tiers with the same threshold', () => {
      const overlap: Promotion = {
        kind: 'threshold',
        id: 'overlap',
        tiers: [
          { threshold: cny(10000), discount: cny(500) },
          { threshold: cny(10000), discount: cny(800) },
        ],
      };
      expect(find(price([[product('A', 10000), 1]], [overlap]), 'threshold')!.amount).to.deep.equal(cny(-800));
    });

    it('always meets a zero threshold, ignores a zero discount, and never goes negative', () => {
      const zero: Promotion = {
        kind: 'threshold',
        id: 'zero',
        tiers: [
          { threshold: cny(0), discount: cny(5000) },
          { threshold: cny(100), discount: cny(0) },
        ],
      };
      const cart = price([[product('A', 3000), 1]], [zero]);
      expect(find(cart, 'threshold')!.amount).to.deep.equal(cny(-3000));
      expect(find(cart, 'threshold')!.params).to.deep.include({ discount: cny(5000) });
      expect(amounts(cart)).to.deep.equal({ subtotal: 3000, discount: 3000, shipping: 0, total: 0 });
      expect(kinds(price([[product('A', 3000), 1]], [{ kind: 'threshold', id: 'none', tiers: [] }]))).to.be.empty;
    });
  });

  describe('换购', () => {
    it('prices one unit of the add-on sku at ¥1.00 once unlocked, further units regular', () => {
      const cart = price(
        [
          [product('A', 20000), 1],
          [SOCK, 3],
        ],
        ALL,
        { member: vipMember },
      );
      // Qualifying: 200.00 x 95% + two socks 58.00 x 95% = 190.00 + 55.10 = 245.10.
      expect(cart.qualifyingSubtotal).to.deep.equal(cny(24510));
      const sock = cart.lines[1]!;
      expect(sock).to.include({ addOn: true, quantity: 3 });
      expect(sock.addOnPrice).to.deep.equal(cny(100));
      expect(sock.lineTotal).to.deep.equal(cny(100 + 5510));
      const addOn = find(cart, 'add-on')!;
      expect(addOn).to.include({ sku: 'SOCK', promotionId: 'add-on-socks', reason: '满¥199.00加¥1.00换购1件' });
      expect(addOn.amount).to.deep.equal(cny(-2800));
      expect(find(cart, 'threshold')!.amount).to.deep.equal(cny(-2000));
      expect(kinds(cart)).to.deep.equal(['vip', 'vip', 'threshold', 'add-on', 'shipping-free']);
      expect(cart.total).to.deep.equal(cny(19000 + 5610 - 2000));
    });

    it('unlocks without its own unit, and counts a locked unit toward the other thresholds', () => {
      // 190.00 + a ¥29 sock: the sock cannot unlock its own 换购 (190 < 199), so it is an
      // ordinary line, and 219.00 earns 满199减20.
      const cart = price([
        [product('A', 19000), 1],
        [SOCK, 1],
      ]);
      expect(cart.addOnSubtotal).to.deep.equal(cny(19000));
      expect(cart.qualifyingSubtotal).to.deep.equal(cny(21900));
      expect(find(cart, 'threshold')?.amount).to.deep.equal(cny(-2000));
      expect(cart.lines[1]).to.include({ addOn: false });
      expect(cart.lines[1]!.lineTotal).to.deep.equal(cny(2900));
      expect(cart.total).to.deep.equal(cny(19900));
      // And free shipping: ¥90 + the ¥29 sock is over ¥99.
      const small = price([
        [product('A', 9000), 1],
        [SOCK, 1],
      ]);
      expect(small.shipping).to.deep.equal(cny(0));
      expect(freeShippingGap(small, ALL)).to.equal(null);
    });

    it('drops the unit back to regular pricing, VIP and floor included, below the threshold', () => {
      const above = price(
        [
          [product('A', 21000), 1],
          [SOCK, 1],
        ],
        ALL,
        { member: vipMember },
      );
      expect(above.lines[1]!.lineTotal).to.deep.equal(cny(100));
      expect(above.adjustments.filter((a) => a.sku === 'SOCK').map((a) => a.kind)).to.deep.equal(['add-on']);
      const below = price(
        [
          [product('A', 20000), 1],
          [SOCK, 1],
        ],
        ALL,
        { member: vipMember },
      );
      expect(below.lines[1]).to.include({ addOn: false });
      expect(below.lines[1]!.lineTotal).to.deep.equal(cny(2755));
      expect(below.adjustments.filter((a) => a.sku === 'SOCK').map((a) => a.kind)).to.deep.equal(['vip']);
    });

    it('describes the offer for the cart UI', () => {
      const locked = price([[product('A', 15000), 1]]);
      expect(addOnOffer(locked, ALL)).to.deep.equal({
        promotionId: 'add-on-socks',
        sku: 'SOCK',
        price: cny(100),
        threshold: cny(19900),
        unlocked: false,
        inCart: false,
        missing: cny(4900),
      });
      const unlocked = price([
        [product('A', 20000), 1],
        [SOCK, 1],
      ]);
      expect(addOnOffer(unlocked, ALL)).to.include({ unlocked: true, inCart: true });
      expect(addOnOffer(unlocked, ALL)!.missing).to.deep.equal(cny(0));
      expect(addOnOffer(unlocked, [SHIPPING])).to.equal(null);
    });
  });

  describe('shipping', () => {
    it('charges the flat fee under the free threshold and nothing from it', () => {
      const under = price([[product('A', 9899), 1]]);
      expect(under.shipping).to.deep.equal(cny(1000));
      expect(under.total).to.deep.equal(cny(10899));
      expect(freeShippingGap(under, ALL)).to.deep.equal(cny(1));
      const at = price([[product('A', 9900), 1]]);
      expect(at.shipping).to.deep.equal(cny(0));
      expect(freeShippingGap(at, ALL)).to.equal(null);
    });

    it('ships free when every line is a free-shipping product, not when one is not', () => {
      const free = product('FREE', 1000, { freeShipping: true });
      const all = price([[free, 2]]);
      expect(all.shipping).to.deep.equal(cny(0));
      expect(find(all, 'shipping-free-items')!.amount).to.deep.equal(cny(-1000));
      expect(
        price([
          [free, 1],
          [product('A', 1000), 1],
        ]).shipping,
      ).to.deep.equal(cny(1000));
    });

    it('ships free for a member with the annual shipping card', () => {
      const cart = price([[product('A', 1000), 1]], ALL, { member: { tier: 'member', shippingCard: true } });
      expect(cart.shipping).to.deep.equal(cny(0));
      expect(find(cart, 'shipping-card')).to.include({ reason: '全年包邮卡：免运费', promotionId: 'shipping' });
      expect(freeShippingGap(cart, ALL)).to.equal(null);
    });

    it('charges nothing without a shipping promotion; the cheapest of several', () => {
      expect(price([[product('A', 1000), 1]], []).shipping).to.deep.equal(cny(0));
      const cheap: Promotion = { kind: 'shipping', id: 'cheap', fee: cny(600) };
      expect(price([[product('A', 1000), 1]], [SHIPPING, cheap]).shipping).to.deep.equal(cny(600));
    });
  });

  describe('empty cart and bad input', () => {
    it('prices an empty cart at zero, in the given currency', () => {
      const cart = priceCart({ lines: [], promotions: ALL, member: vipMember, now: NOW });
      expect(cart.lines).to.be.empty;
      expect(cart.adjustments).to.be.empty;
      for (const money of [cart.subtotal, cart.discount, cart.merchandise, cart.shipping, cart.total]) {
        expect(money).to.deep.equal(cny(0));
      }
      expect(priceCart({ lines: [], promotions: [], currency: 'USD' }).total).to.deep.equal({ amount: 0, currency: 'USD' });
      expect(freeShippingGap(cart, ALL)).to.equal(null);
    });

    it('refuses bad prices, naming the sku and the field', () => {
      for (const bad of [cny(-1), cny(1.5), cny(Number.NaN), undefined, { amount: 100, currency: 'yuan' }]) {
        const error = validationError(() => price([[{ ...product('BAD', 100), price: bad as Money }, 1]]));
        expect(error.detail).to.include({ sku: 'BAD', field: 'price' });
      }
      const saleError = validationError(() => price([[product('S', 100, { flashSale: sale(-5) }), 1]]));
      expect(saleError.detail).to.include({ sku: 'S', field: 'flashSale.price' });
    });

    it('refuses quantities that are not positive safe integers', () => {
      for (const quantity of [0, -1, 1.5, Number.NaN, Infinity, 2 ** 53, '2' as unknown as number]) {
        const error = validationError(() => price([[product('Q', 100), quantity]]));
        expect(error.detail).to.include({ sku: 'Q', field: 'quantity' });
      }
    });

    it('refuses mixed currencies between lines and promotions', () => {
      const usd = { ...product('USD', 100), price: { amount: 100, currency: 'USD' } };
      expect(
        validationError(() =>
          price([
            [product('A', 100), 1],
            [usd, 1],
          ]),
        ).detail,
      ).to.include({
        sku: 'USD',
        field: 'price',
        reason: 'currency',
      });
      const usdShipping: Promotion = { kind: 'shipping', id: 'ship-usd', fee: { amount: 500, currency: 'USD' } };
      expect(validationError(() => price([[product('A', 100), 1]], [usdShipping])).detail).to.include({
        promotionId: 'ship-usd',
        field: 'fee',
      });
      expect(validationError(() => price([[product('A', 100), 1]], [], { currency: 'USD' })).detail).to.include({ sku: 'A' });
    });

    it('refuses carts too large to add up exactly', () => {
      expect(validationError(() => price([[product('BIG', 5e15), 2]])).detail).to.include({ sku: 'BIG', field: 'quantity' });
      expect(
        validationError(() =>
          price([
            [product('BIG', 5e15), 1],
            [product('BIG2', 5e15), 1],
          ]),
        ).detail,
      ).to.include({ field: 'lines' });
    });

    it('refuses VIP basis points outside 0..10000', () => {
      const error = validationError(() => price([[product('A', 100), 1]], [{ kind: 'vip', id: 'v', tiers: { vip: 12000 } }]));
      expect(error.detail).to.include({ promotionId: 'v', field: 'tiers.vip' });
    });
  });

  describe('properties', () => {
    const money = (min: number, max: number) => fc.integer({ min, max }).map(cny);
    const productArb = fc.record({
      sku: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'SOCK'),
      price: fc.integer({ min: 1, max: 10_000_000 }),
      freeShipping: fc.boolean(),
      flash: fc.option(
        fc.record({
          ratio: fc.integer({ min: 1, max: 10000 }),
          startsAt: fc.integer({ min: 0, max: 200 }),
          length: fc.integer({ min: 0, max: 200 }),
          campaign: fc.boolean(),
        }),
        { nil: undefined },
      ),
    });
    const lineArb = fc
      .record({ product: productArb, quantity: fc.integer({ min: 1, max: 99 }) })
      .map(({ product: p, quantity }) => ({
        product: product(p.sku, p.price, {
          freeShipping: p.freeShipping,
          ...(p.flash
            ? {
                flashSale: {
                  price: cny(Math.floor((p.price * p.flash.ratio) / 10000)),
                  startsAt: p.flash.startsAt,
                  endsAt: p.flash.startsAt + p.flash.length,
                  campaign: p.flash.campaign,
                },
              }
            : {}),
        }),
        quantity,
      }));
    const promotionArb: fc.Arbitrary<Promotion> = fc.oneof(
      fc.record({
        kind: fc.constant('vip' as const),
        id: fc.constant('vip'),
        tiers: fc.record({ vip: fc.integer({ min: 0, max: 10000 }), member: fc.integer({ min: 0, max: 10000 }) }),
        campaign: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('threshold' as const),
        id: fc.constant('threshold'),
        tiers: fc.array(fc.record({ threshold: money(0, 100_000_000), discount: money(0, 100_000_000) }), { maxLength: 4 }),
      }),
      fc.record({
        kind: fc.constant('add-on' as const),
        id: fc.constant('add-on'),
        threshold: money(0, 100_000_000),
        sku: fc.constantFrom('SOCK', 'A'),
        price: money(0, 10_000),
      }),
      fc.record(
        {
          kind: fc.constant('shipping' as const),
          id: fc.constant('shipping'),
          fee: money(0, 5000),
          freeThreshold: money(0, 100_000_000),
        },
        { requiredKeys: ['kind', 'id', 'fee'] },
      ),
    );
    const inputArb: fc.Arbitrary<PriceCartInput> = fc.record({
      lines: fc.array(lineArb, { minLength: 1, maxLength: 8 }),
      promotions: fc.array(promotionArb, { maxLength: 5 }),
      member: fc.option(fc.record({ tier: fc.constantFrom('vip' as const, 'member' as const), shippingCard: fc.boolean() }), {
        nil: undefined,
      }),
      now: fc.integer({ min: 0, max: 400 }),
    });
    const isAmount = (m: Money) => Number.isSafeInteger(m.amount) && m.amount >= 0 && m.currency === 'CNY';

    it('gives safe, non-negative integer amounts that add up', () => {
      fc.assert(
        fc.property(inputArb, (input) => {
          const cart = priceCart(input);
          for (const m of [cart.subtotal, cart.discount, cart.merchandise, cart.qualifyingSubtotal, cart.shipping, cart.total]) {
            expect(isAmount(m), JSON.stringify(m)).to.be.true;
          }
          for (const line of cart.lines) expect(isAmount(line.lineTotal) && isAmount(line.unitPrice)).to.be.true;
          for (const a of cart.adjustments) expect(Number.isSafeInteger(a.amount.amount)).to.be.true;
          expect(cart.total.amount).to.equal(cart.subtotal.amount - cart.discount.amount + cart.shipping.amount);
          expect(cart.total.amount).to.equal(cart.merchandise.amount + cart.shipping.amount);
          const merchandiseAdjustments = cart.adjustments.filter((a) => a.applies !== 'shipping');
          expect(merchandiseAdjustments.reduce((sum, a) => sum + a.amount.amount, 0)).to.equal(-cart.discount.amount);
          const threshold = cart.adjustments.find((a) => a.kind === 'threshold')?.amount.amount ?? 0;
          expect(cart.lines.reduce((sum, l) => sum + l.lineTotal.amount, 0) + threshold).to.equal(cart.merchandise.amount);
        }),
        { numRuns: 500 },
      );
    });

    it('keeps every line without a campaign discount at or above ceil(70% of list)', () => {
      fc.assert(
        fc.property(inputArb, (input) => {
          const cart = priceCart(input);
          cart.lines.forEach((line) => {
            if (line.campaign) return;
            const units = line.addOn ? line.quantity - 1 : line.quantity;
            const regular = line.lineTotal.amount - (line.addOnPrice?.amount ?? 0);
            expect(regular * 10).to.be.at.least(line.listPrice.amount * units * 7);
          });
        }),
        { numRuns: 500 },
      );
    });

    it('never lowers the subtotal, or the qualifying subtotal, when a unit is added', () => {
      fc.assert(
        fc.property(inputArb, fc.nat(), (input, pick) => {
          const index = pick % input.lines.length;
          const more = { ...input, lines: input.lines.map((l, i) => (i === index ? { ...l, quantity: l.quantity + 1 } : l)) };
          const before = priceCart(input);
          const after = priceCart(more);
          expect(after.subtotal.amount).to.be.greaterThan(before.subtotal.amount);
          expect(after.qualifyingSubtotal.amount).to.be.at.least(before.qualifyingSubtotal.amount);
        }),
        { numRuns: 300 },
      );
    });

    it('is deterministic and does not touch its input', () => {
      fc.assert(
        fc.property(inputArb, (input) => {
          const snapshot = JSON.stringify(input);
          expect(priceCart(input)).to.deep.equal(priceCart(input));
          expect(JSON.stringify(input)).to.equal(snapshot);
        }),
        { numRuns: 200 },
      );
    });
  });
});
