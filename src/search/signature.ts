import type { Product } from '../core/types.js';

/** FNV-1a over a string, continuing from `hash`. */
function fnv1a(text: string, hash: number): number {
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A fingerprint of a set of products (order does not matter): a kept index is reused only
 * while the catalog it was built from is exactly the same.
 */
export function productSignature(products: Iterable<Product>): string {
  const list = [...products].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let low = 0x811c9dc5;
  let high = 0x01000193;
  for (const product of list) {
    const json = JSON.stringify(product);
    low = fnv1a(json, low);
    high = fnv1a(json, high ^ 0x5bd1e995);
  }
  return `${list.length.toString(36)}-${low.toString(36)}-${high.toString(36)}`;
}
