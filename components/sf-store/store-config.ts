import { isAdapter, type StorefrontAdapter } from '../../src/adapter/adapter.js';
import { LocalAdapter } from '../../src/adapter/local/local-adapter.js';
import { StorefrontError } from '../../src/core/errors.js';
import { checkCurrency, checkStoreId } from '../../src/storefront.js';

export interface StoreAttributes {
  adapter: string | StorefrontAdapter | null | undefined;
  endpoint: string | null | undefined;
  currency: string | null | undefined;
  storeId: string | null | undefined;
  latency: number | null | undefined;
}

export interface StoreConfig {
  storeId: string;
  currency: string;
  signature: string;
  createAdapter: () => StorefrontAdapter;
  /** True when the adapter is made here (so the store closes it), false for the page's own. */
  ownsAdapter: boolean;
}

const adapterIds = new WeakMap<object, number>();
let nextAdapterId = 1;

/** An endpoint is an absolute http(s) URL or a path on this site ("/api", "./shop"). */
export function checkEndpoint(endpoint: string): string {
  const value = endpoint.trim();
  const looksLikePath = /^(\/|\.\/|\.\.\/)/.test(value);
  let ok = false;
  if (value && !/\s/.test(value)) {
    try {
      const url = new URL(value, looksLikePath ? document.baseURI : undefined);
      ok = url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      ok = false;
    }
  }
  if (!ok) {
    throw new StorefrontError('config', `endpoint "${endpoint}" is not a valid URL.`, {
      detail: { field: 'endpoint', value: endpoint },
    });
  }
  return value;
}

/**
 * Turns `<sf-store>` attributes into a checked configuration, or a `config` error whose
 * `detail.field` names the attribute (the element shows a localized message for it).
 */
export function resolveStoreConfig(attributes: StoreAttributes): StoreConfig {
  const storeId = checkStoreId(attributes.storeId ?? 'default');
  const currency = checkCurrency(attributes.currency ?? 'CNY');
  const adapter = attributes.adapter;
  if (adapter && typeof adapter === 'object') {
    if (!isAdapter(adapter)) {
      throw new StorefrontError(
        'config',
        'The adapter property is not an adapter (it needs a name and catalog.list / catalog.get).',
        {
          detail: { field: 'adapter', value: String(adapter) },
        },
      );
    }
    if (!adapterIds.has(adapter)) adapterIds.set(adapter, nextAdapterId++);
    return {
      storeId,
      currency,
      signature: `object:${adapterIds.get(adapter)}|${currency}`,
      createAdapter: () => adapter,
      ownsAdapter: false,
    };
  }
  const endpoint = attributes.endpoint ? checkEndpoint(attributes.endpoint) : null;
  const kind = (adapter ?? (endpoint ? 'rest' : 'local')).trim().toLowerCase();
  if (kind === 'local') {
    const latency = attributes.latency ?? 0;
    return {
      storeId,
      currency,
      signature: `local|${latency}|${currency}`,
      createAdapter: () => new LocalAdapter({ latency, namespace: storeId }),
      ownsAdapter: true,
    };
  }
  if (kind === 'rest') {
    throw new StorefrontError('config', 'This build does not include the rest adapter yet.', {
      detail: { field: 'rest', value: kind },
    });
  }
  throw new StorefrontError('config', `adapter "${String(adapter)}" is not valid: use "local" or "rest".`, {
    detail: { field: 'adapter', value: String(adapter) },
  });
}
