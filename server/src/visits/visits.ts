import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DailyVisits, ProductVisits, VisitEvent, VisitStats } from '../../../src/core/types.js';
import type { EngagementTables } from '../db/engagement-tables.js';
import { HttpProblem } from '../http/problem.js';
import {
  addCounts,
  dailyCounts,
  forgetOldVisitors,
  markSeen,
  reserveBatch,
  saltOf,
  topProducts,
  totals,
  type DayTopicCount,
} from './visits-sql.js';

type Db = Kysely<EngagementTables>;

const DAY_MS = 86_400_000;
export const MAX_EVENTS = 100;
export const MAX_RANGE_DAYS = 366;
/** Clock skew allowed for events stamped slightly in the future. */
const SKEW_MS = 5 * 60_000;
const FORGET_EVERY_MS = 60_000;
let lastForgotten = Number.NEGATIVE_INFINITY;

/** Days are the shop's calendar days (`Asia/Shanghai` unless set). */
export interface VisitsConfigExtras {
  shopTimeZone: string;
}

export function dayOf(at: number, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** `YYYY-MM-DD` plus `days` (calendar arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

function invalid(field: string, en: string, zh: string): never {
  throw new HttpProblem(400, 'validation', en, { field }, [{ field, message: en }], {}, zh);
}

/**
 * Records a batch. Page views count on the event's own day; a visitor is unique per (day, topic)
 * by sha256(daily salt, visitorId), and only today and yesterday have a salt (older ones are
 * deleted after 48 h), so a late replay of an older day adds views but no visitors and nobody
 * can re-identify an earlier day's visitors. `fallbackVisitor` (a daily-salted client hash) is
 * used for events without a visitorId. A batch key used before answers the first count again.
 */
export async function recordBatch(
  db: Db,
  events: VisitEvent[],
  options: { key?: string; fallbackVisitor: () => Promise<string>; now: number; timeZone: string },
): Promise<number> {
  if (events.length > MAX_EVENTS) invalid('events', `At most ${MAX_EVENTS} events per batch.`, `每批最多 ${MAX_EVENTS} 个事件。`);
  const { now, timeZone } = options;
  const today = dayOf(now, timeZone);
  const yesterday = addDays(today, -1);
  const oldest = addDays(today, -MAX_RANGE_DAYS);
  return db.transaction().execute(async (trx) => {
    if (options.key !== undefined) {
      const earlier = await reserveBatch(trx, options.key, events.length, now);
      if (earlier !== null) return earlier;
    }
    // Forgetting is idempotent; once a minute per process is enough (and keeps ingest cheap).
    if (Math.abs(now - lastForgotten) >= FORGET_EVERY_MS) {
      await forgetOldVisitors(trx, now, [today, yesterday]);
      lastForgotten = now;
    }
    const salts = new Map<string, string>();
    const counts = new Map<string, DayTopicCount>();
    const seen: { day: string; topic: string; visitor_hash: string }[] = [];
    let fallback: string | undefined;
    for (const event of events) {
      const at = Math.min(Number.isSafeInteger(event.at) ? event.at : now, now + SKEW_MS);
      let day = dayOf(Math.min(at, now), timeZone);
      if (day < oldest) day = today;
      const id = `${day}\u0000${event.topic}`;
      const count = counts.get(id) ?? { day, topic: event.topic, pageViews: 0, uniqueVisitors: 0 };
      count.pageViews += 1;
      counts.set(id, count);
      if (day !== today && day !== yesterday) continue;
      let salt = salts.get(day);
      if (salt === undefined) {
        salt = await saltOf(trx, day, now);
        salts.set(day, salt);
      }
      const visitor = event.visitorId ? `v:${event.visitorId}` : `c:${(fallback ??= await options.fallbackVisitor())}`;
      const visitorHash = createHash('sha256').update(`${salt}\u0000${visitor}`).digest('base64url');
      seen.push({ day, topic: event.topic, visitor_hash: visitorHash });
    }
    const unique = new Map<string, { day: string; topic: string; visitor_hash: string }>();
    for (const row of seen) unique.set(`${row.day}\u0000${row.topic}\u0000${row.visitor_hash}`, row);
    for (const row of await markSeen(trx, [...unique.values()])) {
      counts.get(`${row.day}\u0000${row.topic}`)!.uniqueVisitors += 1;
    }
    await addCounts(trx, [...counts.values()]);
    return events.length;
  });
}

export function parseTopics(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const topics = [
    ...new Set(
      text
        .split(',')
        .map((topic) => topic.trim())
        .filter(Boolean),
    ),
  ];
  if (topics.length > 100 || topics.some((topic) => topic.length > 200)) {
    invalid('topics', 'At most 100 topics of up to 200 characters.', '最多 100 个主题，每个最多 200 个字符。');
  }
  return topics;
}

/** The range asked for, defaulting to the last 30 days; at most 366 days. */
export function dayRange(range: { from?: string; to?: string }, now: number, timeZone: string): { from: string; to: string } {
  for (const field of ['from', 'to'] as const) {
    const value = range[field];
    if (value !== undefined && !isDay(value))
      invalid(field, `${field} must be a date YYYY-MM-DD.`, `${field} 必须是 YYYY-MM-DD 格式的日期。`);
  }
  const to = range.to ?? (range.from ? addDays(range.from, 29) : dayOf(now, timeZone));
  const from = range.from ?? addDays(to, -29);
  if (from > to) invalid('from', 'from must not be after to.', 'from 不能晚于 to。');
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) {
    invalid('from', `A range is at most ${MAX_RANGE_DAYS} days.`, `日期范围最多 ${MAX_RANGE_DAYS} 天。`);
  }
  return { from, to };
}

export async function stats(db: Db, topics?: string[]): Promise<VisitStats[]> {
  const rows = await totals(db, topics);
  if (!topics) return rows;
  // Every topic asked for is answered, with zeros when nobody visited it.
  const byTopic = new Map(rows.map((row) => [row.topic, row]));
  return topics.map((topic) => byTopic.get(topic) ?? { topic, pageViews: 0, uniqueVisitors: 0 });
}

export async function daily(db: Db, range: { from: string; to: string }, topics?: string[]): Promise<DailyVisits[]> {
  return dailyCounts(db, range.from, range.to, topics);
}

export async function products(db: Db, range: { from: string; to: string }, limit: number): Promise<ProductVisits[]> {
  const rows = await topProducts(db, range.from, range.to, limit);
  return rows.map((row) => ({
    sku: row.topic.slice('product:'.length),
    pageViews: row.pageViews,
    uniqueVisitors: row.uniqueVisitors,
  }));
}
