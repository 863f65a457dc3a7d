import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { solveChallenge } from 'altcha-lib/v1';
import type { GuestbookEntry } from '../../src/core/types.js';
import { readConfig } from '../src/config.js';
import { guestbookSettings } from '../src/guestbook/guestbook.js';
import { randomId, randomIp, startTestServer, type TestServer } from './engagement-helpers.js';

type Page = { items: GuestbookEntry[]; cursor?: string };
type StaffEntry = GuestbookEntry & { approved: boolean; hidden: boolean; contact?: string; heldReason?: string };

function post(server: TestServer, body: Record<string, unknown>, options: { ip?: string; key?: string } = {}) {
  return server.api('/guestbook', {
    json: { author: '访客', fillMs: 10_000, ...body },
    key: options.key ?? randomId('k'),
    ip: options.ip,
  });
}

async function list(server: TestServer, topic: string, query = ''): Promise<Page> {
  const response = await server.api(`/guestbook?topic=${encodeURIComponent(topic)}${query}`);
  assert.equal(response.status, 200);
  return (await response.json()) as Page;
}

async function staffList(server: TestServer, query: string): Promise<{ items: StaffEntry[]; cursor?: string }> {
  const response = await server.api(`/staff/guestbook?${query}`, { staff: true });
  assert.equal(response.status, 200);
  return (await response.json()) as { items: StaffEntry[]; cursor?: string };
}

describe('guestbook (moderation none, proof of work off)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ GUESTBOOK_MIN_FILL_MS: '3000' }, { guestbookMaxLinks: 2 });
  });
  after(() => server.close());

  test('lists the seeded demo guestbook of a topic', async () => {
    const page = await list(server, 'product:SI-BUD-001', '&limit=50');
    assert.ok(page.items.length >= 2);
    assert.ok(page.items.every((entry) => entry.topic === 'product:SI-BUD-001'));
  });

  test('stores hostile text verbatim and returns it as text', async () => {
    const topic = randomId('xss');
    const body = '<script>alert(1)</script><img src=x onerror="alert(2)"> <a href="javascript:alert(3)">点我</a> & "q"';
    const response = await post(server, { topic, body, author: '<b>Bob</b>' });
    assert.equal(response.status, 201);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    const entry = (await response.json()) as GuestbookEntry;
    assert.equal(entry.body, body);
    assert.equal(entry.pending, undefined);
    const page = await list(server, topic);
    assert.deepEqual(
      page.items.map((item) => [item.author, item.body]),
      [['<b>Bob</b>', body]],
    );
    const row = await server.db
      .selectFrom('guestbook_entries')
      .select('body')
      .where('id', '=', entry.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.body, body);
  });

  test('a filled honeypot is answered like a held post and never listed', async () => {
    const topic = randomId('honey');
    const response = await post(server, { topic, body: '买便宜货', website: 'http://spam.example' });
    assert.equal(response.status, 201);
    const entry = (await response.json()) as GuestbookEntry;
    assert.equal(entry.pending, true);
    assert.deepEqual((await list(server, topic)).items, []);
    const held = await staffList(server, `status=pending&topic=${topic}`);
    assert.deepEqual(
      held.items.map((item) => item.heldReason),
      ['honeypot'],
    );
  });

  test('a form sent faster than the minimum fill time is held', async () => {
    const topic = randomId('fast');
    const fast = (await (await post(server, { topic, body: '太快了', fillMs: 500 })).json()) as GuestbookEntry;
    const slow = (await (await post(server, { topic, body: '正常', fillMs: 5000 })).json()) as GuestbookEntry;
    assert.equal(fast.pending, true);
    assert.equal(slow.pending, undefined);
    assert.deepEqual(
      (await list(server, topic)).items.map((item) => item.id),
      [slow.id],
    );
  });

  test('a post with more links than allowed is held; up to the limit it is published', async () => {
    const topic = randomId('links');
    const two = (await (await post(server, { topic, body: '见 https://a.example 和 www.b.example' })).json()) as GuestbookEntry;
    const three = (await (
      await post(server, { topic, body: 'https://a.example http://b.example www.c.example' })
    ).json()) as GuestbookEntry;
    assert.equal(two.pending, undefined);
    assert.equal(three.pending, true);
    assert.deepEqual(
      (await list(server, topic)).items.map((item) => item.id),
      [two.id],
    );
  });

  test('keeps the private contact for the staff only', async () => {
    const topic = randomId('contact');
    const secret = `${randomId('secret')}@example.com`;
    const response = await post(server, { topic, body: '请联系我', contact: secret });
    const text = await response.text();
    assert.ok(!text.includes(secret));
    assert.ok(!JSON.stringify(await list(server, topic)).includes(secret));
    const staff = await staffList(server, `topic=${topic}`);
    assert.equal(staff.items[0]!.contact, secret);
  });

  test('refuses overlong text, a bad rating and unknown fields (nothing stored)', async () => {
    const topic = randomId('bad');
    for (const body of [
      { topic, body: '长'.repeat(2001) },
      { topic, body: '   ' },
      { topic, body: 'ok', rating: 6 },
      { topic, body: 'ok', author: '' },
      { topic, body: 'ok', admin: true },
    ]) {
      const response = await post(server, body);
      assert.equal(response.status, 400, JSON.stringify(body).slice(0, 80));
      assert.equal(((await response.json()) as { code: string }).code, 'validation');
    }
    assert.deepEqual((await staffList(server, `topic=${topic}`)).items, []);
  });

  test('a post without an Idempotency-Key is refused', async () => {
    const response = await server.api('/guestbook', { json: { topic: randomId('t'), author: 'a', body: 'b' } });
    assert.equal(response.status, 400);
  });

  test('the cursor keeps the next page stable when someone posts between pages', async () => {
    const topic = randomId('pages');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      server.clock.now += 1000;
      ids.push(((await (await post(server, { topic, body: `第${i}条` })).json()) as GuestbookEntry).id);
    }
    const first = await list(server, topic, '&limit=2');
    assert.deepEqual(
      first.items.map((item) => item.id),
      [ids[4], ids[3]],
    );
    server.clock.now += 1000;
    const newer = ((await (await post(server, { topic, body: '翻页时的新留言' })).json()) as GuestbookEntry).id;
    const second = await list(server, topic, `&limit=2&cursor=${first.cursor}`);
    assert.deepEqual(
      second.items.map((item) => item.id),
      [ids[2], ids[1]],
    );
    const third = await list(server, topic, `&limit=2&cursor=${second.cursor}`);
    assert.deepEqual(
      third.items.map((item) => item.id),
      [ids[0]],
    );
    assert.equal(third.cursor, undefined);
    assert.equal((await list(server, topic)).items[0]!.id, newer);
    const bad = await server.api(`/guestbook?topic=${topic}&cursor=not-a-cursor`);
    assert.equal(bad.status, 400);
  });

  test('staff operations need the staff token', async () => {
    const topic = randomId('staff');
    const entry = (await (await post(server, { topic, body: '你好' })).json()) as GuestbookEntry;
    const attempts = [
      server.api('/staff/guestbook'),
      server.api(`/staff/guestbook/${entry.id}`, { method: 'PATCH', json: { hidden: true } }),
      server.api(`/staff/guestbook/${entry.id}/replies`, { json: { body: '谢谢' } }),
      server.api('/staff/guestbook', { headers: { authorization: 'Bearer wrong' } }),
    ];
    for (const response of await Promise.all(attempts)) {
      assert.equal(response.status, 401);
      assert.equal(((await response.json()) as { code: string }).code, 'unauthorized');
    }
    assert.deepEqual(
      (await list(server, topic)).items.map((item) => [item.id, item.replies.length]),
      [[entry.id, 0]],
    );
  });

  test('a staff reply appears under the entry; pinning lists it first; hiding removes it', async () => {
    const topic = randomId('mod');
    server.clock.now += 1000;
    const old = ((await (await post(server, { topic, body: '旧' })).json()) as GuestbookEntry).id;
    server.clock.now += 1000;
    const fresh = ((await (await post(server, { topic, body: '新' })).json()) as GuestbookEntry).id;
    const replied = await server.api(`/staff/guestbook/${old}/replies`, {
      json: { body: '感谢<反馈>', author: '客服' },
      staff: true,
    });
    assert.equal(replied.status, 201);
    const pinned = await server.api(`/staff/guestbook/${old}`, { method: 'PATCH', json: { pinned: true }, staff: true });
    assert.equal(((await pinned.json()) as StaffEntry).pinned, true);
    const page = await list(server, topic);
    assert.deepEqual(
      page.items.map((item) => item.id),
      [old, fresh],
    );
    assert.deepEqual(
      page.items[0]!.replies.map(({ author, body, staff }) => ({ author, body, staff })),
      [{ author: '客服', body: '感谢<反馈>', staff: true }],
    );
    // Paging through a pinned entry.
    const first = await list(server, topic, '&limit=1');
    const second = await list(server, topic, `&limit=1&cursor=${first.cursor}`);
    assert.deepEqual(
      [...first.items, ...second.items].map((item) => item.id),
      [old, fresh],
    );
    await server.api(`/staff/guestbook/${old}`, { method: 'PATCH', json: { hidden: true }, staff: true });
    assert.deepEqual(
      (await list(server, topic)).items.map((item) => item.id),
      [fresh],
    );
    assert.deepEqual(
      (await staffList(server, `status=hidden&topic=${topic}`)).items.map((item) => item.id),
      [old],
    );
    const missing = await server.api('/staff/guestbook/g-nope', { method: 'PATCH', json: { hidden: true }, staff: true });
    assert.equal(missing.status, 404);
  });

  test('the challenge endpoint answers 204 when proof of work is off', async () => {
    assert.equal((await server.api('/guestbook/challenge')).status, 204);
  });
});

describe('guestbook moderation modes', () => {
  test('all: every post waits until the staff approve it', async () => {
    const server = await startTestServer({ GUESTBOOK_MODERATION: 'all' });
    try {
      const topic = randomId('all');
      const entry = (await (await post(server, { topic, body: '等审核' })).json()) as GuestbookEntry;
      assert.equal(entry.pending, true);
      assert.deepEqual((await list(server, topic)).items, []);
      const approved = await server.api(`/staff/guestbook/${entry.id}`, {
        method: 'PATCH',
        json: { approved: true },
        staff: true,
      });
      assert.equal(approved.status, 200);
      assert.deepEqual(
        (await list(server, topic)).items.map((item) => [item.id, item.pending]),
        [[entry.id, undefined]],
      );
    } finally {
      await server.close();
    }
  });

  test('first-post: a poster waits until one post was approved, then posts freely; others still wait', async () => {
    const server = await startTestServer({ GUESTBOOK_MODERATION: 'first-post' });
    try {
      const topic = randomId('first');
      const ip = randomIp();
      const first = (await (await post(server, { topic, body: '第一次' }, { ip })).json()) as GuestbookEntry;
      const second = (await (await post(server, { topic, body: '还没批准' }, { ip })).json()) as GuestbookEntry;
      assert.equal(first.pending, true);
      assert.equal(second.pending, true);
      await server.api(`/staff/guestbook/${first.id}`, { method: 'PATCH', json: { approved: true }, staff: true });
      server.clock.now += 1000; // strictly newer, so the listing order is known
      const third = (await (await post(server, { topic, body: '已经认识了' }, { ip })).json()) as GuestbookEntry;
      assert.equal(third.pending, undefined);
      const stranger = (await (await post(server, { topic, body: '新人' }, { ip: randomIp() })).json()) as GuestbookEntry;
      assert.equal(stranger.pending, true);
      assert.deepEqual(
        (await list(server, topic)).items.map((item) => item.id),
        [third.id, first.id],
      );
    } finally {
      await server.close();
    }
  });
});

describe('guestbook link policy', () => {
  test('refuse: a post over the link limit is refused 400 and not stored', async () => {
    const server = await startTestServer({}, { guestbookMaxLinks: 0, guestbookLinkPolicy: 'refuse' });
    try {
      const topic = randomId('refuse');
      const response = await post(server, { topic, body: '看 https://spam.example' });
      assert.equal(response.status, 400);
      assert.equal(((await response.json()) as { code: string }).code, 'validation');
      assert.equal((await post(server, { topic, body: '没有链接' })).status, 201);
      assert.equal((await staffList(server, `topic=${topic}`)).items.length, 1);
    } finally {
      await server.close();
    }
  });

  test('GUESTBOOK_MAX_LINKS and GUESTBOOK_LINK_POLICY are read and checked; the default is 2, hold', () => {
    const config = readConfig({ STAFF_TOKEN: 'x' });
    assert.deepEqual(
      [guestbookSettings(config, {}).guestbookMaxLinks, guestbookSettings(config, {}).guestbookLinkPolicy],
      [2, 'hold'],
    );
    const set = guestbookSettings(config, { GUESTBOOK_MAX_LINKS: '5', GUESTBOOK_LINK_POLICY: 'refuse' });
    assert.deepEqual([set.guestbookMaxLinks, set.guestbookLinkPolicy], [5, 'refuse']);
    assert.throws(() => guestbookSettings(config, { GUESTBOOK_MAX_LINKS: 'many' }), /GUESTBOOK_MAX_LINKS/);
    assert.throws(() => guestbookSettings(config, { GUESTBOOK_LINK_POLICY: 'drop' }), /GUESTBOOK_LINK_POLICY/);
  });
});

describe('guestbook proof of work on', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ POW: 'on' });
  });
  after(() => server.close());

  async function solved(): Promise<string> {
    const response = await server.api('/guestbook/challenge');
    assert.equal(response.status, 200);
    const challenge = (await response.json()) as {
      algorithm: string;
      challenge: string;
      salt: string;
      signature: string;
      maxnumber: number;
    };
    assert.deepEqual(Object.keys(challenge).sort(), ['algorithm', 'challenge', 'maxnumber', 'salt', 'signature']);
    const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber).promise;
    assert.ok(solution);
    const payload = {
      algorithm: challenge.algorithm,
      challenge: challenge.challenge,
      number: solution.number,
      salt: challenge.salt,
      signature: challenge.signature,
    };
    return Buffer.from(JSON.stringify(payload)).toString('base64');
  }

  test('refuses a post without a solved challenge, or with a wrong one', async () => {
    const topic = randomId('pow');
    const missing = await post(server, { topic, body: '没有验证' });
    assert.equal(missing.status, 400);
    assert.equal(((await missing.json()) as { code: string }).code, 'validation');
    const good = JSON.parse(Buffer.from(await solved(), 'base64').toString()) as { number: number };
    const wrong = Buffer.from(JSON.stringify({ ...good, number: good.number + 1 })).toString('base64');
    assert.equal((await post(server, { topic, body: '错误答案', challenge: wrong })).status, 400);
    assert.deepEqual((await list(server, topic)).items, []);
  });

  test('accepts a solved challenge once; the same solution cannot post again', async () => {
    const topic = randomId('pow');
    const challenge = await solved();
    const response = await post(server, { topic, body: '验证通过', challenge });
    assert.equal(response.status, 201);
    assert.equal((await post(server, { topic, body: '重放', challenge })).status, 400);
    assert.equal((await list(server, topic)).items.length, 1);
  });
});

describe('guestbook rate limits', () => {
  test('per client, per topic and site-wide: 429 with Retry-After and RateLimit headers', async () => {
    const server = await startTestServer(
      { RATE_LIMIT_FACTOR: '1' },
      {
        guestbookRateLimits: {
          client: { max: 2, windowSeconds: 600 },
          topic: { max: 3, windowSeconds: 600 },
          // A window of its own: the site-wide bucket is shared by every run on one PostgreSQL.
          site: { max: 5, windowSeconds: 7000 + Math.floor(Math.random() * 2000) },
        },
      },
    );
    try {
      const ip = randomIp();
      const topic = randomId('rl');
      for (let i = 0; i < 2; i += 1) assert.equal((await post(server, { topic, body: `${i}` }, { ip })).status, 201);
      const limited = await post(server, { topic, body: 'too many' }, { ip });
      assert.equal(limited.status, 429);
      assert.equal(((await limited.json()) as { code: string }).code, 'rate-limited');
      assert.match(limited.headers.get('retry-after') ?? '', /^\d+$/);
      assert.match(limited.headers.get('ratelimit') ?? '', /limit=2, remaining=0/);
      assert.ok(limited.headers.get('ratelimit-policy'));
      // Another client may still post to the topic until the topic's own limit.
      assert.equal((await post(server, { topic, body: 'other client' })).status, 201);
      const topicLimited = await post(server, { topic, body: 'topic full' }, { ip: randomIp() });
      assert.equal(topicLimited.status, 429);
      // Site-wide: 5 accepted posts in all (3 so far, counting the refused ones' attempts is fine too).
      let status = 201;
      for (let i = 0; i < 6 && status !== 429; i += 1)
        status = (await post(server, { topic: randomId('rl'), body: 'x' }, { ip: randomIp() })).status;
      assert.equal(status, 429);
      assert.equal((await staffList(server, `topic=${topic}`)).items.length, 3);
    } finally {
      await server.close();
    }
  });
});
