import { isAdapter, type StorefrontAdapter } from '../../src/adapter/adapter.js';
import { LocalAdapter } from '../../src/adapter/local/local-adapter.js';
import { normalizeEndpoint } from '../../src/adapter/rest/endpoint.js';
import type { RestAdapter } from '../../src/adapter/rest/rest-adapter.js';
import { StorefrontError } from '../../src/core/errors.js';
import { checkCurrency, checkStoreId } from '../../src/storefront.js';

export interface StoreAttributes {
  adapter: string | StorefrontAdapter | null | undefined;
  endpoint: string | null | undefined;
  currency: string | null | undefined;
  storeId: string | null | undefined;
  latency: number | null | undefined;
  timeout: number | null | undefined;
}

export interface StoreConfig {
  storeId: string;
  currency: string;
  signature: string;
  /** Loads the adapter's code first, when it is not in the page's bundle yet (the REST adapter). */
  load?: () => Promise<void>;
  createAdapter: () => StorefrontAdapter;
  /** True when the adapter is made here (so the store closes it), false for the page's own. */
  ownsAdapter: boolean;
}

const adapterIds = new WeakMap<object, number>();
let nextAdapterId = 1;

/** An endpoint is an absolute http(s) URL or a path on this site ("/api"), as the REST adapter takes it. */
export function checkEndpoint(endpoint: string): string {
  try {
    return normalizeEndpoint(endpoint);
  } catch {
    throw new StorefrontError('config', `endpoint "${endpoint}" is not a valid URL.`, {
      detail: { field: 'endpoint', value: endpoint },
    });
  }
}

/**
 * The REST adapter's code, loaded the first time a store uses it: pages on the local adapter
 * or their own never download it (in the all-in-one bundle it is already there).
 */
let RestAdapterClass: typeof RestAdapter | null = null;
async function loadRestAdapter(): Promise<void> {
  RestAdapterClass ??= (await import('../../src/adapter/rest/rest-adapter.js')).RestAdapter;
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
    if (!endpoint) {
      throw new StorefrontError('config', 'adapter "rest" needs an endpoint attribute: the URL of the shop\'s API.', {
        detail: { field: 'endpointMissing', value: '' },
      });
    }
    const given = attributes.timeout;
    // As the storefront does: a timeout that is no positive number means the default.
    const timeout = typeof given === 'number' && Number.isFinite(given) && given > 0 ? given : undefined;
    return {
      storeId,
      currency,
      signature: `rest|${endpoint}|${timeout ?? ''}|${currency}`,
      ...(RestAdapterClass ? {} : { load: loadRestAdapter }),
      createAdapter: () => new RestAdapterClass!({ endpoint, ...(timeout ? { timeout } : {}) }),
      ownsAdapter: true,
    };
  }
  throw new StorefrontError('config', `adapter "${String(adapter)}" is not valid: use "local" or "rest".`, {
    detail: { field: 'adapter', value: String(adapter) },
  });
}
