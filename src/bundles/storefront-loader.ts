/**
 * The small start for a promo page (`dist/storefront-loader.js`): `<sf-store>` and the SDK's
 * core now, every other element loaded the first time the page (or a later change to it)
 * shows one. A page with a search box and a cart button downloads neither the grid nor the
 * cart drawer until it needs them. `dist/storefront-elements.js` remains the all-in-one file.
 */
export { SfStore } from '../../components/sf-store/sf-store.js';
export { setDefaultStorefront } from '../../components/shared/default-store.js';
export { createStorefront } from '../storefront.js';
export { LocalAdapter } from '../adapter/local/local-adapter.js';
export { formatMoney } from '../core/money.js';
export { formatDate } from '../core/locale.js';
export { StorefrontError, isStorefrontError } from '../core/errors.js';

/** Each lazily defined element and the chunk that defines it. */
const ELEMENTS: Record<string, () => Promise<unknown>> = {
  'sf-product-card': () => import('../../components/sf-product-card/sf-product-card.js'),
  'sf-product-grid': () => import('../../components/sf-product-grid/sf-product-grid.js'),
  'sf-search-box': () => import('../../components/sf-search-box/sf-search-box.js'),
  'sf-cart': () => import('../../components/sf-cart/sf-cart.js'),
  'sf-cart-button': () => import('../../components/sf-cart-button/sf-cart-button.js'),
  'sf-add-to-cart': () => import('../../components/sf-add-to-cart/sf-add-to-cart.js'),
  'sf-account': () => import('../../components/sf-account/sf-account.js'),
  'sf-store-status': () => import('../../components/sf-store-status/sf-store-status.js'),
};

const loading = new Map<string, Promise<void>>();

/** Loads and defines one element now (e.g. before creating it from script). */
export function loadElement(tag: string): Promise<void> {
  const name = tag.toLowerCase();
  const load = ELEMENTS[name];
  if (!load) return Promise.reject(new Error(`storefront-loader: unknown element <${tag}>.`));
  let promise = loading.get(name);
  if (!promise) {
    promise = load().then(
      () => undefined,
      (error: unknown) => {
        loading.delete(name);
        console.error(`[storefront-elements] Could not load <${name}>:`, error);
        throw error;
      },
    );
    loading.set(name, promise);
  }
  return promise;
}

const SELECTOR = Object.keys(ELEMENTS).join(',');

/** Loads every not-yet-defined element used under `root`. */
function discover(root: ParentNode): void {
  const found = new Set<string>();
  if (root instanceof Element && root.matches(SELECTOR)) found.add(root.localName);
  for (const element of root.querySelectorAll(SELECTOR)) found.add(element.localName);
  for (const tag of found) if (!customElements.get(tag)) void loadElement(tag).catch(() => {});
}

function start(): void {
  discover(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) discover(node);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}
