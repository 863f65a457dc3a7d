import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { key, startTestServer, type TestServer } from './test-server.js';

const MAIN = new URL('../src/main.ts', import.meta.url).pathname;

interface Child {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function runMain(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, PORT: '0', STAFF_TOKEN: 'lifecycle-token', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

async function urlOf(child: Child): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const match = /^Storefront Elements server: (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(child.output());
    if (match) return match[1]!;
    if (child.process.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server did not start:\n${child.output()}`);
}

describe('restart', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server?.close());

  it('keeps every committed write across a restart, and seeds only once', async () => {
    const up = await server.request('POST', '/api/account/sign-up', {
      body: { email: 'kept@example.com', password: 'password123', name: 'K' },
    });
    assert.equal(up.status, 201);
    const products = (await server.request('GET', '/api/products?pageSize=200')).json;
    const sku = products.items.find((p: { stock?: number }) => (p.stock ?? 0) > 3).sku as string;
    const order = await server.request('POST', '/api/checkout', {
      body: { lines: [{ sku, quantity: 2 }], paymentMethod: 'alipay', contact: 'kept@example.com' },
      headers: { 'idempotency-key': key() },
    });
    assert.equal(order.status, 201);
    const stock = (await server.request('GET', `/api/products/${sku}`)).json.stock;
    await server.restart();
    const signIn = await server.request('POST', '/api/account/sign-in', {
      body: { email: 'kept@example.com', password: 'password123' },
    });
    assert.equal(signIn.status, 200);
    const session = await server.request('GET', '/api/account/me', { headers: { authorization: `Bearer ${up.json.token}` } });
    assert.equal(session.json.member.email, 'kept@example.com');
    const track = await server.request('POST', '/api/orders/track', {
      body: { number: order.json.orderNumber, contact: 'kept@example.com' },
    });
    assert.equal(track.status, 200);
    assert.equal((await server.request('GET', `/api/products/${sku}`)).json.stock, stock);
    const again = (await server.request('GET', '/api/products?pageSize=200')).json;
    assert.equal(again.total, products.total, 'not seeded twice');
  });
});

describe('the server process', { skip: Boolean(process.env.DATABASE_URL) && 'PGlite only' }, () => {
  it('prints its URL and data folder, refuses a second process on the same folder, stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sf-lifecycle-'));
    try {
      const first = runMain({ DATA_DIR: dataDir, DATABASE_URL: '' });
      const url = await urlOf(first);
      assert.match(first.output(), new RegExp(`Data folder \\(embedded PGlite\\): ${dataDir}`));
      const health = await fetch(`${url}api/health`);
      assert.deepEqual(await health.json(), { ok: true, database: 'pglite' });
      const page = await (await fetch(url)).text();
      assert.match(page, /<sf-store[^>]* adapter="rest" endpoint="\/api"/);

      const second = runMain({ DATA_DIR: dataDir, DATABASE_URL: '' });
      assert.equal(await second.exited, 1);
      assert.match(second.output(), /in use by another server process \(PID \d+\)/);
      assert.equal((await fetch(`${url}api/health`)).status, 200, 'the first server is unharmed');

      first.process.kill('SIGTERM');
      assert.equal(await first.exited, 0);
      assert.equal(existsSync(join(dataDir, 'server.lock')), false);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('an unreachable database', () => {
  it('exits 1 with a message naming DATABASE_URL', async () => {
    const child = runMain({ DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:9/none', DATA_DIR: join(tmpdir(), 'sf-unused') });
    assert.equal(await child.exited, 1);
    assert.match(child.output(), /DATABASE_URL/);
    assert.doesNotMatch(child.output(), /secret/, 'the password is not printed');
  });
});

describe('two instances on one PostgreSQL', { skip: !process.env.DATABASE_URL && 'needs DATABASE_URL' }, () => {
  it('start together (migrations and seed once) and behave as one server', async () => {
    const first = await startTestServer();
    const { readConfig } = await import('../src/config.js');
    const { startServer } = await import('../src/main.js');
    const second = await startServer(readConfig({ ...first.env, PORT: '0' }));
    try {
      const other = second.url.replace(/\/$/, '');
      const k = key();
      const body = { email: 'shared@example.com', password: 'password123', name: 'S' };
      const post = (origin: string) =>
        fetch(`${origin}/api/account/sign-up`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': k },
          body: JSON.stringify(body),
        });
      const a = await post(first.origin);
      const b = await post(other);
      assert.equal(a.status, 201);
      assert.equal(b.status, 201);
      assert.equal(b.headers.get('idempotent-replayed'), 'true', 'the key is shared');
      const { token } = (await a.json()) as { token: string };
      const me = await fetch(`${other}/api/account/me`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(
        ((await me.json()) as { member: { email: string } }).member.email,
        'shared@example.com',
        'the session is shared',
      );
      const products = (await first.request('GET', '/api/products?pageSize=200')).json.total;
      const fromOther = (await (await fetch(`${other}/api/products?pageSize=200`)).json()) as { total: number };
      assert.equal(fromOther.total, products, 'seeded once');
    } finally {
      await second.close();
      await first.close();
    }
  });
});
