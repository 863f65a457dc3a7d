// The pricing half of the cart benchmark: 10,000 random carts priced with priceCart (src/cart/pricing.ts,
// bundled by esbuild), median ns per cart over 5 runs. Reports figures; asserts nothing.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** priceCart from the TypeScript source, bundled in memory and imported from a data: URL. */
export async function loadPricing() {
  const result = await build({
    stdin: { contents: "export * from './src/cart/pricing.ts';", resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/** Small deterministic PRNG (mulberry32), so every run prices the same carts. */
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

const NOW = Date.UTC(2026, 10, 11, 12);
const HOUR = 3_600_000;
const cny = (amount) => ({ amount, currency: 'CNY' });

// The demo's promotions (VIP 5%, 满199减20 / 满399减50, ¥1 换购, ¥10 shipping free from ¥99) plus a 双11 campaign VIP.
const PROMOTIONS = [
  { kind: 'vip', id: 'vip', tiers: { vip: 500 } },
  { kind: 'vip', id: 'vip-1111', tiers: { vip: 300, member: 200 }, campaign: true },
  {
    kind: 'threshold',
    id: 'full-reduction',
    tiers: [
      { threshold: cny(19900), discount: cny(2000) },
      { threshold: cny(39900), discount: cny(5000) },
    ],
  },
  { kind: 'add-on', id: 'add-on-socks', threshold: cny(19900), sku: 'SKU-0', price: cny(100) },
  { kind: 'shipping', id: 'shipping', fee: cny(1000), freeThreshold: cny(9900) },
];

/** `count` carts of 1-8 lines drawn from a 200-product catalog, a third with a live flash sale. */
export function randomCarts(count, seed = 1111) {
  const next = random(seed);
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const catalog = Array.from({ length: 200 }, (_, i) => {
    const price = int(100, 200_000);
    const product = { id: `p${i}`, sku: `SKU-${i}`, title: `商品 ${i}`, price: cny(price), freeShipping: next() < 0.2 };
    if (next() < 0.33) {
      product.flashSale = {
        price: cny(Math.floor((price * int(4000, 9500)) / 10000)),
        startsAt: NOW - int(0, 2) * HOUR,
        endsAt: NOW + int(-1, 2) * HOUR,
        campaign: next() < 0.3,
      };
    }
    return product;
  });
  const members = [undefined, { tier: 'member' }, { tier: 'vip' }, { tier: 'vip', shippingCard: true }];
  return Array.from({ length: count }, () => ({
    lines: Array.from({ length: int(1, 8) }, () => ({ product: catalog[int(0, catalog.length - 1)], quantity: int(1, 5) })),
    promotions: PROMOTIONS,
    member: members[int(0, members.length - 1)],
    now: NOW,
  }));
}

/** Median ns per cart over `runs` passes of pricing every cart (after one warm-up pass). */
export async function benchPricing({ carts = 10_000, runs = 5 } = {}) {
  const { priceCart } = await loadPricing();
  const inputs = randomCarts(carts);
  let sink = 0;
  const pass = () => {
    const start = process.hrtime.bigint();
    for (const input of inputs) sink += priceCart(input).total.amount;
    return Number(process.hrtime.bigint() - start) / inputs.length;
  };
  pass();
  const samples = Array.from({ length: runs }, pass).sort((a, b) => a - b);
  const lines = inputs.reduce((sum, input) => sum + input.lines.length, 0);
  return {
    carts,
    runs,
    linesPerCart: lines / carts,
    nsPerCart: samples[Math.floor(samples.length / 2)],
    minNs: samples[0],
    maxNs: samples[samples.length - 1],
    checksum: sink,
  };
}

/** The Markdown section for bench/results/cart-pricing.md. */
export function pricingMarkdown(result) {
  const ns = (value) => `${Math.round(value).toLocaleString('en')} ns`;
  return [
    '## Pricing (`priceCart`)',
    '',
    `${result.carts.toLocaleString('en')} random carts (1-8 lines, ${result.linesPerCart.toFixed(1)} on average; flash sales, ` +
      'VIP and campaign VIP, 满减, 换购, shipping), every cart priced once per run; median of ' +
      `${result.runs} runs after a warm-up run.`,
    '',
    '| measure | per cart |',
    '| --- | ---: |',
    `| median | ${ns(result.nsPerCart)} |`,
    `| fastest run | ${ns(result.minNs)} |`,
    `| slowest run | ${ns(result.maxNs)} |`,
    '',
  ].join('\n');
}
