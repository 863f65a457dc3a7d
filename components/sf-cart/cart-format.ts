import type { Adjustment } from '../../src/cart/pricing.js';
import { currencyDigits, formatMoney, isMoney, type Money } from '../../src/core/money.js';
import { msg } from './sf-cart.messages.js';

/*
 * Pure helpers of <sf-cart>: reading what a shopper types into a quantity box, wording the
 * priced cart's adjustments, checking the contact field. No DOM, no Lit.
 */

/** What a typed quantity means for a line that may hold `1..max`. */
export type QuantityInput =
  | { kind: 'ok'; quantity: number }
  /** A whole number above `max`: cut to `max` (the message says why). */
  | { kind: 'clamped'; quantity: number }
  /** 0: refused (the remove button is there for that). */
  | { kind: 'zero' }
  /** Not a whole number at all ('abc', '-1', '2.5', '1e9', ''). */
  | { kind: 'invalid' };

/** Full-width digits (from a Chinese IME) to ASCII. */
function asciiDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/**
 * Reads a quantity typed by a person. Only plain whole numbers count ("3", "０３", " 12 ");
 * signs, decimals, exponents and words are refused rather than guessed at.
 */
export function parseQuantity(text: string, max: number): QuantityInput {
  const cleaned = asciiDigits(String(text)).trim();
  if (!/^\d{1,15}$/.test(cleaned)) return { kind: 'invalid' };
  const value = Number(cleaned);
  if (value === 0) return { kind: 'zero' };
  if (value > max) return { kind: 'clamped', quantity: max };
  return { kind: 'ok', quantity: value };
}

/** Money without a fraction when it is whole: ¥199 rather than ¥199.00 (for short labels). */
export function shortMoney(money: Money, locale: string): string {
  if (!isMoney(money)) return '—';
  const factor = 10 ** currencyDigits(money.currency);
  if (money.amount % factor !== 0) return formatMoney(money, locale);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency, maximumFractionDigits: 0 }).format(
    money.amount / factor,
  );
}

/** A signed amount for the savings list: "-¥20.00", "+¥3.00". */
export function signedMoney(money: Money, locale: string): string {
  if (!isMoney(money)) return '—';
  const text = formatMoney({ amount: Math.abs(money.amount), currency: money.currency }, locale);
  return money.amount < 0 ? `-${text}` : money.amount > 0 ? `+${text}` : text;
}

/** "9.5" for 500 basis points off (9.5折), without a trailing ".0". */
function zhe(basisPoints: number): string {
  return String(Math.round((10000 - basisPoints) / 10) / 100);
}

function percent(basisPoints: number): string {
  return String(Math.round(basisPoints) / 100);
}

/** One row of the savings list: adjustments of one kind and promotion added together. */
export interface AdjustmentRow {
  key: string;
  kind: string;
  label: string;
  amount: Money;
}

/**
 * The savings list of a priced cart, worded from each adjustment's `kind` and `params` in
 * `locale` (falling back to the engine's zh-CN `reason` for kinds this version does not know).
 * VIP and floor adjustments of several lines become one row each; flash sales stay per line.
 */
export function adjustmentRows(
  adjustments: readonly Adjustment[],
  locale: string,
  titleOf: (sku: string | undefined) => string,
): AdjustmentRow[] {
  const rows = new Map<string, AdjustmentRow>();
  for (const adjustment of adjustments) {
    if (!adjustment || !isMoney(adjustment.amount)) continue;
    const { label, key } = describe(adjustment, locale, titleOf);
    const existing = rows.get(key);
    if (existing && existing.amount.currency === adjustment.amount.currency) {
      existing.amount = { amount: existing.amount.amount + adjustment.amount.amount, currency: existing.amount.currency };
    } else {
      rows.set(key, { key, kind: String(adjustment.kind), label, amount: adjustment.amount });
    }
  }
  return [...rows.values()];
}

function describe(
  adjustment: Adjustment,
  locale: string,
  titleOf: (sku: string | undefined) => string,
): { label: string; key: string } {
  const fallback = typeof adjustment.reason === 'string' && adjustment.reason ? adjustment.reason : String(adjustment.kind);
  const id = adjustment.promotionId ?? '';
  try {
    switch (adjustment.kind) {
      case 'flash-sale': {
        const zhLabel = locale === 'zh-CN' ? adjustment.params.label : undefined;
        return {
          key: `flash-sale|${adjustment.sku ?? ''}|${adjustment.line ?? ''}`,
          label: msg(locale, 'adj.flash', {
            label: zhLabel || msg(locale, 'adj.flashDefault'),
            title: titleOf(adjustment.sku),
          }),
        };
      }
      case 'vip': {
        const { tier, basisPoints } = adjustment.params;
        const values = { tier, zhe: zhe(basisPoints), percent: percent(basisPoints) };
        return { key: `vip|${id}`, label: msg(locale, tier === 'vip' ? 'adj.vip' : 'adj.vipTier', values) };
      }
      case 'floor':
        return { key: 'floor', label: msg(locale, 'adj.floor') };
      case 'threshold':
        return {
          key: `threshold|${id}`,
          label: msg(locale, 'adj.threshold', {
            threshold: shortMoney(adjustment.params.threshold, locale),
            discount: shortMoney(adjustment.params.discount, locale),
          }),
        };
      case 'add-on':
        return {
          key: `add-on|${id}|${adjustment.sku ?? ''}`,
          label: msg(locale, 'adj.addOn', {
            threshold: shortMoney(adjustment.params.threshold, locale),
            price: shortMoney(adjustment.params.price, locale),
            title: titleOf(adjustment.sku),
          }),
        };
      case 'shipping-free':
        return {
          key: 'shipping',
          label: msg(locale, 'adj.shippingFree', { threshold: shortMoney(adjustment.params.freeThreshold, locale) }),
        };
      case 'shipping-free-items':
        return { key: 'shipping', label: msg(locale, 'adj.shippingItems') };
      case 'shipping-card':
        return { key: 'shipping', label: msg(locale, 'adj.shippingCard') };
      default:
        return { key: `other|${fallback}`, label: fallback };
    }
  } catch {
    // Params missing (an adapter's own engine): the engine's sentence is better than nothing.
    return { key: `other|${fallback}`, label: fallback };
  }
}

/** The contact field: empty, a phone number (digits, spaces, dashes, a leading +) or an e-mail. */
export function contactValid(text: string): boolean {
  const value = text.trim();
  if (value === '') return true;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(value)) return value.length <= 254;
  if (/^\+?[\d\s()-]{5,24}$/.test(value)) {
    const digits = value.replace(/\D/g, '').length;
    return digits >= 5 && digits <= 20;
  }
  return false;
}
