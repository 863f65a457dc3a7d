import type {
  AccountCapability,
  AdapterContext,
  CatalogCapability,
  CheckoutCapability,
  FeedbackCapability,
  HelpCapability,
  NewsletterCapability,
  OrdersCapability,
  StorefrontAdapter,
} from '../adapter.js';
import { DEFAULT_TIMEOUT_MS } from '../../core/deadline.js';
import { StorefrontError } from '../../core/errors.js';
import { normalizeEndpoint } from './endpoint.js';
import { EtagCache } from './etag-cache.js';
import { HttpClient, type FetchFunction } from './http-client.js';
import { MetaStorage } from './meta-storage.js';
import { restCatalog, restHelp } from './rest-catalog.js';
import { restAccount, restCheckout, restOrders } from './rest-commerce.js';
import {
  restFeedback,
  restGuestbook,
  restNewsletter,
  restVisits,
  type RestGuestbookCapability,
  type RestVisitsCapability,
} from './rest-engagement.js';
import { retryPolicy, type RetryOptions } from './retry-policy.js';
import { TokenStore } from './token-store.js';

export type { FetchFunction } from './http-client.js';
export type { RetryOptions } from './retry-policy.js';
export type { GuestbookChallenge, RestGuestbookCapability, RestVisitsCapability } from './rest-engagement.js';

export interface RestAdapterOptions {
  /** The API base URL: `https://shop.example/api`, or a path on this site such as `/api`. */
  endpoint: string;
  /** How long one attempt may take before it fails as `timeout` (ms, default 10,000). */
  timeout?: number;
  /** A fetch of your own (tests, a proxy, Node without global fetch). */
  fetch?: FetchFunction;
  /** Headers sent with every request (an API key, a tenant id). */
  headers?: Record<string, string>;
  /** `Accept-Language` when a call does not name its locale (the server localizes error details). */
  locale?: string;
  /** Retry and backoff (default: 3 attempts, full jitter from 300 ms, `Retry-After` up to 5 s). */
  retry?: RetryOptions;
}

function checkTimeout(timeout: unknown): number {
  if (timeout === undefined) return DEFAULT_TIMEOUT_MS;
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0) {
    throw new StorefrontError('config', `timeout "${String(timeout)}" is not a positive number of milliseconds.`, {
      detail: { field: 'timeout', value: timeout },
    });
  }
  return Math.min(timeout, 120_000);
}

/**
 * The adapter for a backend that speaks the REST contract (`server/openapi.yaml`; the
 * reference server in `server/`). Every answer is validated; every failure is a
 * StorefrontError. Attached to a storefront it keeps the member's session token and
 * ETag-cached catalog answers in the store's IndexedDB.
 */
export class RestAdapter implements StorefrontAdapter {
  readonly name = 'rest';
  readonly endpoint: string;
  readonly catalog: Required<CatalogCapability>;
  readonly help: HelpCapability;
  readonly orders: OrdersCapability;
  readonly guestbook: RestGuestbookCapability;
  readonly visits: RestVisitsCapability;
  readonly newsletter: NewsletterCapability;
  readonly feedback: FeedbackCapability;
  readonly checkout: CheckoutCapability;
  readonly account: AccountCapability;
  private readonly storage = new MetaStorage();

  constructor(options: RestAdapterOptions) {
    this.endpoint = normalizeEndpoint(options?.endpoint);
    const fetchFunction: FetchFunction = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    const tokens = new TokenStore(this.storage, `rest-session:${this.endpoint}`);
    const http = new HttpClient({
      endpoint: this.endpoint,
      timeout: checkTimeout(options.timeout),
      fetch: fetchFunction,
      headers: { ...options.headers },
      locale: options.locale,
      retry: retryPolicy(options.retry),
      tokens,
      etags: new EtagCache(this.storage, 'rest-etag:'),
    });
    this.catalog = restCatalog(http);
    this.help = restHelp(http);
    this.orders = restOrders(http);
    this.guestbook = restGuestbook(http);
    this.visits = restVisits(http, fetchFunction);
    this.newsletter = restNewsletter(http);
    this.feedback = restFeedback(http);
    this.checkout = restCheckout(http);
    this.account = restAccount(http, tokens);
  }

  attach(context: AdapterContext): void {
    this.storage.attach(context.storage);
  }
}
