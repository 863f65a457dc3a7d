/**
 * The promotions engine: `priceCart()` turns cart lines, the shop's promotions and the signed-in
 * member into what the shopper pays, with every adjustment and its reason. Pure: no I/O, no
 * clock unless `now` is left out, no floating-point money (integer fen, basis points).
 *
 * Order (DESIGN.md "Pricing", pinned):
 *  0. unit price = the flash-sale price inside its window [startsAt, endsAt), else list price;
 *  1. VIP tier discount per line (basis points of unit × quantity), rounded half-up to the fen;
 *  2. floor: no line below 70% of its list price (7折, rounded up), unless a campaign did it;
 *  3. 满减: the single best threshold tier met, subtracted once;
 *  4. 换购: one unit of the add-on sku at the add-on price once its threshold is met;
 *  5. shipping: flat fee unless free by threshold, all 单品包邮 lines, or a 全年包邮卡.
 * Every threshold in 3-5 is judged on the {@link PricedCart.qualifyingSubtotal}.
 */
import { StorefrontError } from '../core/errors.js';
import { formatMoney, isMoney, type Money } from '../core/money.js';
import type {
  AddOnPromotion,
  FlashSale,
  Member,
  Product,
  Promotion,
  ShippingPromotion,
  ThresholdPromotion,
  VipPromotion,
} from '../core/types.js';

/** The 7折 floor, in basis points of the list price. */
export const FLOOR_BASIS_POINTS = 7000;
const BASIS = 10000;

/* ---------------------------------------------------------------- public types */

export interface PriceCartLineInput {
  product: Product;
  /** A positive safe integer. */
  quantity: number;
  /** The cart line's key (`sku#variant`), passed through to the priced line. */
  key?: string;
}

export interface PriceCartInput {
  lines: readonly PriceCartLineInput[];
  promotions?: readonly Promotion[];
  /** The signed-in member: `tier` picks the VIP discount, `shippingCard` waives shipping. */
  member?: Pick<Member, 'tier' | 'shippingCard'> | null;
  /** Epoch ms that decides flash-sale windows; defaults to `Date.now()`. */
  now?: number;
  /** The cart currency; defaults to the first line's currency, or `CNY` for an empty cart. */
  currency?: string;
}

export type AdjustmentKind =
  'flash-sale' | 'vip' | 'floor' | 'threshold' | 'add-on' | 'shipping-free' | 'shipping-free-items' | 'shipping-card';

/** Structured parameters per kind, so the UI can word each adjustment in any locale. */
export interface AdjustmentParams {
  /** `salePrice` per unit for `quantity` units instead of `listPrice`. */
  'flash-sale': { salePrice: Money; listPrice: Money; quantity: number; label?: string };
  /** `basisPoints` off `base` (the line amount the discount was computed on) for `tier`. */
  vip: { tier: string; basisPoints: number; base: Money };
  /** The line was raised to `floor` (= ceil(list × quantity × floorBasisPoints / 10000)). */
  floor: { floorBasisPoints: number; floor: Money; quantity: number };
  /** 满`threshold`减`discount`, judged on `qualifyingSubtotal`. */
  threshold: { threshold: Money; discount: Money; qualifyingSubtotal: Money };
  /** 满`threshold` + `price` 换购: one unit at `price` instead of `listPrice`. */
  'add-on': { threshold: Money; price: Money; listPrice: Money };
  /** 满`freeThreshold`包邮: `fee` waived. */
  'shipping-free': { freeThreshold: Money; fee: Money };
  /** Every line ships free on its own (单品包邮): `fee` waived. */
  'shipping-free-items': { fee: Money };
  /** The member's annual free-shipping card (全年包邮卡): `fee` waived. */
  'shipping-card': { fee: Money };
}

interface AdjustmentOf<K extends AdjustmentKind> {
  kind: K;
  /**
   * The signed change to what the shopper pays: negative for a saving (flash sale, VIP, 满减,
   * 换购, a waived delivery fee), positive when the 7折 floor raises a line back up.
   */
  amount: Money;
  /** `line` adjustments change a line total, `order` ones the merchandise, `shipping` ones the delivery fee. */
  applies: 'line' | 'order' | 'shipping';
  /** The line's sku, for `line` adjustments. */
  sku?: string;
  /** Index of the line in `lines`, for `line` adjustments. */
  line?: number;
  /** The promotion's id (absent for flash sales, which live on the product, and the floor rule). */
  promotionId?: string;
  /** True when the discount comes from a campaign (双11...) and is exempt from the floor. */
  campaign?: boolean;
  /** A human reason in zh-CN, e.g. `满¥199.00减¥20.00`. */
  reason: string;
  params: AdjustmentParams[K];
}

export type Adjustment = { [K in AdjustmentKind]: AdjustmentOf<K> }[AdjustmentKind];

export interface PricedLine {
  key?: string;
  sku: string;
  quantity: number;
  /** The flash-sale price inside its window, else the list price. */
  unitPrice: Money;
  listPrice: Money;
  /** The line after its own adjustments (flash sale, VIP, floor, 换购); 满减 is order-level and not in it. */
  lineTotal: Money;
  /** A flash sale priced this line. */
  flashSale: boolean;
  /** A campaign discount (flash sale or VIP flagged `campaign`) applied, exempt from the floor. */
  campaign: boolean;
  /** The 7折 floor raised this line. */
  floored: boolean;
  /** One unit of this line is the unlocked 换购 item. */
  addOn: boolean;
  /** The add-on unit's price when `addOn`. */
  addOnPrice?: Money;
}

export interface PricedCart {
  lines: PricedLine[];
  /** Every adjustment in pricing order: flash-sale, vip, floor (line by line), threshold, add-on, shipping-*. */
  adjustments: Adjustment[];
  /** Σ list price × quantity (原价合计), before every discount. */
  subtotal: Money;
  /** subtotal − merchandise: every merchandise saving net of the floor; never negative. Excludes shipping. */
  discount: Money;
  /** Merchandise after steps 1-4: Σ lineTotal − the 满减 discount. */
  merchandise: Money;
  /**
   * The amount every threshold (满减, 换购, free shipping) is judged on: lines after VIP and the
   * floor, leaving out one unit of each add-on sku (unlocked or not, so an add-on can never
   * unlock its own offer).
   */
  qualifyingSubtotal: Money;
  /** What 换购 thresholds are judged on: the qualifying subtotal without one unit of each add-on sku in the cart. */
  addOnSubtotal: Money;
  /** The delivery fee charged (0 when waived, with no shipping promotion, or for an empty cart). */
  shipping: Money;
  /** What the shopper pays: merchandise + shipping = subtotal − discount + shipping. */
  total: Money;
}

/* ---------------------------------------------------------------- integer arithmetic */

function fail(message: string, detail: Record<string, unknown>): never {
  throw new StorefrontError('validation', message, { detail });
}

/** floor(a × n / d) or its half-up / ceiling variant, exact for any safe integers a, n >= 0, d > 0. */
function mulDiv(a: number, n: number, d: number, mode: 'half-up' | 'up'): number {
  const product = a * n;
  if (Number.isSafeInteger(product)) {
    const rest = product % d;
    const quotient = (product - rest) / d;
    if (mode === 'up') return rest > 0 ? quotient + 1 : quotient;
    return 2 * rest >= d ? quotient + 1 : quotient;
  }
  const big = BigInt(a) * BigInt(n);
  const divisor = BigInt(d);
  const rest = big % divisor;
  let quotient = big / divisor;
  if (mode === 'up' ? rest > 0n : 2n * rest >= divisor) quotient += 1n;
  return Number(quotient);
}

/** The 7折 floor of `listLine` fen: ceil(70%), to the fen. */
export function floorOf(listLine: number): number {
  return mulDiv(listLine, FLOOR_BASIS_POINTS, BASIS, 'up');
}

/** `basisPoints` of `amount`, rounded half-up to the fen (5% of 333 = 16.65 -> 17). */
export function basisPointsOf(amount: number, basisPoints: number): number {
  return mulDiv(amount, basisPoints, BASIS, 'half-up');
}

/* ---------------------------------------------------------------- validation */

function checkMoney(value: unknown, currency: string, detail: Record<string, unknown>, what: string): Money {
  if (!isMoney(value) || value.amount < 0) {
    fail(`${what} must be a whole, non-negative amount in minor units.`, { ...detail, value });
  }
  if (value.currency !== currency) {
    fail(`${what} is in ${value.currency}, but the cart is in ${currency}.`, {
      ...detail,
      reason: 'currency',
      expected: currency,
      actual: value.currency,
    });
  }
  return value;
}

interface LineContext {
  index: number;
  key?: string;
  sku: string;
  quantity: number;
  list: number;
  /** Unit price: the sale price when a sale applies, else `list`. */
  unit: number;
  sale: FlashSale | null;
  product: Product;
}

function checkLine(line: PriceCartLineInput, index: number, currency: string, now: number): LineContext {
  if (typeof line !== 'object' || line === null) fail(`Cart line ${index} is not an object.`, { line: index, field: 'line' });
  const { product, quantity } = line;
  if (typeof product !== 'object' || product === null)
    fail(`Cart line ${index} has no product.`, { line: index, field: 'product' });
  const sku = product.sku;
  if (typeof sku !== 'string' || sku === '')
    fail(`Cart line ${index} has a product without a sku.`, { line: index, field: 'sku' });
  const list = checkMoney(product.price, currency, { sku, line: index, field: 'price' }, `The price of ${sku}`).amount;
  if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < 1) {
    fail(`The quantity of ${sku} must be a positive whole number, got ${String(quantity)}.`, {
      sku,
      line: index,
      field: 'quantity',
      value: quantity,
    });
  }
  if (!Number.isSafeInteger(list * quantity)) {
    fail(`The line ${sku} is too large to price.`, { sku, line: index, field: 'quantity', value: quantity });
  }
  let sale: FlashSale | null = null;
  let unit = list;
  const flash = product.flashSale;
  if (flash !== undefined && flash !== null) {
    const salePrice = checkMoney(
      flash.price,
      currency,
      { sku, line: index, field: 'flashSale.price' },
      `The sale price of ${sku}`,
    );
    if (typeof flash.startsAt !== 'number' || typeof flash.endsAt !== 'number' || Number.isNaN(flash.startsAt + flash.endsAt)) {
      fail(`The flash sale of ${sku} needs numeric startsAt and endsAt.`, { sku, line: index, field: 'flashSale' });
    }
    // A "sale" price at or above the list price is no discount: the list price stands.
    if (now >= flash.startsAt && now < flash.endsAt && salePrice.amount < list) {
      sale = flash;
      unit = salePrice.amount;
    }
  }
  return { index, ...(line.key === undefined ? {} : { key: line.key }), sku, quantity, list, unit, sale, product };
}

function checkPromotion(promotion: Promotion, index: number, currency: string): void {
  if (typeof promotion !== 'object' || promotion === null) fail(`Promotion ${index} is not an object.`, { promotion: index });
  const id = promotion.id;
  const at = (field: string) => ({ promotionId: id, promotion: index, field });
  switch (promotion.kind) {
    case 'vip':
      if (typeof promotion.tiers !== 'object' || promotion.tiers === null) fail(`VIP promotion ${id} has no tiers.`, at('tiers'));
      for (const [tier, points] of Object.entries(promotion.tiers)) {
        if (!Number.isSafeInteger(points) || points < 0 || points > BASIS) {
          fail(`VIP promotion ${id}: tier ${tier} must be 0..10000 basis points, got ${String(points)}.`, at(`tiers.${tier}`));
        }
      }
      break;
    case 'threshold':
      if (!Array.isArray(promotion.tiers)) fail(`Threshold promotion ${id} has no tiers.`, at('tiers'));
      promotion.tiers.forEach((tier, i) => {
        checkMoney(tier?.threshold, currency, at(`tiers.${i}.threshold`), `Threshold promotion ${id} tier ${i} threshold`);
        checkMoney(tier?.discount, currency, at(`tiers.${i}.discount`), `Threshold promotion ${id} tier ${i} discount`);
      });
      break;
    case 'add-on':
      checkMoney(promotion.threshold, currency, at('threshold'), `Add-on promotion ${id} threshold`);
      checkMoney(promotion.price, currency, at('price'), `Add-on promotion ${id} price`);
      if (typeof promotion.sku !== 'string' || promotion.sku === '') fail(`Add-on promotion ${id} names no sku.`, at('sku'));
      break;
    case 'shipping':
      checkMoney(promotion.fee, currency, at('fee'), `Shipping promotion ${id} fee`);
      if (promotion.freeThreshold !== undefined) {
        checkMoney(promotion.freeThreshold, currency, at('freeThreshold'), `Shipping promotion ${id} free threshold`);
      }
      break;
    default:
    // Kinds this version does not know (a newer backend) are ignored, not fatal.
  }
}

/* ---------------------------------------------------------------- line pricing (steps 0-2) */

interface VipChoice {
  promotion: VipPromotion;
  tier: string;
  basisPoints: number;
}

/** `quantity` units of a line at regular pricing: unit price, VIP, floor. */
interface UnitsPrice {
  quantity: number;
  list: number;
  /** unit × quantity. */
  sale: number;
  /** The amount VIP was computed on. */
  vipBase: number;
  vip: number;
  floorBound: number;
  /** total − (sale − vip): what the floor added back. */
  floorRaise: number;
  total: number;
  campaign: boolean;
}

/**
 * Regular pricing of `quantity` units. The floor limits only non-campaign discounts, applied in
 * order (flash sale, then VIP): each may not take the line below min(70% of list, the line
 * before it). Hence:
 * - no campaign: total = max(sale − vip, floor);
 * - campaign flash sale + ordinary VIP: total = max(sale − vip, min(floor, sale)), i.e. the VIP
 *   discount may still go down to 7折 but never below the campaign price;
 * - ordinary flash sale + campaign VIP: the sale price is floored first, and the campaign VIP
 *   discount is taken off that, unlimited;
 * - both campaign: no floor.
 */
function priceUnits(line: LineContext, quantity: number, vip: VipChoice | null): UnitsPrice {
  const list = line.list * quantity;
  const sale = line.unit * quantity;
  const floor = floorOf(list);
  const flashCampaign = line.sale !== null && line.sale.campaign === true;
  const flashOrdinary = line.sale !== null && !flashCampaign;
  const points = vip?.basisPoints ?? 0;
  const vipCampaign = points > 0 && vip?.promotion.campaign === true;
  const vipBase = vipCampaign && flashOrdinary ? Math.max(sale, floor) : sale;
  const discount = points > 0 ? basisPointsOf(vipBase, points) : 0;
  const bound = vipCampaign ? 0 : flashCampaign ? Math.min(floor, sale) : floor;
  const total = Math.max(vipBase - discount, bound);
  return {
    quantity,
    list,
    sale,
    vipBase,
    vip: discount,
    floorBound: vipCampaign ? vipBase : bound,
    floorRaise: total - (sale - discount),
    total,
    campaign: (flashCampaign && sale < list) || (vipCampaign && discount > 0),
  };
}

/* ---------------------------------------------------------------- reasons */

// Intl formatting is most of the pricing time; the same few prices recur (thresholds, list prices).
const formatted = new Map<string, string>();
function fmt(amount: number, currency: string): string {
  const key = `${currency}${amount}`;
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size >= 2048) formatted.clear();
    text = formatMoney({ amount, currency }, 'zh-CN');
    formatted.set(key, text);
  }
  return text;
}
const percent = (points: number) => `${points / 100}%`;

/* ---------------------------------------------------------------- priceCart */

/**
 * Prices a cart. Pure and deterministic for a given `now`.
 *
 * Definitions and conventions:
 * - `subtotal` = Σ list price × quantity; `discount` = subtotal − merchandise (flash sales, VIP,
 *   换购 and 满减, net of what the floor adds back; never negative); `total` = subtotal −
 *   discount + shipping. DESIGN.md's worked example reads: subtotal ¥300.00, discount ¥35.00,
 *   shipping ¥0.00, total ¥265.00.
 * - Adjustment `amount` is the signed change to what the shopper pays: negative saves, positive
 *   (only `floor`) raises. Merchandise adjustments sum to −discount; `shipping-*` adjustments
 *   (−fee, informational) explain a waived fee and are not in `discount`.
 * - Flash sale: applies while `startsAt <= now < endsAt` and its price is below the list price.
 * - VIP: the highest basis points any VIP promotion gives the member's tier (ties: a campaign
 *   one, then the first listed); computed per line on unit × quantity, rounded half-up.
 * - Floor: ceil(70% × list × quantity) per line. It limits only non-campaign discounts: a
 *   campaign flash sale with an ordinary VIP discount may not go below min(sale line, 70% of
 *   list); an ordinary flash sale under 7折 is raised to 70% first and a campaign VIP discount
 *   is then taken off that; campaign-only discounts are not floored. The floor is a per-line
 *   rule: 满减 and 换购 (order level) may take the order lower.
 * - 满减: across every threshold promotion, the tier with the largest discount whose threshold
 *   the qualifying subtotal meets (>=); ties keep the first listed. A zero threshold is always
 *   met (for a non-empty cart); a zero discount is ignored; the same threshold twice gives the
 *   larger discount. The discount is capped at the qualifying subtotal, so merchandise is never
 *   negative.
 * - 换购: for each add-on promotion whose sku is in the cart (first line with that sku) and
 *   whose price is below that product's unit price, whether it unlocks is judged on
 *   `addOnSubtotal`: the qualifying lines without one unit of that sku (an add-on cannot
 *   unlock itself). Unlocked, that unit costs the add-on price (no VIP, no floor) and is left
 *   out of the qualifying subtotal; further units are priced like any line (flash sale, VIP and
 *   floor apply: "further units at list price" read as "at the usual price"). Several add-on
 *   promotions for one sku: the cheapest unlocked one. Locked, the unit is a regular unit and
 *   counts toward 满减 and free shipping like any other.
 * - Shipping: with no shipping promotion, 0. Otherwise, per shipping promotion, 0 if the
 *   member holds a shipping card, every line is a `freeShipping` product, or the qualifying
 *   subtotal meets `freeThreshold` (checked in that order, the first one is reported), else
 *   `fee`; several shipping promotions: the cheapest. An empty cart: 0.
 * - Unknown promotion kinds are ignored.
 *
 * @throws StorefrontError `validation` (detail names `sku`/`promotionId` and `field`) for a
 *   negative, fractional or missing price, a quantity that is not a positive safe integer, a
 *   currency that differs from the cart's, VIP basis points outside 0..10000, or amounts too
 *   large to add up exactly.
 */
/** The priced empty cart: every amount zero in `currency`. */
export function emptyPricedCart(currency: string): PricedCart {
  const zero = { amount: 0, currency };
  return {
    lines: [],
    adjustments: [],
    subtotal: zero,
    discount: zero,
    merchandise: zero,
    qualifyingSubtotal: zero,
    addOnSubtotal: zero,
    shipping: zero,
    total: zero,
  };
}

export function priceCart(input: PriceCartInput): PricedCart {
  if (typeof input !== 'object' || input === null) fail('priceCart needs an input object.', { field: 'input' });
  const { lines: inputLines, member } = input;
  const promotions = input.promotions ?? [];
  if (!Array.isArray(inputLines)) fail('lines must be an array.', { field: 'lines' });
  if (!Array.isArray(promotions)) fail('promotions must be an array.', { field: 'promotions' });
  const now = input.now ?? Date.now();
  if (typeof now !== 'number' || Number.isNaN(now)) fail('now must be a number of epoch milliseconds.', { field: 'now' });
  const firstCurrency = (inputLines[0] as PriceCartLineInput | undefined)?.product?.price?.currency;
  // A malformed first currency falls back to CNY, so the line check names the bad sku.
  const currency =
    input.currency ?? (typeof firstCurrency === 'string' && /^[A-Z]{3}$/.test(firstCurrency) ? firstCurrency : 'CNY');
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
    fail(`currency must be an ISO 4217 code, got ${String(currency)}.`, { field: 'currency', value: currency });
  }
  const cny = (amount: number): Money => ({ amount, currency });

  promotions.forEach((promotion, index) => checkPromotion(promotion, index, currency));
  const lines = inputLines.map((line, index) => checkLine(line, index, currency, now));

  if (lines.length === 0) return emptyPricedCart(currency);

  // Step 1's promotion: the member's best tier discount.
  let vip: VipChoice | null = null;
  const tier = member?.tier;
  if (typeof tier === 'string') {
    for (const promotion of promotions) {
      if (promotion.kind !== 'vip' || !Object.hasOwn(promotion.tiers, tier)) continue;
      const points = promotion.tiers[tier]!;
      if (
        points > 0 &&
        (vip === null ||
          points > vip.basisPoints ||
          (points === vip.basisPoints && promotion.campaign && !vip.promotion.campaign))
      ) {
        vip = { promotion, tier, basisPoints: points };
      }
    }
  }

  // Which line holds which add-on candidates (price below its unit price).
  const addOnCandidates = new Map<number, AddOnPromotion[]>();
  for (const promotion of promotions) {
    if (promotion.kind !== 'add-on') continue;
    const holder = lines.find((line) => line.sku === promotion.sku);
    if (!holder || promotion.price.amount >= holder.unit) continue;
    const list = addOnCandidates.get(holder.index) ?? [];
    list.push(promotion);
    addOnCandidates.set(holder.index, list);
  }

  // Steps 0-2 per line. Whether a 换购 unlocks is judged without one unit of each add-on sku
  // (an add-on cannot unlock itself); the other thresholds count a unit that stayed locked,
  // since it is then an ordinary line at its usual price.
  let unlockBase = 0;
  const regular: UnitsPrice[] = [];
  const rest: (UnitsPrice | null)[] = [];
  for (const line of lines) {
    const full = priceUnits(line, line.quantity, vip);
    regular.push(full);
    const others = addOnCandidates.has(line.index) ? priceUnits(line, line.quantity - 1, vip) : null;
    rest.push(others);
    unlockBase += (others ?? full).total;
  }
  if (!Number.isSafeInteger(unlockBase)) fail('The cart is too large to price.', { field: 'lines' });
  const unlocked = new Map<number, AddOnPromotion>();
  for (const [index, candidates] of addOnCandidates) {
    let addOn: AddOnPromotion | null = null;
    for (const promotion of candidates) {
      if (unlockBase >= promotion.threshold.amount && (addOn === null || promotion.price.amount < addOn.price.amount)) {
        addOn = promotion;
      }
    }
    if (addOn) unlocked.set(index, addOn);
  }
  let qualifying = 0;
  for (const line of lines) qualifying += (unlocked.has(line.index) ? rest[line.index]! : regular[line.index]!).total;

  // Step 3: the single best 满减 tier.
  let best: { promotion: ThresholdPromotion; threshold: number; discount: number } | null = null;
  for (const promotion of promotions) {
    if (promotion.kind !== 'threshold') continue;
    for (const tier of promotion.tiers) {
      const { amount: threshold } = tier.threshold;
      const { amount: discount } = tier.discount;
      if (discount > 0 && qualifying >= threshold && (best === null || discount > best.discount)) {
        best = { promotion, threshold, discount };
      }
    }
  }
  const thresholdDiscount = best === null ? 0 : Math.min(best.discount, qualifying);

  // Step 4 and the priced lines.
  const flashAdjustments: Adjustment[] = [];
  const vipAdjustments: Adjustment[] = [];
  const floorAdjustments: Adjustment[] = [];
  const addOnAdjustments: Adjustment[] = [];
  let subtotal = 0;
  let merchandise = 0;
  const pricedLines: PricedLine[] = lines.map((line, index) => {
    const addOn = unlocked.get(index) ?? null;
    const units = addOn ? rest[index]! : regular[index]!;
    const lineTotal = units.total + (addOn ? addOn.price.amount : 0);
    subtotal += line.list * line.quantity;
    merchandise += lineTotal;
    const at = { applies: 'line' as const, sku: line.sku, line: index };

    if (line.sale && units.sale < units.list) {
      flashAdjustments.push({
        kind: 'flash-sale',
        amount: cny(units.sale - units.list),
        ...at,
        ...(line.sale.campaign ? { campaign: true } : {}),
        reason: `${line.sale.label ?? '限时特卖'}：单价${fmt(line.unit, currency)}（原价${fmt(line.list, currency)}）`,
        params: {
          salePrice: cny(line.unit),
          listPrice: cny(line.list),
          quantity: units.quantity,
          ...(line.sale.label === undefined ? {} : { label: line.sale.label }),
        },
      });
    }
    if (vip && units.vip > 0) {
      vipAdjustments.push({
        kind: 'vip',
        amount: cny(-units.vip),
        ...at,
        promotionId: vip.promotion.id,
        ...(vip.promotion.campaign ? { campaign: true } : {}),
        reason: `会员优惠（${vip.tier}）：立减${percent(vip.basisPoints)}`,
        params: { tier: vip.tier, basisPoints: vip.basisPoints, base: cny(units.vipBase) },
      });
    }
    if (units.floorRaise > 0) {
      floorAdjustments.push({
        kind: 'floor',
        amount: cny(units.floorRaise),
        ...at,
        reason: `最低7折：不低于原价的${percent(FLOOR_BASIS_POINTS)}`,
        params: { floorBasisPoints: FLOOR_BASIS_POINTS, floor: cny(units.floorBound), quantity: units.quantity },
      });
    }
    if (addOn) {
      addOnAdjustments.push({
        kind: 'add-on',
        amount: cny(addOn.price.amount - line.list),
        ...at,
        promotionId: addOn.id,
        reason: `满${fmt(addOn.threshold.amount, currency)}加${fmt(addOn.price.amount, currency)}换购1件`,
        params: { threshold: addOn.threshold, price: addOn.price, listPrice: cny(line.list) },
      });
    }
    return {
      ...(line.key === undefined ? {} : { key: line.key }),
      sku: line.sku,
      quantity: line.quantity,
      unitPrice: cny(line.unit),
      listPrice: cny(line.list),
      lineTotal: cny(lineTotal),
      flashSale: line.sale !== null,
      campaign: units.campaign,
      floored: units.floorRaise > 0,
      addOn: addOn !== null,
      ...(addOn ? { addOnPrice: addOn.price } : {}),
    };
  });
  if (!Number.isSafeInteger(subtotal)) fail('The cart is too large to price.', { field: 'lines' });
  merchandise -= thresholdDiscount;

  const adjustments: Adjustment[] = [...flashAdjustments, ...vipAdjustments, ...floorAdjustments];
  if (best && thresholdDiscount > 0) {
    adjustments.push({
      kind: 'threshold',
      amount: cny(-thresholdDiscount),
      applies: 'order',
      promotionId: best.promotion.id,
      ...(best.promotion.campaign ? { campaign: true } : {}),
      reason: `满${fmt(best.threshold, currency)}减${fmt(best.discount, currency)}`,
      params: { threshold: cny(best.threshold), discount: cny(best.discount), qualifyingSubtotal: cny(qualifying) },
    });
  }
  adjustments.push(...addOnAdjustments);

  // Step 5: shipping.
  let shipping: number | null = null;
  let waiver: Adjustment | null = null;
  const everyLineFree = lines.every((line) => line.product.freeShipping === true);
  for (const promotion of promotions) {
    if (promotion.kind !== 'shipping') continue;
    const { charged, adjustment } = shippingFor(promotion, qualifying, everyLineFree, member?.shippingCard === true, currency);
    if (shipping === null || charged < shipping) {
      shipping = charged;
      waiver = adjustment;
    }
  }
  if (waiver) adjustments.push(waiver);
  const fee = shipping ?? 0;

  const total = merchandise + fee;
  if (!Number.isSafeInteger(total)) fail('The cart is too large to price.', { field: 'lines' });
  return {
    lines: pricedLines,
    adjustments,
    subtotal: cny(subtotal),
    discount: cny(subtotal - merchandise),
    merchandise: cny(merchandise),
    qualifyingSubtotal: cny(qualifying),
    addOnSubtotal: cny(unlockBase),
    shipping: cny(fee),
    total: cny(total),
  };
}

function shippingFor(
  promotion: ShippingPromotion,
  qualifying: number,
  everyLineFree: boolean,
  card: boolean,
  currency: string,
): { charged: number; adjustment: Adjustment | null } {
  const fee = promotion.fee;
  if (fee.amount === 0) return { charged: 0, adjustment: null };
  const base = { amount: { amount: -fee.amount, currency }, applies: 'shipping' as const, promotionId: promotion.id };
  if (card) {
    return { charged: 0, adjustment: { kind: 'shipping-card', ...base, reason: '全年包邮卡：免运费', params: { fee } } };
  }
  if (everyLineFree) {
    return { charged: 0, adjustment: { kind: 'shipping-free-items', ...base, reason: '单品包邮', params: { fee } } };
  }
  const free = promotion.freeThreshold;
  if (free && qualifying >= free.amount) {
    return {
      charged: 0,
      adjustment: {
        kind: 'shipping-free',
        ...base,
        reason: `满${fmt(free.amount, currency)}包邮`,
        params: { freeThreshold: free, fee },
      },
    };
  }
  return { charged: fee.amount, adjustment: null };
}

/* ---------------------------------------------------------------- cart UI helpers */

/**
 * How much more qualifying merchandise makes delivery free ("再买 ¥X 包邮"), or null when
 * shipping is already free (or the cart is empty) or no shipping promotion has a free threshold.
 * Several shipping promotions: the smallest gap. The gap is in qualifying (after-VIP) fen.
 */
export function freeShippingGap(priced: PricedCart, promotions: readonly Promotion[]): Money | null {
  if (priced.lines.length === 0 || priced.shipping.amount === 0) return null;
  const qualifying = priced.qualifyingSubtotal;
  let gap: number | null = null;
  for (const promotion of promotions) {
    if (promotion.kind !== 'shipping' || !promotion.freeThreshold) continue;
    if (promotion.freeThreshold.currency !== qualifying.currency) continue;
    const missing = promotion.freeThreshold.amount - qualifying.amount;
    if (missing > 0 && (gap === null || missing < gap)) gap = missing;
  }
  return gap === null ? null : { amount: gap, currency: qualifying.currency };
}

export interface AddOnOffer {
  promotionId: string;
  sku: string;
  price: Money;
  threshold: Money;
  /** The qualifying subtotal meets the threshold. */
  unlocked: boolean;
  /** The add-on sku is in the cart (so it is priced at `price` when unlocked). */
  inCart: boolean;
  /** How much more qualifying merchandise unlocks it; 0 when unlocked. */
  missing: Money;
}

/**
 * The 换购 offer the cart should show, or null without an add-on promotion. Prefers the offer
 * applied in the cart, then an unlocked one whose sku is not in the cart yet ("加¥1换购"),
 * then the one closest to unlocking (ties: the first listed).
 */
export function addOnOffer(priced: PricedCart, promotions: readonly Promotion[]): AddOnOffer | null {
  const qualifying = priced.addOnSubtotal ?? priced.qualifyingSubtotal;
  let best: { offer: AddOnOffer; rank: number } | null = null;
  for (const promotion of promotions) {
    if (promotion.kind !== 'add-on' || promotion.threshold.currency !== qualifying.currency) continue;
    const missing = Math.max(0, promotion.threshold.amount - qualifying.amount);
    const applied = priced.lines.some((line) => line.addOn && line.sku === promotion.sku);
    const inCart = priced.lines.some((line) => line.sku === promotion.sku);
    const rank = applied ? -2 : missing === 0 && !inCart ? -1 : missing;
    if (best === null || rank < best.rank) {
      best = {
        rank,
        offer: {
          promotionId: promotion.id,
          sku: promotion.sku,
          price: promotion.price,
          threshold: promotion.threshold,
          unlocked: missing === 0,
          inCart,
          missing: { amount: missing, currency: qualifying.currency },
        },
      };
    }
  }
  return best?.offer ?? null;
}
