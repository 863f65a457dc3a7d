import * as v from 'valibot';
import { StorefrontError, toStorefrontError } from '../core/errors.js';
import { describeIssues, StoredCartLineSchema } from '../core/schemas.js';
import type { CartLine, Product } from '../core/types.js';
import type { StorageBackend } from '../storage/backend.js';
import type { ChangeChannel } from '../storage/channel.js';
import type { StoredCartLine } from '../storage/schema.js';

/** No single line may hold more than this, whatever the stock: a typo guard (1e9). */
export const MAX_LINE_QUANTITY = 999;

export type CartListener = (lines: readonly CartLine[]) => void;

/** How the cart looks products up: the catalog store, or a stub in tests. */
export interface ProductLookup {
  get(sku: string): Promise<Product | null>;
}

function checkQuantity(quantity: unknown, { allowZero }: { allowZero: boolean }): number {
  const min = allowZero ? 0 : 1;
  if (typeof quantity !== 'number' || !Number.isSafeInteger(quantity) || quantity < min || quantity > MAX_LINE_QUANTITY) {
    throw new StorefrontError(
      'validation',
      `Quantity must be a whole number from ${min} to ${MAX_LINE_QUANTITY}, got ${String(quantity)}.`,
      { detail: { field: 'quantity', value: quantity, min, max: MAX_LINE_QUANTITY } },
    );
  }
  return quantity;
}

function checkSku(sku: unknown): string {
  if (typeof sku !== 'string' || sku.trim() === '') {
    throw new StorefrontError('validation', 'A product sku is required.', { detail: { field: 'sku' } });
  }
  return sku;
}

function toLine(record: StoredCartLine): CartLine {
  const { key, sku, variant, quantity, addedAt, updatedAt, unitPriceAtAdd } = record;
  return {
    key,
    sku,
    quantity,
    addedAt,
    updatedAt,
    ...(variant ? { variant } : {}),
    ...(unitPriceAtAdd ? { unitPriceAtAdd } : {}),
  };
}

/**
 * The shopper's cart: lines in IndexedDB, one source of truth for every tab. Each write is a
 * read-modify-write inside one IndexedDB transaction, so two tabs adding at once both count;
 * the other tabs are told to reload over the change channel.
 */
export class CartStore {
  private current: readonly CartLine[] = [];
  private readonly listeners = new Set<CartListener>();
  private loading: Promise<void> | null = null;
  private loaded = false;

  constructor(
    private readonly storage: Promise<StorageBackend>,
    private readonly products: ProductLookup,
    private readonly channel: ChangeChannel,
    private readonly now: () => number = Date.now,
  ) {
    channel.subscribe((message) => {
      if (message.store === 'cart') void this.reload();
    });
    void storage.then((backend) => backend.onReset(() => void this.reload()));
  }

  /** The lines, oldest first. */
  async lines(): Promise<CartLine[]> {
    await this.ensureLoaded();
    return [...this.current];
  }

  /** Total units in the cart (the badge on the cart button). */
  async count(): Promise<number> {
    return (await this.lines()).reduce((sum, line) => sum + line.quantity, 0);
  }

  /** Adds `quantity` units of `sku` (to an existing line if there is one). */
  async add(sku: string, quantity = 1): Promise<CartLine> {
    checkSku(sku);
    checkQuantity(quantity, { allowZero: false });
    let product: Product | null | undefined;
    try {
      product = await this.products.get(sku);
    } catch (error) {
      // Offline: keep the shopper's intent; the price is checked when the backend is back.
      if (!toStorefrontError(error).retryable && toStorefrontError(error).code !== 'invalid-response') throw error;
    }
    if (product === null) {
      throw new StorefrontError('not-found', `No product has the sku "${sku}".`, { detail: { sku } });
    }
    const at = this.now();
    const written = await this.write(sku, (existing) => {
      const total = (existing?.quantity ?? 0) + quantity;
      if (total > MAX_LINE_QUANTITY) {
        throw new StorefrontError('validation', `A line may hold at most ${MAX_LINE_QUANTITY} units.`, {
          detail: { field: 'quantity', max: MAX_LINE_QUANTITY, value: total },
        });
      }
      return {
        key: sku,
        sku,
        quantity: total,
        addedAt: existing?.addedAt ?? at,
        updatedAt: at,
        ...(existing?.unitPriceAtAdd
          ? { unitPriceAtAdd: existing.unitPriceAtAdd }
          : product
            ? { unitPriceAtAdd: product.price }
            : {}),
      };
    });
    return toLine(written as StoredCartLine);
  }

  /** Sets a line's quantity; 0 removes it. Unknown skus are a `not-found` error. */
  async setQuantity(sku: string, quantity: number): Promise<CartLine | null> {
    checkSku(sku);
    checkQuantity(quantity, { allowZero: true });
    const at = this.now();
    const written = await this.write(sku, (existing) => {
      if (!existing) throw new StorefrontError('not-found', `The cart has no line "${sku}".`, { detail: { sku } });
      return quantity === 0 ? undefined : { ...existing, quantity, updatedAt: at };
    });
    return written ? toLine(written) : null;
  }

  async remove(sku: string): Promise<void> {
    checkSku(sku);
    await this.write(sku, () => undefined);
  }

  async clear(): Promise<void> {
    const backend = await this.storage;
    await backend.clear('cart');
    await this.afterWrite();
  }

  /** Calls `listener` with the lines now and after every change, from any tab. */
  subscribe(listener: CartListener): () => void {
    this.listeners.add(listener);
    void this.ensureLoaded().then(() => {
      if (this.listeners.has(listener)) listener([...this.current]);
    });
    return () => {
      this.listeners.delete(listener);
    };
  }

  private async write(
    key: string,
    change: (existing: StoredCartLine | undefined) => StoredCartLine | undefined,
  ): Promise<StoredCartLine | undefined> {
    const backend = await this.storage;
    const result = await backend.update('cart', key, (raw) => {
      // A stored record that no longer validates is treated as absent and overwritten.
      const parsed = raw === undefined ? undefined : v.safeParse(StoredCartLineSchema, raw);
      return change(parsed?.success ? parsed.output : undefined);
    });
    await this.afterWrite();
    return result;
  }

  private async afterWrite(): Promise<void> {
    await this.reload();
    this.channel.post('cart');
  }

  private ensureLoaded(): Promise<void> {
    if (this.loaded) return Promise.resolve();
    return (this.loading ??= this.reload());
  }

  private async reload(): Promise<void> {
    const backend = await this.storage;
    let records: unknown[];
    try {
      records = await backend.getAll('cart');
    } catch (error) {
      console.warn('[storefront-elements] Could not read the cart:', toStorefrontError(error).message);
      return;
    }
    const lines: CartLine[] = [];
    for (const record of records) {
      const parsed = v.safeParse(StoredCartLineSchema, record);
      if (parsed.success) lines.push(toLine(parsed.output));
      else console.warn(`[storefront-elements] Skipped an unreadable cart line: ${describeIssues(parsed.issues)}.`, record);
    }
    lines.sort((a, b) => a.addedAt - b.addedAt || a.key.localeCompare(b.key));
    this.current = lines;
    this.loaded = true;
    for (const listener of this.listeners) listener([...lines]);
  }
}
