import type {
  Facet,
  GuestbookEntry,
  HelpArticle,
  Member,
  Order,
  PaymentMethod,
  Product,
  Promotion,
} from '../../../core/types.js';
import {
  createDemoGuestbook,
  createDemoOrders,
  DEMO_HELP_ARTICLES,
  DEMO_MEMBERS,
  DEMO_PAYMENT_METHODS,
  DEMO_PROMOTIONS,
} from './demo-content.js';
import { createDemoProducts, DEMO_CATEGORIES, DEMO_SERIES } from './demo-products.js';

/** Everything the local adapter serves: a bilingual demo shop of two product series. */
export interface DemoData {
  series: Facet[];
  categories: Facet[];
  products: Product[];
  promotions: Promotion[];
  helpArticles: HelpArticle[];
  /** Orders with the phone numbers / e-mails that may look them up (never shown). */
  orders: (Order & { contact: string[] })[];
  guestbook: GuestbookEntry[];
  members: { member: Member; password: string }[];
  paymentMethods: PaymentMethod[];
}

/**
 * Builds the demo shop with every time-bound field (flash sales, group buy, orders, guestbook)
 * relative to `now`. Returns fresh copies each call, so callers may mutate them freely.
 */
export function createDemoData(now: number = Date.now()): DemoData {
  return {
    series: structuredClone(DEMO_SERIES),
    categories: structuredClone(DEMO_CATEGORIES),
    products: createDemoProducts(now),
    promotions: structuredClone(DEMO_PROMOTIONS),
    helpArticles: structuredClone(DEMO_HELP_ARTICLES),
    orders: createDemoOrders(now),
    guestbook: createDemoGuestbook(now),
    members: structuredClone(DEMO_MEMBERS),
    paymentMethods: structuredClone(DEMO_PAYMENT_METHODS),
  };
}
