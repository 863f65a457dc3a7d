import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.js';
import { HttpProblem } from './problem.js';

const KEY = /^[A-Za-z0-9_.:-]{1,128}$/;
/** A claim whose request never finished (the process died) may be taken over after this. */
const STALE_RUNNING_MS = 60_000;
/** Keys are kept at least 24 h; pruned after 48 h. */
export const IDEMPOTENCY_TTL_MS = 48 * 3_600_000;
/** Headers a replay repeats. */
const REPLAYED_HEADERS = ['content-type', 'location', 'content-language'];

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyClaim?: { key: string; hash: string };
  }
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` hash alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The hash a key is bound to: method, path, query, the canonical JSON body and the credentials
 * (so a key replayed with another member's token is refused, never answered with their result).
 */
export function hashRequest(method: string, path: string, query: unknown, body: unknown, authorization = ''): string {
  const queryText = query === undefined ? '' : canonicalJson(query);
  const bodyText = body === undefined ? '' : typeof body === 'string' ? body : canonicalJson(body);
  return createHash('sha256').update(`${method}\n${path}\n${queryText}\n${bodyText}\n${authorization}`).digest('base64url');
}

function requestHash(request: FastifyRequest): string {
  const [path = '', search] = request.url.split('?');
  const authorization = String(request.headers.authorization ?? '');
  return hashRequest(request.method, path, search === undefined ? undefined : request.query, request.body, authorization);
}

/** Whether an answer is kept for replay: successes and client errors, not 409/429/5xx (those may change). */
function keeps(status: number): boolean {
  return status < 500 && status !== 409 && status !== 429;
}

/**
 * The contract's Idempotency-Key, in the database so every instance agrees: a key is claimed
 * before the handler runs (a parallel duplicate gets 409 in-progress), its answer stored after;
 * the same key with the same request replays it (`Idempotent-Replayed: true`), with another 422.
 */
export function registerIdempotency(app: FastifyInstance, db: Kysely<Database>, now: () => number): void {
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const mode = request.routeOptions.config.idempotency ?? 'none';
    if (mode === 'none') return;
    const header = request.headers['idempotency-key'];
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined || key === '') {
      if (mode === 'required') {
        throw new HttpProblem(400, 'validation', 'An Idempotency-Key header is required for this request.', {
          field: 'Idempotency-Key',
        });
      }
      return;
    }
    if (!KEY.test(key)) {
      throw new HttpProblem(400, 'validation', 'Idempotency-Key is not valid: use 1-128 characters of A-Z a-z 0-9 _ . : -', {
        field: 'Idempotency-Key',
      });
    }
    const hash = requestHash(request);
    const at = now();
    const claimed = await db
      .insertInto('idempotency_keys')
      .values({
        key,
        request_hash: hash,
        state: 'running',
        status: null,
        headers: null,
        body: null,
        created_at: at,
        updated_at: at,
      })
      .onConflict((c) => c.column('key').doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0n) > 0) {
      request.idempotencyClaim = { key, hash };
      return;
    }
    const row = await db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).executeTakeFirst();
    if (!row) {
      // Released between our insert and select (the first request failed): try once more.
      throw new HttpProblem(
        409,
        'conflict',
        'A request with this Idempotency-Key is still running: retry shortly.',
        { reason: 'in-progress' },
        undefined,
        { 'Retry-After': '1' },
      );
    }
    if (row.request_hash !== hash) {
      throw new HttpProblem(422, 'conflict', 'This Idempotency-Key was used with another request.', {
        reason: 'idempotency-key-reused',
      });
    }
    if (row.state === 'running') {
      const stale = Number(row.updated_at) < at - STALE_RUNNING_MS;
      if (stale) {
        const taken = await db
          .updateTable('idempotency_keys')
          .set({ updated_at: at })
          .where('key', '=', key)
          .where('state', '=', 'running')
          .where('updated_at', '=', Number(row.updated_at))
          .executeTakeFirst();
        if (Number(taken.numUpdatedRows) > 0) {
          request.idempotencyClaim = { key, hash };
          return;
        }
      }
      throw new HttpProblem(
        409,
        'conflict',
        'A request with this Idempotency-Key is still running: retry shortly.',
        { reason: 'in-progress' },
        undefined,
        { 'Retry-After': '1' },
      );
    }
    for (const [name, value] of Object.entries(row.headers ?? {})) reply.header(name, value);
    reply.header('Idempotent-Replayed', 'true');
    reply.code(row.status ?? 200);
    return reply.send(row.body ?? '');
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    request.idempotencyClaim = undefined;
    const status = reply.statusCode;
    if (!keeps(status) || (payload !== null && payload !== undefined && typeof payload !== 'string')) {
      await db.deleteFrom('idempotency_keys').where('key', '=', claim.key).execute();
      return payload;
    }
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    await db
      .updateTable('idempotency_keys')
      .set({ state: 'done', status, headers: JSON.stringify(headers), body: (payload as string | null) ?? '', updated_at: now() })
      .where('key', '=', claim.key)
      .execute();
    return payload;
  });

  // A request that failed before sending (an aborted connection) releases its claim.
  app.addHook('onResponse', async (request: FastifyRequest) => {
    const claim = request.idempotencyClaim;
    if (!claim) return;
    request.idempotencyClaim = undefined;
    await db.deleteFrom('idempotency_keys').where('key', '=', claim.key).where('state', '=', 'running').execute();
  });
}

export async function pruneIdempotencyKeys(db: Kysely<Database>, now: number): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', now - IDEMPOTENCY_TTL_MS)
    .execute();
}
