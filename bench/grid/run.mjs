// npm run bench:grid — the product grid with 10,000 products in headless Chromium: script time
// (Chrome DevTools Protocol Performance.getMetrics, ScriptDuration) of the first render and of
// every scroll step, against the 16 ms frame budget. Reports figures; asserts nothing.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { format, resolveConfig } from 'prettier';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome.mjs';

const COUNT = Number(process.argv[process.argv.indexOf('--n') + 1]) || 10000;
const STEPS = 60;

const bundle = await build({
  entryPoints: ['bench/grid/page.ts'],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  tsconfig: 'tsconfig.json',
  write: false,
  splitting: true,
  outdir: 'out',
  minify: true,
});
const files = new Map(bundle.outputFiles.map((file) => [`/${file.path.split('/out/')[1]}`, file.contents]));
const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://x').pathname;
  if (path === '/') {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(
      '<!doctype html><html lang="zh-CN"><body style="margin:0;width:1280px"><script type="module" src="/page.js"></script></body></html>',
    );
    return;
  }
  const body = files.get(path);
  if (!body) {
    response.statusCode = 404;
    response.end();
    return;
  }
  response.setHeader('content-type', 'text/javascript');
  response.end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? findChrome() ?? '/usr/bin/chromium',
  args: CHROME_ARGS,
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const scriptMs = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'ScriptDuration').value * 1000;
  };
  page.on('console', (message) => message.type() === 'error' && console.error('page:', message.text()));
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(url);
  await page.waitForFunction(() => typeof window.mountGrid === 'function');

  const cardsInDom = () =>
    page.evaluate(() => document.querySelector('sf-product-grid')?.shadowRoot?.querySelectorAll('sf-product-card').length ?? 0);
  const before = await scriptMs();
  const startWall = Date.now();
  await page.evaluate((count) => window.mountGrid(count), COUNT);
  await page.waitForFunction(
    () =>
      (document.querySelector('sf-product-grid')?.shadowRoot?.querySelectorAll('sf-product-card').length ?? 0) > 0 &&
      !!document.querySelector('sf-product-grid')?.shadowRoot?.querySelector('.virtual-grid'),
    null,
    { timeout: 30000 },
  );
  // Let the cards of the first screen finish rendering.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const firstRender = (await scriptMs()) - before;
  const firstWall = Date.now() - startWall;
  const firstCards = await cardsInDom();

  // Scroll down a viewport at a time; each step is one frame's work for the grid.
  const steps = [];
  for (let i = 0; i < STEPS; i += 1) {
    const start = await scriptMs();
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          window.scrollBy(0, 700);
          requestAnimationFrame(() => requestAnimationFrame(resolve));
        }),
    );
    steps.push((await scriptMs()) - start);
  }
  const sorted = [...steps].sort((a, b) => a - b);
  const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  const maxCards = await cardsInDom();
  const loadedTo = await page.evaluate(() => window.scrollY);
  const chromiumVersion = await browser.version();
  const lines = [
    `# Product grid benchmark`,
    ``,
    `${new Date().toISOString().slice(0, 10)}, Chromium ${chromiumVersion}, ${execFileSync('nproc').toString().trim()} cores, ${COUNT.toLocaleString('en')} products, infinite mode, 60 per batch, viewport 1280×900.`,
    `Script time is Chromium's own ScriptDuration (DevTools Protocol), which includes the local adapter filtering and paging the catalog.`,
    ``,
    `| measure | script time |`,
    `| --- | ---: |`,
    `| first render (store ready to first screen of cards; ${firstCards} cards in the DOM; ${firstWall} ms wall) | ${firstRender.toFixed(1)} ms |`,
    `| scroll step of 700 px, median of ${STEPS} | ${pct(50).toFixed(1)} ms |`,
    `| scroll step, p95 | ${pct(95).toFixed(1)} ms |`,
    `| scroll step, worst (includes fetching the next batch) | ${sorted.at(-1).toFixed(1)} ms |`,
    `| cards in the DOM after scrolling ${loadedTo.toLocaleString('en')} px | ${maxCards} |`,
  ];
  console.log(lines.join('\n'));
  mkdirSync('bench/results', { recursive: true });
  // Formatted with the repository's Prettier settings, so `prettier --check .` stays clean.
  const target = 'bench/results/grid.md';
  writeFileSync(target, await format(lines.join('\n') + '\n', { ...(await resolveConfig(target)), filepath: target }));
} finally {
  await browser.close();
  server.close();
}
