import { DEFAULT_LOCALE, type Locale } from './locale.js';

/**
 * An amount of money. `amount` is an integer in minor units (fen for CNY, cents for USD):
 * ¥12.90 is `{ amount: 1290, currency: 'CNY' }`. No floating-point money anywhere.
 */
export interface Money {
  readonly amount: number;
  /** ISO 4217 code, upper case. */
  readonly currency: string;
}

/** True when `value` is a well-formed Money: an integer amount and a 3-letter currency. */
export function isMoney(value: unknown): value is Money {
  if (typeof value !== 'object' || value === null) return false;
  const { amount, currency } = value as Record<string, unknown>;
  return Number.isSafeInteger(amount) && typeof currency === 'string' && /^[A-Z]{3}$/.test(currency);
}

const digitsCache = new Map<string, number>();

/** Minor-unit digits of a currency (2 for CNY, 0 for JPY), from Intl. */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

const formatterCache = new Map<string, Intl.NumberFormat>();

/**
 * Formats money for people: `formatMoney({amount: 129900, currency: 'CNY'})` is `¥1,299.00`
 * in zh-CN and `CN¥1,299.00` in en. The integer is divided by its currency's minor-unit
 * factor only here, at the edge, for display.
 */
export function formatMoney(money: Money, locale: Locale | string = DEFAULT_LOCALE): string {
  if (!isMoney(money)) return '—';
  const key = `${locale}|${money.currency}`;
  let formatter = formatterCache.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
    formatterCache.set(key, formatter);
  }
  const digits = currencyDigits(money.currency);
  return formatter.format(money.amount / 10 ** digits);
}

/** Money from a decimal string typed by a person ("12.9" -> 1290 fen), or null if malformed. */
export function parseMoney(text: string, currency: string): Money | null {
  const digits = currencyDigits(currency);
  const match = /^\s*(-?)(\d+)(?:\.(\d*))?\s*$/.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits) return null;
  const amount = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(amount)) return null;
  return { amount: sign ? -amount : amount, currency };
}

export function money(amount: number, currency = 'CNY'): Money {
  return { amount, currency };
}
