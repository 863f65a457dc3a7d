import { createContext } from '@lit/context';
import type { StorefrontError } from '../../src/core/errors.js';
import type { Locale } from '../../src/core/locale.js';
import type { Storefront } from '../../src/storefront.js';

export type StoreStatus = 'connecting' | 'ready' | 'error';

/**
 * What a store provider hands to the widgets: the storefront once its storage is open, and
 * where it is in getting there. A new object is provided on every change, so consumers that
 * subscribe re-render.
 */
export interface StoreState {
  status: StoreStatus;
  storefront: Storefront | null;
  error: StorefrontError | null;
  locale: Locale;
}

/** Symbol.for: two copies of the kit on one page (npm + script tag) still find each other. */
export const storeContext = createContext<StoreState>(Symbol.for('storefront-elements/store'));
