import type { MetaStorage } from './meta-storage.js';

export interface CachedAnswer {
  etag: string;
  body: unknown;
}

const MEMORY_ENTRIES = 100;
/** Catalog queries are many (every search, every page): only the most recent are persisted. */
const STORED_ENTRIES = 40;
/** Bigger answers stay in memory only, so the stored cache stays within ~10 MB (40 x 250 kB). */
const STORED_MAX_CHARS = 250_000;

function isCachedAnswer(value: unknown): value is CachedAnswer {
  return typeof value === 'object' && value !== null && typeof (value as CachedAnswer).etag === 'string' && 'body' in value;
}

/**
 * `{ etag, body }` of cacheable GETs per URL, so the next request sends `If-None-Match` and a
 * 304 reuses the body (which is validated again like a fresh one). In memory, and in the
 * `meta` store when attached, so a returning visitor revalidates instead of downloading.
 */
export class EtagCache {
  private readonly memory = new Map<string, CachedAnswer>();

  constructor(
    private readonly storage: MetaStorage,
    private readonly prefix: string,
  ) {}

  async get(url: string): Promise<CachedAnswer | undefined> {
    const held = this.memory.get(url);
    if (held) return held;
    const stored = await this.storage.get(this.prefix + url);
    if (!stored.ok || !isCachedAnswer(stored.value)) return undefined;
    this.remember(url, stored.value);
    return stored.value;
  }

  /** `size`: the answer's length in characters, to keep big ones out of storage. */
  put(url: string, answer: CachedAnswer, size = 0): void {
    this.remember(url, answer);
    if (!this.storage.attached || size > STORED_MAX_CHARS) return;
    let evicted: string[] = [];
    void this.storage
      .put(this.prefix + url, answer)
      .then(() =>
        this.storage.update(`${this.prefix}index`, (current) => {
          const urls = (Array.isArray(current) ? current : []).filter((item): item is string => typeof item === 'string');
          const next = [...urls.filter((item) => item !== url), url];
          evicted = next.splice(0, Math.max(0, next.length - STORED_ENTRIES));
          return next;
        }),
      )
      .then(() => Promise.all(evicted.map((old) => this.storage.delete(this.prefix + old))));
  }

  delete(url: string): void {
    this.memory.delete(url);
    void this.storage.delete(this.prefix + url);
  }

  private remember(url: string, answer: CachedAnswer): void {
    this.memory.delete(url);
    this.memory.set(url, answer);
    if (this.memory.size > MEMORY_ENTRIES) this.memory.delete(this.memory.keys().next().value!);
  }
}
