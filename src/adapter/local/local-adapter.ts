import type { CallOptions, StorefrontAdapter, WriteOptions } from '../adapter.js';
import { StorefrontError, throwIfAborted, type StorefrontErrorCode } from '../../core/errors.js';
import type {
  CatalogPage,
  CatalogQuery,
  CheckoutRequest,
  CheckoutSession,
  DailyVisits,
  DayRange,
  Facet,
  FeedbackMessage,
  FeedbackReceipt,
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
} from '../../core/types.js';
import { applyCatalogQuery } from '../../catalog/catalog-query.js';
import { priceCart } from '../../cart/pricing.js';
import type { DemoData } from './demo/demo-data.js';
import type { GuestbookModeration } from './local-engagement.js';
import type { LocalMail } from './local-mail.js';
import type { MailSettings } from './local-newsletter.js';
import { LocalState, type LocalContext } from './local-state.js';
import { checkIds, normalizeContact, normalizeEmail } from './local-validation.js';

export type { GuestbookModeration } from './local-engagement.js';
export type { LocalMail } from './local-mail.js';

export interface LocalAdapterOptions {
  /** Simulated latency of every call in ms (default 0), to see loading states. */
  latency?: number;
  /** A catalog of your own instead of the demo shop (e.g. 10,000 generated products). */
  products?: Product[];
  /** Replaces the whole demo data set. */
  data?: DemoData;
  /** Separates the adapter's persisted state (orders, messages...) per demo. */
  namespace?: string;
  /** Clock, for flash-sale and deadline tests. */
  now?: () => number;
  /** `null` keeps the adapter's state in memory only. */
  indexedDB?: IDBFactory | null;
  /** Make every call fail with this code, to see error states. */
  fail?: StorefrontErrorCode | null;
  /** Where the links in its mails point (default: the page's origin). */
  mailLinkBase?: string;
  /** The least time between two newsletter confirmation mails to one address (default 15 min). */
  mailCooldownMs?: number;
  /** Staff addresses feedback may be sent to; the first is the default (`service@example.com`). */
  feedbackAddresses?: string[];
}

type StoredOrder = Order & { contact: string[] };
type StoredMember = { member: Member; password: string };

const MAIL_COOLDOWN_MS = 15 * 60_000;

function clone<T>(value: T): T {
  return structuredClone(value);
}

function randomToken(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

/**
 * The embedded default backend: a bilingual demo shop that runs entirely in the browser.
 * The catalog ships as a lazily loaded chunk; what shoppers create (messages, orders,
 * subscriptions, visits) is kept in the adapter's own IndexedDB database.
 */
export class LocalAdapter implements StorefrontAdapter {
  readonly name = 'local';
  private readonly options: LocalAdapterOptions;
  private dataPromise: Promise<DemoData> | null = null;
  private readonly state: LocalState;
  private failure: StorefrontErrorCode | null;
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(options: LocalAdapterOptions = {}) {
    this.options = options;
    this.failure = options.fail ?? null;
    this.state = new LocalState(options.namespace ?? 'demo', options.indexedDB);
  }

  /** Turns simulated failure on (`'network'`, `'timeout'`...) or off (`null`). */
  setFailure(code: StorefrontErrorCode | null): void {
    this.failure = code;
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private data(): Promise<DemoData> {
    this.dataPromise ??= (async () => {
      if (this.options.data) return this.options.data;
      const { createDemoData } = await import('./demo/demo-data.js');
      const data = createDemoData(this.now());
      return this.options.products ? { ...data, products: this.options.products } : data;
    })();
    return this.dataPromise;
  }

  /** Every call goes through here: latency, cancellation and simulated failure. */
  private async call<T>(options: CallOptions | undefined, work: (data: DemoData) => Promise<T> | T): Promise<T> {
    const signal = options?.signal;
    throwIfAborted(signal);
    const latency = this.options.latency ?? 0;
    if (latency > 0) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          clearTimeout(timer);
          reject(new StorefrontError('aborted', 'The operation was cancelled.'));
        };
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, latency);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    }
    if (this.failure) {
      throw new StorefrontError(this.failure, `The local adapter is simulating a "${this.failure}" failure.`);
    }
    const result = await work(await this.data());
    throwIfAborted(signal);
    return clone(result);
  }

  /** Replays the first result of a write with the same idempotency key. */
  private async once<T>(scope: string, options: WriteOptions, work: () => Promise<T>): Promise<T> {
    if (typeof options?.idempotencyKey !== 'string' || options.idempotencyKey === '') {
      throw new StorefrontError('validation', 'An idempotency key is required for this write.', {
        detail: { field: 'idempotencyKey' },
      });
    }
    const key = `idem:${scope}:${options.idempotencyKey}`;
    // A double click sends the same key twice before the first write is stored: the second
    // call waits for the first one's result instead of writing again.
    const running = this.inFlight.get(key) as Promise<T> | undefined;
    if (running) return running;
    const attempt = (async () => {
      const previous = await this.state.get<{ result: T }>(key);
      if (previous) return previous.result;
      const result = await work();
      await this.state.set(key, { result });
      return result;
    })();
    this.inFlight.set(key, attempt);
    try {
      return await attempt;
    } finally {
      this.inFlight.delete(key);
    }
  }

  readonly catalog = {
    list: (query: CatalogQuery, options?: CallOptions): Promise<CatalogPage> =>
      this.call(options, (data) => applyCatalogQuery(data.products, query, this.now())),
    get: (sku: string, options?: CallOptions): Promise<Product | null> =>
      this.call(options, (data) => data.products.find((product) => product.sku === sku) ?? null),
    byIds: (ids: string[], options?: CallOptions): Promise<Product[]> =>
      this.call(options, (data) => {
        const byId = new Map(data.products.map((product) => [product.id, product]));
        return checkIds(ids).flatMap((id) => byId.get(id) ?? []);
      }),
    facets: (options?: CallOptions): Promise<{ series: Facet[]; categories: Facet[] }> =>
      this.call(options, (data) => ({ series: data.series, categories: data.categories })),
    promotions: (options?: CallOptions): Promise<Promotion[]> => this.call(options, (data) => data.promotions),
  };

  readonly help = {
    articles: (options?: CallOptions): Promise<HelpArticle[]> => this.call(options, (data) => data.helpArticles),
  };

  readonly orders = {
    track: (orderNumber: string, contact: string, options?: CallOptions): Promise<Order | null> =>
      this.call(options, async (data) => {
        // People type order numbers with spaces or dashes ("SF 20261125-018").
        const number = String(orderNumber ?? '')
          .replace(/[\s-]/g, '')
          .toUpperCase();
        const who = normalizeContact(contact);
        if (!number || !who)
          throw new StorefrontError('validation', 'An order number and a phone number or e-mail are required.');
        const placed = await this.state.list<StoredOrder>('order:');
        const order = [...data.orders, ...placed].find((candidate) => candidate.number === number);
        // Same answer for a wrong number and a wrong contact: order numbers are not secret.
        if (!order || !order.contact.some((known) => normalizeContact(known) === who)) return null;
        const { contact: _hidden, ...visible } = order;
        return visible;
      }),
  };

  /** The guestbook, visit and mail parts load with the first call that needs them. */
  private engagement(): Promise<typeof import('./local-engagement.js')> {
    return import('./local-engagement.js');
  }

  private newsletterPart(): Promise<typeof import('./local-newsletter.js')> {
    return import('./local-newsletter.js');
  }

  private get context(): LocalContext {
    return { state: this.state, now: () => this.now() };
  }

  private get mailSettings(): MailSettings {
    const origin = globalThis.location?.origin;
    return {
      linkBase: this.options.mailLinkBase ?? (origin?.startsWith('http') ? origin : 'https://shop.example'),
      cooldownMs: this.options.mailCooldownMs ?? MAIL_COOLDOWN_MS,
      feedbackAddresses: this.options.feedbackAddresses?.length ? this.options.feedbackAddresses : ['service@example.com'],
    };
  }

  readonly guestbook = {
    list: (topic: string, page: { cursor?: string; limit?: number } = {}, options?: CallOptions): Promise<GuestbookPage> =>
      this.call(options, async (data) => (await this.engagement()).listGuestbook(this.context, data.guestbook, topic, page)),
    post: (entry: GuestbookPost, options: WriteOptions): Promise<GuestbookEntry> =>
      this.call(options, () =>
        this.once('guestbook', options, async () => (await this.engagement()).postGuestbook(this.context, entry)),
      ),
  };

  /**
   * The staff's approve / hide / pin of a guestbook entry (demo entries too), what the reference
   * server does on `PATCH /api/staff/guestbook/{id}`: for a demo back office and for tests.
   */
  async moderateGuestbook(id: string, change: GuestbookModeration): Promise<GuestbookEntry> {
    return this.call(undefined, async (data) =>
      (await this.engagement()).moderateGuestbook(this.context, data.guestbook, id, change),
    );
  }

  readonly visits = {
    record: (events: VisitEvent[], options: WriteOptions): Promise<void> =>
      this.call(options, () =>
        this.once('visits', options, async () => (await this.engagement()).recordVisits(this.context, events)),
      ),
    stats: (topics?: string[], options?: CallOptions): Promise<VisitStats[]> =>
      this.call(options, async () => (await this.engagement()).visitStats(this.context, topics)),
    daily: (topics?: string[], range?: DayRange, options?: CallOptions): Promise<DailyVisits[]> =>
      this.call(options, async () => (await this.engagement()).dailyVisits(this.context, topics, range)),
    topProducts: (range?: DayRange & { limit?: number }, options?: CallOptions): Promise<ProductVisits[]> =>
      this.call(options, async () => (await this.engagement()).topProducts(this.context, range)),
  };

  readonly newsletter = {
    subscribe: (request: SubscribeRequest, options: WriteOptions): Promise<Subscription> =>
      this.call(options, () =>
        this.once('newsletter', options, async () =>
          (await this.newsletterPart()).subscribe(this.context, this.mailSettings, request),
        ),
      ),
    confirm: (token: string, options?: CallOptions): Promise<Subscription> =>
      this.call(options, async () => (await this.newsletterPart()).setSubscription(this.context, 'confirm', token)),
    unsubscribe: (token: string, options?: CallOptions): Promise<Subscription> =>
      this.call(options, async () => (await this.newsletterPart()).setSubscription(this.context, 'unsubscribe', token)),
  };

  readonly feedback = {
    send: (message: FeedbackMessage, options: WriteOptions): Promise<FeedbackReceipt> =>
      this.call(options, () =>
        this.once('feedback', options, async () =>
          (await this.newsletterPart()).sendFeedback(this.context, this.mailSettings, message),
        ),
      ),
  };

  /**
   * The mails this adapter would have sent (newsletter confirmations with their links, feedback
   * for the staff), newest first, optionally only those to `address`. A browser cannot send
   * mail, so the demo shows this outbox instead; it ignores simulated latency and failure.
   */
  async mailbox(address?: string): Promise<LocalMail[]> {
    const { readLocalMail } = await import('./local-mail.js');
    return readLocalMail(this.context, address);
  }

  readonly checkout = {
    paymentMethods: (options?: CallOptions): Promise<PaymentMethod[]> => this.call(options, (data) => data.paymentMethods),
    begin: (request: CheckoutRequest, options: WriteOptions): Promise<CheckoutSession> =>
      this.call(options, (data) =>
        this.once('checkout', options, async () => {
          if (!data.paymentMethods.some((method) => method.id === request?.paymentMethod)) {
            throw new StorefrontError('validation', 'Choose a payment method.', { detail: { field: 'paymentMethod' } });
          }
          if (!Array.isArray(request.lines) || request.lines.length === 0) {
            throw new StorefrontError('validation', 'The cart is empty.', { detail: { field: 'lines' } });
          }
          const now = this.now();
          const wanted = new Map<string, number>();
          for (const { sku, quantity } of request.lines) wanted.set(sku, (wanted.get(sku) ?? 0) + (Number(quantity) || 0));
          const picked = request.lines.map(({ sku, quantity }) => {
            const product = data.products.find((candidate) => candidate.sku === sku);
            if (!product) throw new StorefrontError('not-found', `No product has the sku "${sku}".`, { detail: { sku } });
            if (!Number.isSafeInteger(quantity) || quantity < 1)
              throw new StorefrontError('validation', 'Quantities must be whole numbers.');
            // Stock is per sku: two lines of one sku (two variants) count together.
            if (product.stock !== undefined && (wanted.get(sku) ?? 0) > product.stock) {
              throw new StorefrontError('conflict', `Only ${product.stock} of "${product.title}" left.`, {
                detail: { sku, stock: product.stock },
              });
            }
            return { product, quantity };
          });
          // The order is priced like the cart: the shop's promotions for the signed-in member.
          const member = await this.currentMember();
          const priced = priceCart({ lines: picked, promotions: data.promotions, member, now });
          const lines = picked.map(({ product, quantity }, i) => ({
            sku: product.sku,
            title: product.title,
            quantity,
            unitPrice: priced.lines[i]!.unitPrice,
          }));
          const total = priced.total;
          const expected = request.expectedTotal;
          if (expected !== undefined && (expected?.amount !== total.amount || expected?.currency !== total.currency)) {
            throw new StorefrontError('conflict', 'Prices changed since the cart was shown: check the new total.', {
              detail: { field: 'expectedTotal', expected, actual: total },
            });
          }
          const number = await this.nextOrderNumber(data, now);
          const contact = [request.contact, member?.email].filter((value): value is string => Boolean(value));
          const order: StoredOrder = {
            number,
            status: 'placed',
            placedAt: now,
            lines,
            total,
            timeline: [{ status: 'placed', at: now }],
            contact,
          };
          await this.state.set(`order:${number}`, order);
          return { url: `#sf-checkout=${number}`, orderNumber: number, total };
        }),
      ),
  };

  /** SF + date + a per-day sequence kept in the adapter's state; never reuses a number. */
  private async nextOrderNumber(data: DemoData, now: number): Promise<string> {
    const date = new Date(now);
    const stamp = `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}`;
    const taken = new Set(data.orders.map((order) => order.number));
    for (;;) {
      const sequence = await this.state.update<number>(`order-sequence:${stamp}`, (current) => (current ?? 500) + 1);
      const number = `SF${stamp}${String(sequence).padStart(3, '0')}`;
      if (!taken.has(number) && !(await this.state.get(`order:${number}`))) return number;
    }
  }

  private async currentMember(): Promise<Member | null> {
    const email = await this.state.get<string>('session');
    if (!email) return null;
    const data = await this.data();
    const known = [...data.members, ...(await this.state.list<StoredMember>('member:'))];
    return known.find((entry) => entry.member.email === email)?.member ?? null;
  }

  readonly account = {
    signIn: (request: SignInRequest, options?: CallOptions): Promise<Member> =>
      this.call(options, async (data) => {
        const email = normalizeEmail(request?.email);
        const known = [...data.members, ...(await this.state.list<StoredMember>('member:'))];
        const match = known.find((entry) => entry.member.email === email && entry.password === request.password);
        if (!match)
          throw new StorefrontError('validation', 'The e-mail or password is not right.', { detail: { field: 'password' } });
        await this.state.set('session', email);
        return match.member;
      }),
    signUp: (request: SignUpRequest, options?: CallOptions): Promise<Member> =>
      this.call(options, async (data) => {
        const email = normalizeEmail(request?.email);
        const name = String(request?.name ?? '').trim();
        if (!name) throw new StorefrontError('validation', 'A name is required.', { detail: { field: 'name' } });
        if (String(request.password ?? '').length < 8) {
          throw new StorefrontError('validation', 'The password needs at least 8 characters.', { detail: { field: 'password' } });
        }
        const taken = data.members.some((entry) => entry.member.email === email) || (await this.state.get(`member:${email}`));
        if (taken) throw new StorefrontError('conflict', 'This e-mail already has an account.', { detail: { field: 'email' } });
        const member: Member = { id: `m-${randomToken().slice(0, 10)}`, name, email, tier: 'member', since: this.now() };
        await this.state.set(`member:${email}`, { member, password: request.password } satisfies StoredMember);
        await this.state.set('session', email);
        return member;
      }),
    signOut: (options?: CallOptions): Promise<void> => this.call(options, () => this.state.delete('session')),
    current: (options?: CallOptions): Promise<Member | null> => this.call(options, () => this.currentMember()),
  };

  close(): void {
    void this.state.close();
  }
}
