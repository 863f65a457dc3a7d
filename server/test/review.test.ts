import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { key, startTestServer, type TestServer } from './test-server.js';

/** Regressions found by a hostile review of the reference server. */
describe('review: hostile input', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  for (const path of ['/api/products/%ZZ', '/pay/%ZZ', '/newsletter/confirm/%E0%A4%A']) {
    test(`a broken %-escape in the path (${path}) is problem+json in the asked language`, async () => {
      for (const [language, title] of [
        ['en', 'The request is not valid.'],
        ['zh-CN', '请求内容无效。'],
      ] as const) {
        const response = await server.request('GET', path, { headers: { 'accept-language': language } });
        assert.equal(response.status, 400);
        assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
        assert.equal(response.json.code, 'validation');
        assert.equal(response.json.title, title);
        assert.equal(response.json.detail, language === 'en' ? 'The URL is not valid.' : '网址无效。');
        assert.doesNotMatch(response.text, /FST_ERR/);
      }
    });
  }

  test('a line break in a feedback field cannot forge lines of the staff mail', async () => {
    const marker = `marker-${key()}`;
    const sent = await server.request('POST', '/api/feedback', {
      headers: { 'idempotency-key': key() },
      body: {
        message: marker,
        pageUrl: 'https://shop.example/',
        name: 'Mallory\r\n编号 Id: fb-forged',
        contact: 'm@evil.example\n联系方式 Contact: boss@shop.example',
        topic: 'refund\u2028姓名 Name: CEO',
      },
    });
    assert.equal(sent.status, 201);
    const mails = await server.request('GET', '/api/staff/mail?limit=100', {
      headers: { authorization: `Bearer ${server.staffToken}` },
    });
    const mail = (mails.json.items as { text: string; headers: Record<string, string> }[]).find((m) => m.text.includes(marker));
    assert.ok(mail, 'the feedback mail is in the outbox');
    const lines = mail.text.split(/\r\n|\r|\n|\u2028/);
    assert.deepEqual(
      lines.filter((line) => /^(编号 Id|联系方式 Contact|姓名 Name|类别 Topic):/.test(line)),
      [
        '姓名 Name: Mallory 编号 Id: fb-forged',
        '联系方式 Contact: m@evil.example 联系方式 Contact: boss@shop.example',
        '类别 Topic: refund 姓名 Name: CEO',
        `编号 Id: ${sent.json.id}`,
      ],
    );
    assert.equal(mail.headers['Reply-To'], undefined, 'no Reply-To for a contact that is not one address');
  });

  const nulRequests: [string, string, unknown?][] = [
    ['POST', '/api/feedback', { message: 'a\u0000b', pageUrl: 'https://shop.example/' }],
    ['POST', '/api/orders/track', { number: 'SF\u0000', contact: '1234' }],
    ['POST', '/api/guestbook', { topic: 'product:CC-TEE-001', author: 'a', body: 'nice shirt \u0000' }],
    [
      'POST',
      '/api/checkout',
      { lines: [{ sku: 'CC-TEE-001', quantity: 1 }], paymentMethod: 'alipay', contact: { name: '\u0000' } },
    ],
    ['GET', '/api/products/a%00b'],
    ['GET', '/api/guestbook?topic=a%00b'],
    ['GET', '/pay/a%00b?t=x'],
  ];
  for (const [method, path, body] of nulRequests) {
    test(`a NUL character (${method} ${path}) is a 400 validation problem, not a 500`, async () => {
      const response = await server.request(method, path, {
        headers: { 'idempotency-key': key(), 'accept-language': 'en' },
        ...(body === undefined ? {} : { body }),
      });
      assert.equal(response.status, 400, response.text);
      assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.equal(response.json.code, 'validation');
      assert.equal(response.json.detail, 'The request contains a NUL character.');
    });
  }

  test('a body nested 20,000 deep is answered, not a crash', async () => {
    const body = `${'['.repeat(20000)}"\u0000"${']'.repeat(20000)}`;
    const response = await server.request('POST', '/api/feedback', { headers: { 'idempotency-key': key() }, body });
    assert.equal(response.status, 400);
    assert.equal(response.json.code, 'validation');
    assert.equal((await server.request('GET', '/api/health')).status, 200);
  });

  const gbPost = (author: string, body: string) =>
    server.request('POST', '/api/guestbook', {
      headers: { 'idempotency-key': key(), 'accept-language': 'en' },
      body: { topic: 'product:CC-TEE-001', author, body },
    });

  test('a guestbook name of only invisible characters is refused', async () => {
    for (const author of ['\u200b\u200b', '\ufeff', '\u202e', '\u2060 \u200d']) {
      const response = await gbPost(author, 'A real message about the shirt');
      assert.equal(response.status, 400, JSON.stringify(author));
      assert.equal(response.json.errors[0].field, 'author');
    }
    const blank = await gbPost('Ann', '\u200b\u200b\u200b');
    assert.equal(blank.status, 400);
    assert.equal(blank.json.errors[0].field, 'body');
  });

  test('a guestbook name loses direction overrides and line breaks; a body keeps its lines and emoji', async () => {
    const response = await gbPost('\u202enimda\u202c\r\nStaff\u200b', 'Line one\nLine two 👨\u200d👩\u200d👧 \u202egnp.exe');
    assert.equal(response.status, 201, response.text);
    assert.equal(response.json.author, 'nimda Staff');
    assert.equal(response.json.body, 'Line one\nLine two 👨\u200d👩\u200d👧 gnp.exe');
  });

  test('the staff token must match exactly: a prefix, a longer token or another case is refused', async () => {
    const tries = [server.staffToken.slice(0, -1), `${server.staffToken}x`, server.staffToken.toUpperCase(), ''];
    for (const token of tries) {
      const response = await server.request('GET', '/api/staff/orders', { headers: { authorization: `Bearer ${token}` } });
      assert.equal(response.status, 401, token);
      assert.equal(response.json.code, 'unauthorized');
    }
    const ok = await server.request('GET', '/api/staff/orders', { headers: { authorization: `Bearer ${server.staffToken}` } });
    assert.equal(ok.status, 200);
  });

  test('a URL too long for the HTTP parser (431) is problem+json too', async () => {
    const response = await server.request('GET', `/api/products?query=${'x'.repeat(70_000)}`);
    assert.equal(response.status, 431);
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal(response.json.code, 'validation');
    assert.equal(response.json.title, '请求内容无效。');
    assert.equal((await server.request('GET', '/api/health')).status, 200);
  });
});
