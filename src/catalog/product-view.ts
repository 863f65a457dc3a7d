import { isMoney, type Money } from '../core/money.js';
import type { Product } from '../core/types.js';
import { safeImageUrl } from './image-url.js';

/*
 * What a product looks like to a shopper at a moment in time: the price to pay, what to strike
 * through, the sale and its end, the stock state. Pure and defensive: the elements render
 * products handed over by host pages and adapters, so nothing here may throw or yield NaN.
 */

/** At or below this many units left, the card says "only N left". */
export const LOW_STOCK_THRESHOLD = 5;

export interface SaleView {
  endsAt: number;
  label?: string;
  campaign: boolean;
}

export interface PriceView {
  /** What one unit costs now, or null when the product has no valid price. */
  price: Money | null;
  /** A higher reference price to strike through (list price during a sale, else compareAtPrice). */
  was: Money | null;
  /** Whole percent off `was` (rounded down), or null. */
  percentOff: number | null;
  /** The running flash sale, if any. */
  sale: SaleView | null;
  /** When the price next changes by itself (a sale starts or ends), or null. */
  changesAt: number | null;
}

function sameCurrencyHigher(reference: Money | undefined, price: Money): Money | null {
  return reference && isMoney(reference) && reference.currency === price.currency && reference.amount > price.amount
    ? reference
    : null;
}

export function priceView(product: Product, now: number): PriceView {
  const list = product.price;
  if (!isMoney(list) || list.amount < 0) return { price: null, was: null, percentOff: null, sale: null, changesAt: null };
  const flash = product.flashSale;
  const validSale =
    flash &&
    isMoney(flash.price) &&
    flash.price.currency === list.currency &&
    Number.isFinite(flash.startsAt) &&
    Number.isFinite(flash.endsAt);
  const running = validSale && now >= flash.startsAt && now < flash.endsAt;
  const price = running ? flash.price : list;
  const was = running
    ? (sameCurrencyHigher(list, price) ?? sameCurrencyHigher(product.compareAtPrice, price))
    : sameCurrencyHigher(product.compareAtPrice, price);
  const percentOff = was && was.amount > 0 ? Math.floor(((was.amount - price.amount) * 100) / was.amount) : null;
  let changesAt: number | null = null;
  if (validSale && now < flash.startsAt) changesAt = flash.startsAt;
  else if (running) changesAt = flash.endsAt;
  return {
    price,
    was,
    percentOff: percentOff && percentOff > 0 ? percentOff : null,
    sale: running
      ? { endsAt: flash.endsAt, campaign: flash.campaign === true, ...(flash.label ? { label: flash.label } : {}) }
      : null,
    changesAt,
  };
}

export type StockState =
  { kind: 'untracked' } | { kind: 'in-stock'; left: number } | { kind: 'low'; left: number } | { kind: 'sold-out' };

export function stockState(product: Product): StockState {
  const stock = product.stock;
  if (stock === undefined || stock === null) return { kind: 'untracked' };
  if (!Number.isFinite(stock) || stock <= 0) return { kind: 'sold-out' };
  const left = Math.floor(stock);
  return left <= LOW_STOCK_THRESHOLD ? { kind: 'low', left } : { kind: 'in-stock', left };
}

export interface GroupBuyView {
  price: Money;
  joined: number;
  needed: number;
  /** joined / needed, clamped to 0..1. */
  progress: number;
  deadline: number;
  /** Still open for joining at `now`. */
  open: boolean;
  /** The group has enough people. */
  reached: boolean;
  presaleStock?: number;
}

export function groupBuyView(product: Product, now: number): GroupBuyView | null {
  const group = product.groupBuy;
  if (!group || !isMoney(group.price) || !Number.isFinite(group.deadline)) return null;
  const needed = Number.isFinite(group.needed) && group.needed > 0 ? Math.floor(group.needed) : 1;
  const joined = Number.isFinite(group.joined) && group.joined > 0 ? Math.floor(group.joined) : 0;
  return {
    price: group.price,
    joined,
    needed,
    progress: Math.min(1, joined / needed),
    deadline: group.deadline,
    open: now < group.deadline,
    reached: joined >= needed,
    ...(Number.isFinite(group.presaleStock) ? { presaleStock: group.presaleStock } : {}),
  };
}

/** A trimmed string, or '' for anything else (a number or null handed in by a host page). */
function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Title and description in `locale`, falling back to the primary (zh-CN) text. */
export function productText(product: Product, locale: string): { title: string; description: string } {
  const translations: unknown = product.translations;
  const translation =
    locale === 'zh-CN' || typeof translations !== 'object' || translations === null
      ? undefined
      : (translations as Record<string, { title?: unknown; description?: unknown } | undefined>)[locale];
  const title = text(translation?.title) || text(product.title);
  const description = text(translation?.description) || text(product.description);
  return { title, description };
}

export interface RatingView {
  /** Average rounded to one decimal, 0..5. */
  average: number;
  /** Number of reviews, a non-negative integer. */
  count: number;
  /** Share of 4-5 star reviews, 0..1, when known. */
  positiveRate?: number;
}

/** The rating to show, or null when there is none or it is malformed. */
export function ratingView(product: Product): RatingView | null {
  const rating: unknown = product.rating;
  if (typeof rating !== 'object' || rating === null) return null;
  const { average, count, positiveRate } = rating as Record<string, unknown>;
  if (typeof average !== 'number' || !Number.isFinite(average) || typeof count !== 'number' || !Number.isFinite(count)) {
    return null;
  }
  if (count <= 0) return null;
  const view: RatingView = { average: Math.round(Math.min(5, Math.max(0, average)) * 10) / 10, count: Math.floor(count) };
  if (typeof positiveRate === 'number' && positiveRate >= 0 && positiveRate <= 1) view.positiveRate = positiveRate;
  return view;
}

/**
 * The first image with a usable and safe `src` (see `safeImageUrl`), or null: every element that
 * shows a product picture takes it from here, and shows its placeholder for null.
 */
export function primaryImage(product: Product): { src: string; alt: string; width?: number; height?: number } | null {
  const images: unknown = product.images;
  if (!Array.isArray(images)) return null;
  for (const image of images as unknown[]) {
    if (typeof image !== 'object' || image === null) continue;
    const { src: given, alt, width, height } = image as Record<string, unknown>;
    const src = safeImageUrl(given);
    if (src === null) continue;
    return {
      src,
      alt: typeof alt === 'string' ? alt : '',
      ...(typeof width === 'number' && width > 0 ? { width } : {}),
      ...(typeof height === 'number' && height > 0 ? { height } : {}),
    };
  }
  return null;
}

/** A flash sale that has not started yet at `now` (to announce "starts at ..."), or null. */
export function upcomingSale(product: Product, now: number): { price: Money; startsAt: number; label?: string } | null {
  const flash = product.flashSale;
  const view = priceView(product, now);
  if (!flash || view.sale || view.changesAt === null || view.changesAt !== flash.startsAt) return null;
  return { price: flash.price, startsAt: flash.startsAt, ...(flash.label ? { label: flash.label } : {}) };
}

export interface Countdown {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  /** Milliseconds left, never negative. */
  total: number;
}

/** Splits the time until `end` into parts for a countdown display. */
export function countdown(end: number, now: number): Countdown {
  const total = Math.max(0, end - now);
  const seconds = Math.floor(total / 1000);
  return {
    days: Math.floor(seconds / 86400),
    hours: Math.floor((seconds % 86400) / 3600),
    minutes: Math.floor((seconds % 3600) / 60),
    seconds: seconds % 60,
    total,
  };
}
