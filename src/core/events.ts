import type { StorefrontError } from './errors.js';
import type { Money } from './money.js';
import type { CartLine, Member } from './types.js';

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
  /** A cart button asks the page's cart drawer to open (cancelable: the page may show its own). */
  'sf-cart-open': { storeId: string };
  /** Before the shopper is handed to payment; cancelable so the host page can take over. */
  'sf-checkout': { paymentMethod: string; total: Money };
  /** The shopper signed in or out (in this tab or another). */
  'sf-account-change': { member: Member | null };
}

export type SfEventName = keyof SfEventDetails;
export type SfEvent<K extends SfEventName> = CustomEvent<SfEventDetails[K]>;

/** Every `sf-*` event, typed: they bubble and are composed, so the document and window see them too. */
export type SfEventMap = { [K in SfEventName]: SfEvent<K> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends SfEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface DocumentEventMap extends SfEventMap {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface WindowEventMap extends SfEventMap {}
}
