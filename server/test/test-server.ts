import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { readConfig } from '../src/config.js';
import { startServer, type RunningServer } from '../src/main.js';

/**
 * A real server for one test file, on embedded PGlite in a temporary folder, or, when
 * DATABASE_URL is set, on a fresh database created on that PostgreSQL server (dropped at close).
 */
export interface TestServer {
  /** `http://127.0.0.1:PORT` (no trailing slash). */
  origin: string;
  staffToken: string;
  dataDir: string;
  running: RunningServer;
  env: Record<string, string>;
  request(method: string, path: string, options?: RequestOptions): Promise<TestResponse>;
  /** Stops the server (the data stays) and starts it again on the same data. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface RequestOptions {
  /** JSON-encoded unless a string (sent as is). */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test convenience: bodies are asserted field by field
  json: any;
}

export const STAFF_TOKEN = 'test-staff-token-0123456789';

async function freshPostgresDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const pg = (await import('pg')).default;
  const name = `sf_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function startTestServer(extraEnv: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sf-server-test-'));
  const postgres = process.env.DATABASE_URL ? await freshPostgresDatabase(process.env.DATABASE_URL) : null;
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    STAFF_TOKEN,
    RATE_LIMIT_FACTOR: '1000',
    GUESTBOOK_MIN_FILL_MS: '0',
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
    ...extraEnv,
  };
  let running = await startServer(readConfig(env));
  const server: TestServer = {
    origin: running.url.replace(/\/$/, ''),
    staffToken: STAFF_TOKEN,
    dataDir,
    running,
    env,
    async request(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      let body: string | undefined;
      if (options.body !== undefined) {
        body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const response = await fetch(`${server.origin}${path}`, { method, headers, body });
      const text = await response.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: response.status, headers: response.headers, text, json };
    },
    async restart() {
      await running.close();
      const port = new URL(server.origin).port;
      running = await startServer(readConfig({ ...env, PORT: port }));
      server.running = running;
    },
    async close() {
      await running.close();
      await postgres?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

/** A fresh idempotency key. */
export function key(): string {
  return `k-${randomBytes(9).toString('base64url')}`;
}
