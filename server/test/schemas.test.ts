import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import * as sdk from '../../src/core/schemas.js';
import { openApiDocument } from '../src/http/contract.js';
import { key, startTestServer, type TestServer } from './test-server.js';

type Json = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, Json>;
  required?: string[];
  items?: Json;
  allOf?: Json[];
  $ref?: string;
  enum?: unknown[];
  anyOf?: Json[];
};

function resolve(schema: Json): Json {
  const document = openApiDocument() as unknown as Json;
  let current = schema;
  while (current.$ref) {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce<Json>((node, part) => node[part] as Json, document);
  }
  if (current.allOf) {
    const parts = current.allOf.map(resolve);
    return {
      type: 'object',
      properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})),
      required: parts.flatMap((part) => part.required ?? []),
    };
  }
  return current;
}

const component = (name: string) => resolve({ $ref: `#/components/schemas/${name}` });

/**
 * The contract's schema agrees with the SDK's valibot schema (what the RestAdapter checks every
 * answer with): each SDK field is in the contract with the same type and enum, each field the SDK
 * requires the contract requires too, recursively. `extras` are contract fields the SDK ignores.
 */
function agree(path: string, contract: Json, kit: Json, extras: Set<string>): void {
  contract = resolve(contract);
  if (kit.anyOf && !contract.anyOf && !contract.oneOf) {
    kit = kit.anyOf.find((option) => option.type !== 'null') ?? kit;
  }
  if (kit.type && contract.type && kit.type !== 'null') {
    const kitType = kit.type === 'integer' ? 'number' : kit.type;
    const contractType = contract.type === 'integer' ? 'number' : contract.type;
    assert.deepEqual(contractType, kitType, `${path}: contract type ${String(contract.type)}, SDK ${String(kit.type)}`);
  }
  if (kit.enum && contract.enum) assert.deepEqual([...contract.enum].sort(), [...kit.enum].sort(), `${path}: enum`);
  if (kit.properties) {
    const properties = contract.properties ?? {};
    for (const [name, schema] of Object.entries(kit.properties)) {
      assert.ok(properties[name], `${path}.${name} is in the SDK but not in the contract`);
      agree(`${path}.${name}`, properties[name]!, schema, extras);
    }
    for (const name of kit.required ?? [])
      assert.ok(contract.required?.includes(name), `${path}.${name}: the SDK requires it, the contract does not`);
    for (const name of Object.keys(properties)) {
      assert.ok(kit.properties[name] || extras.has(`${path}.${name}`), `${path}.${name} is in the contract but not in the SDK`);
    }
  }
  if (kit.items && contract.items) agree(`${path}[]`, contract.items, kit.items, extras);
}

const PAIRS: [component: string, schema: v.GenericSchema, extras?: string[]][] = [
  ['Money', sdk.MoneySchema],
  ['Product', sdk.ProductSchema, ['Product.translations']],
  ['Facet', sdk.FacetSchema],
  ['Member', sdk.MemberSchema],
  ['PaymentMethod', sdk.PaymentMethodSchema],
  // The server also says what it charged; the SDK's CheckoutSession does not need it.
  ['CheckoutSession', sdk.CheckoutSessionSchema, ['CheckoutSession.total']],
  ['HelpArticle', sdk.HelpArticleSchema],
  ['Order', sdk.OrderSchema],
  ['GuestbookEntry', sdk.GuestbookEntrySchema],
  ['VisitStats', sdk.VisitStatsSchema],
  ['DailyVisits', sdk.DailyVisitsSchema],
  ['ProductVisits', sdk.ProductVisitsSchema],
  ['GuestbookChallenge', sdk.GuestbookChallengeSchema],
  ['Subscription', sdk.SubscriptionSchema],
  ['FeedbackReceipt', sdk.FeedbackReceiptSchema],
  ['MemberSession', sdk.MemberSessionSchema],
];

describe('the contract and the SDK types', () => {
  for (const [name, schema, extras = []] of PAIRS) {
    it(`${name} agrees with the SDK schema`, () => {
      const kit = toJsonSchema(schema, { errorMode: 'ignore' }) as Json;
      agree(name, component(name), kit, new Set(extras));
    });
  }
});

describe('real answers pass the SDK schemas', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server?.close());

  const check = (schema: v.GenericSchema, value: unknown, what: string) => {
    const result = v.safeParse(schema, value);
    assert.ok(
      result.success,
      `${what}: ${JSON.stringify(result.issues?.[0]?.path?.map((p) => p.key))} ${result.issues?.[0]?.message}`,
    );
  };

  it('catalog, help, checkout, orders and account answers', async () => {
    const page = (await server.request('GET', '/api/products?pageSize=200')).json;
    check(sdk.CatalogPageShapeSchema, page, 'catalog page');
    for (const product of page.items) check(sdk.ProductSchema, product, product.sku);
    check(sdk.FacetsSchema, (await server.request('GET', '/api/facets')).json, 'facets');
    for (const promotion of (await server.request('GET', '/api/promotions')).json.items)
      check(sdk.PromotionSchema, promotion, 'promotion');
    for (const article of (await server.request('GET', '/api/help/articles')).json.items)
      check(sdk.HelpArticleSchema, article, 'article');
    for (const method of (await server.request('GET', '/api/payment-methods')).json.items)
      check(sdk.PaymentMethodSchema, method, 'method');
    const session = await server.request('POST', '/api/account/sign-in', {
      body: { email: 'card@example.com', password: 'demo1234' },
    });
    check(sdk.MemberSessionSchema, session.json, 'sign-in');
    check(sdk.CurrentMemberSchema, (await server.request('GET', '/api/account/me')).json, 'me');
    const sku = page.items.find((p: { stock?: number }) => (p.stock ?? 1) > 0).sku;
    const checkout = await server.request('POST', '/api/checkout', {
      body: { lines: [{ sku, quantity: 1 }], paymentMethod: 'card', contact: '13311112222' },
      headers: { 'idempotency-key': key(), authorization: `Bearer ${session.json.token}` },
    });
    check(sdk.CheckoutSessionSchema, checkout.json, 'checkout');
    const order = await server.request('POST', '/api/orders/track', {
      body: { number: checkout.json.orderNumber, contact: '2222' },
    });
    check(sdk.OrderSchema, order.json, 'order');
    check(sdk.ProblemSchema, (await server.request('GET', '/api/products/none')).json, 'problem');
  });
});
