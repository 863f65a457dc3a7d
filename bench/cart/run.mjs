// npm run bench:cart — the cart benchmark. Each part returns a Markdown section; this file
// prints them and writes bench/results/cart-pricing.md. Reports figures; asserts nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { format, resolveConfig } from 'prettier';
import { benchPricing, pricingMarkdown } from './pricing.mjs';

const sections = [];

// Part 1: pricing (priceCart over 10,000 random carts).
const pricing = await benchPricing({ carts: 10_000, runs: 5 });
sections.push(pricingMarkdown(pricing));

// Part 2: two-tab concurrency (cart writes from two tabs) — not written yet; add its section here.

const date = new Date().toISOString().slice(0, 10);
const target = new URL('../results/cart-pricing.md', import.meta.url);
// Formatted with the repository's Prettier settings, so `prettier --check .` stays clean.
const markdown = await format(
  [
    '# Cart benchmark',
    '',
    `${date}, Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores.`,
    '',
    ...sections,
  ].join('\n'),
  { ...(await resolveConfig(target)), parser: 'markdown' },
);
console.log(markdown);
mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
writeFileSync(target, markdown);
