/**
 * Routes built from the contract (server/openapi.yaml). Every API route is declared with
 *
 *   contractRoute(app, 'POST', '/guestbook', { idempotency: 'required' }, async (request, reply) => {
 *     const post = request.body as GuestbookPost;      // already validated against the contract
 *     reply.code(201);
 *     return entry;                                    // sent as JSON
 *   });
 *
 * The path is the contract's (without `/api`, `{id}` style); the route is mounted at `/api` + path.
 * Its params, querystring, headers and body schemas come from that operation, so a request the
 * contract does not allow (wrong types, unknown body fields, a missing required field, a body
 * type the operation does not list) is answered 400/415 problem+json before the handler runs.
 * Query strings are coerced (`?limit=5` is the integer 5); JSON bodies are not ("5" is no number).
 * Options:
 * - `idempotency`: 'optional' (the default for POST/PATCH/DELETE: an Idempotency-Key header is
 *   honoured when sent), 'required' (400 without one) or 'none' (no key handling at all).
 * - `etag`: a strong ETag of the answer, and 304 for a matching If-None-Match (cacheable GETs).
 * Throw with `ctx.problem(status, code, message, detail)`; a StorefrontError thrown by shared
 * logic in src/ is mapped to its status (validation 400, not-found 404, conflict 409...).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { parse } from 'yaml';

export type IdempotencyMode = 'optional' | 'required' | 'none';

export interface ContractRouteOptions {
  idempotency?: IdempotencyMode;
  etag?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The contract's `METHOD /path` this route implements. */
    operation?: string;
    idempotency?: IdempotencyMode;
    etag?: boolean;
    /** Body media types the operation accepts (415 for others). */
    contentTypes?: string[];
  }
}

type JsonObject = Record<string, unknown>;

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, JsonObject>>;
  components: JsonObject;
  [key: string]: unknown;
}

const OPENAPI_PATH = fileURLToPath(new URL('../../openapi.yaml', import.meta.url));
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

let cached: OpenApiDocument | undefined;

/** The contract, parsed once. */
export function openApiDocument(): OpenApiDocument {
  cached ??= parse(readFileSync(OPENAPI_PATH, 'utf8')) as OpenApiDocument;
  return cached;
}

/** Every `METHOD /path` of the contract. */
export function contractOperations(document = openApiDocument()): string[] {
  const operations: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) if (item[method]) operations.push(`${method.toUpperCase()} ${path}`);
  }
  return operations;
}

/** Resolves every local `$ref` (the contract has no recursive schemas). */
function deref(value: unknown, document: OpenApiDocument, depth = 0): unknown {
  if (depth > 40) throw new Error('openapi.yaml: $ref nesting too deep (recursive schema?)');
  if (Array.isArray(value)) return value.map((item) => deref(item, document, depth));
  if (typeof value !== 'object' || value === null) return value;
  const object = value as JsonObject;
  if (typeof object.$ref === 'string') {
    const ref = object.$ref;
    if (!ref.startsWith('#/')) throw new Error(`openapi.yaml: only local $refs are supported, got ${ref}`);
    let target: unknown = document;
    for (const part of ref.slice(2).split('/')) target = (target as JsonObject)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    if (target === undefined) throw new Error(`openapi.yaml: unresolved $ref ${ref}`);
    return deref(target, document, depth + 1);
  }
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(object)) {
    // Documentation-only keywords the validator does not need.
    if (key === 'example' || key === 'examples' || key === 'xml' || key === 'externalDocs') continue;
    out[key] = deref(item, document, depth);
  }
  return out;
}

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonObject;
}

function parameterSchema(parameters: ParameterObject[], where: ParameterObject['in']): JsonObject | undefined {
  const selected = parameters.filter((parameter) => parameter.in === where);
  if (selected.length === 0) return undefined;
  const properties: JsonObject = {};
  const required: string[] = [];
  for (const parameter of selected) {
    const name = where === 'header' ? parameter.name.toLowerCase() : parameter.name;
    properties[name] = parameter.schema ?? { type: 'string' };
    if (parameter.required || where === 'path') required.push(name);
  }
  return { type: 'object', properties, required };
}

/** The Fastify route schema and accepted body types of one contract operation. */
export function operationSchema(
  method: string,
  path: string,
  document = openApiDocument(),
): { schema: JsonObject; contentTypes: string[] } {
  const item = document.paths[path];
  const operation = item?.[method.toLowerCase()];
  if (!item || !operation) throw new Error(`openapi.yaml has no operation ${method} ${path}`);
  const parameters = deref(
    [...((item.parameters as unknown as unknown[]) ?? []), ...((operation.parameters as unknown as unknown[]) ?? [])],
    document,
  ) as ParameterObject[];
  const schema: JsonObject = {};
  const params = parameterSchema(parameters, 'path');
  const querystring = parameterSchema(parameters, 'query');
  const headers = parameterSchema(parameters, 'header');
  if (params) schema.params = params;
  if (querystring) schema.querystring = querystring;
  if (headers) schema.headers = headers;
  let contentTypes: string[] = [];
  const requestBody = deref(operation.requestBody, document) as { content?: Record<string, { schema?: JsonObject }> } | undefined;
  if (requestBody?.content) {
    contentTypes = Object.keys(requestBody.content);
    const withSchema = Object.entries(requestBody.content).filter(([, media]) => media.schema);
    if (withSchema.length === 1) schema.body = withSchema[0]![1].schema;
    else if (withSchema.length > 1) {
      schema.body = { content: Object.fromEntries(withSchema.map(([type, media]) => [type, { schema: media.schema }])) };
    }
  }
  return { schema, contentTypes };
}

/** `/staff/orders/{number}/status` -> `/api/staff/orders/:number/status`. */
export function routeUrl(path: string): string {
  return `/api${path.replace(/\{([^}]+)\}/g, ':$1')}`;
}

export type ContractHandler<B = unknown, Q = unknown, P = unknown> = (
  request: FastifyRequest<{ Body: B; Querystring: Q; Params: P }>,
  reply: FastifyReply,
) => Promise<unknown>;

/** Registers `method path` of the contract with its validation schema (see the top of this file). */
export function contractRoute<B = unknown, Q = unknown, P = unknown>(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
  path: string,
  options: ContractRouteOptions,
  handler: ContractHandler<B, Q, P>,
): void {
  const { schema, contentTypes } = operationSchema(method, path);
  const writes = method !== 'GET';
  app.route<{ Body: B; Querystring: Q; Params: P }>({
    method: method as HTTPMethods,
    url: routeUrl(path),
    schema,
    config: {
      operation: `${method} ${path}`,
      idempotency: writes ? (options.idempotency ?? 'optional') : 'none',
      etag: options.etag ?? false,
      contentTypes,
    },
    handler,
  });
}
