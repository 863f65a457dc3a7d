import { expect } from '@open-wc/testing';
import { StorefrontError } from '../../src/core/errors.js';
import { LocalAdapter } from '../../src/adapter/local/local-adapter.js';
import type { DemoData } from '../../src/adapter/local/demo/demo-data.js';
import type { Product } from '../../src/core/types.js';

let counter = 0;

/** A store id no other test uses, so IndexedDB state never leaks between tests. */
export function uniqueStoreId(prefix = 'test'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export function product(sku: string, amount: number, extra: Partial<Product> = {}): Product {
  return { id: `id-${sku}`, sku, title: `商品 ${sku}`, price: { amount, currency: 'CNY' }, ...extra };
}

export const SMALL_CATALOG: Product[] = [
  product('A', 9900, { title: '男士纯棉短袖T恤', series: 'cloud-cotton', category: 'tops', createdAt: 3 }),
  product('B', 19900, { title: '女士纯棉长袖T恤', series: 'cloud-cotton', category: 'tops', createdAt: 2 }),
  product('C', 49900, { title: '声屿 Air 真无线蓝牙耳机', series: 'sound-isle', category: 'earbuds', createdAt: 1 }),
];

/** Minimal data set for a LocalAdapter, without loading the demo chunk. */
export function smallData(products: Product[] = SMALL_CATALOG): DemoData {
  return {
    series: [],
    categories: [],
    products,
    promotions: [],
    helpArticles: [],
    orders: [],
    guestbook: [],
    members: [],
    paymentMethods: [],
  };
}

/** A LocalAdapter over a small catalog whose own state stays in memory. */
export function smallAdapter(products: Product[] = SMALL_CATALOG): LocalAdapter {
  return new LocalAdapter({ data: smallData(products), indexedDB: null });
}

/** Waits until `check` passes or `timeout` ms have gone by (then throws its last error). */
export async function eventually(check: () => unknown, timeout = 3000): Promise<void> {
  const start = performance.now();
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (performance.now() - start > timeout) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

/** Records console.warn / console.error calls while `run` executes. */
export async function captureConsole<T>(run: () => Promise<T>): Promise<{ result: T; warnings: string[]; errors: string[] }> {
  const warnings: string[] = [];
  const errors: string[] = [];
  const { warn, error } = console;
  console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  console.error = (...args: unknown[]) => void errors.push(args.map(String).join(' '));
  try {
    const result = await run();
    return { result, warnings, errors };
  } finally {
    console.warn = warn;
    console.error = error;
  }
}

/** The error a promise rejects with; fails the test when it resolves instead. */
export async function rejection(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('Expected the promise to reject, but it resolved.');
}

/** The StorefrontError `promise` rejects with (fails when it resolves or rejects with something else). */
export async function failure(promise: Promise<unknown>): Promise<StorefrontError> {
  try {
    await promise;
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(StorefrontError);
    return error as StorefrontError;
  }
  expect.fail('expected a StorefrontError, but the promise resolved');
}
