/** Registers every `sf-*` element and exports their classes. */
export { SfStore } from './sf-store/sf-store.js';
export { SfStoreStatus } from './sf-store-status/sf-store-status.js';
export { SfProductCard } from './sf-product-card/sf-product-card.js';
export { SfProductGrid } from './sf-product-grid/sf-product-grid.js';
export { SfSearchBox } from './sf-search-box/sf-search-box.js';
export { SfCart } from './sf-cart/sf-cart.js';
export { SfCartButton } from './sf-cart-button/sf-cart-button.js';
export { SfAddToCart } from './sf-add-to-cart/sf-add-to-cart.js';
export { SfAccount } from './sf-account/sf-account.js';
export { setDefaultStorefront } from './shared/default-store.js';
export { storeContext } from './shared/store-context.js';
export type { StoreState, StoreStatus } from './shared/store-context.js';
export { StoreController } from './shared/store-controller.js';
export type { StoreBinding } from './shared/store-controller.js';
