/**
 * The blog bundle (`dist/storefront-card.js`): only `<sf-store>` and `<sf-product-card>`, for
 * a page that shows one product. Everything else of the kit stays out of it.
 */
export { SfStore } from '../../components/sf-store/sf-store.js';
export { SfProductCard } from '../../components/sf-product-card/sf-product-card.js';
export { setDefaultStorefront } from '../../components/shared/default-store.js';
export { createStorefront } from '../storefront.js';
export { LocalAdapter } from '../adapter/local/local-adapter.js';
export { formatMoney } from '../core/money.js';
