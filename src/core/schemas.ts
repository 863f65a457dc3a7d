import * as v from 'valibot';
import type { CatalogPage, CheckoutSession, Facet, Member, PaymentMethod, Product, Promotion } from './types.js';
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
