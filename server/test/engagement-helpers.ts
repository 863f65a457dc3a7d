import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { buildApp } from '../src/app.js';
import { readConfig } from '../src/config.js';
import { createContext } from '../src/context.js';
import { openDatabase } from '../src/db/database.js';
import type { EngagementTables } from '../src/db/engagement-tables.js';
import { migrate } from '../src/db/migrate.js';
import { seed } from '../src/db/seed.js';
import type { GuestbookConfigExtras } from '../src/guestbook/guestbook.js';
import type { NewsletterConfigExtras } from '../src/newsletter/newsletter.js';
import type { VisitsConfigExtras } from '../src/visits/visits.js';

export const STAFF_TOKEN = 'engagement-test-staff-token';

export interface TestServer {
  /** `http://127.0.0.1:port` */
  origin: string;
  /** Fetch under `/api` (or any path starting with `/` that is not under /api when `raw`). */
  api(path: string, init?: RequestInit & { json?: unknown; key?: string; staff?: boolean; ip?: string }): Promise<Response>;
  /** The server's database, to check what is stored. */
  db: Kysely<EngagementTables>;
  /** The server's clock (ctx.now): tests move it instead of waiting. */
  clock: { now: number };
  close(): Promise<void>;
}

export type Extras = Partial<GuestbookConfigExtras & NewsletterConfigExtras & VisitsConfigExtras>;

/** A random client address (TRUST_PROXY is on): each test has its own rate-limit buckets. */
export function randomIp(): string {
  const bytes = randomBytes(3);
  return `10.${bytes[0]}.${bytes[1]}.${bytes[2]}`;
}

export function randomId(prefix = 't'): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

/**
 * A reference server on a fresh PGlite folder (or on DATABASE_URL when set: the CI's PostgreSQL,
 * shared by every test, so tests invent their own topics and addresses), with a movable clock.
 */
export async function startTestServer(env: Record<string, string> = {}, extras: Extras = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sf-engagement-'));
  const config = {
    ...readConfig({
      DATABASE_URL: process.env.DATABASE_URL ?? '',
      DATA_DIR: dataDir,
      PORT: '0',
      STAFF_TOKEN,
      TRUST_PROXY: '1',
      RATE_LIMIT_FACTOR: '1000',
      LOG_LEVEL: 'error',
      ALLOWED_ORIGINS: '*',
      FEEDBACK_ADDRESSES: 'service@shop.example,sales@shop.example',
      ...env,
    }),
    ...extras,
  };
  const database = await openDatabase(config);
  await migrate(database.db);
  await seed(database.db, Date.now());
  const clock = { now: Date.now() };
  const ctx = { ...createContext(config, database.db, database.kind), now: () => clock.now };
  const app = await buildApp(ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const defaultIp = randomIp();
  return {
    origin,
    db: database.db as unknown as Kysely<EngagementTables>,
    clock,
    api(path, init = {}) {
      const { json, key, staff, ip, ...rest } = init;
      const headers = new Headers(rest.headers);
      headers.set('x-forwarded-for', ip ?? defaultIp);
      if (json !== undefined) headers.set('content-type', 'application/json');
      if (key !== undefined) headers.set('idempotency-key', key);
      if (staff) headers.set('authorization', `Bearer ${STAFF_TOKEN}`);
      const url = path.startsWith('/api/') || !path.startsWith('/') ? path : `/api${path}`;
      return fetch(`${origin}${url}`, {
        ...rest,
        headers,
        ...(json !== undefined ? { body: JSON.stringify(json), method: rest.method ?? 'POST' } : {}),
      });
    },
    async close() {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
