// The two-tab half of the cart benchmark: two pages of one origin (one browser context, so one
// IndexedDB and one BroadcastChannel) run the SDK's cart over the local adapter and each perform
// 500 add/remove operations at the same time. Then the final cart is compared with what the
// operations add up to: every unit counted, nothing lost, nothing extra. Reports figures.
import { build } from 'esbuild';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = 20;
const PRIVATE = 10;

const sku = (i) => `SKU-${String(i).padStart(2, '0')}`;

/** Small deterministic PRNG (mulberry32), so every run performs the same operations. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` operations for tab `tab` (0 or 1): 60% add 1-3 units of a sku both tabs add to, 40% add
 * to or remove a line only this tab touches. Adds commute and each tab's own lines follow its own
 * order, so the final cart is known in advance whatever the interleaving.
 */
export function tabOps(tab, count, seed = 2026) {
  const next = random(seed + tab);
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  return Array.from({ length: count }, () => {
    if (next() < 0.6) return { kind: 'add', sku: sku(int(0, SHARED - 1)), quantity: int(1, 3) };
    const own = sku(SHARED + tab * PRIVATE + int(0, PRIVATE - 1));
    return next() < 0.65 ? { kind: 'add', sku: own, quantity: int(1, 3) } : { kind: 'remove', sku: own };
  });
}

/** The cart the operations of both tabs must leave, as sku -> quantity. */
export function expectedCart(opsByTab) {
  const cart = new Map();
  for (const ops of opsByTab) {
    for (const op of ops) {
      if (op.kind === 'add') cart.set(op.sku, (cart.get(op.sku) ?? 0) + op.quantity);
      else cart.delete(op.sku);
    }
  }
  return cart;
}

async function bundle() {
  const result = await build({
    entryPoints: [`${ROOT}bench/cart/page.ts`],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    tsconfig: `${ROOT}tsconfig.json`,
    write: false,
    splitting: true,
    outdir: 'out',
    minify: true,
    logLevel: 'silent',
  });
  return new Map(result.outputFiles.map((file) => [`/${file.path.split('/out/')[1]}`, file.contents]));
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** `runs` fresh runs of two tabs x `opsPerTab` operations; the figures of each run. */
export async function benchTabs({ opsPerTab = 500, runs = 3 } = {}) {
  const files = await bundle();
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (path === '/') {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end('<!doctype html><html lang="zh-CN"><body><script type="module" src="/page.js"></script></body></html>');
      return;
    }
    const body = files.get(path);
    response.statusCode = body ? 200 : 404;
    if (body) response.setHeader('content-type', 'text/javascript');
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? findChrome() ?? '/usr/bin/chromium',
    args: [
      ...CHROME_ARGS,
      // Two tabs side by side are both "visible": no background-tab timer throttling.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
    ],
  });
  const results = [];
  try {
    const ops = [tabOps(0, opsPerTab), tabOps(1, opsPerTab)];
    const expected = expectedCart(ops);
    for (let run = 0; run < runs; run += 1) {
      // A fresh context per run: empty IndexedDB, the same origin for both pages.
      const context = await browser.newContext();
      const pages = [await context.newPage(), await context.newPage()];
      for (const page of pages) {
        page.on('pageerror', (error) => console.error('page error:', error.message));
        await page.goto(url);
        await page.waitForFunction(() => typeof window.runOps === 'function');
        await page.evaluate(() => window.benchReady);
      }
      const start = performance.now();
      const done = await Promise.all(pages.map((page, tab) => page.evaluate((list) => window.runOps(list), ops[tab])));
      const totalMs = performance.now() - start;
      // Let the last change reach the other tab, then read both tabs' carts.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const finals = await Promise.all(pages.map((page) => page.evaluate(() => window.finalCart())));
      const actual = new Map(finals[0].lines);
      let lost = 0;
      let extra = 0;
      for (const key of new Set([...expected.keys(), ...actual.keys()])) {
        const difference = (expected.get(key) ?? 0) - (actual.get(key) ?? 0);
        if (difference > 0) lost += difference;
        else extra -= difference;
      }
      const sameInBothTabs = JSON.stringify(finals[0].lines) === JSON.stringify(finals[1].lines);
      const latencies = done.flatMap((tab) => tab.latencies).sort((a, b) => a - b);
      results.push({
        totalMs,
        opsPerSecond: (ops[0].length + ops[1].length) / (totalMs / 1000),
        medianMs: percentile(latencies, 50),
        p95Ms: percentile(latencies, 95),
        maxMs: latencies.at(-1),
        lost,
        extra,
        failures: done.flatMap((tab) => tab.failures),
        sameInBothTabs,
        viewsMatch: finals.every((final) => final.viewCount === [...expected.values()].reduce((a, b) => a + b, 0)),
        views: finals.map((final) => final.views),
        units: [...actual.values()].reduce((a, b) => a + b, 0),
        expectedUnits: [...expected.values()].reduce((a, b) => a + b, 0),
        lines: actual.size,
      });
      await context.close();
    }
    return { opsPerTab, runs, chromium: browser.version(), results };
  } finally {
    await browser.close();
    server.close();
  }
}

/** The Markdown section for bench/results/cart.md. */
export function tabsMarkdown(result) {
  const ms = (value) => `${value.toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ms`;
  const sorted = [...result.results].sort((a, b) => a.totalMs - b.totalMs);
  const median = sorted[Math.floor(sorted.length / 2)];
  const lost = result.results.reduce((sum, run) => sum + run.lost, 0);
  const extra = result.results.reduce((sum, run) => sum + run.extra, 0);
  const failures = result.results.reduce((sum, run) => sum + run.failures.length, 0);
  const agree = result.results.every((run) => run.sameInBothTabs && run.viewsMatch);
  const total = result.opsPerTab * 2;
  return [
    '## Two tabs (`cart.add` / `cart.remove` from two pages at once)',
    '',
    `Two pages of one origin in Chromium ${result.chromium} (one browser context: one IndexedDB, one BroadcastChannel), ` +
      `each running the SDK over the local adapter with a cart view subscribed (as a mounted \`<sf-cart>\` is), perform ` +
      `${result.opsPerTab} operations each at the same time, one after another per page (${total.toLocaleString('en')} in all): ` +
      `60% add 1-3 units of one of ${SHARED} skus both pages add to, 40% add to or remove a line only that page touches. ` +
      'The final cart is then compared with what the operations add up to. ' +
      `${result.runs} runs, each in a fresh browser context; the time columns are of the run with the median total time.`,
    '',
    '| measure | result |',
    '| --- | ---: |',
    `| total time for ${total.toLocaleString('en')} operations (median run) | ${ms(median.totalMs)} |`,
    `| throughput (median run) | ${Math.round(median.opsPerSecond).toLocaleString('en')} ops/s |`,
    `| one operation: median / p95 / worst | ${ms(median.medianMs)} / ${ms(median.p95Ms)} / ${ms(median.maxMs)} |`,
    `| total time, every run | ${result.results.map((run) => ms(run.totalMs)).join(', ')} |`,
    `| lost updates (units missing from the final cart, all runs) | **${lost}** |`,
    `| units in the final cart that no operation put there (all runs) | ${extra} |`,
    `| operations refused (all runs) | ${failures} |`,
    `| both tabs show the same lines and their views the expected count | ${agree ? 'yes' : '**no**'} |`,
    `| final cart | ${median.lines} lines, ${median.units.toLocaleString('en')} units (expected ${median.expectedUnits.toLocaleString('en')}) |`,
    `| cart views delivered per tab (median run) | ${median.views.join(' / ')} |`,
    '',
  ].join('\n');
}
