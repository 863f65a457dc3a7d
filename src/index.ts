/**
 * Storefront Elements: the public API. Everything users import comes from here; importing it
 * also registers every `sf-*` element.
 */
export * from './sdk.js';
export * from '../components/index.js';
