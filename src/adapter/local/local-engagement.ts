import { StorefrontError } from '../../core/errors.js';
import type {
  DailyVisits,
  DayRange,
  GuestbookEntry,
  GuestbookPage,
  GuestbookPost,
  ProductVisits,
  VisitEvent,
  VisitStats,
} from '../../core/types.js';
import { checkDayRange, shopDay } from './local-days.js';
import type { LocalContext } from './local-state.js';
import { checkGuestbookPost, checkLimit } from './local-validation.js';

/* The guestbook and visit parts of the local adapter, loaded with the first call that needs them. */

/** A guestbook entry as the adapter keeps it: the private fields are never listed. */
type StoredEntry = GuestbookEntry & { contact?: string; hidden?: boolean };
/** What the staff changed on an entry (demo entries included), applied when listing. */
export interface GuestbookModeration {
  pinned?: boolean;
  hidden?: boolean;
  approved?: boolean;
}
type VisitCounter = { topic: string; pageViews: number; visitors: string[] };
type DayCounter = VisitCounter & { day: string };
type SortKey = { pinned: boolean; createdAt: number; id: string };

const GUESTBOOK_PAGE = 10;
const GUESTBOOK_MAX_PAGE = 50;
const MAX_EVENTS = 100;
const TOP_PRODUCTS = 10;
const MAX_TOP_PRODUCTS = 50;
const PRODUCT_TOPIC = 'product:';

function sortKey(entry: GuestbookEntry): SortKey {
  return { pinned: entry.pinned === true, createdAt: entry.createdAt, id: entry.id };
}

/** Pinned first, then newest first; the id breaks ties so the order is total (cursors depend on it). */
function listOrder(a: SortKey, b: SortKey): number {
  return Number(b.pinned) - Number(a.pinned) || b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function encodeCursor(key: SortKey): string {
  return `${key.pinned ? 1 : 0}.${key.createdAt.toString(36)}.${key.id}`;
}

function decodeCursor(cursor: string): SortKey {
  const match = /^([01])\.([0-9a-z]{1,12})\.([\w-]{1,64})$/.exec(String(cursor));
  const createdAt = match ? Number.parseInt(match[2]!, 36) : Number.NaN;
  if (!match || !Number.isSafeInteger(createdAt)) throw new StorefrontError('validation', 'The page cursor is not valid.');
  return { pinned: match[1] === '1', createdAt, id: match[3]! };
}

/** What a visitor may see of an entry: no private contact, no moderation flags. */
function visible(entry: StoredEntry): GuestbookEntry {
  const { contact: _contact, hidden: _hidden, ...shown } = entry;
  if (!shown.pinned) delete shown.pinned;
  if (!shown.pending) delete shown.pending;
  return shown;
}

function randomId(): string {
  return crypto.randomUUID().replace(/-/g, '').slice(0, 12);
}

/** Every entry of the shop (demo and posted) with the staff's moderation applied. */
async function allEntries(context: LocalContext, seeded: readonly GuestbookEntry[]): Promise<StoredEntry[]> {
  const posted = await context.state.list<StoredEntry>('guestbook:');
  const moderation = new Map(
    (await context.state.list<GuestbookModeration & { id: string }>('guestbook-mod:')).map((change) => [change.id, change]),
  );
  return [...seeded, ...posted].map((entry) => {
    const change = moderation.get(entry.id);
    if (!change) return entry;
    const next: StoredEntry = { ...entry };
    if (change.pinned !== undefined) next.pinned = change.pinned;
    if (change.hidden !== undefined) next.hidden = change.hidden;
    if (change.approved) delete next.pending;
    return next;
  });
}

export async function listGuestbook(
  context: LocalContext,
  seeded: readonly GuestbookEntry[],
  topic: string,
  page: { cursor?: string; limit?: number },
): Promise<GuestbookPage> {
  const limit = Math.min(Math.max(Math.trunc(page.limit ?? GUESTBOOK_PAGE), 1), GUESTBOOK_MAX_PAGE);
  const after = page.cursor === undefined ? null : decodeCursor(page.cursor);
  const entries = (await allEntries(context, seeded))
    .filter((entry) => entry.topic === topic && !entry.pending && !entry.hidden)
    .sort((a, b) => listOrder(sortKey(a), sortKey(b)));
  // The cursor names the last entry seen, not a position: a message posted between two
  // pages does not shift the next page onto entries already shown.
  const start = after ? entries.findIndex((entry) => listOrder(sortKey(entry), after) > 0) : 0;
  const slice = start < 0 ? [] : entries.slice(start, start + limit);
  const last = slice.at(-1);
  const next = last && start + limit < entries.length ? encodeCursor(sortKey(last)) : undefined;
  return { entries: slice.map(visible), ...(next ? { cursor: next } : {}) };
}

export async function postGuestbook(context: LocalContext, post: GuestbookPost): Promise<GuestbookEntry> {
  const checked = checkGuestbookPost(post);
  const stored: StoredEntry = {
    id: `g-${randomId()}`,
    topic: checked.topic,
    author: checked.author,
    body: checked.body,
    createdAt: context.now(),
    replies: [],
    ...(checked.rating ? { rating: checked.rating } : {}),
    ...(checked.spam ? { pending: true } : {}),
    ...(checked.contact ? { contact: checked.contact } : {}),
  };
  await context.state.set(`guestbook:${stored.id}`, stored);
  return visible(stored);
}

/** The staff's approve / hide / pin, for the demo's back office and the conformance suite. */
export async function moderateGuestbook(
  context: LocalContext,
  seeded: readonly GuestbookEntry[],
  id: string,
  change: GuestbookModeration,
): Promise<GuestbookEntry> {
  const entry = (await allEntries(context, seeded)).find((candidate) => candidate.id === id);
  if (!entry) throw new StorefrontError('not-found', `No guestbook entry has the id "${id}".`, { detail: { id } });
  for (const field of ['pinned', 'hidden', 'approved'] as const) {
    if (change?.[field] !== undefined && typeof change[field] !== 'boolean') {
      throw new StorefrontError('validation', `"${field}" is true or false.`, { detail: { field } });
    }
  }
  await context.state.update<GuestbookModeration & { id: string }>(`guestbook-mod:${id}`, (current) => ({
    ...current,
    ...change,
    id,
  }));
  return visible((await allEntries(context, seeded)).find((candidate) => candidate.id === id)!);
}

/**
 * Counts a batch: all-time counters per topic and day counters per topic and day. The day is
 * the shop's day when the batch arrives (a browser's clock is not trusted), like a server's.
 */
export async function recordVisits(context: LocalContext, events: VisitEvent[]): Promise<void> {
  if (!Array.isArray(events)) throw new StorefrontError('validation', 'Visits must be a list.');
  if (events.length > MAX_EVENTS) {
    throw new StorefrontError('validation', `At most ${MAX_EVENTS} visits in one batch.`, { detail: { max: MAX_EVENTS } });
  }
  const day = shopDay(context.now());
  const byTopic = new Map<string, string[]>();
  for (const event of events) {
    if (typeof event?.topic !== 'string' || typeof event.visitorId !== 'string') continue;
    byTopic.set(event.topic, [...(byTopic.get(event.topic) ?? []), event.visitorId]);
  }
  const count = (counter: VisitCounter, visitors: string[]) => {
    counter.pageViews += visitors.length;
    for (const visitor of visitors) if (!counter.visitors.includes(visitor)) counter.visitors.push(visitor);
    return counter;
  };
  for (const [topic, visitors] of byTopic) {
    await context.state.update<VisitCounter>(`visit:${topic}`, (counter) =>
      count(counter ?? { topic, pageViews: 0, visitors: [] }, visitors),
    );
    await context.state.update<DayCounter>(`visitday:${day}:${topic}`, (counter) =>
      Object.assign(count(counter ?? { day, topic, pageViews: 0, visitors: [] }, visitors), { day }),
    );
  }
}

function checkTopics(topics: unknown): string[] | undefined {
  if (topics === undefined) return undefined;
  if (!Array.isArray(topics) || topics.some((topic) => typeof topic !== 'string')) {
    throw new StorefrontError('validation', 'Topics are a list of strings.', { detail: { field: 'topics' } });
  }
  return topics as string[];
}

export async function visitStats(context: LocalContext, topics?: string[]): Promise<VisitStats[]> {
  const wanted = checkTopics(topics);
  const counters = await context.state.list<VisitCounter>('visit:');
  const byTopic = new Map(counters.map((counter) => [counter.topic, counter]));
  return (wanted ?? [...byTopic.keys()]).map((topic) => {
    const counter = byTopic.get(topic);
    return { topic, pageViews: counter?.pageViews ?? 0, uniqueVisitors: counter?.visitors.length ?? 0 };
  });
}

async function daysIn(context: LocalContext, range: DayRange | undefined): Promise<DayCounter[]> {
  const { from, to } = checkDayRange(range, context.now());
  // YYYY-MM-DD strings compare like the dates they name.
  return (await context.state.list<DayCounter>('visitday:')).filter((counter) => counter.day >= from && counter.day <= to);
}

/** Rows only for days with visits, oldest day first, then by topic. */
export async function dailyVisits(context: LocalContext, topics?: string[], range?: DayRange): Promise<DailyVisits[]> {
  const wanted = checkTopics(topics);
  return (await daysIn(context, range))
    .filter((counter) => wanted === undefined || wanted.includes(counter.topic))
    .map(({ day, topic, pageViews, visitors }) => ({ day, topic, pageViews, uniqueVisitors: visitors.length }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
}

/**
 * Product pages (`product:SKU` topics) by page views over the range. Unique visitors add up the
 * days' visitors, as a server that forgets its daily salt can only count them.
 */
export async function topProducts(context: LocalContext, range?: DayRange & { limit?: number }): Promise<ProductVisits[]> {
  const limit = checkLimit(range?.limit, TOP_PRODUCTS, MAX_TOP_PRODUCTS);
  const bySku = new Map<string, ProductVisits>();
  for (const counter of await daysIn(context, range)) {
    if (!counter.topic.startsWith(PRODUCT_TOPIC)) continue;
    const sku = counter.topic.slice(PRODUCT_TOPIC.length);
    const total = bySku.get(sku) ?? { sku, pageViews: 0, uniqueVisitors: 0 };
    total.pageViews += counter.pageViews;
    total.uniqueVisitors += counter.visitors.length;
    bySku.set(sku, total);
  }
  return [...bySku.values()]
    .sort((a, b) => b.pageViews - a.pageViews || b.uniqueVisitors - a.uniqueVisitors || (a.sku < b.sku ? -1 : 1))
    .slice(0, limit);
}
