import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { startTestServer, type TestServer } from './test-server.js';

let server: TestServer;
before(async () => {
  server = await startTestServer();
});
after(() => server?.close());

const post = (path: string, body?: unknown, token?: string) =>
  server.request('POST', path, { body, headers: token ? { authorization: `Bearer ${token}` } : {} });
const me = async (token?: string) =>
  (await server.request('GET', '/api/account/me', { headers: token ? { authorization: `Bearer ${token}` } : {} })).json.member;

describe('account', () => {
  it('signs up, is the current member with the bearer token, signs out', async () => {
    const up = await post('/api/account/sign-up', {
      email: ' New.Member@Example.com ',
      password: 'correct horse',
      name: '新会员',
    });
    assert.equal(up.status, 201, up.text);
    assert.equal(up.json.member.email, 'new.member@example.com');
    assert.equal(up.json.member.tier, 'member');
    assert.match(up.json.token, /^[\w-]{40,}$/);
    assert.deepEqual(await me(up.json.token), up.json.member);
    assert.equal(await me(), null);
    assert.equal(await me('not-a-token'), null);
    const out = await post('/api/account/sign-out', undefined, up.json.token);
    assert.equal(out.status, 204);
    assert.equal(await me(up.json.token), null);
  });

  it('signs in with the right password only; a wrong password and an unknown e-mail answer alike', async () => {
    const ok = await post('/api/account/sign-in', { email: 'VIP@example.com', password: 'demo1234' });
    assert.equal(ok.status, 200);
    assert.equal(ok.json.member.tier, 'vip');
    assert.equal((await me(ok.json.token)).id, ok.json.member.id);
    const wrong = await post('/api/account/sign-in', { email: 'vip@example.com', password: 'demo12345' });
    const unknown = await post('/api/account/sign-in', { email: 'nobody@example.com', password: 'demo1234' });
    assert.equal(wrong.status, 400);
    assert.equal(wrong.json.code, 'validation');
    assert.equal(wrong.text, unknown.text);
  });

  it('refuses a taken e-mail with 409, a bad e-mail and a short password with 400', async () => {
    const taken = await post('/api/account/sign-up', { email: 'member@example.com', password: 'password123', name: 'X' });
    assert.equal(taken.status, 409);
    assert.equal(taken.json.code, 'conflict');
    assert.equal((await post('/api/account/sign-up', { email: 'not-an-email', password: 'password123', name: 'X' })).status, 400);
    assert.equal((await post('/api/account/sign-up', { email: 'short@example.com', password: 'short', name: 'X' })).status, 400);
  });

  it('stores session tokens and passwords hashed only', async () => {
    const up = await post('/api/account/sign-up', { email: 'hashed@example.com', password: 'secret-password', name: 'H' });
    const ctxDb = server.running.db;
    const sessions = await sql<{ token_hash: string }>`SELECT token_hash FROM sessions`.execute(ctxDb);
    assert.ok(sessions.rows.length > 0);
    assert.ok(sessions.rows.every((row) => row.token_hash !== up.json.token));
    const members = await sql<{
      password_hash: string;
    }>`SELECT password_hash FROM members WHERE email = 'hashed@example.com'`.execute(ctxDb);
    assert.match(members.rows[0]!.password_hash, /^scrypt\$/);
    assert.ok(!members.rows[0]!.password_hash.includes('secret-password'));
  });
});
