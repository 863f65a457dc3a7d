import { StorefrontError } from '../core/errors.js';
import type {
  CatalogPage,
  DailyVisits,
  DayRange,
  FeedbackMessage,
  FeedbackReceipt,
  CatalogQuery,
  CheckoutRequest,
  CheckoutSession,
  Facet,
  GuestbookEntry,
  GuestbookPage,
  GuestbookPost,
  HelpArticle,
  Member,
  Order,
  PaymentMethod,
  Product,
  ProductVisits,
  Promotion,
  SignInRequest,
  SignUpRequest,
  SubscribeRequest,
  Subscription,
  VisitEvent,
  VisitStats,
} from '../core/types.js';
import type { StorageBackend } from '../storage/backend.js';

/** Options every adapter call accepts: a signal that cancels it. */
export interface CallOptions {
  signal?: AbortSignal;
  /** The shopper's locale, for adapters that localize on the server. */
  locale?: string;
}

/** Options of writes that must not happen twice when retried (offline outbox, double clicks). */
export interface WriteOptions extends CallOptions {
  /** Same key, same effect: the adapter returns the first result for a repeated key. */
  idempotencyKey: string;
}

export interface CatalogCapability {
  list(query: CatalogQuery, options?: CallOptions): Promise<CatalogPage>;
  /** Resolves to null when no product has this sku. */
  get(sku: string, options?: CallOptions): Promise<Product | null>;
  /** Products by id, in the order asked, unknown ids left out ("bought together", `related`). */
  byIds?(ids: string[], options?: CallOptions): Promise<Product[]>;
  facets(options?: CallOptions): Promise<{ series: Facet[]; categories: Facet[] }>;
  promotions(options?: CallOptions): Promise<Promotion[]>;
}

export interface HelpCapability {
  articles(options?: CallOptions): Promise<HelpArticle[]>;
}

export interface OrdersCapability {
  /** Resolves to null when the number and contact do not match an order (never says which). */
  track(orderNumber: string, contact: string, options?: CallOptions): Promise<Order | null>;
}

export interface GuestbookCapability {
  list(topic: string, page?: { cursor?: string; limit?: number }, options?: CallOptions): Promise<GuestbookPage>;
  post(entry: GuestbookPost, options: WriteOptions): Promise<GuestbookEntry>;
}

export interface VisitsCapability {
  record(events: VisitEvent[], options: WriteOptions): Promise<void>;
  stats(topics?: string[], options?: CallOptions): Promise<VisitStats[]>;
  /** Visits per day and topic over `range` (default: the last 30 days). */
  daily?(topics?: string[], range?: DayRange, options?: CallOptions): Promise<DailyVisits[]>;
  /** The most viewed products over `range`, most viewed first. */
  topProducts?(range?: DayRange & { limit?: number }, options?: CallOptions): Promise<ProductVisits[]>;
}

export interface NewsletterCapability {
  /**
   * Records a pending subscription and sends the confirmation mail. The answer never carries
   * the confirmation token: only the mail does, or anyone could confirm any address.
   */
  subscribe(request: SubscribeRequest, options: WriteOptions): Promise<Subscription>;
  confirm(token: string, options?: CallOptions): Promise<Subscription>;
  unsubscribe(token: string, options?: CallOptions): Promise<Subscription>;
}

export interface FeedbackCapability {
  /** Delivers a message to the shop's staff with the page it was sent from. */
  send(message: FeedbackMessage, options: WriteOptions): Promise<FeedbackReceipt>;
}

export interface CheckoutCapability {
  paymentMethods(options?: CallOptions): Promise<PaymentMethod[]>;
  begin(request: CheckoutRequest, options: WriteOptions): Promise<CheckoutSession>;
}

export interface AccountCapability {
  signIn(request: SignInRequest, options?: CallOptions): Promise<Member>;
  signUp(request: SignUpRequest, options?: CallOptions): Promise<Member>;
  signOut(options?: CallOptions): Promise<void>;
  /** The signed-in member, or null. */
  current(options?: CallOptions): Promise<Member | null>;
}

/** The capability groups an adapter may implement. Only `catalog` is required. */
export interface AdapterCapabilities {
  catalog: CatalogCapability;
  help?: HelpCapability;
  orders?: OrdersCapability;
  guestbook?: GuestbookCapability;
  visits?: VisitsCapability;
  newsletter?: NewsletterCapability;
  feedback?: FeedbackCapability;
  checkout?: CheckoutCapability;
  account?: AccountCapability;
}

export type Capability = keyof AdapterCapabilities;

export const CAPABILITIES: readonly Capability[] = [
  'catalog',
  'help',
  'orders',
  'guestbook',
  'visits',
  'newsletter',
  'feedback',
  'checkout',
  'account',
];

/** What `attach` hands an adapter: the store's storage (IndexedDB, or memory) and its id. */
export interface AdapterContext {
  storage: Promise<StorageBackend>;
  storeId: string;
}

/**
 * The one interface between the widgets and a backend. Every method is async and takes an
 * AbortSignal; every failure is a StorefrontError. Groups the adapter lacks are simply absent,
 * and `capabilities()` says which are present.
 */
export interface StorefrontAdapter extends AdapterCapabilities {
  /** A short name for messages and logs (`local`, `rest`, `my-erp`). */
  readonly name: string;
  /** Releases timers, connections and databases the adapter holds. */
  close?(): void;
  /**
   * Called by `createStorefront` (before any other call) with the store's storage, so the
   * adapter can keep state in the store's IndexedDB: the RestAdapter keeps the member's bearer
   * token and ETag-cached catalog answers in the `meta` store. May be called again by a newer
   * storefront (the latest one wins); an adapter used alone, or in Node, is never attached.
   */
  attach?(context: AdapterContext): void;
}

/** The capability groups present on an adapter. */
export function capabilitiesOf(adapter: StorefrontAdapter): Capability[] {
  return CAPABILITIES.filter((name) => adapter[name] !== undefined);
}

/**
 * The group `name` of the adapter, or a typed `unsupported` error an element can show
 * ("this shop does not offer order tracking") instead of failing.
 */
export function requireCapability<K extends Capability>(
  adapter: StorefrontAdapter,
  name: K,
): NonNullable<AdapterCapabilities[K]> {
  const group = adapter[name];
  if (!group) {
    throw new StorefrontError('unsupported', `The "${adapter.name}" adapter does not support ${name}.`, {
      detail: { capability: name, adapter: adapter.name },
    });
  }
  return group as NonNullable<AdapterCapabilities[K]>;
}

/** Duck-type check used where a host page hands in an adapter object. */
export function isAdapter(value: unknown): value is StorefrontAdapter {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<StorefrontAdapter>;
  return (
    typeof candidate.name === 'string' &&
    typeof candidate.catalog === 'object' &&
    candidate.catalog !== null &&
    typeof candidate.catalog.list === 'function' &&
    typeof candidate.catalog.get === 'function'
  );
}
