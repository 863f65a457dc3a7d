// The whole shop on the real reference server (PGlite, as `npm start` runs it), driven by two
// browser contexts as two shoppers, and by the staff through the staff API.
/* global storefront */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome.mjs';
import { openPage, screenshotPath, shadowText } from './harness.mjs';
import { startStaticServer } from '../../server/static-server.mjs';
import { SHOPPER_UA, startReferenceServer } from './server-harness.mjs';

let server;
let browser;
before(async () => {
  // As `npm start` runs it: widgets may be embedded on any origin.
  server = await startReferenceServer({ ALLOWED_ORIGINS: '*' });
  browser = await chromium.launch({ executablePath: findChrome() ?? '/usr/bin/chromium', args: CHROME_ARGS });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** A shopper: a fresh browser context on the server's demo page, with the SDK at hand. */
async function shopper(name = 'shopper') {
  const context = await browser.newContext({ userAgent: SHOPPER_UA, locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  const { page, problems } = await openPage(context, `${server.url}/`);
  // The page's own SDK from the one-file bundle, on the REST adapter, in a store of its own.
  await page.evaluate(async (storeId) => {
    const kit = await import('/dist/storefront-elements.js');
    const storefront = kit.createStorefront({
      adapter: new kit.RestAdapter({ endpoint: `${location.origin}/api` }),
      storeId,
    });
    await storefront.ready;
    Object.assign(window, { kit, storefront });
  }, `e2e-${name}-${unique()}`);
  return { context, page, problems };
}

describe('the demo on the reference server (npm start)', () => {
  it('shows the catalog from the server and keeps the cart in IndexedDB, with no errors', async () => {
    const { context, page, problems } = await shopper('demo');
    await page.waitForFunction(() => document.querySelector('#kit sf-store-status')?.shadowRoot?.textContent?.includes('件商品'));
    const about = await shadowText(page, '#kit sf-store-status');
    assert.match(about, /商店已连接/);
    assert.match(about, /共 46 件商品/);
    const adapterName = await page.evaluate(() => document.querySelector('sf-store').storefront?.adapter.name);
    assert.equal(adapterName, 'rest', 'the demo served by the server talks to it');
    await page.screenshot({ path: screenshotPath('server-demo'), fullPage: false });
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('a widget on a page of another origin', () => {
  it('shows a product card from the one-file bundle and the API of the shop, both across origins', async () => {
    const blog = await startStaticServer({ root: '.', port: 0, allow: ['/test/e2e/pages/'] });
    try {
      const context = await browser.newContext({ userAgent: SHOPPER_UA });
      const { page, problems } = await openPage(
        context,
        `http://localhost:${blog.address().port}/test/e2e/pages/other-origin.html?shop=${encodeURIComponent(server.url)}`,
      );
      await page.waitForFunction(() => document.querySelector('sf-product-card')?.shadowRoot?.textContent?.includes('¥'), null, {
        timeout: 20_000,
      });
      assert.match(await shadowText(page, 'sf-product-card'), /声屿/);
      assert.deepEqual(problems, []);
      await context.close();
    } finally {
      await new Promise((resolve) => blog.close(resolve));
    }
  });
});

describe('guestbook across two shoppers and the staff', () => {
  it('shows a message posted in one context in the other, then the staff reply under it', async () => {
    const topic = `product:e2e-${unique()}`;
    const a = await shopper('a');
    const b = await shopper('b');
    const body = `<script>alert(1)</script> 质量很好 ${unique()}`;
    const posted = await a.page.evaluate(
      ({ topic, body }) =>
        storefront.adapter.guestbook.post({ topic, author: '小王', body, fillMs: 8000 }, { idempotencyKey: crypto.randomUUID() }),
      { topic, body },
    );
    assert.equal(posted.body, body, 'hostile text is kept verbatim');
    const seen = await b.page.evaluate((topic) => storefront.adapter.guestbook.list(topic), topic);
    assert.deepEqual(
      seen.entries.map((entry) => entry.body),
      [body],
    );

    await server.staff(`/staff/guestbook/${encodeURIComponent(posted.id)}/replies`, {
      method: 'POST',
      headers: { 'idempotency-key': `reply-${unique()}` },
      body: JSON.stringify({ body: '感谢您的支持！' }),
    });
    const after = await a.page.evaluate((topic) => storefront.adapter.guestbook.list(topic), topic);
    assert.equal(after.entries[0].replies.length, 1);
    assert.equal(after.entries[0].replies[0].body, '感谢您的支持！');
    assert.equal(after.entries[0].replies[0].staff, true);
    assert.deepEqual([...a.problems, ...b.problems], []);
    await a.context.close();
    await b.context.close();
  });

  it('sends a post made offline once when the network returns', async () => {
    const topic = `site-e2e-${unique()}`;
    const { context, page, problems } = await shopper('offline');
    await context.setOffline(true);
    const body = `离线时写的留言 ${unique()}`;
    const first = await page.evaluate(
      ({ topic, body }) =>
        storefront.outbox.submit({ kind: 'guestbook.post', payload: { topic, author: '离线用户', body, fillMs: 8000 } }),
      { topic, body },
    );
    assert.equal(first.status, 'queued', 'offline: kept in the outbox');
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForFunction(async () => (await storefront.outbox.pending()).length === 0, null, { timeout: 30_000 });
    // Reload (a second page load must not send it again), then count what the server holds.
    await page.reload();
    await page.waitForTimeout(1500);
    const listed = await (await fetch(`${server.url}/api/guestbook?topic=${encodeURIComponent(topic)}`)).json();
    assert.deepEqual(
      listed.items.map((entry) => entry.body),
      [body],
      'sent exactly once',
    );
    assert.deepEqual(
      problems.filter((problem) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::/.test(problem)),
      [],
    );
    await context.close();
  });
});

describe('visits', () => {
  it('counts two contexts as two unique visitors, and drops a headless bot', async () => {
    const topic = `e2e-visits-${unique()}`;
    const visit = (page) =>
      page.evaluate(
        (topic) =>
          storefront.adapter.visits.record([{ topic, visitorId: crypto.randomUUID(), at: Date.now() }], {
            idempotencyKey: crypto.randomUUID(),
          }),
        topic,
      );
    const a = await shopper('visit-a');
    const b = await shopper('visit-b');
    await visit(a.page);
    await visit(b.page);
    await visit(b.page);
    // Headless Chromium's own user agent is a bot's: counted by nobody.
    const botContext = await browser.newContext();
    const bot = await botContext.newPage();
    await bot.goto(`${server.url}/`);
    await bot.evaluate(
      (topic) =>
        fetch('/api/visits', {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({ key: crypto.randomUUID(), events: [{ topic, visitorId: 'bot', at: Date.now() }] }),
        }),
      topic,
    );
    const [stats] = await a.page.evaluate((topic) => storefront.adapter.visits.stats([topic]), topic);
    assert.deepEqual([stats.pageViews, stats.uniqueVisitors], [3, 3]);
    await Promise.all([a.context.close(), b.context.close(), botContext.close()]);
  });
});

describe('newsletter', () => {
  it('confirms a sign-up with the token from the mail, through the page the link opens', async () => {
    const email = `reader-${unique()}@example.com`;
    const { context, page } = await shopper('newsletter');
    const answer = await page.evaluate(
      (email) =>
        storefront.adapter.newsletter.subscribe(
          { email, list: 'news', consent: true },
          {
            idempotencyKey: crypto.randomUUID(),
          },
        ),
      email,
    );
    assert.deepEqual(answer, { email, list: 'news', status: 'pending' });
    assert.ok(!JSON.stringify(answer).includes('token'));
    const mail = await server.staff(`/staff/mail?to=${encodeURIComponent(email)}`);
    assert.equal(mail.items.length, 1);
    const link = /https?:\/\/\S+\/newsletter\/confirm\?token=[\w-]+/.exec(mail.items[0].text)?.[0];
    assert.ok(link, mail.items[0].text);
    assert.match(mail.items[0].headers['List-Unsubscribe-Post'] ?? mail.items[0].headers['list-unsubscribe-post'], /One-Click/);
    // Opening the link (as a mail scanner would) changes nothing; the button confirms.
    await page.goto(link.replace(/^https?:\/\/[^/]+/, server.url));
    let subscribers = await server.staff(`/staff/subscribers?list=news`);
    assert.equal(subscribers.items.find((row) => row.email === email)?.status, 'pending');
    await page.locator('button[type="submit"], form button').first().click();
    await page.waitForLoadState('load');
    subscribers = await server.staff(`/staff/subscribers?list=news`);
    assert.equal(subscribers.items.find((row) => row.email === email)?.status, 'confirmed');
    await context.close();
  });
});

describe('orders', () => {
  it('places an order from the cart, pays on the server page, and tracks it through shipping', async () => {
    const { context, page, problems } = await shopper('order');
    const contact = `buyer-${unique()}@example.com`;
    const session = await page.evaluate(async (contact) => {
      await storefront.cart.add('CC-TEE-001', 2);
      const [method] = await storefront.paymentMethods();
      return storefront.checkout({ paymentMethod: method.id, contact });
    }, contact);
    assert.match(session.orderNumber, /^SF\d+/);
    const placed = await page.evaluate(({ number, contact }) => storefront.adapter.orders.track(number, contact), {
      number: session.orderNumber,
      contact,
    });
    assert.equal(placed.status, 'placed');

    await page.goto(new URL(session.url, server.url).href);
    await page.screenshot({ path: screenshotPath('server-payment-page') });
    await page.locator('form button, button[type="submit"]').first().click();
    await page.waitForLoadState('load');
    assert.match(await page.textContent('body'), new RegExp(session.orderNumber));
    await page.goto(`${server.url}/`);
    await page.evaluate(async () => {
      const kit = await import('/dist/storefront-elements.js');
      window.storefront = kit.createStorefront({
        adapter: new kit.RestAdapter({ endpoint: `${location.origin}/api` }),
        storeId: 'e2e-track',
      });
    });
    const track = () =>
      page.evaluate(({ number, contact }) => storefront.adapter.orders.track(number, contact), {
        number: session.orderNumber,
        contact,
      });
    assert.equal((await track()).status, 'paid');

    await server.staff(`/staff/orders/${session.orderNumber}/status`, {
      method: 'POST',
      headers: { 'idempotency-key': `ship-${unique()}` },
      body: JSON.stringify({ status: 'shipped', carrier: '顺丰速运', trackingNumber: 'SF1234567890' }),
    });
    const shipped = await track();
    assert.equal(shipped.status, 'shipped');
    assert.equal(shipped.carrier, '顺丰速运');
    assert.deepEqual(
      shipped.timeline.map((event) => event.status),
      ['placed', 'paid', 'shipped'],
    );
    assert.deepEqual(
      problems.filter((problem) => !/favicon/.test(problem)),
      [],
    );
    await context.close();
  });

  it('prices a tampered checkout on the server: a moved total is a conflict carrying the real one', async () => {
    const [method] = (await (await fetch(`${server.url}/api/payment-methods`)).json()).items;
    const response = await fetch(`${server.url}/api/checkout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `tamper-${unique()}` },
      body: JSON.stringify({
        lines: [{ sku: 'CC-TEE-001', quantity: 3 }],
        paymentMethod: method.id,
        contact: `t-${unique()}@example.com`,
        expectedTotal: { amount: 1, currency: 'CNY' },
      }),
    });
    assert.equal(response.status, 409);
    assert.match(response.headers.get('content-type'), /application\/problem\+json/);
    const problem = await response.json();
    assert.equal(problem.code, 'conflict');
    const actual = problem.detail?.actual ?? problem.actual;
    assert.ok(actual && actual.amount > 1, JSON.stringify(problem));
  });
});
