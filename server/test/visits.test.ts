import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DailyVisits, ProductVisits, VisitStats } from '../../src/core/types.js';
import { dayOf } from '../src/visits/visits.js';
import { randomId, startTestServer, type TestServer } from './engagement-helpers.js';

const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36';
const HOUR = 3_600_000;

describe('visits', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  function send(body: unknown, options: { type?: string; key?: string; ua?: string } = {}) {
    return server.api('/visits', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': options.type ?? 'application/json', 'user-agent': options.ua ?? BROWSER },
      ...(options.key ? { key: options.key } : {}),
    });
  }

  async function stats(...topics: string[]): Promise<[number, number][]> {
    const response = await server.api(`/visits/stats?topics=${topics.map(encodeURIComponent).join(',')}`);
    assert.equal(response.status, 200);
    const { items } = (await response.json()) as { items: VisitStats[] };
    return topics.map((topic) => {
      const item = items.find((candidate) => candidate.topic === topic);
      return [item?.pageViews ?? 0, item?.uniqueVisitors ?? 0];
    });
  }

  test('accepts a text/plain batch (sendBeacon) with the key in the body; a replay counts once', async () => {
    const topic = randomId('beacon');
    const key = randomId('batch');
    const events = [
      { topic, visitorId: 'a', at: server.clock.now },
      { topic, visitorId: 'a', at: server.clock.now },
      { topic, visitorId: 'b', at: server.clock.now },
    ];
    const first = await send({ events, key }, { type: 'text/plain;charset=UTF-8' });
    assert.equal(first.status, 202);
    assert.deepEqual(await first.json(), { accepted: 3 });
    const again = await send({ events, key }, { type: 'text/plain' });
    assert.equal(again.status, 202);
    assert.deepEqual(await stats(topic), [[3, 2]]);
  });

  test('a JSON batch with an Idempotency-Key header replayed counts once', async () => {
    const topic = randomId('json');
    const key = randomId('batch');
    const events = [{ topic, visitorId: 'x', at: server.clock.now }];
    assert.equal((await send({ events }, { key })).status, 202);
    const replay = await send({ events }, { key });
    assert.equal(replay.status, 202);
    assert.deepEqual(await stats(topic), [[1, 1]]);
  });

  test('validates a text/plain batch against the contract like JSON', async () => {
    const topic = randomId('bad');
    const cases: [string, string][] = [
      ['not JSON', '{"events": ['],
      ['missing visitorId', JSON.stringify({ events: [{ topic, at: 1 }] })],
      ['unknown field', JSON.stringify({ events: [{ topic, visitorId: 'v', at: 1, ip: '1.2.3.4' }] })],
      ['over 100 events', JSON.stringify({ events: Array.from({ length: 101 }, () => ({ topic, visitorId: 'v', at: 1 })) })],
    ];
    for (const [label, body] of cases) {
      const response = await server.api('/visits', { method: 'POST', body, headers: { 'content-type': 'text/plain' } });
      assert.equal(response.status, 400, label);
      assert.equal(((await response.json()) as { code: string }).code, 'validation', label);
    }
    assert.deepEqual(await stats(topic), [[0, 0]]);
  });

  test('drops batches from bots (isbot on the User-Agent)', async () => {
    const topic = randomId('bot');
    const events = [{ topic, visitorId: 'crawler', at: server.clock.now }];
    const response = await send({ events }, { ua: 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)' });
    assert.equal(response.status, 202);
    assert.deepEqual(await response.json(), { accepted: 0 });
    await send({ events }, { ua: 'curl/8.5.0' });
    assert.deepEqual(await stats(topic), [[0, 0]]);
  });

  test('counts unique visitors by visitorId per topic and day; no raw id, IP or user agent stored', async () => {
    const topic = randomId('uniq');
    const other = randomId('uniq');
    const now = server.clock.now;
    await send({
      events: [
        { topic, visitorId: 'visitor-1', at: now },
        { topic, visitorId: 'visitor-2', at: now },
        { topic, visitorId: 'visitor-1', at: now },
        { topic: other, visitorId: 'visitor-1', at: now },
      ],
    });
    await send({ events: [{ topic, visitorId: 'visitor-2', at: now }] });
    assert.deepEqual(await stats(topic, other), [
      [4, 2],
      [1, 1],
    ]);
    const seen = await server.db.selectFrom('visit_seen').selectAll().where('topic', 'in', [topic, other]).execute();
    assert.equal(seen.length, 3);
    for (const row of seen) assert.ok(!row.visitor_hash.includes('visitor-') && !row.visitor_hash.includes('127.0.0.1'));
  });

  test('daily rows per shop day, and the range checks', async () => {
    const topic = randomId('daily');
    const now = server.clock.now;
    await send({
      events: [
        { topic, visitorId: 'a', at: now },
        { topic, visitorId: 'b', at: now },
        { topic, visitorId: 'a', at: now - 24 * HOUR },
      ],
    });
    const response = await server.api(`/visits/daily?topics=${topic}`);
    const { items } = (await response.json()) as { items: DailyVisits[] };
    const today = dayOf(now, 'Asia/Shanghai');
    const yesterday = dayOf(now - 24 * HOUR, 'Asia/Shanghai');
    assert.deepEqual(
      items.map((item) => [item.day, item.pageViews, item.uniqueVisitors]),
      [
        [yesterday, 1, 1],
        [today, 2, 2],
      ],
    );
    const old = (await (await server.api(`/visits/daily?topics=${topic}&from=2001-01-01&to=2001-01-31`)).json()) as {
      items: unknown[];
    };
    assert.deepEqual(old.items, []);
    for (const query of ['from=2026-02-30', 'from=2026-03-02&to=2026-03-01', 'from=2024-01-01&to=2026-01-01', 'from=yesterday']) {
      assert.equal((await server.api(`/visits/daily?${query}`)).status, 400, query);
    }
  });

  test('top products from product:SKU topics, most viewed first', async () => {
    const [hot, warm] = [randomId('SKU-HOT'), randomId('SKU-WARM')];
    const events = [
      ...Array.from({ length: 30 }, (_, i) => ({ topic: `product:${hot}`, visitorId: `v${i % 3}`, at: server.clock.now })),
      ...Array.from({ length: 25 }, () => ({ topic: `product:${warm}`, visitorId: 'w', at: server.clock.now })),
      { topic: 'site', visitorId: 'v', at: server.clock.now },
    ];
    await send({ events });
    const { items } = (await (await server.api('/visits/top-products?limit=50')).json()) as { items: ProductVisits[] };
    const mine = items.filter((item) => item.sku === hot || item.sku === warm);
    assert.deepEqual(mine, [
      { sku: hot, pageViews: 30, uniqueVisitors: 3 },
      { sku: warm, pageViews: 25, uniqueVisitors: 1 },
    ]);
    assert.ok(!items.some((item) => item.sku === 'site' || item.sku === ''));
    assert.equal((await server.api('/visits/top-products?limit=51')).status, 400);
    const one = (await (await server.api('/visits/top-products?limit=1')).json()) as { items: unknown[] };
    assert.equal(one.items.length, 1);
  });

  test('deletes salts older than 48 h and the hashes of days no longer counted; yesterday stays', async () => {
    const topic = randomId('salt');
    const real = server.clock.now;
    // Noon in the shop's time zone, so "a day later" is the next calendar day whatever the hour.
    const start = Date.parse(`${dayOf(real, 'Asia/Shanghai')}T12:00:00+08:00`);
    server.clock.now = start;
    await send({ events: [{ topic, visitorId: 'same', at: start }] });
    const firstDay = dayOf(start, 'Asia/Shanghai');
    assert.ok(await server.db.selectFrom('visit_salts').select('day').where('day', '=', firstDay).executeTakeFirst());
    try {
      server.clock.now = start + 24 * HOUR;
      await send({ events: [{ topic, visitorId: 'same', at: server.clock.now }] });
      assert.ok(
        await server.db.selectFrom('visit_salts').select('day').where('day', '=', firstDay).executeTakeFirst(),
        'yesterday keeps its salt',
      );
      server.clock.now = start + 49 * HOUR;
      await send({ events: [{ topic, visitorId: 'same', at: server.clock.now }] });
      const salts = await server.db.selectFrom('visit_salts').selectAll().execute();
      assert.ok(!salts.some((salt) => salt.day === firstDay), 'the first day salt is gone');
      assert.ok(salts.every((salt) => Number(salt.created_at) >= server.clock.now - 48 * HOUR));
      const seenOld = await server.db.selectFrom('visit_seen').select('day').where('day', '=', firstDay).execute();
      assert.deepEqual(seenOld, []);
      // The same visitor on later days is a visitor of each day: counts only go up.
      assert.deepEqual(await stats(topic), [[3, 3]]);
    } finally {
      server.clock.now = real;
    }
  });
});
