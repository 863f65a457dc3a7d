import { sql, type Kysely } from 'kysely';
import type { FastifyReply } from 'fastify';
import type { Database } from '../db/tables.js';
import { HttpProblem } from './problem.js';

export interface RateLimit {
  max: number;
  windowSeconds: number;
}

/**
 * Fixed-window counter in the database (shared by every instance): counts this request in
 * `bucket`, sets the RateLimit headers (IETF draft), and throws 429 when over `max`.
 */
export async function countRequest(
  db: Kysely<Database>,
  reply: FastifyReply,
  bucket: string,
  limit: RateLimit,
  factor: number,
  now: number,
): Promise<void> {
  const max = Math.max(1, Math.floor(limit.max * factor));
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = now - (now % windowMs);
  const result = await sql<{ count: number }>`
    INSERT INTO rate_limits (bucket, window_start, count, expires_at)
    VALUES (${bucket}, ${windowStart}, 1, ${windowStart + windowMs})
    ON CONFLICT (bucket, window_start) DO UPDATE SET count = rate_limits.count + 1
    RETURNING count`.execute(db);
  const count = Number(result.rows[0]?.count ?? 1);
  const reset = Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000));
  reply.header('RateLimit-Policy', `${max};w=${limit.windowSeconds}`);
  reply.header('RateLimit', `limit=${max}, remaining=${Math.max(0, max - count)}, reset=${reset}`);
  if (count > max) {
    throw new HttpProblem(429, 'rate-limited', `Too many requests: try again in ${reset} s.`, { retryAfter: reset }, undefined, {
      'Retry-After': String(reset),
    });
  }
}

/** Drops finished windows now and then (called from a timer). */
export async function pruneRateLimits(db: Kysely<Database>, now: number): Promise<void> {
  await db.deleteFrom('rate_limits').where('expires_at', '<', now).execute();
}
