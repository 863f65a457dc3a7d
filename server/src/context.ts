import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { StorefrontErrorCode } from '../../src/core/errors.js';
import type { Member } from '../../src/core/types.js';
import { memberForToken } from './account/account-sql.js';
import type { ServerConfig } from './config.js';
import type { DatabaseKind } from './db/database.js';
import type { Database } from './db/tables.js';
import { clientHash } from './http/client-hash.js';
import { HttpProblem } from './http/problem.js';
import { countRequest, type RateLimit } from './http/rate-limit.js';

/**
 * What every route module gets: config, database and the shared request helpers. Nothing here
 * keeps state in process memory that other instances would need (counters, salts, sessions
 * are all in the database).
 */
export interface ServerContext {
  config: ServerConfig;
  db: Kysely<Database>;
  databaseKind: DatabaseKind;
  /** Epoch ms; tests may not rely on it, but every "now" goes through here. */
  now(): number;
  /** Throws an HttpProblem: answered as problem+json in the request's language. */
  problem(status: number, code: StorefrontErrorCode, message: string, detail?: Record<string, unknown>): never;
  /**
   * Counts the request in `bucket` per client (the bucket is combined with the client hash),
   * or site-wide when the bucket starts with `global:`; on excess sets Retry-After, RateLimit,
   * RateLimit-Policy and throws 429 `rate-limited`. Limits are multiplied by RATE_LIMIT_FACTOR.
   */
  rateLimit(request: FastifyRequest, reply: FastifyReply, bucket: string, limit: RateLimit): Promise<void>;
  /** 401 `unauthorized` unless `Authorization: Bearer <STAFF_TOKEN>`. */
  requireStaff(request: FastifyRequest): void;
  /** sha256 of the client IP (and `purpose`) with a random daily salt: no raw IP is stored. */
  clientHash(request: FastifyRequest, purpose: string): Promise<string>;
  /** The member of the request's bearer session token, or null (no token, unknown or expired). */
  member(request: FastifyRequest): Promise<Member | null>;
}

/** The bearer token of a request, or null. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

/** Compares digests, so neither the content nor the length of the staff token leaks through timing. */
function sameSecret(a: string, b: string): boolean {
  const digest = (text: string): Buffer => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(a), digest(b));
}

export function createContext(config: ServerConfig, db: Kysely<Database>, databaseKind: DatabaseKind): ServerContext {
  const now = (): number => Date.now();
  return {
    config,
    db,
    databaseKind,
    now,
    problem(status, code, message, detail) {
      throw new HttpProblem(status, code, message, detail);
    },
    async rateLimit(request, reply, bucket, limit) {
      const key = bucket.startsWith('global:') ? bucket : `${bucket}:${await clientHash(db, request.ip, 'rate-limit', now())}`;
      await countRequest(db, reply, key, limit, config.rateLimitFactor, now());
    },
    requireStaff(request) {
      const token = bearerToken(request);
      if (!token || !config.staffToken || !sameSecret(token, config.staffToken)) {
        throw new HttpProblem(401, 'unauthorized', 'The staff token is missing or wrong.', {}, undefined, {
          'WWW-Authenticate': 'Bearer realm="staff"',
        });
      }
    },
    clientHash(request, purpose) {
      return clientHash(db, request.ip, purpose, now());
    },
    async member(request) {
      const token = bearerToken(request);
      return token ? memberForToken(db, token, now()) : null;
    },
  };
}
