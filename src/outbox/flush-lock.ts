import type { StorageBackend } from '../storage/backend.js';

/**
 * Runs `work` while this page is the only flusher of the store (per origin). `work` calls
 * `renew` before each send, which keeps a fallback lease from running out mid-flush.
 */
export type FlushLock = <T>(work: (renew: () => Promise<void>) => Promise<T>) => Promise<T>;

/** The part of `navigator.locks` the outbox uses. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export interface FlushLockOptions {
  storeId: string;
  /** `navigator.locks` by default; `null` forces the fallback (tests, old browsers). */
  locks?: LockManagerLike | null;
  storage: Promise<StorageBackend>;
  /** This page's id, the owner written in the fallback lease. */
  owner: string;
  now: () => number;
  /** How long a fallback lease lasts unless renewed (ms, default 60 s): a closed tab's lease runs out. */
  leaseMs?: number;
}

export function lockName(storeId: string): string {
  return `storefront-elements:outbox:${storeId}`;
}

function defaultLocks(): LockManagerLike | null {
  try {
    const locks = (globalThis.navigator as Navigator | undefined)?.locks;
    return locks && typeof locks.request === 'function' ? (locks as LockManagerLike) : null;
  } catch {
    return null;
  }
}

interface Lease {
  owner: string;
  expires: number;
}

function isLease(value: unknown): value is Lease {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Lease).owner === 'string' &&
    typeof (value as Lease).expires === 'number'
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One flusher per origin and store. With Web Locks the browser queues the tabs and frees the
 * lock when a tab closes or crashes. Without them, a lease record in the store's IndexedDB
 * `meta` store, taken and released in one readwrite transaction (atomic across tabs) and run
 * out after `leaseMs` if its tab died. Within the page, flushes always run one after another.
 */
export function createFlushLock(options: FlushLockOptions): FlushLock {
  const locks = options.locks === undefined ? defaultLocks() : options.locks;
  const name = lockName(options.storeId);
  const leaseMs = options.leaseMs ?? 60_000;
  const leaseKey = `outbox-lease`;
  let tail: Promise<unknown> = Promise.resolve();

  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => {});
    return run;
  };

  const takeLease = async (backend: StorageBackend): Promise<boolean> => {
    let mine = false;
    await backend.update('meta', leaseKey, (current) => {
      const now = options.now();
      if (isLease(current) && current.owner !== options.owner && current.expires > now) return current;
      mine = true;
      return { owner: options.owner, expires: now + leaseMs } satisfies Lease;
    });
    return mine;
  };

  const withLease = async <T>(work: (renew: () => Promise<void>) => Promise<T>): Promise<T> => {
    const backend = await options.storage;
    // Memory storage is this page's alone: no other tab can see its queue.
    if (!backend.persistent) return work(async () => {});
    let wait = 25;
    while (!(await takeLease(backend))) {
      await sleep(wait);
      wait = Math.min(wait * 2, 1000);
    }
    const renew = async () => {
      await takeLease(backend);
    };
    try {
      return await work(renew);
    } finally {
      await backend
        .update('meta', leaseKey, (current) => (isLease(current) && current.owner === options.owner ? undefined : current))
        .catch(() => {});
    }
  };

  const none = async () => {};
  return (work) => serial(() => (locks ? locks.request(name, () => work(none)) : withLease(work)));
}
