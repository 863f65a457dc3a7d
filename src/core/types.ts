import type { Money } from './money.js';

/** Epoch milliseconds (UTC). Every timestamp the SDK stores or exchanges is one of these. */
export type Timestamp = number;

/** A translation of a product's or article's text into another locale. */
export interface Translation {
  title?: string;
  description?: string;
}

export interface ProductImage {
  src: string;
  alt: string;
  width?: number;
  height?: number;
}

/** A sale price valid from `startsAt` (inclusive) until `endsAt` (exclusive). */
export interface FlashSale {
  price: Money;
  startsAt: Timestamp;
  endsAt: Timestamp;
  /** Flagged big campaigns (双11, 淘金币) may go below the 70% floor. */
  campaign?: boolean;
  label?: string;
}

/** 团购: a group price unlocked when `needed` shoppers join before `deadline`. */
export interface GroupBuy {
  price: Money;
  joined: number;
  needed: number;
  deadline: Timestamp;
  /** Presale stock reserved for the group (counted separately from `stock`). */
  presaleStock?: number;
}

export interface Rating {
  /** Average, 0..5. */
  average: number;
  count: number;
  /** Share of 4-5 star reviews, 0..1 (the plan's positive-review KPI). */
  positiveRate?: number;
}

export interface Product {
  id: string;
  sku: string;
  title: string;
  /** The regular ("list") price. */
  price: Money;
  /** A struck-through reference price (e.g. the original retail price). */
  compareAtPrice?: Money;
  description?: string;
  series?: string;
  category?: string;
  tags?: string[];
  images?: ProductImage[];
  /** Units that can be sold now; `undefined` means not tracked (unlimited). */
  stock?: number;
  flashSale?: FlashSale;
  groupBuy?: GroupBuy;
  rating?: Rating;
  /** Ids of products bought together with this one. */
  related?: string[];
  /** Ships free on its own (单品包邮). */
  freeShipping?: boolean;
  createdAt?: Timestamp;
  /** Other locales' text, keyed by locale (`en`). `title`/`description` are the zh-CN text. */
  translations?: Record<string, Translation>;
}

/** A series (产品系列) or a category (品类) the catalog can be filtered by. */
export interface Facet {
  id: string;
  title: string;
  translations?: Record<string, Translation>;
  /** Series a category belongs to, if any. */
  series?: string;
}

export type SortOrder = 'relevance' | 'price-asc' | 'price-desc' | 'newest' | 'rating';

export interface CatalogQuery {
  series?: string;
  category?: string;
  query?: string;
  sort?: SortOrder;
  /** 1-based. */
  page?: number;
  pageSize?: number;
}

export interface CatalogPage {
  items: Product[];
  total: number;
  /** True when the adapter could not be reached and the items come from the local cache. */
  stale?: boolean;
}

/* ---------------------------------------------------------------- promotions */

export interface VipPromotion {
  kind: 'vip';
  id: string;
  /** Discount per tier in basis points: `{ vip: 500 }` is 5% off for VIP members. */
  tiers: Record<string, number>;
  campaign?: boolean;
}

export interface ThresholdPromotion {
  kind: 'threshold';
  id: string;
  /** 满减 tiers: spend `threshold`, get `discount` off; only the best met tier applies. */
  tiers: { threshold: Money; discount: Money }[];
  campaign?: boolean;
}

export interface AddOnPromotion {
  kind: 'add-on';
  id: string;
  /** 满X+1元换购: when the subtotal meets `threshold`, one unit of `sku` costs `price`. */
  threshold: Money;
  sku: string;
  price: Money;
}

export interface ShippingPromotion {
  kind: 'shipping';
  id: string;
  /** Flat delivery fee. */
  fee: Money;
  /** Free delivery from this merchandise subtotal. */
  freeThreshold?: Money;
}

export type Promotion = VipPromotion | ThresholdPromotion | AddOnPromotion | ShippingPromotion;

/* ---------------------------------------------------------------- cart */

/** What the cart stores for one line. Prices are re-read from the catalog when priced. */
export interface CartLine {
  /** The line's identity: the sku, or `sku#variant` when the product has variants. */
  key: string;
  sku: string;
  variant?: string;
  quantity: number;
  /** When the line was first added. */
  addedAt: Timestamp;
  updatedAt: Timestamp;
  /** The unit price when it was added, to tell the shopper when it changed. */
  unitPriceAtAdd?: Money;
}

/* ---------------------------------------------------------------- members */

export type MemberTier = 'member' | 'vip';

export interface Member {
  id: string;
  name: string;
  email: string;
  tier: MemberTier;
  /** Holds the annual free-shipping card (全年包邮卡). */
  shippingCard?: boolean;
  since?: Timestamp;
}

export interface SignInRequest {
  email: string;
  password: string;
}

export interface SignUpRequest extends SignInRequest {
  name: string;
}

/* ---------------------------------------------------------------- orders */

export type OrderStatus = 'placed' | 'paid' | 'shipped' | 'delivered' | 'cancelled';

export interface OrderEvent {
  status: OrderStatus;
  at: Timestamp;
  note?: string;
}

export interface Order {
  number: string;
  status: OrderStatus;
  placedAt: Timestamp;
  paidAt?: Timestamp;
  shippedAt?: Timestamp;
  deliveredAt?: Timestamp;
  carrier?: string;
  trackingNumber?: string;
  lines: { sku: string; title: string; quantity: number; unitPrice: Money }[];
  total: Money;
  /** Newest last. */
  timeline: OrderEvent[];
}

/* ---------------------------------------------------------------- guestbook */

export interface GuestbookReply {
  author: string;
  body: string;
  createdAt: Timestamp;
  staff: true;
}

export interface GuestbookEntry {
  id: string;
  /** What it is about: `site`, `service`, or a product sku such as `product:CW-TEE-001`. */
  topic: string;
  author: string;
  body: string;
  createdAt: Timestamp;
  rating?: number;
  replies: GuestbookReply[];
  /** Held for moderation (spam heuristics, first post): shown only to its author. */
  pending?: boolean;
  /** Pinned by the staff: listed before every other entry of the topic. */
  pinned?: boolean;
}

export interface GuestbookPost {
  topic: string;
  author: string;
  body: string;
  rating?: number;
  /** Hidden honeypot field a person never fills; bots do. */
  website?: string;
  /** How long the form was open before sending (ms): a backend may hold posts sent too fast. */
  fillMs?: number;
  /** Private contact (e-mail or phone) for the staff only: never listed. */
  contact?: string;
  /** An answer to the backend's proof-of-work challenge, when it asks for one. */
  challenge?: string;
}

export interface GuestbookPage {
  entries: GuestbookEntry[];
  /** Opaque cursor for the next page; absent on the last page. */
  cursor?: string;
}

/* ---------------------------------------------------------------- visits */

export interface VisitEvent {
  topic: string;
  /** Random id kept in the browser, so unique visitors can be counted without personal data. */
  visitorId: string;
  at: Timestamp;
  /** Product sku when the topic is a product page. */
  sku?: string;
}

export interface VisitStats {
  topic: string;
  pageViews: number;
  uniqueVisitors: number;
}

/** A day (`YYYY-MM-DD`, the shop's time zone) of one topic's visits. */
export interface DailyVisits {
  day: string;
  topic: string;
  pageViews: number;
  uniqueVisitors: number;
}

/** A date range of whole days, both ends included (`YYYY-MM-DD`). */
export interface DayRange {
  from?: string;
  to?: string;
}

/** A product's page views over a range: the plan's "which products draw visitors". */
export interface ProductVisits {
  sku: string;
  pageViews: number;
  uniqueVisitors: number;
}

/* ---------------------------------------------------------------- newsletter */

export type SubscriptionStatus = 'pending' | 'confirmed' | 'unsubscribed';

export interface SubscribeRequest {
  email: string;
  list: string;
  /** The shopper ticked the consent box; the adapter refuses without it. */
  consent: boolean;
  locale?: string;
}

export interface Subscription {
  email: string;
  list: string;
  status: SubscriptionStatus;
}

/* ---------------------------------------------------------------- feedback */

/** A message to the shop's staff from a page (the plan's 电子邮件 feedback link). */
export interface FeedbackMessage {
  message: string;
  /** Where the sender was: the page's URL and title, so staff see the context. */
  pageUrl: string;
  pageTitle?: string;
  name?: string;
  /** Where staff can answer (e-mail or phone). */
  contact?: string;
  /** Which staff address it is for (`staff-email`); a backend only accepts addresses it knows. */
  to?: string;
  /** `question`, `complaint`, `suggestion`, `order`... */
  topic?: string;
}

export interface FeedbackReceipt {
  id: string;
  receivedAt: Timestamp;
}

/* ---------------------------------------------------------------- help centre */

export type HelpTopic = 'guide' | 'promise' | 'returns' | 'payment' | 'delivery' | 'dispatch';

export interface HelpArticle {
  id: string;
  topic: HelpTopic;
  title: string;
  body: string;
  translations?: Record<string, Translation & { body?: string }>;
}

/* ---------------------------------------------------------------- checkout */

export interface PaymentMethod {
  id: string;
  title: string;
  translations?: Record<string, Translation>;
}

export interface CheckoutRequest {
  lines: { sku: string; quantity: number }[];
  paymentMethod: string;
  memberId?: string;
  /** Phone or e-mail the order can later be tracked with. */
  contact?: string;
  /** The total the shopper saw, so the backend can refuse if prices moved. */
  expectedTotal?: Money;
}

export interface CheckoutSession {
  /** Where to send the shopper to pay. */
  url: string;
  orderNumber: string;
  /** What the backend priced the order at (the amount the payment page asks for). */
  total?: Money;
}
