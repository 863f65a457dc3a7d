// The demo as a newcomer sees it after `npm start`, and the one-file bundle in a plain page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, screenshotPath, shadowText, startDemo } from './harness.mjs';

let demo;
before(async () => {
  demo = await startDemo();
});
after(async () => {
  await demo?.close();
});

describe('demo page', () => {
  it('connects the store, shows the catalog count and saves to IndexedDB, with no errors', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await openPage(context, `${demo.origin}/`);
    await page.waitForFunction(() => document.querySelector('#kit sf-store-status')?.shadowRoot?.textContent?.includes('件商品'));
    const about = await shadowText(page, '#kit sf-store-status');
    assert.match(about, /商店已连接/);
    assert.match(about, /共 46 件商品/);
    assert.match(about, /购物车已保存在本机浏览器中/);
    await page.screenshot({ path: screenshotPath('demo'), fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('has no WCAG 2.1 A/AA violations that axe finds, shadow roots included', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await openPage(context, `${demo.origin}/`);
    await page.waitForFunction(() =>
      document.querySelector('#shop sf-product-grid')?.shadowRoot?.querySelector('sf-product-card'),
    );
    await page.waitForFunction(() => document.querySelector('#kit sf-store-status')?.shadowRoot?.textContent?.includes('件商品'));
    await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
    const violations = await page.evaluate(async () => {
      const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
      const { violations } = await window.axe.run(document, { runOnly: { type: 'tag', values: tags } });
      return violations.map(
        (rule) => `${rule.id} (${rule.impact}): ${rule.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
    });
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('searches from the header: Chinese suggestions, then the grid shows the results', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await openPage(context, `${demo.origin}/`);
    const input = page.locator('header sf-search-box input');
    await input.click();
    await input.pressSequentially('短袖');
    const option = page.locator('header sf-search-box [role="option"]').first();
    await option.waitFor();
    assert.match(await option.textContent(), /短袖/);
    await page.screenshot({ path: screenshotPath('demo-search'), clip: { x: 0, y: 0, width: 1280, height: 600 } });
    await input.press('Enter');
    await page.waitForFunction(() =>
      document.querySelector('#shop sf-product-grid')?.shadowRoot?.textContent?.includes('“短袖”的搜索结果'),
    );
    const titles = await page.$$eval('#shop sf-product-grid', ([grid]) =>
      [...grid.shadowRoot.querySelectorAll('sf-product-card')].map((card) => card.product.title),
    );
    assert.ok(titles.length > 0 && titles.every((title) => title.includes('短袖')), titles.join(', '));
    // Pinyin through the lazy table chunk of the bundle.
    await input.fill('');
    await input.pressSequentially('duanxiu');
    await page.locator('header sf-search-box [role="option"]').first().waitFor();
    assert.match(await page.locator('header sf-search-box [role="option"]').first().textContent(), /短袖/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('shows the deals: a flash-sale countdown and a group buy', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await openPage(context, `${demo.origin}/#deals`);
    await page.waitForFunction(() =>
      document.querySelector('sf-product-card[sku="SI-BUD-001"]')?.shadowRoot?.textContent?.includes('¥299'),
    );
    const sale = await shadowText(page, 'sf-product-card[sku="SI-BUD-001"]');
    assert.match(sale, /¥399/);
    assert.match(sale, /\d{2}:\d{2}:\d{2}/);
    await page.waitForFunction(() =>
      document.querySelector('sf-product-card[sku="CC-HOD-001"]')?.shadowRoot?.querySelector('[role="progressbar"], progress'),
    );
    await page.locator('#deals').screenshot({ path: screenshotPath('demo-deals') });
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('buys: add from a card, the header badge counts, the drawer checks out, the order is tracked', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, problems } = await openPage(context, `${demo.origin}/`);
    await page.locator('sf-product-card[sku="SI-BUD-001"] button[part~="button"]').click();
    await page.waitForFunction(
      () => document.querySelector('header sf-cart-button')?.shadowRoot?.querySelector('[part="badge"]')?.dataset.count === '1',
    );
    await page.locator('header sf-cart-button [part="button"]').click();
    const drawer = page.locator('sf-cart [part="dialog"]');
    await drawer.waitFor();
    assert.match(await drawer.textContent(), /声屿 Air/);
    await page.screenshot({ path: screenshotPath('demo-cart') });
    await page.locator('sf-cart input[name="payment"]').first().check();
    await page.locator('sf-cart [part~="checkout"]').click();
    const number = page.locator('sf-cart .order-number strong');
    await number.waitFor();
    const orderNumber = (await number.textContent()).trim();
    assert.match(orderNumber, /^SF\d{11}$/);
    // Nothing but the shopper's own browser holds the order: the local adapter can track it.
    const status = await page.evaluate(async (n) => {
      const order = await document.querySelector('sf-store').storefront.adapter.orders.track(n, 'vip@example.com');
      return order?.status ?? null;
    }, orderNumber);
    assert.ok(status === null || status === 'placed');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('shares one cart between two tabs', async () => {
    const context = await demo.browser.newContext();
    const { page: first } = await openPage(context, `${demo.origin}/`);
    const { page: second } = await openPage(context, `${demo.origin}/`);
    const ready = (page) =>
      page.evaluate(() =>
        document
          .querySelector('sf-store')
          .whenReady()
          .then(() => true),
      );
    await Promise.all([ready(first), ready(second)]);
    await second.evaluate(() => {
      window.seen = [];
      document.querySelector('sf-store').storefront.cart.subscribe((lines) => window.seen.push(lines.length));
    });
    await first.evaluate(() => document.querySelector('sf-store').storefront.cart.add('CC-TEE-001', 2));
    await second.waitForFunction(() => window.seen.at(-1) === 1);
    const count = await second.evaluate(() => document.querySelector('sf-store').storefront.cart.count());
    assert.equal(count, 2);
    await context.close();
  });
});

describe('small loader', () => {
  it('starts with <sf-store> and loads each element the page uses when it appears', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1100, height: 800 } });
    const { page, problems } = await openPage(context, `${demo.origin}/test/e2e/pages/loader.html`);
    await page.waitForFunction(
      () => document.querySelector('sf-product-grid')?.shadowRoot?.querySelectorAll('sf-product-card').length === 6,
    );
    const defined = (tags) => page.evaluate((list) => list.map((tag) => Boolean(customElements.get(tag))), tags);
    // Each element's chunk arrives on its own: wait for the ones the page uses.
    await page.waitForFunction(() => ['sf-search-box', 'sf-cart-button', 'sf-cart'].every((tag) => customElements.get(tag)));
    assert.deepEqual(await defined(['sf-store', 'sf-search-box', 'sf-cart-button', 'sf-cart', 'sf-product-grid']), [
      true,
      true,
      true,
      true,
      true,
    ]);
    // Not on the page: not downloaded.
    assert.deepEqual(await defined(['sf-account', 'sf-add-to-cart']), [false, false]);
    // Added later by the page: loaded then.
    await page.evaluate(() => {
      const button = document.createElement('sf-add-to-cart');
      button.setAttribute('sku', 'CC-TEE-001');
      document.querySelector('sf-store').append(button);
    });
    await page.waitForFunction(() => document.querySelector('sf-add-to-cart')?.shadowRoot?.querySelector('button'));
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('blog bundle', () => {
  it('shows one product card from dist/storefront-card.js', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 800, height: 700 } });
    const { page, problems } = await openPage(context, `${demo.origin}/test/e2e/pages/blog.html`);
    await page.waitForFunction(() => document.querySelector('sf-product-card')?.shadowRoot?.textContent?.includes('¥'));
    assert.match(await shadowText(page, 'sf-product-card'), /纯棉/);
    const defined = await page.evaluate(() =>
      ['sf-store', 'sf-product-card', 'sf-product-grid'].map((tag) => Boolean(customElements.get(tag))),
    );
    assert.deepEqual(defined, [true, true, false]);
    await page.screenshot({ path: screenshotPath('blog') });
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe('one-file bundle in a plain page', () => {
  it('registers the elements and exports the API', async () => {
    const context = await demo.browser.newContext();
    const { page, problems } = await openPage(context, `${demo.origin}/test/e2e/pages/plain.html`);
    const result = await page.waitForFunction(() => window.result).then((handle) => handle.jsonValue());
    assert.equal(result.total, 46);
    assert.equal(result.persistent, true);
    assert.equal(result.money, '¥1,299.00');
    assert.deepEqual(result.defined, {
      'sf-store': true,
      'sf-store-status': true,
      'sf-product-card': true,
      'sf-product-grid': true,
      'sf-search-box': true,
    });
    assert.ok(result.pinyin.length > 0 && result.pinyin.every((sku) => sku.startsWith('CC-')), String(result.pinyin));
    // A widget with no store on the page explains itself instead of staying blank.
    await page.waitForFunction(() => document.querySelector('sf-store-status').shadowRoot.textContent.includes('未找到商店'));
    // The page's hostile `* { color: red !important; ... }` does not reach inside.
    const style = await page.$eval('sf-store-status', (element) => {
      const title = element.shadowRoot.querySelector('.notice-title');
      const { color, lineHeight, fontFamily, letterSpacing } = getComputedStyle(title);
      return { color, lineHeight, serif: fontFamily === 'serif', letterSpacing };
    });
    assert.deepEqual(style, { color: 'rgb(31, 35, 40)', lineHeight: '22.5px', serif: false, letterSpacing: 'normal' });
    assert.deepEqual(problems, []);
    await context.close();
  });
});
