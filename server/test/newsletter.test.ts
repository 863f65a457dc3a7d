import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hashToken } from '../src/newsletter/newsletter.js';
import { randomId, startTestServer, type TestServer } from './engagement-helpers.js';

interface Mail {
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
  createdAt: number;
}

describe('newsletter', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ PUBLIC_URL: 'https://shop.example' }, { newsletterCooldownSeconds: 600 });
  });
  after(() => server.close());

  const email = () => `${randomId('sub')}@example.com`;

  function subscribe(address: string, extra: Record<string, unknown> = {}) {
    return server.api('/newsletter/subscriptions', {
      json: { email: address, list: 'news', consent: true, ...extra },
      key: randomId('k'),
    });
  }

  async function mails(address: string): Promise<Mail[]> {
    const response = await server.api(`/staff/mail?to=${encodeURIComponent(address)}`, { staff: true });
    assert.equal(response.status, 200);
    return ((await response.json()) as { items: Mail[] }).items;
  }

  function token(mail: Mail, kind: 'confirm' | 'unsubscribe'): string {
    const match = new RegExp(`https://shop\\.example/newsletter/${kind}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
    assert.ok(match, `a ${kind} link in the mail`);
    return match[1]!;
  }

  async function status(address: string): Promise<string | undefined> {
    const row = await server.db
      .selectFrom('newsletter_subscribers')
      .select('status')
      .where('email', '=', address)
      .executeTakeFirst();
    return row?.status;
  }

  test('answers a sign-up 202 pending without any token; the mail carries it; tokens are stored hashed', async () => {
    const address = email();
    const response = await subscribe(address, { consentText: '我同意接收电子报', consentVersion: 'v3' });
    assert.equal(response.status, 202);
    const text = await response.text();
    assert.deepEqual(JSON.parse(text), { email: address, list: 'news', status: 'pending' });
    const [mail] = await mails(address);
    assert.ok(mail);
    const confirm = token(mail, 'confirm');
    assert.ok(!text.includes(confirm));
    assert.ok(!JSON.stringify(response.headers).includes(confirm));
    const stored = await server.db.selectFrom('newsletter_tokens').select('token_hash').execute();
    assert.ok(stored.some((row) => row.token_hash === hashToken(confirm)));
    assert.ok(!stored.some((row) => row.token_hash === confirm));
    const consent = await server.db
      .selectFrom('newsletter_consents as c')
      .innerJoin('newsletter_subscribers as s', 's.id', 'c.subscriber_id')
      .select(['c.consent_text', 'c.consent_version', 'c.created_at'])
      .where('s.email', '=', address)
      .executeTakeFirstOrThrow();
    assert.deepEqual([consent.consent_text, consent.consent_version], ['我同意接收电子报', 'v3']);
    assert.equal(Number(consent.created_at), server.clock.now);
  });

  test('every mail has List-Unsubscribe (https + mailto) and List-Unsubscribe-Post One-Click', async () => {
    const address = email();
    await subscribe(address);
    const [mail] = await mails(address);
    const unsubscribe = token(mail!, 'unsubscribe');
    assert.match(
      mail!.headers['List-Unsubscribe']!,
      new RegExp(`^<https://shop\\.example/api/newsletter/unsubscribe\\?token=${unsubscribe}>, <mailto:[^>]+>$`),
    );
    assert.equal(mail!.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
    assert.match(mail!.headers['List-Id']!, /^<news\.shop\.example>$/);
  });

  test('the token from the outbox confirms; confirming twice stays confirmed; an unknown token is 404', async () => {
    const address = email();
    await subscribe(address);
    const confirm = token((await mails(address))[0]!, 'confirm');
    const response = await server.api('/newsletter/confirm', { json: { token: confirm } });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { email: address, list: 'news', status: 'confirmed' });
    assert.equal((await server.api('/newsletter/confirm', { json: { token: confirm } })).status, 200);
    assert.equal(await status(address), 'confirmed');
    const unknown = await server.api('/newsletter/confirm', { json: { token: 'x'.repeat(43) } });
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { code: string }).code, 'not-found');
  });

  test('one-click unsubscribe (RFC 8058): query token + form body; an old confirm link cannot resubscribe', async () => {
    const address = email();
    await subscribe(address);
    const mail = (await mails(address))[0]!;
    const confirm = token(mail, 'confirm');
    await server.api('/newsletter/confirm', { json: { token: confirm } });
    const url = /<([^>]+)>/.exec(mail.headers['List-Unsubscribe']!)![1]!;
    const response = await fetch(url.replace('https://shop.example', server.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { email: address, list: 'news', status: 'unsubscribed' });
    assert.equal(await status(address), 'unsubscribed');
    assert.equal((await server.api('/newsletter/confirm', { json: { token: confirm } })).status, 404);
    assert.equal(await status(address), 'unsubscribed');
  });

  test('the GET pages change nothing; their button POSTs and does', async () => {
    const address = email();
    await subscribe(address);
    const mail = (await mails(address))[0]!;
    const confirm = token(mail, 'confirm');
    for (const locale of ['zh-CN', 'en']) {
      const page = await fetch(`${server.origin}/newsletter/confirm?token=${confirm}`, {
        headers: { 'accept-language': locale },
      });
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /text\/html/);
      const html = await page.text();
      assert.match(html, /<form method="post" action="\/newsletter\/confirm">/);
      assert.ok(html.includes(`value="${confirm}"`));
      assert.ok(html.includes(locale === 'en' ? 'Confirm subscription' : '确认订阅'));
    }
    const unsubscribePage = await fetch(`${server.origin}/newsletter/unsubscribe?token=${token(mail, 'unsubscribe')}`);
    assert.equal(unsubscribePage.status, 200);
    assert.equal(await status(address), 'pending', 'GETs changed nothing');
    const bad = await fetch(`${server.origin}/newsletter/confirm?token=${'y'.repeat(43)}`);
    assert.equal(bad.status, 404);
    assert.match(await bad.text(), /链接无效/);

    const done = await fetch(`${server.origin}/newsletter/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
      body: `token=${confirm}`,
    });
    assert.equal(done.status, 200);
    assert.match(await done.text(), /Confirmed/);
    assert.equal(await status(address), 'confirmed');
  });

  test('one subscriber per address and one mail per cool-down; after it, another mail', async () => {
    const address = email();
    for (let i = 0; i < 3; i += 1) assert.equal((await subscribe(address)).status, 202);
    assert.equal((await subscribe(address.toUpperCase())).status, 202);
    const rows = await server.db.selectFrom('newsletter_subscribers').select('id').where('email', '=', address).execute();
    assert.equal(rows.length, 1);
    assert.equal((await mails(address)).length, 1);
    const start = server.clock.now;
    try {
      server.clock.now = start + 601_000;
      await subscribe(address);
      assert.equal((await mails(address)).length, 2);
    } finally {
      server.clock.now = start;
    }
    // Confirmed: a later sign-up finds the same subscription and sends nothing.
    await server.api('/newsletter/confirm', { json: { token: token((await mails(address))[0]!, 'confirm') } });
    const again = await subscribe(address);
    assert.deepEqual(await again.json(), { email: address, list: 'news', status: 'confirmed' });
  });

  test('refuses a sign-up without consent or with a bad address; staff lists need the token', async () => {
    const address = email();
    for (const body of [
      { email: address, list: 'news', consent: false },
      { email: 'not-an-email', list: 'news', consent: true },
      { email: address, list: 'bad list!', consent: true },
    ]) {
      const response = await server.api('/newsletter/subscriptions', { json: body, key: randomId('k') });
      assert.equal(response.status, 400);
    }
    assert.equal(await status(address), undefined);
    assert.equal((await server.api('/staff/mail')).status, 401);
    assert.equal((await server.api('/staff/subscribers')).status, 401);
    await subscribe(address, { consentVersion: 'v9' });
    const response = await server.api('/staff/subscribers?list=news&status=pending&limit=100', { staff: true });
    const { items } = (await response.json()) as { items: { email: string; consent?: { version: string } }[] };
    assert.equal(items.find((item) => item.email === address)?.consent?.version, 'v9');
  });
});
