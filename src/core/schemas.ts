import * as v from 'valibot';
import type {
  CatalogPage,
  CheckoutSession,
  DailyVisits,
  Facet,
  FeedbackReceipt,
  GuestbookEntry,
  HelpArticle,
  Member,
  Order,
  PaymentMethod,
  Product,
  ProductVisits,
  Promotion,
  Subscription,
  VisitStats,
} from './types.js';
import type { Money } from './money.js';

/*
 * Runtime validation of everything that crosses a trust boundary: adapter responses (another
 * server, another team's adapter) and records read back from IndexedDB (older releases,
 * other tabs, devtools). valibot: tree-shakable, ~1 kB for what is used here.
 */

const safeInt = v.pipe(v.number(), v.safeInteger());
const nonNegativeInt = v.pipe(v.number(), v.safeInteger(), v.minValue(0));
const timestamp = v.pipe(v.number(), v.finite());

export const MoneySchema = v.object({
  amount: safeInt,
  currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/)),
});

/** A price: Money whose amount is not negative (a product can be free, never pay the shopper). */
export const PriceSchema = v.object({
  amount: nonNegativeInt,
  currency: v.pipe(v.string(), v.regex(/^[A-Z]{3}$/)),
});

const TranslationSchema = v.object({ title: v.optional(v.string()), description: v.optional(v.string()) });
const TranslationsSchema = v.optional(v.record(v.string(), TranslationSchema));

export const ProductSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  sku: v.pipe(v.string(), v.minLength(1)),
  title: v.string(),
  price: PriceSchema,
  compareAtPrice: v.optional(PriceSchema),
  description: v.optional(v.string()),
  series: v.optional(v.string()),
  category: v.optional(v.string()),
  tags: v.optional(v.array(v.string())),
  images: v.optional(
    v.array(
      v.object({
        src: v.string(),
        alt: v.string(),
        width: v.optional(v.number()),
        height: v.optional(v.number()),
      }),
    ),
  ),
  stock: v.optional(nonNegativeInt),
  flashSale: v.optional(
    v.object({
      price: PriceSchema,
      startsAt: timestamp,
      endsAt: timestamp,
      campaign: v.optional(v.boolean()),
      label: v.optional(v.string()),
    }),
  ),
  groupBuy: v.optional(
    v.object({
      price: PriceSchema,
      joined: nonNegativeInt,
      needed: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
      deadline: timestamp,
      presaleStock: v.optional(nonNegativeInt),
    }),
  ),
  rating: v.optional(
    v.object({
      average: v.pipe(v.number(), v.minValue(0), v.maxValue(5)),
      count: nonNegativeInt,
      positiveRate: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
    }),
  ),
  related: v.optional(v.array(v.string())),
  freeShipping: v.optional(v.boolean()),
  createdAt: v.optional(timestamp),
  translations: TranslationsSchema,
});

export const FacetSchema = v.object({
  id: v.string(),
  title: v.string(),
  translations: TranslationsSchema,
  series: v.optional(v.string()),
});

const basisPoints = v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(10000));

export const PromotionSchema = v.variant('kind', [
  v.object({
    kind: v.literal('vip'),
    id: v.string(),
    tiers: v.record(v.string(), basisPoints),
    campaign: v.optional(v.boolean()),
  }),
  v.object({
    kind: v.literal('threshold'),
    id: v.string(),
    tiers: v.array(v.object({ threshold: MoneySchema, discount: MoneySchema })),
    campaign: v.optional(v.boolean()),
  }),
  v.object({ kind: v.literal('add-on'), id: v.string(), threshold: MoneySchema, sku: v.string(), price: MoneySchema }),
  v.object({ kind: v.literal('shipping'), id: v.string(), fee: MoneySchema, freeThreshold: v.optional(MoneySchema) }),
]);

export const CatalogPageShapeSchema = v.object({
  items: v.array(v.unknown()),
  total: nonNegativeInt,
  stale: v.optional(v.boolean()),
});

export const StoredCartLineSchema = v.object({
  key: v.pipe(v.string(), v.minLength(1)),
  sku: v.pipe(v.string(), v.minLength(1)),
  variant: v.optional(v.string()),
  quantity: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  addedAt: timestamp,
  updatedAt: timestamp,
  unitPriceAtAdd: v.optional(MoneySchema),
});

export const MemberSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  name: v.string(),
  email: v.string(),
  tier: v.picklist(['member', 'vip']),
  shippingCard: v.optional(v.boolean()),
  since: v.optional(timestamp),
});

export const PaymentMethodSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  title: v.string(),
  translations: TranslationsSchema,
});

export const CheckoutSessionSchema = v.object({
  url: v.pipe(v.string(), v.minLength(1)),
  orderNumber: v.pipe(v.string(), v.minLength(1)),
  total: v.optional(MoneySchema),
});

/* Responses of the REST contract (server/openapi.yaml) the RestAdapter validates. */

export const HelpArticleSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  topic: v.picklist(['guide', 'promise', 'returns', 'payment', 'delivery', 'dispatch']),
  title: v.string(),
  body: v.string(),
  translations: v.optional(
    v.record(
      v.string(),
      v.object({ title: v.optional(v.string()), description: v.optional(v.string()), body: v.optional(v.string()) }),
    ),
  ),
});

const orderStatus = v.picklist(['placed', 'paid', 'shipped', 'delivered', 'cancelled']);

export const OrderSchema = v.object({
  number: v.pipe(v.string(), v.minLength(1)),
  status: orderStatus,
  placedAt: timestamp,
  paidAt: v.optional(timestamp),
  shippedAt: v.optional(timestamp),
  deliveredAt: v.optional(timestamp),
  carrier: v.optional(v.string()),
  trackingNumber: v.optional(v.string()),
  lines: v.array(
    v.object({
      sku: v.string(),
      title: v.string(),
      quantity: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
      unitPrice: MoneySchema,
    }),
  ),
  total: MoneySchema,
  timeline: v.array(v.object({ status: orderStatus, at: timestamp, note: v.optional(v.string()) })),
});

export const GuestbookEntrySchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  topic: v.string(),
  author: v.string(),
  body: v.string(),
  createdAt: timestamp,
  rating: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1), v.maxValue(5))),
  replies: v.array(v.object({ author: v.string(), body: v.string(), createdAt: timestamp, staff: v.literal(true) })),
  pending: v.optional(v.boolean()),
  pinned: v.optional(v.boolean()),
});

/** A page of a cursor-paged list as the contract sends it: `{ items, cursor? }`. */
export function cursorPageSchema<T extends v.GenericSchema>(item: T) {
  return v.object({ items: v.array(item), cursor: v.optional(v.pipe(v.string(), v.minLength(1))) });
}

/** `{ items: T[] }`, the contract's envelope of every list that is not paged. */
export function itemsSchema<T extends v.GenericSchema>(item: T) {
  return v.object({ items: v.array(item) });
}

export const VisitStatsSchema = v.object({ topic: v.string(), pageViews: nonNegativeInt, uniqueVisitors: nonNegativeInt });

const isoDay = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));

export const DailyVisitsSchema = v.object({
  day: isoDay,
  topic: v.string(),
  pageViews: nonNegativeInt,
  uniqueVisitors: nonNegativeInt,
});

export const ProductVisitsSchema = v.object({ sku: v.string(), pageViews: nonNegativeInt, uniqueVisitors: nonNegativeInt });

/** GET /guestbook/challenge: an ALTCHA proof-of-work challenge (204 when proof of work is off). */
export const GuestbookChallengeSchema = v.object({
  algorithm: v.string(),
  challenge: v.string(),
  salt: v.string(),
  signature: v.string(),
  maxnumber: v.optional(nonNegativeInt),
});

/** 202 of POST /visits. */
export const VisitsAcceptedSchema = v.object({ accepted: nonNegativeInt });

export const SubscriptionSchema = v.object({
  email: v.string(),
  list: v.string(),
  status: v.picklist(['pending', 'confirmed', 'unsubscribed']),
});

export const FeedbackReceiptSchema = v.object({ id: v.pipe(v.string(), v.minLength(1)), receivedAt: timestamp });

/** Sign-in and sign-up answers: the member and the bearer token of the new session. */
export const MemberSessionSchema = v.object({ member: MemberSchema, token: v.pipe(v.string(), v.minLength(1)) });

/** GET /account/me. */
export const CurrentMemberSchema = v.object({ member: v.nullable(MemberSchema) });

export const FacetsSchema = v.object({ series: v.array(FacetSchema), categories: v.array(FacetSchema) });

/**
 * An `application/problem+json` error (RFC 9457) with the kit's `code`. Loose: extension
 * members (`actual`, `reason`, `retryAfter`...) are kept for the error's detail.
 */
export const ProblemSchema = v.looseObject({
  type: v.optional(v.string()),
  title: v.optional(v.string()),
  status: v.optional(v.number()),
  detail: v.optional(v.unknown()),
  code: v.optional(v.string()),
  errors: v.optional(v.array(v.looseObject({ field: v.optional(v.string()), message: v.optional(v.string()) }))),
});

// Compile-time proof that the schemas and the public types agree.
type Assert<T extends true> = T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type SchemaChecks = [
  Assert<Same<v.InferOutput<typeof MoneySchema>, Money>>,
  Assert<v.InferOutput<typeof ProductSchema> extends Product ? true : false>,
  Assert<v.InferOutput<typeof FacetSchema> extends Facet ? true : false>,
  Assert<v.InferOutput<typeof PromotionSchema> extends Promotion ? true : false>,
  Assert<Same<v.InferOutput<typeof MemberSchema>, Member>>,
  Assert<v.InferOutput<typeof PaymentMethodSchema> extends PaymentMethod ? true : false>,
  Assert<Same<v.InferOutput<typeof CheckoutSessionSchema>, CheckoutSession>>,
  Assert<Omit<CatalogPage, 'items'> extends Omit<v.InferOutput<typeof CatalogPageShapeSchema>, 'items'> ? true : false>,
  Assert<Same<v.InferOutput<typeof HelpArticleSchema>, HelpArticle>>,
  Assert<Same<v.InferOutput<typeof OrderSchema>, Order>>,
  Assert<Same<v.InferOutput<typeof GuestbookEntrySchema>, GuestbookEntry>>,
  Assert<Same<v.InferOutput<typeof VisitStatsSchema>, VisitStats>>,
  Assert<Same<v.InferOutput<typeof DailyVisitsSchema>, DailyVisits>>,
  Assert<Same<v.InferOutput<typeof ProductVisitsSchema>, ProductVisits>>,
  Assert<v.InferOutput<typeof SubscriptionSchema> extends Subscription ? true : false>,
  Assert<Same<v.InferOutput<typeof FeedbackReceiptSchema>, FeedbackReceipt>>,
  Assert<Same<v.InferOutput<typeof MemberSessionSchema>['member'], Member>>,
  Assert<Same<v.InferOutput<typeof CurrentMemberSchema>['member'], Member | null>>,
];

/** A short, readable account of why a value failed a schema ("price.amount: Invalid type"). */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = v.getDotPath(issue);
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
