// The page of the cart benchmark's two-tab part: one storefront over the local adapter, with a
// cart view subscribed as a mounted <sf-cart> would be. bench/cart/tabs.mjs opens it twice.
import { LocalAdapter } from '../../src/adapter/local/local-adapter.js';
import type { Product, Promotion } from '../../src/core/types.js';
import { createStorefront } from '../../src/storefront.js';

export type Op = { kind: 'add'; sku: string; quantity: number } | { kind: 'remove'; sku: string };

const cny = (amount: number) => ({ amount, currency: 'CNY' });
const SKUS = 40;

const products: Product[] = Array.from({ length: SKUS }, (_, i) => ({
  id: `p${i}`,
  sku: `SKU-${String(i).padStart(2, '0')}`,
  title: `商品 ${i}`,
  price: cny(990 + i * 1000),
  related: [`p${(i + 1) % SKUS}`, `p${(i + 7) % SKUS}`],
}));
const promotions: Promotion[] = [
  { kind: 'vip', id: 'vip', tiers: { vip: 500 } },
  { kind: 'threshold', id: 'full-reduction', tiers: [{ threshold: cny(19900), discount: cny(2000) }] },
  { kind: 'add-on', id: 'add-on', threshold: cny(19900), sku: 'SKU-00', price: cny(100) },
  { kind: 'shipping', id: 'shipping', fee: cny(1000), freeThreshold: cny(9900) },
];

const adapter = new LocalAdapter({
  indexedDB: null,
  data: {
    series: [],
    categories: [],
    products,
    promotions,
    helpArticles: [],
    orders: [],
    guestbook: [],
    members: [],
    paymentMethods: [],
  },
});
const storefront = createStorefront({ adapter, storeId: 'bench-cart' });
let views = 0;
storefront.cart.subscribeView(() => {
  views += 1;
});

declare global {
  interface Window {
    benchReady: Promise<void>;
    runOps(ops: Op[]): Promise<{ ms: number; latencies: number[]; failures: string[] }>;
    finalCart(): Promise<{ lines: [string, number][]; views: number; viewCount: number | null }>;
  }
}

window.benchReady = storefront.ready;

/** Runs `ops` one after another (a shopper clicking), timing each. */
window.runOps = async (ops) => {
  const latencies: number[] = [];
  const failures: string[] = [];
  const start = performance.now();
  for (const op of ops) {
    const begin = performance.now();
    try {
      if (op.kind === 'add') await storefront.cart.add(op.sku, op.quantity);
      else await storefront.cart.remove(op.sku);
    } catch (error) {
      failures.push(`${op.kind} ${op.sku}: ${(error as Error).message}`);
    }
    latencies.push(performance.now() - begin);
  }
  return { ms: performance.now() - start, latencies, failures };
};

/** The cart as stored and as this tab's view shows it. */
window.finalCart = async () => {
  const view = await storefront.cart.view();
  return {
    lines: (await storefront.cart.lines()).map((line): [string, number] => [line.sku, line.quantity]),
    views,
    viewCount: view.count,
  };
};
