import type { StorefrontError } from './errors.js';
import type { CartLine } from './types.js';

/** Detail of every `sf-*` event the elements dispatch. All bubble and cross shadow roots. */
export interface SfEventDetails {
  /** A store finished opening its storage. */
  'sf-store-ready': { storeId: string; persistent: boolean };
  /** A store could not be set up (bad attribute, unknown adapter). */
  'sf-store-error': { error: StorefrontError };
  /** Before a product goes into the cart; cancelable so the host page can veto it. */
  'sf-add-to-cart': { sku: string; quantity: number };
  /** The cart's lines changed (in this tab or another). */
  'sf-cart-change': { lines: CartLine[] };
  /** The shopper submitted a search; cancelable so the host page can route it itself. */
  'sf-search': { query: string };
  /** The shopper picked a product (a search suggestion); cancelable, like a link click. */
  'sf-product-select': { sku: string; query: string };
}

export type SfEventName = keyof SfEventDetails;
export type SfEvent<K extends SfEventName> = CustomEvent<SfEventDetails[K]>;

declare global {
  interface HTMLElementEventMap {
    'sf-store-ready': SfEvent<'sf-store-ready'>;
    'sf-store-error': SfEvent<'sf-store-error'>;
    'sf-add-to-cart': SfEvent<'sf-add-to-cart'>;
    'sf-cart-change': SfEvent<'sf-cart-change'>;
    'sf-search': SfEvent<'sf-search'>;
    'sf-product-select': SfEvent<'sf-product-select'>;
  }
}
