// The SDK's runtime schemas (src/core/schemas.ts, what the RestAdapter trusts) and the contract
// (openapi.yaml, what the server validates and documents) must describe the same shapes: every
// response schema of the contract is compared with the SDK's, field by field, both ways.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { toJsonSchema } from '@valibot/to-json-schema';
import type { GenericSchema } from 'valibot';
import { parse } from 'yaml';
import * as sdk from '../../src/core/schemas.js';

type Json = { [key: string]: unknown };
const contract = parse(readFileSync(new URL('../openapi.yaml', import.meta.url), 'utf8')) as {
  components: { schemas: Record<string, Json> };
};

/** Contract component -> the SDK schema the RestAdapter validates that answer with. */
const PAIRS: [string, GenericSchema][] = [
  ['Money', sdk.MoneySchema],
  ['Product', sdk.ProductSchema],
  ['Facet', sdk.FacetSchema],
  ['Promotion', sdk.PromotionSchema],
  ['HelpArticle', sdk.HelpArticleSchema],
  ['PaymentMethod', sdk.PaymentMethodSchema],
  ['Order', sdk.OrderSchema],
  ['GuestbookEntry', sdk.GuestbookEntrySchema],
  ['GuestbookChallenge', sdk.GuestbookChallengeSchema],
  ['VisitStats', sdk.VisitStatsSchema],
  ['DailyVisits', sdk.DailyVisitsSchema],
  ['ProductVisits', sdk.ProductVisitsSchema],
  ['Subscription', sdk.SubscriptionSchema],
  ['FeedbackReceipt', sdk.FeedbackReceiptSchema],
  ['Member', sdk.MemberSchema],
  ['MemberSession', sdk.MemberSessionSchema],
  ['CheckoutSession', sdk.CheckoutSessionSchema],
];

function resolve(schema: Json, root: Json): Json {
  let current = schema;
  for (let depth = 0; typeof current.$ref === 'string' && depth < 20; depth += 1) {
    const path = (current.$ref as string).replace(/^#\//, '').split('/');
    current = path.reduce<Json>((node, part) => node[part] as Json, root);
  }
  return current;
}

/** The kind of value a schema allows: integer and number count as one (JSON has one number). */
function kindOf(schema: Json): string {
  if (Array.isArray(schema.oneOf ?? schema.anyOf)) return 'union';
  if (schema.const !== undefined) return typeof schema.const;
  const type = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null')[0] : schema.type;
  if (type === 'integer') return 'number';
  if (type === undefined && schema.enum) return typeof (schema.enum as unknown[])[0];
  return String(type ?? 'any');
}

function nullable(schema: Json): boolean {
  return (
    (Array.isArray(schema.type) && schema.type.includes('null')) ||
    (schema.anyOf as Json[] | undefined)?.some((s) => s.type === 'null') === true
  );
}

/** Differences between two JSON schemas, as readable paths (`Product.flashSale.price: ...`). */
function differences(ours: Json, theirs: Json, path: string, oursRoot: Json, theirsRoot: Json, out: string[]): void {
  ours = resolve(ours, oursRoot);
  theirs = resolve(theirs, theirsRoot);
  // valibot's nullable(x) converts to anyOf [x, null]: compare the non-null branch.
  const unwrap = (schema: Json, root: Json): Json => {
    const branches = schema.anyOf as Json[] | undefined;
    const real = branches?.filter((branch) => branch.type !== 'null');
    return real && real.length === 1 && branches!.length === 2 ? resolve(real[0]!, root) : schema;
  };
  if (nullable(ours) !== nullable(theirs)) out.push(`${path}: nullable in one only`);
  ours = unwrap(ours, oursRoot);
  theirs = unwrap(theirs, theirsRoot);
  const kind = kindOf(ours);
  if (kind === 'any' || kindOf(theirs) === 'any') return;
  if (kind !== kindOf(theirs)) {
    out.push(`${path}: SDK ${kind}, contract ${kindOf(theirs)}`);
    return;
  }
  if (kind === 'union') {
    const branches = (schema: Json, root: Json) =>
      new Map(
        ((schema.oneOf ?? schema.anyOf) as Json[]).map((branch) => {
          const real = resolve(branch, root);
          const tag = (real.properties as Record<string, Json> | undefined)?.kind;
          return [String(tag?.const ?? (tag?.enum as unknown[] | undefined)?.[0] ?? JSON.stringify(real).slice(0, 40)), real];
        }),
      );
    const a = branches(ours, oursRoot);
    const b = branches(theirs, theirsRoot);
    for (const [tag, branch] of a) {
      if (!b.has(tag)) out.push(`${path}: variant ${tag} missing from the contract`);
      else differences(branch, b.get(tag)!, `${path}<${tag}>`, oursRoot, theirsRoot, out);
    }
    for (const tag of b.keys()) if (!a.has(tag)) out.push(`${path}: variant ${tag} missing from the SDK`);
    return;
  }
  if (ours.enum || theirs.enum) {
    const a = JSON.stringify([...((ours.enum as unknown[]) ?? [])].sort());
    const b = JSON.stringify([...((theirs.enum as unknown[]) ?? [])].sort());
    if (a !== b) out.push(`${path}: values SDK ${a}, contract ${b}`);
  }
  if (kind === 'array') {
    differences((ours.items ?? {}) as Json, (theirs.items ?? {}) as Json, `${path}[]`, oursRoot, theirsRoot, out);
    return;
  }
  if (kind !== 'object') return;
  const a = (ours.properties ?? {}) as Record<string, Json>;
  const b = (theirs.properties ?? {}) as Record<string, Json>;
  const recordValues = (schema: Json) => schema.additionalProperties as Json | boolean | undefined;
  if (Object.keys(a).length === 0 && Object.keys(b).length === 0) {
    // A record (Record<string, T>): compare its values.
    const va = recordValues(ours);
    const vb = recordValues(theirs);
    if (typeof va === 'object' && typeof vb === 'object') differences(va, vb, `${path}{}`, oursRoot, theirsRoot, out);
    return;
  }
  const requiredA = new Set((ours.required as string[] | undefined) ?? []);
  const requiredB = new Set((theirs.required as string[] | undefined) ?? []);
  for (const name of Object.keys(a)) {
    if (!(name in b)) out.push(`${path}.${name}: in the SDK, not in the contract`);
    else {
      // The contract may promise more than the SDK needs (a field always sent, read as optional);
      // the other way round a conforming backend could omit a field the SDK cannot do without.
      if (requiredA.has(name) && !requiredB.has(name)) out.push(`${path}.${name}: required by the SDK, optional in the contract`);
      differences(a[name]!, b[name]!, `${path}.${name}`, oursRoot, theirsRoot, out);
    }
  }
  for (const name of Object.keys(b)) if (!(name in a)) out.push(`${path}.${name}: in the contract, not in the SDK`);
}

describe('the SDK schemas and openapi.yaml describe the same answers', () => {
  for (const [name, schema] of PAIRS) {
    it(name, () => {
      const component = contract.components.schemas[name];
      assert.ok(component, `openapi.yaml has no components.schemas.${name}`);
      // Checks valibot cannot express in JSON Schema (safeInteger, custom checks) are skipped.
      const ours = toJsonSchema(schema, { errorMode: 'ignore' }) as Json;
      const found: string[] = [];
      differences(ours, component, name, ours, contract as unknown as Json, found);
      assert.deepEqual(found, [], `${name} drifted:\n  ${found.join('\n  ')}`);
    });
  }

  it('notices a drift (a field the contract lacks)', () => {
    const ours = toJsonSchema(sdk.SubscriptionSchema, { errorMode: 'ignore' }) as Json;
    const edited = structuredClone(contract.components.schemas.Subscription!) as Json;
    delete (edited.properties as Json).status;
    const found: string[] = [];
    differences(ours, edited, 'Subscription', ours, contract as unknown as Json, found);
    assert.deepEqual(found, ['Subscription.status: in the SDK, not in the contract']);
  });
});
