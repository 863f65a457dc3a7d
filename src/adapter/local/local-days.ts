import { StorefrontError } from '../../core/errors.js';
import type { DayRange } from '../../core/types.js';

/** The shop's time zone: visit days and order dates are days in China. */
export const SHOP_TIME_ZONE = 'Asia/Shanghai';
/** The range a daily report covers when none is asked for: the last 30 days, today included. */
export const DEFAULT_RANGE_DAYS = 30;
/** The longest range a daily report may cover (one leap year). */
export const MAX_RANGE_DAYS = 366;

const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

let dayFormat: Intl.DateTimeFormat | undefined;

/** `YYYY-MM-DD` of the instant `at` in the shop's time zone. */
export function shopDay(at: number): string {
  // en-CA formats dates as YYYY-MM-DD.
  dayFormat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: SHOP_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return dayFormat.format(at);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` string, or NaN when it is not a real date. */
function dayNumber(day: string): number {
  const match = DAY.exec(day);
  if (!match) return Number.NaN;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const utc = Date.UTC(year, month - 1, date);
  const back = new Date(utc);
  // Date.UTC rolls 2026-02-30 over to March: a rolled date is not a real one.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== date) return Number.NaN;
  return utc / DAY_MS;
}

function dayString(number: number): string {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

/** `day` moved by `days` (negative moves back). */
export function addDays(day: string, days: number): string {
  return dayString(dayNumber(day) + days);
}

/**
 * A checked, complete range of whole days: `to` defaults to today, `from` to 29 days before
 * `to`. Throws `validation` for a malformed or impossible date, `from` after `to`, or a range
 * longer than {@link MAX_RANGE_DAYS}.
 */
export function checkDayRange(range: DayRange | undefined, now: number): { from: string; to: string } {
  if (range !== undefined && (typeof range !== 'object' || range === null)) {
    throw new StorefrontError('validation', 'A date range is an object with from and to.', { detail: { field: 'range' } });
  }
  for (const field of ['from', 'to'] as const) {
    const value = range?.[field];
    if (value !== undefined && (typeof value !== 'string' || Number.isNaN(dayNumber(value)))) {
      throw new StorefrontError('validation', `"${field}" must be a date written YYYY-MM-DD.`, { detail: { field } });
    }
  }
  const to = range?.to ?? shopDay(now);
  const from = range?.from ?? addDays(to, 1 - DEFAULT_RANGE_DAYS);
  const length = dayNumber(to) - dayNumber(from) + 1;
  if (length < 1) throw new StorefrontError('validation', '"from" must not be after "to".', { detail: { field: 'from' } });
  if (length > MAX_RANGE_DAYS) {
    throw new StorefrontError('validation', `A date range covers at most ${MAX_RANGE_DAYS} days.`, {
      detail: { field: 'from', max: MAX_RANGE_DAYS },
    });
  }
  return { from, to };
}
