import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { randomId, startTestServer, type TestServer } from './engagement-helpers.js';

interface Mail {
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
}

describe('feedback', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ FEEDBACK_ADDRESSES: 'service@shop.example,sales@shop.example' });
  });
  after(() => server.close());

  const send = (body: Record<string, unknown>) =>
    server.api('/feedback', {
      json: { pageUrl: 'https://shop.example/products/CC-TEE-001', pageTitle: '纯棉短袖', ...body },
      key: randomId('k'),
    });

  async function mailFor(marker: string, to: string): Promise<Mail | undefined> {
    const response = await server.api(`/staff/mail?to=${encodeURIComponent(to)}&limit=100`, { staff: true });
    return ((await response.json()) as { items: Mail[] }).items.find((mail) => mail.text.includes(marker));
  }

  test('stores the message and mails the staff address asked for when it is on the allow-list', async () => {
    const marker = randomId('msg');
    const response = await send({
      message: `尺码问题 ${marker}`,
      to: 'sales@shop.example',
      name: '小王',
      contact: 'wang@example.com',
      topic: 'question',
    });
    assert.equal(response.status, 201);
    const receipt = (await response.json()) as { id: string; receivedAt: number };
    assert.equal(receipt.receivedAt, server.clock.now);
    const mail = await mailFor(marker, 'sales@shop.example');
    assert.ok(mail, 'mailed to sales');
    assert.ok(mail.text.includes('https://shop.example/products/CC-TEE-001'));
    assert.ok(mail.text.includes('纯棉短袖'));
    assert.equal(mail.headers['Reply-To'], 'wang@example.com');
    const row = await server.db
      .selectFrom('feedback_messages')
      .selectAll()
      .where('id', '=', receipt.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.to_address, 'sales@shop.example');
  });

  test('an address not on the allow-list goes to the default address instead', async () => {
    const marker = randomId('msg');
    assert.equal((await send({ message: `转给老板 ${marker}`, to: 'attacker@evil.example' })).status, 201);
    assert.equal(await mailFor(marker, 'attacker@evil.example'), undefined);
    assert.ok(await mailFor(marker, 'service@shop.example'));
  });

  test('markup is kept as text; a header injection in the contact goes nowhere', async () => {
    const marker = randomId('msg');
    const message = `<script>alert(1)</script> ${marker}`;
    await send({ message, contact: 'x@example.com\r\nBcc: all@example.com', pageTitle: 'T\r\nBcc: y@example.com' });
    const mail = await mailFor(marker, 'service@shop.example');
    assert.ok(mail?.text.startsWith(message));
    for (const value of [mail!.subject, ...Object.values(mail!.headers)]) assert.ok(!/[\r\n]/.test(value));
  });

  test('refuses bad messages and page URLs, and a missing key', async () => {
    for (const body of [
      { message: '' },
      { message: '   ' },
      { message: '长'.repeat(2001) },
      { message: 'x', pageUrl: 'javascript:alert(1)' },
      { message: 'x', pageUrl: 'ftp://a.example/' },
    ]) {
      const response = await send(body);
      assert.equal(response.status, 400, JSON.stringify(body).slice(0, 60));
    }
    const noKey = await server.api('/feedback', { json: { message: 'x', pageUrl: 'https://shop.example/' } });
    assert.equal(noKey.status, 400);
  });

  test('the staff list needs the staff token and shows the page context', async () => {
    assert.equal((await server.api('/staff/feedback')).status, 401);
    const marker = randomId('msg');
    await send({ message: marker });
    const response = await server.api('/staff/feedback?limit=100', { staff: true });
    const { items } = (await response.json()) as { items: { message: string; pageUrl: string; to: string }[] };
    const item = items.find((candidate) => candidate.message === marker);
    assert.deepEqual(item && [item.pageUrl, item.to], ['https://shop.example/products/CC-TEE-001', 'service@shop.example']);
  });
});
