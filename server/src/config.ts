import { resolve } from 'node:path';

export type ModerationMode = 'none' | 'all' | 'first-post';

/** Everything the server reads from its environment, parsed and checked once at start. */
export interface ServerConfig {
  port: number;
  host: string;
  /** A PostgreSQL URL; unset means embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite's data folder (also where a generated staff token is kept). */
  dataDir: string;
  /** Bearer token of the staff endpoints; generated into the data folder when unset in development. */
  staffToken: string;
  /** Origins that get CORS headers and may write; `*` allows any. */
  allowedOrigins: string[];
  /** Multiplies every rate limit (tests set it high). */
  rateLimitFactor: number;
  guestbookMinFillMs: number;
  guestbookModeration: ModerationMode;
  /** ALTCHA proof of work on guestbook posts. */
  pow: boolean;
  /** Staff addresses a feedback message may be sent to; the first is the default. */
  feedbackAddresses: string[];
  /** Trust X-Forwarded-For from a proxy in front (TRUST_PROXY=1 or a hop count / address list). */
  trustProxy: boolean | string;
  /** Public base URL of this server for links in mails and the payment URL; defaults to the request's origin. */
  publicUrl?: string;
  production: boolean;
  /** Log every request (LOG_LEVEL); quiet by default. */
  logLevel: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${text}".`);
  }
  return value;
}

function list(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * The config from `env`. `staffToken` may come back empty: `main.ts` generates one into the
 * data folder in development (and refuses to start in production without one).
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const moderation = env.GUESTBOOK_MODERATION || 'none';
  if (moderation !== 'none' && moderation !== 'all' && moderation !== 'first-post') {
    throw new ConfigError(`GUESTBOOK_MODERATION must be none, all or first-post, got "${moderation}".`);
  }
  const pow = (env.POW || 'off').toLowerCase();
  if (pow !== 'on' && pow !== 'off') throw new ConfigError(`POW must be on or off, got "${env.POW}".`);
  const factorText = env.RATE_LIMIT_FACTOR || '1';
  const rateLimitFactor = Number(factorText);
  if (!Number.isFinite(rateLimitFactor) || rateLimitFactor <= 0) {
    throw new ConfigError(`RATE_LIMIT_FACTOR must be a positive number, got "${factorText}".`);
  }
  const trust = env.TRUST_PROXY;
  const trustProxy =
    trust === undefined || trust === '' || trust === '0' || trust === 'false'
      ? false
      : trust === '1' || trust === 'true'
        ? true
        : trust;
  const feedbackAddresses = list(env.FEEDBACK_ADDRESSES);
  return {
    port: integer(env, 'PORT', 8080, 0, 65535),
    host: env.HOST || '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.DATA_DIR || '.data'),
    staffToken: env.STAFF_TOKEN ?? '',
    allowedOrigins: list(env.ALLOWED_ORIGINS),
    rateLimitFactor,
    guestbookMinFillMs: integer(env, 'GUESTBOOK_MIN_FILL_MS', 2000, 0, 3_600_000),
    guestbookModeration: moderation,
    pow: pow === 'on',
    feedbackAddresses: feedbackAddresses.length ? feedbackAddresses : ['service@example.com'],
    trustProxy,
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, '') || undefined,
    production: env.NODE_ENV === 'production',
    logLevel: env.LOG_LEVEL || 'warn',
  };
}
