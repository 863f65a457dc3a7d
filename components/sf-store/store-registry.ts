import { StorefrontError } from '../../src/core/errors.js';
import type { Storefront } from '../../src/storefront.js';

interface Entry {
  storefront: Storefront;
  /** The element made the adapter itself (`adapter="local"`), so it closes it too. */
  ownsAdapter: boolean;
  signature: string;
  refs: number;
  closeTimer?: ReturnType<typeof setTimeout>;
}

const entries = new Map<string, Entry>();

/**
 * One storefront per store id per page: two `<sf-store>` elements with the same `store-id`
 * share it (and warn), because two instances would race on the same database. A second one
 * with a different setup (another adapter) is refused with a `config` error.
 */
export function acquireStorefront(storeId: string, signature: string, create: () => Storefront, ownsAdapter = false): Storefront {
  const existing = entries.get(storeId);
  if (existing && existing.refs === 0 && existing.signature !== signature) {
    // Nobody uses the old setup any more (the page swapped the adapter): replace it now.
    clearTimeout(existing.closeTimer);
    entries.delete(storeId);
    closeEntry(existing);
  } else if (existing) {
    if (existing.signature !== signature) {
      throw new StorefrontError('config', `Another <sf-store> already uses store-id "${storeId}" with a different setup.`, {
        detail: { field: 'duplicate', value: storeId },
      });
    }
    clearTimeout(existing.closeTimer);
    existing.closeTimer = undefined;
    if (existing.refs > 0) {
      console.warn(
        `[storefront-elements] Two <sf-store> elements use store-id "${storeId}"; they share one store (cart, cache).`,
      );
    }
    existing.refs += 1;
    return existing.storefront;
  }
  const storefront = create();
  entries.set(storeId, { storefront, signature, refs: 1, ownsAdapter });
  return storefront;
}

/** Lets go of a storefront; it closes when no element has used it for a moment (moves in the DOM reconnect at once). */
export function releaseStorefront(storeId: string, storefront: Storefront): void {
  const entry = entries.get(storeId);
  if (!entry || entry.storefront !== storefront) return;
  entry.refs -= 1;
  if (entry.refs > 0) return;
  entry.closeTimer = setTimeout(() => {
    if (entry.refs > 0 || entries.get(storeId) !== entry) return;
    entries.delete(storeId);
    closeEntry(entry);
  }, 1000);
}

function closeEntry(entry: Entry): void {
  entry.storefront.close();
  if (entry.ownsAdapter) entry.storefront.adapter.close?.();
}
