import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashRequest } from '../src/http/idempotency.js';
import { key, startTestServer, type TestServer } from './test-server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server?.close());

const signUp = (body: unknown, k?: string) =>
  server.request('POST', '/api/account/sign-up', { body, headers: k ? { 'idempotency-key': k } : {} });

describe('idempotency keys', () => {
  it('replays the first answer for the same key and body, with Idempotent-Replayed', async () => {
    const k = key();
    const body = { email: 'once@example.com', password: 'password123', name: 'Once' };
    const first = await signUp(body, k);
    assert.equal(first.status, 201);
    // Key order does not matter: the body is compared as canonical JSON.
    const again = await signUp({ name: 'Once', password: 'password123', email: 'once@example.com' }, k);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.text, first.text);
    // Without the key the same body is a new request: the e-mail is taken now.
    assert.equal((await signUp(body)).status, 409);
  });

  it('refuses the same key with another body with 422', async () => {
    const k = key();
    assert.equal((await signUp({ email: 'first@example.com', password: 'password123', name: 'A' }, k)).status, 201);
    const other = await signUp({ email: 'second@example.com', password: 'password123', name: 'B' }, k);
    assert.equal(other.status, 422);
    assert.equal(other.json.code, 'conflict');
    assert.equal(other.json.reason, 'idempotency-key-reused');
    const signIn = await server.request('POST', '/api/account/sign-in', {
      body: { email: 'second@example.com', password: 'password123' },
    });
    assert.equal(signIn.status, 400, 'the second body was never run');
  });

  it('answers 409 in-progress while the first request with the key still runs', async () => {
    const k = key();
    const body = { email: 'running@example.com', password: 'password123', name: 'R' };
    const now = Date.now();
    // The claim another instance holds while it runs the first request.
    await server.running.db
      .insertInto('idempotency_keys')
      .values({
        key: k,
        request_hash: hashRequest('POST', '/api/account/sign-up', undefined, body),
        state: 'running',
        status: null,
        headers: null,
        body: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const response = await signUp(body, k);
    assert.equal(response.status, 409);
    assert.equal(response.json.reason, 'in-progress');
    assert.equal(response.headers.get('retry-after'), '1');
  });

  it('runs two simultaneous duplicates once', async () => {
    const k = key();
    const body = { email: 'twice@example.com', password: 'password123', name: 'T' };
    const results = await Promise.all([signUp(body, k), signUp(body, k)]);
    const statuses = results.map((r) => r.status).sort();
    assert.ok(statuses.includes(201), statuses.join());
    assert.ok(
      results.every((r) => r.status === 201 || (r.status === 409 && r.json.reason === 'in-progress')),
      statuses.join(),
    );
    const members = await server.running.db.selectFrom('members').select('id').where('email', '=', 'twice@example.com').execute();
    assert.equal(members.length, 1);
  });

  it("refuses the same key and body with other credentials (never replays another member's answer)", async () => {
    const k = key();
    const body = { email: 'vip@example.com', password: 'demo1234' };
    const first = await server.request('POST', '/api/account/sign-in', { body, headers: { 'idempotency-key': k } });
    assert.equal(first.status, 200);
    const other = await server.request('POST', '/api/account/sign-in', {
      body,
      headers: { 'idempotency-key': k, authorization: 'Bearer someone-else' },
    });
    assert.equal(other.status, 422);
    assert.equal(other.text.includes(first.json.token), false);
  });

  it('refuses a malformed key with 400', async () => {
    const response = await signUp({ email: 'bad-key@example.com', password: 'password123', name: 'K' }, 'has spaces in it');
    assert.equal(response.status, 400);
    assert.equal(response.json.code, 'validation');
  });

  it('keeps keys in the database at least 24 hours', async () => {
    const rows = await server.running.db.selectFrom('idempotency_keys').select(['key', 'state']).execute();
    assert.ok(rows.some((row) => row.state === 'done'));
    const { IDEMPOTENCY_TTL_MS } = await import('../src/http/idempotency.js');
    assert.ok(IDEMPOTENCY_TTL_MS >= 24 * 3_600_000);
  });
});
