// Shared by the end-to-end tests: the built kit served on 127.0.0.1, driven in real Chromium.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome.mjs';
import { startStaticServer } from '../../server/static-server.mjs';

export async function startDemo() {
  const server = await startStaticServer({
    root: '.',
    port: 0,
    routes: { '/': '/demo/index.html' },
    allow: ['/demo/', '/dist/', '/test/e2e/pages/'],
  });
  const browser = await chromium.launch({ executablePath: findChrome() ?? '/usr/bin/chromium', args: CHROME_ARGS });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A page that records console errors and uncaught exceptions, so a test can assert there were none. */
export async function openPage(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    // A failed resource names only its status: add which one it was.
    const where = /Failed to load resource/.test(message.text()) ? ` (${message.location().url})` : '';
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}${where}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.goto(url);
  return { page, problems };
}

/** Text of an element's shadow root, whitespace collapsed. */
export function shadowText(page, selector) {
  return page.$eval(selector, (element) => (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim());
}

export function screenshotPath(name) {
  mkdirSync('.tmp/screenshots', { recursive: true });
  return `.tmp/screenshots/${name}.png`;
}
