import { expect } from '@open-wc/testing';
import {
  CAPABILITIES,
  capabilitiesOf,
  isAdapter,
  requireCapability,
  type AdapterCapabilities,
  type Capability,
  type StorefrontAdapter,
} from '../../src/adapter/adapter.js';
import { StorefrontError, type StorefrontErrorCode } from '../../src/core/errors.js';
import type { FeedbackMessage, GuestbookEntry, GuestbookPost, HelpTopic, Product, SortOrder } from '../../src/core/types.js';

/**
 * What the backend under test is known to hold. The suite reads these and writes only data it
 * invents itself (random topics, e-mail addresses, idempotency keys), so it can run again and
 * again against a backend that keeps its state, and next to other test runs.
 */
export interface ConformanceFixtures {
  catalog: {
    /** A product the catalog holds, with stock left to buy one unit of. */
    sku: string;
    /** A Chinese substring of that product's (zh-CN) title, e.g. `纯棉短袖`. */
    titleFragment: string;
    /** A series id some (not all) products belong to. */
    series: string;
    /** A category id some (not all) products belong to. */
    category: string;
  };
  /** An order the backend holds, and a phone number or e-mail it can be tracked with. */
  order?: { number: string; contact: string };
  /** A guestbook topic that already has at least two public entries. */
  guestbook?: { topic: string };
  /** An existing member's credentials. */
  member?: { email: string; password: string };
  /** The mailing list to subscribe to (default `newsletter`). */
  newsletterList?: string;
  /** The backend's clock, to judge flash-sale prices (default `Date.now`). */
  now?: () => number;
  /**
   * The confirmation token of the newest newsletter mail the backend sent `email` for `list`
   * (read from its outbox: the answer to a sign-up never carries it). Without it the tests that
   * confirm are skipped. {@link newsletterTokenFromMail} finds the token in a mail's text.
   */
  readConfirmationToken?: (email: string, list: string) => Promise<string>;
  /** The unsubscribe token of that mail; default: the confirmation token (one token for both). */
  readUnsubscribeToken?: (email: string, list: string) => Promise<string>;
  /** Every mail the backend sent `address` (its outbox), newest first; checks the cool-down and headers. */
  readMail?: (address: string) => Promise<ConformanceMail[]>;
  /** What only the staff may do, through the backend's staff API. */
  staff?: {
    /** Approves, hides or pins a guestbook entry. */
    moderateGuestbook?: (id: string, change: { pinned?: boolean; hidden?: boolean; approved?: boolean }) => Promise<void>;
  };
}

/** A mail as an outbox shows it (the local adapter's `mailbox()`, the server's `/api/staff/mail`). */
export interface ConformanceMail {
  subject: string;
  text: string;
  headers: Record<string, string>;
}

/**
 * The token of the first `/newsletter/confirm?token=` (or `unsubscribe`) link in a mail's text,
 * the links both the local adapter and the reference server write.
 */
export function newsletterTokenFromMail(text: string, kind: 'confirm' | 'unsubscribe'): string | undefined {
  const match = new RegExp(`/newsletter/${kind}\\?token=([A-Za-z0-9._~%-]+)`).exec(text);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

/** A header of `mail` by name, compared case-insensitively as mail headers are. */
function header(mail: ConformanceMail, name: string): string | undefined {
  return Object.entries(mail.headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
}

/** Every help topic the help centre has a section for (checked exhaustive at compile time). */
const HELP_TOPICS = ['guide', 'promise', 'returns', 'payment', 'delivery', 'dispatch'] as const satisfies readonly HelpTopic[];
type MissingTopic = Exclude<HelpTopic, (typeof HELP_TOPICS)[number]>;
const noTopicMissing: MissingTopic extends never ? true : false = true;
void noTopicMissing;

const DEFAULT_PAGE_SIZE = 24;
const MAX_PAGE_SIZE = 200;

/** Runs `run` and checks it rejects (not throws synchronously) with a StorefrontError of `code`. */
export async function expectRejection(
  run: () => Promise<unknown>,
  code: StorefrontErrorCode,
  what = '',
): Promise<StorefrontError> {
  let promise: Promise<unknown>;
  try {
    promise = run();
  } catch (error) {
    expect.fail(`${what} threw synchronously instead of rejecting: ${String(error)}`);
  }
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    expect(error, `${what} should reject with a StorefrontError`).to.be.instanceOf(StorefrontError);
    expect((error as StorefrontError).code, `${what}: ${(error as Error).message}`).to.equal(code);
    return error as StorefrontError;
  }
  expect.fail(`${what} should reject with "${code}" but resolved with ${JSON.stringify(value)?.slice(0, 200)}`);
}

function randomId(): string {
  return Math.random().toString(36).slice(2, 10) + Date.now().toString(36);
}

function skus(items: readonly Product[]): string[] {
  return items.map((item) => item.sku);
}

/** The price a product sells at `now` (Pricing: flash-sale price inside its window, else list). */
function priceAt(product: Product, now: number): number {
  const sale = product.flashSale;
  return sale && now >= sale.startsAt && now < sale.endsAt ? sale.price.amount : product.price.amount;
}

/** The shop's day (`YYYY-MM-DD`, Asia/Shanghai) of an instant. */
function shopDay(at: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** A guestbook listing's order: pinned entries first, then newest first within each group. */
function expectGuestbookOrder(entries: readonly GuestbookEntry[]): void {
  const pinned = entries.map((entry) => entry.pinned === true);
  expect(pinned, 'pinned entries first').to.deep.equal([...pinned].sort((a, b) => Number(b) - Number(a)));
  for (const group of [true, false]) {
    expectSorted(
      entries.filter((entry) => (entry.pinned === true) === group).map((entry) => entry.createdAt),
      'desc',
      group ? 'createdAt of pinned entries' : 'createdAt',
    );
  }
}

function expectSorted(values: number[], direction: 'asc' | 'desc', label: string): void {
  for (let i = 1; i < values.length; i += 1) {
    const ok = direction === 'asc' ? values[i - 1]! <= values[i]! : values[i - 1]! >= values[i]!;
    expect(ok, `${label}: position ${i - 1} (${values[i - 1]}) then ${i} (${values[i]})`).to.be.true;
  }
}

/** Every page of a guestbook topic, following cursors (at most `maxPages`). */
async function allGuestbookPages(
  adapter: StorefrontAdapter,
  topic: string,
  limit: number,
  maxPages = 100,
): Promise<GuestbookEntry[][]> {
  const pages: GuestbookEntry[][] = [];
  let cursor: string | undefined;
  for (let i = 0; i < maxPages; i += 1) {
    const page = await adapter.guestbook!.list(topic, cursor === undefined ? { limit } : { cursor, limit });
    pages.push(page.entries);
    if (page.cursor === undefined) return pages;
    expect(page.entries.length, 'a page with a next cursor is not empty').to.be.greaterThan(0);
    cursor = page.cursor;
  }
  expect.fail(`the guestbook topic ${topic} still had a cursor after ${maxPages} pages`);
}

/**
 * Registers the conformance suite every adapter (local, rest, or one a user writes) must pass.
 * `factory` is called before each test; the adapter is closed after it.
 */
export function testAdapter(
  name: string,
  factory: () => StorefrontAdapter | Promise<StorefrontAdapter>,
  fixtures: ConformanceFixtures,
): void {
  const now = fixtures.now ?? Date.now;

  describe(`adapter conformance: ${name}`, () => {
    let adapter: StorefrontAdapter;

    beforeEach(async () => {
      adapter = await factory();
    });

    afterEach(() => {
      adapter?.close?.();
    });

    /** A describe block that runs only when the adapter has `capability`. */
    function group<K extends Capability>(capability: K, body: (use: () => NonNullable<AdapterCapabilities[K]>) => void): void {
      describe(capability, function () {
        beforeEach(function () {
          if (!capabilitiesOf(adapter).includes(capability)) this.skip();
        });
        body(() => requireCapability(adapter, capability));
      });
    }

    describe('shape', () => {
      it('is an adapter with a name and a catalog, and reports what it offers', () => {
        expect(isAdapter(adapter)).to.be.true;
        expect(adapter.name).to.be.a('string').and.not.equal('');
        const offered = capabilitiesOf(adapter);
        expect(offered).to.include('catalog');
        for (const capability of CAPABILITIES) {
          if (offered.includes(capability)) {
            expect(requireCapability(adapter, capability)).to.be.an('object');
          } else {
            let failure: unknown;
            try {
              requireCapability(adapter, capability);
            } catch (error) {
              failure = error;
            }
            expect((failure as StorefrontError)?.code, capability).to.equal('unsupported');
          }
        }
      });
    });

    group('catalog', (catalog) => {
      it('lists the first page by default: {items, total} with the default page size', async () => {
        const page = await catalog().list({});
        expect(page.items).to.be.an('array');
        expect(page.total).to.be.a('number');
        expect(Number.isSafeInteger(page.total)).to.be.true;
        expect(page.total).to.be.at.least(page.items.length);
        expect(page.items.length).to.equal(Math.min(page.total, DEFAULT_PAGE_SIZE));
        for (const item of page.items) {
          expect(item.sku).to.be.a('string').and.not.equal('');
          expect(item.id).to.be.a('string').and.not.equal('');
          expect(Number.isSafeInteger(item.price.amount), item.sku).to.be.true;
        }
        expect(new Set(skus(page.items)).size, 'no sku twice on a page').to.equal(page.items.length);
      });

      it('pages: page 2 continues page 1 without overlap, beyond the last page is empty', async () => {
        const size = 5;
        const [first, second, both] = await Promise.all([
          catalog().list({ page: 1, pageSize: size }),
          catalog().list({ page: 2, pageSize: size }),
          catalog().list({ page: 1, pageSize: 2 * size }),
        ]);
        expect(first.total, 'enough products to page').to.be.greaterThan(size);
        expect(first.items).to.have.length(size);
        expect(second.total).to.equal(first.total);
        const overlap = skus(second.items).filter((sku) => skus(first.items).includes(sku));
        expect(overlap, 'page 2 repeats page 1').to.deep.equal([]);
        expect([...skus(first.items), ...skus(second.items)]).to.deep.equal(skus(both.items));

        const lastPage = Math.ceil(first.total / size);
        const last = await catalog().list({ page: lastPage, pageSize: size });
        expect(last.items).to.have.length(first.total - (lastPage - 1) * size);
        const beyond = await catalog().list({ page: lastPage + 1, pageSize: size });
        expect(beyond.items).to.deep.equal([]);
        expect(beyond.total).to.equal(first.total);
      });

      it('walks the whole catalog page by page, every product exactly once', async () => {
        const size = 7;
        const { total } = await catalog().list({ pageSize: size });
        const seen: string[] = [];
        for (let page = 1; page <= Math.ceil(total / size); page += 1) {
          seen.push(...skus((await catalog().list({ page, pageSize: size })).items));
        }
        expect(seen).to.have.length(total);
        expect(new Set(seen).size).to.equal(total);
      });

      it('filters by series: every item matches and the total shrinks', async () => {
        const all = await catalog().list({ pageSize: MAX_PAGE_SIZE });
        const filtered = await catalog().list({ series: fixtures.catalog.series, pageSize: MAX_PAGE_SIZE });
        expect(filtered.total).to.be.greaterThan(0);
        expect(filtered.total).to.be.lessThan(all.total);
        expect(filtered.items).to.have.length(Math.min(filtered.total, MAX_PAGE_SIZE));
        for (const item of filtered.items) expect(item.series, item.sku).to.equal(fixtures.catalog.series);
      });

      it('filters by category: every item matches and the total shrinks', async () => {
        const all = await catalog().list({ pageSize: MAX_PAGE_SIZE });
        const filtered = await catalog().list({ category: fixtures.catalog.category, pageSize: MAX_PAGE_SIZE });
        expect(filtered.total).to.be.greaterThan(0);
        expect(filtered.total).to.be.lessThan(all.total);
        for (const item of filtered.items) expect(item.category, item.sku).to.equal(fixtures.catalog.category);
        const both = await catalog().list({
          series: fixtures.catalog.series,
          category: fixtures.catalog.category,
          pageSize: MAX_PAGE_SIZE,
        });
        for (const item of both.items) {
          expect([item.series, item.category], item.sku).to.deep.equal([fixtures.catalog.series, fixtures.catalog.category]);
        }
      });

      const orders: [SortOrder, (product: Product, at: number) => number, 'asc' | 'desc'][] = [
        ['price-asc', priceAt, 'asc'],
        ['price-desc', priceAt, 'desc'],
        ['newest', (product) => product.createdAt ?? 0, 'desc'],
        ['rating', (product) => product.rating?.average ?? 0, 'desc'],
      ];
      for (const [sort, key, direction] of orders) {
        it(`sorts by ${sort}, across pages too`, async () => {
          const at = now();
          const page = await catalog().list({ sort, pageSize: MAX_PAGE_SIZE });
          expect(page.items.length).to.be.greaterThan(1);
          expectSorted(
            page.items.map((item) => key(item, at)),
            direction,
            sort,
          );
          const [first, second] = await Promise.all([
            catalog().list({ sort, page: 1, pageSize: 4 }),
            catalog().list({ sort, page: 2, pageSize: 4 }),
          ]);
          expectSorted(
            [...first.items, ...second.items].map((item) => key(item, at)),
            direction,
            `${sort}, pages 1-2`,
          );
        });
      }

      it('sorts by price at the flash-sale price while a sale runs', async () => {
        const at = now();
        const { items } = await catalog().list({ sort: 'price-asc', pageSize: MAX_PAGE_SIZE });
        const onSale = items.filter((item) => item.flashSale && priceAt(item, at) !== item.price.amount);
        // Nothing to check on a backend without a running flash sale.
        for (const sale of onSale) {
          const index = items.indexOf(sale);
          for (const before of items.slice(0, index)) expect(priceAt(before, at)).to.be.at.most(priceAt(sale, at));
          for (const after of items.slice(index + 1)) expect(priceAt(after, at)).to.be.at.least(priceAt(sale, at));
        }
      });

      it('finds the known product by a Chinese substring of its title', async () => {
        const all = await catalog().list({});
        const found = await catalog().list({ query: fixtures.catalog.titleFragment, pageSize: MAX_PAGE_SIZE });
        expect(skus(found.items)).to.include(fixtures.catalog.sku);
        expect(found.total).to.be.at.most(all.total);
        const none = await catalog().list({ query: 'zqxj不存在的商品名称qq' });
        expect(none).to.deep.include({ items: [], total: 0 });
      });

      it('gets a product by sku, and null for an unknown sku', async () => {
        const product = await catalog().get(fixtures.catalog.sku);
        expect(product?.sku).to.equal(fixtures.catalog.sku);
        expect(product?.title).to.contain(fixtures.catalog.titleFragment);
        expect(await catalog().get(`NO-SUCH-SKU-${randomId()}`)).to.equal(null);
      });

      for (const page of [0, -1, 2.5, Number.NaN]) {
        it(`rejects page ${page} as validation`, async () => {
          await expectRejection(() => catalog().list({ page }), 'validation', `page ${page}`);
        });
      }
      for (const pageSize of [0, -1, 2.5, 10_000]) {
        it(`rejects pageSize ${pageSize} as validation`, async () => {
          await expectRejection(() => catalog().list({ pageSize }), 'validation', `pageSize ${pageSize}`);
        });
      }
      it('rejects an unknown sort order as validation', async () => {
        await expectRejection(() => catalog().list({ sort: 'cheapest' as SortOrder }), 'validation', 'sort');
      });

      it('rejects every call with an already aborted signal as aborted', async () => {
        const controller = new AbortController();
        controller.abort();
        const { signal } = controller;
        await expectRejection(() => catalog().list({}, { signal }), 'aborted', 'list');
        await expectRejection(() => catalog().get(fixtures.catalog.sku, { signal }), 'aborted', 'get');
        await expectRejection(() => catalog().facets({ signal }), 'aborted', 'facets');
        await expectRejection(() => catalog().promotions({ signal }), 'aborted', 'promotions');
      });

      it('returns facets that include the known series and category, and promotions', async () => {
        const facets = await catalog().facets();
        expect(facets.series).to.be.an('array');
        expect(facets.categories).to.be.an('array');
        expect(facets.series.map((facet) => facet.id)).to.include(fixtures.catalog.series);
        expect(facets.categories.map((facet) => facet.id)).to.include(fixtures.catalog.category);
        for (const facet of [...facets.series, ...facets.categories]) expect(facet.title).to.be.a('string');
        const promotions = await catalog().promotions();
        expect(promotions).to.be.an('array');
        for (const promotion of promotions) expect(promotion.kind).to.be.oneOf(['vip', 'threshold', 'add-on', 'shipping']);
      });

      it('gets products by id in the order asked, leaving unknown ids out', async function () {
        if (!catalog().byIds) this.skip();
        const { items } = await catalog().list({ pageSize: 5 });
        expect(items.length, 'enough products').to.be.at.least(3);
        const [a, b, c] = items as [Product, Product, Product];
        const found = await catalog().byIds!([c.id, `no-such-id-${randomId()}`, a.id, b.id]);
        expect(skus(found)).to.deep.equal([c.sku, a.sku, b.sku]);
        expect(found[1]).to.deep.equal(await catalog().get(a.sku));
        expect(await catalog().byIds!([])).to.deep.equal([]);
        expect(await catalog().byIds!([`no-such-id-${randomId()}`])).to.deep.equal([]);
      });

      it('rejects more than 100 ids as validation', async function () {
        if (!catalog().byIds) this.skip();
        const ids = Array.from({ length: 101 }, (_, i) => `id-${i}-${randomId()}`);
        await expectRejection(() => catalog().byIds!(ids), 'validation', '101 ids');
      });

      it('returns copies: changing a returned product changes nothing the next call returns', async () => {
        const product = (await catalog().get(fixtures.catalog.sku))!;
        const original = structuredClone(product);
        product.title = 'changed';
        product.price = { ...product.price, amount: 1 };
        product.tags?.push('changed');
        const listed = (await catalog().list({ query: fixtures.catalog.titleFragment, pageSize: MAX_PAGE_SIZE })).items;
        const inList = listed.find((item) => item.sku === fixtures.catalog.sku)!;
        inList.title = 'changed in list';
        expect(await catalog().get(fixtures.catalog.sku)).to.deep.equal(original);
        const again = await catalog().list({ query: fixtures.catalog.titleFragment, pageSize: MAX_PAGE_SIZE });
        expect(again.items.find((item) => item.sku === fixtures.catalog.sku)).to.deep.equal(original);
        const facets = await catalog().facets();
        facets.series.length = 0;
        expect((await catalog().facets()).series.length).to.be.greaterThan(0);
      });
    });

    group('help', (help) => {
      it('has articles covering every help topic', async () => {
        const articles = await help().articles();
        const topics = new Set(articles.map((article) => article.topic));
        for (const topic of HELP_TOPICS) expect(topics.has(topic), topic).to.be.true;
        for (const article of articles) {
          expect(article.id).to.be.a('string').and.not.equal('');
          expect(article.title, article.id).to.be.a('string').and.not.equal('');
          expect(article.body, article.id).to.be.a('string').and.not.equal('');
          expect(HELP_TOPICS as readonly string[], article.id).to.include(article.topic);
        }
        expect(new Set(articles.map((article) => article.id)).size).to.equal(articles.length);
      });
    });

    group('orders', (orders) => {
      before(function () {
        if (!fixtures.order) this.skip();
      });

      it('tracks the known order by number and contact, with a timeline and no contact data', async () => {
        const { number, contact } = fixtures.order!;
        const order = await orders().track(number, contact);
        expect(order?.number).to.equal(number);
        expect(order!.timeline).to.be.an('array').that.is.not.empty;
        expect(order!.timeline[0]!.status).to.equal('placed');
        expect(order!.timeline.at(-1)!.status).to.equal(order!.status);
        for (let i = 1; i < order!.timeline.length; i += 1) {
          expect(order!.timeline[i]!.at).to.be.at.least(order!.timeline[i - 1]!.at);
        }
        expect(order!.lines).to.be.an('array').that.is.not.empty;
        expect(order).to.not.have.property('contact');
      });

      it('answers a wrong contact and an unknown number alike: null', async () => {
        const { number, contact } = fixtures.order!;
        const wrongContact = await orders().track(number, contact.includes('@') ? `x${contact}` : '13000000001');
        const unknownNumber = await orders().track(`SF${randomId().toUpperCase()}`, contact);
        expect(wrongContact).to.equal(null);
        expect(unknownNumber).to.equal(null);
      });

      it('ignores case and surrounding spaces in the order number', async () => {
        const { number, contact } = fixtures.order!;
        const typed = await orders().track(`  ${number.toLowerCase()}\t `, ` ${contact} `);
        expect(typed?.number).to.equal(number);
      });

      it('rejects an empty number or contact as validation', async () => {
        const { number, contact } = fixtures.order!;
        await expectRejection(() => orders().track('', contact), 'validation', 'empty number');
        await expectRejection(() => orders().track('   ', contact), 'validation', 'blank number');
        await expectRejection(() => orders().track(number, ''), 'validation', 'empty contact');
        await expectRejection(() => orders().track(number, '  '), 'validation', 'blank contact');
      });
    });

    group('guestbook', (guestbook) => {
      const post = (topic: string, extra: Partial<GuestbookPost> = {}): GuestbookPost => ({
        topic,
        author: '测试员',
        body: `测试留言 ${randomId()}`,
        ...extra,
      });
      const key = () => `conformance-${randomId()}`;

      it('lists a topic page by page with cursors: pinned first, then newest, no entry twice', async function () {
        if (!fixtures.guestbook) this.skip();
        const topic = fixtures.guestbook!.topic;
        const everything = (await guestbook().list(topic, { limit: 50 })).entries;
        expect(everything.length).to.be.at.least(2);
        const pages = await allGuestbookPages(adapter, topic, 1);
        expect(pages.length).to.be.at.least(2);
        const walked = pages.flat();
        expect(walked.map((entry) => entry.id)).to.have.members(everything.map((entry) => entry.id));
        expect(new Set(walked.map((entry) => entry.id)).size).to.equal(walked.length);
        expectGuestbookOrder(walked);
        for (const entry of walked) {
          expect(entry.topic).to.equal(topic);
          expect(entry.replies).to.be.an('array');
        }
      });

      it('pages its own posts: every one once, newest first, and an unknown topic is empty', async () => {
        const topic = `conformance-${randomId()}`;
        const posted: string[] = [];
        for (let i = 0; i < 5; i += 1)
          posted.push((await guestbook().post(post(topic, { body: `第${i}条` }), { idempotencyKey: key() })).id);
        const pages = await allGuestbookPages(adapter, topic, 2);
        expect(pages.map((page) => page.length)).to.deep.equal([2, 2, 1]);
        const walked = pages.flat();
        expect(walked.map((entry) => entry.id)).to.have.members(posted);
        expectSorted(
          walked.map((entry) => entry.createdAt),
          'desc',
          'createdAt',
        );
        const empty = await guestbook().list(`conformance-empty-${randomId()}`);
        expect(empty.entries).to.deep.equal([]);
        expect(empty.cursor).to.equal(undefined);
      });

      it('keeps the next page stable when someone posts between two pages', async () => {
        const topic = `conformance-${randomId()}`;
        for (let i = 0; i < 4; i += 1) await guestbook().post(post(topic, { body: `旧留言 ${i}` }), { idempotencyKey: key() });
        const first = await guestbook().list(topic, { limit: 2 });
        expect(first.cursor).to.be.a('string');
        // Let the backend's clock move on, so the new entry is strictly the newest.
        await new Promise((resolve) => setTimeout(resolve, 20));
        await guestbook().post(post(topic, { body: '翻页时的新留言' }), { idempotencyKey: key() });
        const second = await guestbook().list(topic, { cursor: first.cursor, limit: 2 });
        const firstIds = first.entries.map((entry) => entry.id);
        expect(
          second.entries.map((entry) => entry.id).filter((id) => firstIds.includes(id)),
          'entries of page 1 shown again on page 2',
        ).to.deep.equal([]);
      });

      it('posts an entry and lists it; the same idempotency key twice posts once', async () => {
        const topic = `conformance-${randomId()}`;
        const idempotencyKey = key();
        const entry = await guestbook().post(post(topic, { body: '很好用', rating: 5 }), { idempotencyKey });
        expect(entry).to.deep.include({ topic, author: '测试员', body: '很好用', rating: 5 });
        expect(entry.id).to.be.a('string').and.not.equal('');
        expect(entry.replies).to.deep.equal([]);
        const again = await guestbook().post(post(topic, { body: '很好用', rating: 5 }), { idempotencyKey });
        expect(again.id).to.equal(entry.id);
        const { entries } = await guestbook().list(topic);
        expect(entries.map((listed) => listed.id)).to.deep.equal([entry.id]);
      });

      it('posts once when the same idempotency key arrives twice at the same time (double click)', async () => {
        const topic = `conformance-${randomId()}`;
        const idempotencyKey = key();
        const [a, b] = await Promise.all([
          guestbook().post(post(topic, { body: '双击' }), { idempotencyKey }),
          guestbook().post(post(topic, { body: '双击' }), { idempotencyKey }),
        ]);
        expect(b.id).to.equal(a.id);
        const { entries } = await guestbook().list(topic);
        expect(entries).to.have.length(1);
      });

      it('stores markup verbatim as text, neither running nor stripping it', async () => {
        const topic = `conformance-${randomId()}`;
        const body =
          '<script>alert(1)</script><img src=x onerror="window.__sfConformanceXss=1"> & "引号" ' +
          '<a href="javascript:window.__sfConformanceXss=2">点我</a> [链接](javascript:alert(1))';
        const entry = await guestbook().post(post(topic, { body, author: '<b>Bob</b>' }), { idempotencyKey: key() });
        expect(entry.body).to.equal(body);
        const { entries } = await guestbook().list(topic);
        expect(entries[0]!.body).to.equal(body);
        expect(entries[0]!.author).to.equal('<b>Bob</b>');
        expect((window as unknown as { __sfConformanceXss?: number }).__sfConformanceXss).to.equal(undefined);
      });

      it('keeps a private contact out of every answer, and accepts the form fill time', async () => {
        const topic = `conformance-${randomId()}`;
        const secret = `secret-${randomId()}@example.com`;
        const entry = await guestbook().post(post(topic, { contact: secret, fillMs: 30_000 }), { idempotencyKey: key() });
        expect(entry).to.not.have.property('contact');
        expect(JSON.stringify(entry)).to.not.contain(secret);
        const page = await guestbook().list(topic);
        expect(page.entries.map((listed) => listed.id)).to.deep.equal([entry.id]);
        expect(JSON.stringify(page), 'the listing').to.not.contain(secret);
      });

      it('lists an entry the staff pinned before newer ones, and no longer lists a hidden one', async function () {
        const moderate = fixtures.staff?.moderateGuestbook;
        if (!moderate) this.skip();
        const topic = `conformance-${randomId()}`;
        const ids: string[] = [];
        for (let i = 0; i < 3; i += 1) {
          if (i > 0) await new Promise((resolve) => setTimeout(resolve, 15)); // strictly newer each time
          ids.push((await guestbook().post(post(topic, { body: `置顶测试 ${i}` }), { idempotencyKey: key() })).id);
        }
        const [oldest, middle, newest] = ids as [string, string, string];
        const listed = async (limit = 10) => (await allGuestbookPages(adapter, topic, limit)).flat();
        expect((await listed()).map((entry) => entry.id)).to.deep.equal([newest, middle, oldest]);

        await moderate!(oldest, { pinned: true });
        const pinned = await listed();
        expect(pinned.map((entry) => entry.id)).to.deep.equal([oldest, newest, middle]);
        expect(pinned[0]!.pinned).to.equal(true);
        expect(pinned.slice(1).map((entry) => entry.pinned ?? false)).to.deep.equal([false, false]);
        expect(
          (await listed(1)).map((entry) => entry.id),
          'page by page',
        ).to.deep.equal([oldest, newest, middle]);

        await moderate!(newest, { hidden: true });
        expect((await listed()).map((entry) => entry.id)).to.deep.equal([oldest, middle]);
        await moderate!(oldest, { pinned: false });
        expect((await listed()).map((entry) => entry.id)).to.deep.equal([middle, oldest]);
      });

      it('rejects an empty or overlong body and a bad rating as validation', async () => {
        const topic = `conformance-${randomId()}`;
        const cases: [string, GuestbookPost][] = [
          ['empty body', post(topic, { body: '' })],
          ['blank body', post(topic, { body: '   \n ' })],
          ['overlong body', post(topic, { body: '长'.repeat(10_001) })],
          ['empty author', post(topic, { author: '' })],
          ['rating 0', post(topic, { rating: 0 })],
          ['rating 6', post(topic, { rating: 6 })],
          ['rating 3.5', post(topic, { rating: 3.5 })],
          ['rating -1', post(topic, { rating: -1 })],
        ];
        for (const [label, bad] of cases) {
          await expectRejection(() => guestbook().post(bad, { idempotencyKey: key() }), 'validation', label);
        }
        expect((await guestbook().list(topic)).entries).to.deep.equal([]);
      });

      it('does not list a post whose honeypot field is filled', async () => {
        const topic = `conformance-${randomId()}`;
        const honest = await guestbook().post(post(topic), { idempotencyKey: key() });
        await guestbook()
          .post(post(topic, { website: 'http://spam.example.com' }), { idempotencyKey: key() })
          .catch((error: unknown) => expect((error as StorefrontError).code).to.equal('validation'));
        const { entries } = await guestbook().list(topic);
        expect(entries.map((entry) => entry.id)).to.deep.equal([honest.id]);
      });
    });

    group('visits', (visits) => {
      it('records a batch and counts page views and unique visitors; a replayed key counts once', async () => {
        const topic = `conformance-${randomId()}`;
        const other = `conformance-${randomId()}`;
        const at = now();
        const batch = [
          { topic, visitorId: 'visitor-a', at },
          { topic, visitorId: 'visitor-a', at: at + 1 },
          { topic, visitorId: 'visitor-b', at: at + 2 },
          { topic: other, visitorId: 'visitor-a', at: at + 3 },
        ];
        const idempotencyKey = `visits-${randomId()}`;
        await visits().record(batch, { idempotencyKey });
        const stats = async () => {
          const result = await visits().stats([topic, other]);
          const byTopic = new Map(result.map((entry) => [entry.topic, entry]));
          return {
            mine: [byTopic.get(topic)?.pageViews ?? 0, byTopic.get(topic)?.uniqueVisitors ?? 0],
            other: [byTopic.get(other)?.pageViews ?? 0, byTopic.get(other)?.uniqueVisitors ?? 0],
          };
        };
        expect(await stats()).to.deep.equal({ mine: [3, 2], other: [1, 1] });

        await visits().record(batch, { idempotencyKey });
        expect(await stats(), 'after replaying the same key').to.deep.equal({ mine: [3, 2], other: [1, 1] });

        await visits().record(
          [
            { topic, visitorId: 'visitor-b', at: at + 4 },
            { topic, visitorId: 'visitor-c', at: at + 5 },
          ],
          {
            idempotencyKey: `visits-${randomId()}`,
          },
        );
        expect(await stats()).to.deep.equal({ mine: [5, 3], other: [1, 1] });
      });

      it('reports no visits for a topic nobody visited', async () => {
        const topic = `conformance-${randomId()}`;
        const result = await visits().stats([topic]);
        const entry = result.find((stat) => stat.topic === topic);
        expect([entry?.pageViews ?? 0, entry?.uniqueVisitors ?? 0]).to.deep.equal([0, 0]);
      });

      it('counts a batch in the daily report: one row for today, only for the topics asked', async function () {
        if (!visits().daily) this.skip();
        const topic = `conformance-${randomId()}`;
        const other = `conformance-${randomId()}`;
        const [a, b] = [`visitor-${randomId()}`, `visitor-${randomId()}`];
        const before = shopDay(now());
        await visits().record(
          [
            { topic, visitorId: a, at: now() },
            { topic, visitorId: a, at: now() },
            { topic, visitorId: b, at: now() },
            { topic: other, visitorId: a, at: now() },
          ],
          { idempotencyKey: `visits-${randomId()}` },
        );
        const after = shopDay(now());
        const rows = await visits().daily!([topic]);
        expect(rows.map((row) => row.topic)).to.deep.equal([topic]);
        expect(rows[0]).to.deep.include({ topic, pageViews: 3, uniqueVisitors: 2 });
        // The shop's day (Asia/Shanghai), as the batch arrived.
        expect([before, after]).to.include(rows[0]!.day);
        const both = await visits().daily!([topic, other]);
        expect(both.map((row) => [row.topic, row.pageViews]).sort()).to.deep.equal(
          [
            [topic, 3],
            [other, 1],
          ].sort(),
        );
        const past = await visits().daily!([topic], { from: '2001-01-01', to: '2001-01-31' });
        expect(
          past.reduce((sum, row) => sum + row.pageViews, 0),
          'visits in 2001',
        ).to.equal(0);
      });

      const badRanges: [string, { from?: string; to?: string }][] = [
        ['not a date', { from: 'yesterday' }],
        ['no such day', { from: '2026-02-30', to: '2026-03-02' }],
        ['from after to', { from: '2026-03-02', to: '2026-03-01' }],
        ['over 366 days', { from: '2024-01-01', to: '2026-01-01' }],
      ];
      for (const [label, range] of badRanges) {
        it(`rejects a daily or top-products range ${label} as validation`, async function () {
          if (!visits().daily && !visits().topProducts) this.skip();
          if (visits().daily) await expectRejection(() => visits().daily!(undefined, range), 'validation', `daily ${label}`);
          if (visits().topProducts)
            await expectRejection(() => visits().topProducts!(range), 'validation', `topProducts ${label}`);
        });
      }

      it('raises a product in the top products by its product:SKU page views', async function () {
        if (!visits().topProducts) this.skip();
        const { sku } = fixtures.catalog;
        const views = async () => (await visits().topProducts!({ limit: 50 })).find((entry) => entry.sku === sku);
        const before = await views();
        const visitors = Array.from({ length: 4 }, () => `visitor-${randomId()}`);
        const events = Array.from({ length: 20 }, (_, i) => ({
          topic: `product:${sku}`,
          visitorId: visitors[i % 4]!,
          at: now(),
        }));
        await visits().record(events, { idempotencyKey: `visits-${randomId()}` });
        const after = await views();
        expect(after, `${sku} among the top products`).to.exist;
        expect(after!.pageViews).to.be.at.least((before?.pageViews ?? 0) + 20);
        expect(after!.uniqueVisitors).to.be.at.least((before?.uniqueVisitors ?? 0) + 4);

        const top = await visits().topProducts!();
        expect(top.length).to.be.within(1, 10);
        expectSorted(
          top.map((entry) => entry.pageViews),
          'desc',
          'pageViews',
        );
        expect(new Set(top.map((entry) => entry.sku)).size).to.equal(top.length);
        expect(await visits().topProducts!({ limit: 1 })).to.have.length(1);
        for (const limit of [0, 51, 2.5])
          await expectRejection(() => visits().topProducts!({ limit }), 'validation', `limit ${limit}`);
      });
    });

    group('newsletter', (newsletter) => {
      const list = fixtures.newsletterList ?? 'newsletter';
      const email = () => `sub-${randomId()}@example.com`;
      const key = () => `newsletter-${randomId()}`;

      it('requires consent', async () => {
        await expectRejection(
          () => newsletter().subscribe({ email: email(), list, consent: false }, { idempotencyKey: key() }),
          'validation',
          'consent false',
        );
        await expectRejection(
          () => newsletter().subscribe({ email: email(), list, consent: 'yes' as unknown as boolean }, { idempotencyKey: key() }),
          'validation',
          'consent "yes"',
        );
      });

      for (const bad of ['a@b', 'not-an-email', '<x>@y.com', '', 'a b@example.com']) {
        it(`rejects the e-mail ${JSON.stringify(bad)} as validation`, async () => {
          await expectRejection(
            () => newsletter().subscribe({ email: bad, list, consent: true }, { idempotencyKey: key() }),
            'validation',
            bad,
          );
        });
      }

      const confirmationToken = (address: string) => fixtures.readConfirmationToken!(address, list);
      const unsubscribeToken = (address: string) =>
        (fixtures.readUnsubscribeToken ?? fixtures.readConfirmationToken)!(address, list);

      it('answers a sign-up pending and without the token; the replayed key gives the same answer', async () => {
        const address = email();
        const idempotencyKey = key();
        const pending = await newsletter().subscribe({ email: address, list, consent: true }, { idempotencyKey });
        expect(pending).to.deep.equal({ email: address, list, status: 'pending' });
        const replay = await newsletter().subscribe({ email: address, list, consent: true }, { idempotencyKey });
        expect(replay).to.deep.equal(pending);
      });

      it('confirms with the token of the mail, never given in the answer, and unsubscribes with its unsubscribe token', async function () {
        if (!fixtures.readConfirmationToken) this.skip();
        const address = email();
        const pending = await newsletter().subscribe({ email: address, list, consent: true }, { idempotencyKey: key() });
        const token = await confirmationToken(address);
        expect(token).to.be.a('string').and.not.equal('');
        expect(JSON.stringify(pending), 'the sign-up answer').to.not.contain(token);

        const confirmed = await newsletter().confirm(token);
        expect(confirmed).to.deep.equal({ email: address, list, status: 'confirmed' });
        expect(await newsletter().confirm(token), 'confirming twice').to.deep.include({ status: 'confirmed' });
        const unsubscribed = await newsletter().unsubscribe(await unsubscribeToken(address));
        expect(unsubscribed).to.deep.equal({ email: address, list, status: 'unsubscribed' });
      });

      it('keeps one subscriber per address: a second sign-up with another key is the same subscription', async function () {
        if (!fixtures.readConfirmationToken) this.skip();
        const address = email();
        const first = await newsletter().subscribe({ email: address, list, consent: true }, { idempotencyKey: key() });
        const second = await newsletter().subscribe({ email: address, list, consent: true }, { idempotencyKey: key() });
        expect([first.status, second.status]).to.deep.equal(['pending', 'pending']);
        if (fixtures.readMail) {
          const mails = await fixtures.readMail(address);
          expect(mails, 'confirmation mails within the cool-down').to.have.length(1);
        }
        await newsletter().confirm(await confirmationToken(address));
        // The confirmed subscription is the one a third sign-up finds: there is no second one pending.
        const third = await newsletter().subscribe({ email: address, list, consent: true }, { idempotencyKey: key() });
        expect(third).to.deep.equal({ email: address, list, status: 'confirmed' });
      });

      it('sends a confirmation mail with the links and RFC 8058 one-click unsubscribe headers', async function () {
        if (!fixtures.readMail) this.skip();
        const address = email();
        await newsletter().subscribe({ email: address, list, consent: true }, { idempotencyKey: key() });
        const [mail] = await fixtures.readMail!(address);
        expect(mail, 'a mail to the address').to.exist;
        const confirm = newsletterTokenFromMail(mail!.text, 'confirm');
        const unsubscribe = newsletterTokenFromMail(mail!.text, 'unsubscribe');
        expect(confirm, 'a confirmation link').to.be.a('string');
        expect(unsubscribe, 'an unsubscribe link').to.be.a('string');
        expect(header(mail!, 'List-Unsubscribe')).to.contain(unsubscribe);
        expect(header(mail!, 'List-Unsubscribe-Post')).to.equal('List-Unsubscribe=One-Click');
        if (fixtures.readConfirmationToken) expect(await confirmationToken(address)).to.equal(confirm);
      });

      it('answers an unknown token with not-found', async () => {
        await expectRejection(() => newsletter().confirm(`unknown-${randomId()}`), 'not-found', 'confirm');
        await expectRejection(() => newsletter().unsubscribe(`unknown-${randomId()}`), 'not-found', 'unsubscribe');
      });
    });

    group('feedback', (feedback) => {
      const key = () => `feedback-${randomId()}`;
      const message = (extra: Partial<FeedbackMessage> = {}): FeedbackMessage => ({
        message: `页面上的价格显示不对 ${randomId()}`,
        pageUrl: 'https://shop.example/products/CC-TEE-001?ref=conformance',
        pageTitle: '男士纯棉短袖T恤',
        name: '测试员',
        contact: `feedback-${randomId()}@example.com`,
        topic: 'question',
        ...extra,
      });

      it('sends a message and answers a receipt; the same key twice sends once', async () => {
        const idempotencyKey = key();
        const sent = message();
        const receipt = await feedback().send(sent, { idempotencyKey });
        expect(receipt.id).to.be.a('string').and.not.equal('');
        expect(Number.isSafeInteger(receipt.receivedAt), 'receivedAt').to.be.true;
        expect(await feedback().send(sent, { idempotencyKey }), 'replayed').to.deep.equal(receipt);
        const other = await feedback().send(message(), { idempotencyKey: key() });
        expect(other.id).to.not.equal(receipt.id);
      });

      it('sends a message without the optional fields, and markup as it is', async () => {
        const receipt = await feedback().send(
          { message: '<script>alert(1)</script> <a href="javascript:alert(1)">x</a>', pageUrl: 'http://shop.example/' },
          { idempotencyKey: key() },
        );
        expect(receipt.id).to.be.a('string').and.not.equal('');
      });

      const bad: [string, Partial<FeedbackMessage>][] = [
        ['an empty message', { message: '' }],
        ['a blank message', { message: '  \n ' }],
        ['a message over 2000 characters', { message: '长'.repeat(2001) }],
        ['a javascript: page URL', { pageUrl: 'javascript:alert(1)' }],
        ['a page URL that is not a URL', { pageUrl: 'not a url' }],
        ['an empty page URL', { pageUrl: '' }],
        ['an ftp: page URL', { pageUrl: 'ftp://shop.example/' }],
      ];
      for (const [label, extra] of bad) {
        it(`rejects ${label} as validation`, async () => {
          await expectRejection(() => feedback().send(message(extra), { idempotencyKey: key() }), 'validation', label);
        });
      }

      it('refuses a message without an idempotency key', async () => {
        await expectRejection(() => feedback().send(message(), { idempotencyKey: '' }), 'validation', 'empty key');
      });
    });

    group('checkout', (checkout) => {
      const key = () => `checkout-${randomId()}`;

      it('offers payment methods', async () => {
        const methods = await checkout().paymentMethods();
        expect(methods).to.be.an('array').that.is.not.empty;
        for (const method of methods) {
          expect(method.id).to.be.a('string').and.not.equal('');
          expect(method.title).to.be.a('string').and.not.equal('');
        }
      });

      it('rejects an unknown payment method or an empty cart as validation', async () => {
        const [method] = await checkout().paymentMethods();
        await expectRejection(
          () =>
            checkout().begin(
              { lines: [{ sku: fixtures.catalog.sku, quantity: 1 }], paymentMethod: 'no-such-method' },
              { idempotencyKey: key() },
            ),
          'validation',
          'unknown payment method',
        );
        await expectRejection(
          () => checkout().begin({ lines: [], paymentMethod: method!.id }, { idempotencyKey: key() }),
          'validation',
          'empty lines',
        );
      });

      it('begins a checkout whose order can be tracked with the contact given', async function () {
        const [method] = await checkout().paymentMethods();
        const contact = `buyer-${randomId()}@example.com`;
        const idempotencyKey = key();
        const session = await checkout().begin(
          { lines: [{ sku: fixtures.catalog.sku, quantity: 1 }], paymentMethod: method!.id, contact },
          { idempotencyKey },
        );
        expect(session.url).to.be.a('string').and.not.equal('');
        expect(session.orderNumber).to.be.a('string').and.not.equal('');
        const replay = await checkout().begin(
          { lines: [{ sku: fixtures.catalog.sku, quantity: 1 }], paymentMethod: method!.id, contact },
          { idempotencyKey },
        );
        expect(replay.orderNumber, 'same idempotency key, same order').to.equal(session.orderNumber);

        if (!capabilitiesOf(adapter).includes('orders')) return;
        const order = await adapter.orders!.track(session.orderNumber, contact);
        expect(order?.number).to.equal(session.orderNumber);
        expect(order!.lines.map((line) => [line.sku, line.quantity])).to.deep.equal([[fixtures.catalog.sku, 1]]);
        expect(order!.timeline).to.be.an('array').that.is.not.empty;
        expect(await adapter.orders!.track(session.orderNumber, `someone-else-${randomId()}@example.com`)).to.equal(null);
      });
    });

    group('account', (account) => {
      afterEach(async () => {
        if (capabilitiesOf(adapter).includes('account'))
          await account()
            .signOut()
            .catch(() => {});
      });

      it('signs in with good credentials; current() follows sign in and sign out', async function () {
        if (!fixtures.member) this.skip();
        const { email, password } = fixtures.member!;
        await account().signOut();
        expect(await account().current()).to.equal(null);
        const member = await account().signIn({ email, password });
        expect(member.email).to.equal(email);
        expect(member.tier).to.be.oneOf(['member', 'vip']);
        expect(member.id).to.be.a('string').and.not.equal('');
        expect(await account().current()).to.deep.equal(member);
        await account().signOut();
        expect(await account().current()).to.equal(null);
      });

      it('rejects a wrong password as validation and stays signed out', async function () {
        if (!fixtures.member) this.skip();
        await account().signOut();
        await expectRejection(
          () => account().signIn({ email: fixtures.member!.email, password: `${fixtures.member!.password}-wrong` }),
          'validation',
          'wrong password',
        );
        await expectRejection(
          () => account().signIn({ email: `nobody-${randomId()}@example.com`, password: fixtures.member!.password }),
          'validation',
          'unknown e-mail',
        );
        expect(await account().current()).to.equal(null);
      });

      it('signs up a new member, and answers an e-mail that already has an account with conflict', async function () {
        const email = `new-${randomId()}@example.com`;
        const member = await account().signUp({ email, password: 'correct horse 42', name: '新会员' });
        expect(member).to.deep.include({ email, name: '新会员' });
        expect((await account().current())?.email).to.equal(email);
        await account().signOut();
        expect((await account().signIn({ email, password: 'correct horse 42' })).id).to.equal(member.id);
        await expectRejection(
          () => account().signUp({ email, password: 'another pass 42', name: '冒名者' }),
          'conflict',
          'second sign up',
        );
        if (fixtures.member) {
          await expectRejection(
            () => account().signUp({ email: fixtures.member!.email, password: 'another pass 42', name: '冒名者' }),
            'conflict',
            'existing member',
          );
        }
      });
    });
  });
}
