// npm run bench:cart — the cart benchmark. Each part returns a Markdown section; this file
// prints them and writes bench/results/cart.md. Reports figures; exits non-zero only when the
// two-tab part loses an update (a correctness failure, not a slow run).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { format, resolveConfig } from 'prettier';
import { benchPricing, pricingMarkdown } from './pricing.mjs';
import { benchTabs, tabsMarkdown } from './tabs.mjs';

const sections = [];
// Other work on the machine slows every figure down: the report says how busy it was.
const loadAtStart = loadavg()[0];

// Part 1: pricing (priceCart over 10,000 random carts).
const pricing = await benchPricing({ carts: 10_000, runs: 5 });
sections.push(pricingMarkdown(pricing));

// Part 2: two tabs writing the cart at once (500 add/remove operations each), in Chromium.
const tabs = await benchTabs({ opsPerTab: 500, runs: 3 });
sections.push(tabsMarkdown(tabs));

const date = new Date().toISOString().slice(0, 10);
const target = new URL('../results/cart.md', import.meta.url);
// Formatted with the repository's Prettier settings, so `prettier --check .` stays clean.
const markdown = await format(
  [
    '# Cart benchmark',
    '',
    `${date}, Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; ` +
      `load average (1 min) ${loadAtStart.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end.`,
    '',
    ...sections,
  ].join('\n'),
  { ...(await resolveConfig(target)), parser: 'markdown' },
);
console.log(markdown);
mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
writeFileSync(target, markdown);

const lost = tabs.results.reduce((sum, run) => sum + run.lost + run.extra, 0);
if (lost > 0) {
  console.error(`The two-tab cart lost or invented ${lost} units.`);
  process.exitCode = 1;
}
