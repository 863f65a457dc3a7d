import { expect } from '@open-wc/testing';
import { StorefrontError } from '../../src/core/errors.js';
import { createOutbox, type OutboxOptions } from '../../src/outbox/outbox.js';
import type { Outbox, OutboxChange } from '../../src/outbox/outbox-types.js';
import type { StorageBackend } from '../../src/storage/backend.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { createStorefront } from '../../src/storefront.js';
import { countingAdapter, type CountingAdapter } from '../fixtures/outbox-adapter.js';
import { captureConsole, eventually, failure, uniqueStoreId } from '../helpers/fixtures.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const post = (body: string, topic = 'outbox') => ({
  kind: 'guestbook.post' as const,
  payload: { topic, author: '小王', body },
});
const feedback = (message: string) => ({
  kind: 'feedback.send' as const,
  payload: { message, pageUrl: 'https://shop.example/help' },
});
const visit = (topic: string) => ({
  kind: 'visits.record' as const,
  payload: [{ topic, visitorId: 'v-1', at: 1_700_000_000_000 }],
});

interface Timer {
  ms: number;
  run: () => void;
  cancelled: boolean;
}

interface Setup {
  storeId: string;
  counting: CountingAdapter;
  outbox: Outbox;
  storage: Promise<StorageBackend>;
  /** The outbox's clock: moves only when a test moves it. */
  clock: { now: () => number; advance(ms: number): void };
  /** Timers the outbox asked for (never run by themselves). */
  timers: Timer[];
  changes: OutboxChange[];
}

function setup(options: Partial<OutboxOptions> & { storeId?: string } = {}): Setup {
  const storeId = options.storeId ?? uniqueStoreId('outbox');
  const counting = countingAdapter();
  const storage = options.storage ?? openStorage(storeId);
  let time = 1_000_000;
  const clock = { now: () => time, advance: (ms: number) => void (time += ms) };
  const timers: Timer[] = [];
  const outbox = createOutbox({
    storeId,
    adapter: counting.adapter,
    storage,
    now: clock.now,
    backoff: { random: () => 0.5 },
    schedule: (run, ms) => {
      const timer = { ms, run, cancelled: false };
      timers.push(timer);
      return () => void (timer.cancelled = true);
    },
    ...options,
  });
  const changes: OutboxChange[] = [];
  outbox.subscribe((change) => changes.push(change));
  cleanups.push(() => {
    outbox.close();
    counting.adapter.close?.();
    void storage.then((backend) => backend.close());
  });
  return { storeId, counting, outbox, storage, clock, timers, changes };
}

const keys = (counting: CountingAdapter) => counting.calls.map((call) => call.key);

describe('outbox: submit and replay', () => {
  it('sends at once when the backend answers, and keeps nothing', async () => {
    const { outbox, counting } = setup();
    const outcome = await outbox.submit(post('你好'));
    expect(outcome.status).to.equal('sent');
    if (outcome.status !== 'sent') return;
    expect(outcome.result.body).to.equal('你好');
    expect(keys(counting)).to.deep.equal([outcome.id]);
    expect(await outbox.items()).to.deep.equal([]);
  });

  it('queues while the network fails, then sends exactly once with the same key', async () => {
    const { outbox, counting, changes } = setup();
    counting.fail('network');
    const outcome = await outbox.submit(post('离线时写的'));
    expect(outcome.status).to.equal('queued');
    const [pending] = await outbox.pending();
    expect(pending).to.include({ id: outcome.id, status: 'queued', attempts: 1 });
    expect(pending?.error?.code).to.equal('network');

    counting.fail(null);
    expect(await outbox.flush()).to.deep.equal({ sent: 1, failed: 0, pending: 0 });
    expect(await outbox.flush()).to.deep.equal({ sent: 0, failed: 0, pending: 0 });
    expect(counting.calls.map((call) => [call.key, call.ok])).to.deep.equal([
      [outcome.id, false],
      [outcome.id, true],
    ]);
    // The backend holds the message once; the outbox keeps the outcome for a widget to show.
    const page = await counting.adapter.guestbook!.list('outbox');
    expect(page.entries.map((entry) => entry.body)).to.deep.equal(['离线时写的']);
    const [item] = await outbox.items();
    expect(item).to.include({ id: outcome.id, status: 'sent' });
    expect((item?.result as { body?: string }).body).to.equal('离线时写的');
    expect(changes.map((change) => change.status)).to.deep.equal(['queued', 'sending', 'queued', 'sending', 'sent']);

    await outbox.acknowledge(outcome.id);
    expect(await outbox.items()).to.deep.equal([]);
    expect(changes.at(-1)?.status).to.equal('removed');
  });

  it('keeps the order: later items wait behind a failing one, then go oldest first', async () => {
    const { outbox, counting } = setup();
    counting.fail('unavailable');
    const first = await outbox.submit(post('一'));
    const second = await outbox.submit(feedback('二'));
    const third = await outbox.submit(post('三'));
    expect([first.status, second.status, third.status]).to.deep.equal(['queued', 'queued', 'queued']);
    // Strict FIFO: only the oldest was tried, once per submit.
    expect(new Set(keys(counting))).to.deep.equal(new Set([first.id]));

    counting.fail(null);
    const before = counting.calls.length;
    expect((await outbox.flush()).sent).to.equal(3);
    expect(keys(counting).slice(before)).to.deep.equal([first.id, second.id, third.id]);
    expect((await outbox.pending()).length).to.equal(0);
  });

  it('reports a refused write as failed, keeps it until acknowledged, and does not block the next', async () => {
    const { outbox, counting } = setup();
    const refused = await outbox.submit(post('   '));
    expect(refused.status).to.equal('failed');
    if (refused.status !== 'failed') return;
    expect(refused.error).to.be.instanceOf(StorefrontError);
    expect(refused.error.code).to.equal('validation');
    expect(await outbox.pending()).to.deep.equal([]);

    counting.fail('network');
    const bad = await outbox.submit(post(''));
    const good = await outbox.submit(post('好的'));
    // The second submit tried the oldest item again (a new write is a good moment to retry).
    expect(keys(counting).filter((key) => key === bad.id)).to.have.length(2);
    counting.fail(null);
    expect(await outbox.flush()).to.deep.equal({ sent: 1, failed: 1, pending: 0 });
    const items = await outbox.items();
    expect(items.map((item) => [item.id, item.status])).to.deep.equal([
      [refused.id, 'failed'],
      [bad.id, 'failed'],
      [good.id, 'sent'],
    ]);
    expect(items[1]?.error?.code).to.equal('validation');
    // A failed item is never sent again.
    await outbox.flush();
    expect(keys(counting).filter((key) => key === bad.id)).to.have.length(3);

    await outbox.acknowledge(refused.id);
    await outbox.acknowledge(bad.id);
    expect((await outbox.items()).map((item) => item.id)).to.deep.equal([good.id]);
  });

  it('treats a conflict as final but a key still in progress as worth a retry', async () => {
    const { outbox, counting } = setup();
    counting.fail(new StorefrontError('conflict', 'in progress', { detail: { status: 409, reason: 'in-progress' } }));
    expect((await outbox.submit(post('a'))).status).to.equal('queued');
    counting.fail(new StorefrontError('conflict', 'key reused', { detail: { reason: 'idempotency-key-reused' } }));
    await outbox.flush();
    const [item] = await outbox.items();
    expect(item).to.include({ status: 'failed' });
    expect(item?.error?.detail).to.deep.include({ reason: 'idempotency-key-reused' });
  });

  it('reports a write the adapter cannot do as failed (unsupported), not queued forever', async () => {
    const { outbox, counting } = setup();
    const payload = { lines: [{ sku: 'A', quantity: 1 }], paymentMethod: 'alipay' };
    const outcome = await outbox.submit({ kind: 'checkout.begin', payload });
    expect(outcome.status).to.equal('failed');
    expect(outcome.status === 'failed' && outcome.error.code).to.equal('unsupported');
    expect(counting.calls).to.deep.equal([]);
  });

  it('counts a 5xx answer as retryable', async () => {
    const { outbox, counting } = setup();
    counting.fail(new StorefrontError('invalid-response', 'garbage', { detail: { status: 502 } }));
    expect((await outbox.submit(feedback('x'))).status).to.equal('queued');
    counting.fail(new StorefrontError('unsupported', 'no', { detail: { status: 501 } }));
    expect(await outbox.flush()).to.include({ failed: 1 });
  });
});

describe('outbox: backoff and Retry-After', () => {
  it('waits longer after each failure, and the timer sends only once the wait is over', async () => {
    const { outbox, counting, clock, timers } = setup();
    counting.fail('timeout');
    const { id } = await outbox.submit(post('重试'));
    const waits: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const [item] = await outbox.pending();
      waits.push((item?.nextAttemptAt ?? 0) - clock.now());
      await outbox.flush();
    }
    // Half the exponential step plus half of it jittered (random pinned at 0.5): 3/4 of 2 s * 2^n.
    expect(waits).to.deep.equal([1500, 3000, 6000, 12000]);
    await eventually(() => expect(timers.filter((timer) => !timer.cancelled).at(-1)?.ms).to.equal(24000));

    counting.fail(null);
    const calls = counting.calls.length;
    const timer = timers.filter((entry) => !entry.cancelled).at(-1)!;
    timer.run(); // fired early (the clock has not moved): nothing is due yet
    await outbox.pending();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(counting.calls.length).to.equal(calls);
    clock.advance(24000);
    timer.run();
    await eventually(() => expect(counting.calls.length).to.equal(calls + 1));
    await eventually(async () => expect(await outbox.pending()).to.deep.equal([]));
    expect(counting.calls.at(-1)).to.include({ key: id, ok: true });
  });

  it("honours the server's Retry-After even when a flush is asked for", async () => {
    const { outbox, counting, clock, timers } = setup();
    counting.fail(new StorefrontError('rate-limited', 'slow down', { detail: { status: 429, retryAfter: 30 } }));
    const { id } = await outbox.submit(post('限流'));
    const [item] = await outbox.pending();
    expect((item?.nextAttemptAt ?? 0) - clock.now()).to.equal(30_000);
    await eventually(() => expect(timers.filter((timer) => !timer.cancelled).at(-1)?.ms).to.equal(30_000));

    counting.fail(null);
    clock.advance(29_999);
    expect(await outbox.flush()).to.deep.equal({ sent: 0, failed: 0, pending: 1 });
    expect(await outbox.submit(post('后来的'))).to.include({ status: 'queued' });
    expect(counting.calls).to.have.length(1);
    clock.advance(1);
    expect((await outbox.flush()).sent).to.equal(2);
    expect(keys(counting)).to.deep.equal([id, id, keys(counting)[2]]);
  });
});

describe('outbox: storage', () => {
  it('drops unreadable records, counts them, and still sends the good ones', async () => {
    const storeId = uniqueStoreId('outbox-garbage');
    const raw = await openStorage(storeId);
    const legacy = {
      kind: 'feedback.send',
      idempotencyKey: 'legacy-key',
      payload: { message: '旧的', pageUrl: 'https://shop.example/' },
      createdAt: 1,
    };
    const garbage = [
      { kind: 'guestbook.post', idempotencyKey: 'g1', payload: { topic: 5 }, createdAt: 1 },
      { kind: 'delete.everything', idempotencyKey: 'g2', payload: {}, createdAt: 1 },
      { kind: 'feedback.send', payload: { message: 'no key', pageUrl: '/' }, createdAt: 1 },
      { id: 'by-hand', kind: 'visits.record', idempotencyKey: 'g4', payload: [], createdAt: 1 },
    ];
    for (const record of [garbage[0], legacy, ...garbage.slice(1)]) await raw.put('outbox', record as never);
    raw.close();

    const { result } = await captureConsole(async () => {
      const { outbox, counting } = setup({ storeId });
      await eventually(() => expect(counting.calls).to.have.length(1));
      await eventually(async () => expect((await outbox.items()).map((item) => item.status)).to.deep.equal(['sent']));
      return { outbox, counting };
    });
    expect(result.counting.calls[0]).to.include({ key: 'legacy-key', ok: true });
    expect(result.outbox.dropped).to.equal(4);
    const backend = await openStorage(storeId);
    expect((await backend.getAll('outbox')).map((record) => record.idempotencyKey)).to.deep.equal(['legacy-key']);
    backend.close();
  });

  it('rejects with quota when the browser has no room, and sends nothing', async () => {
    const storeId = uniqueStoreId('outbox-quota');
    const storage = openStorage(storeId).then((backend): StorageBackend => {
      const full: StorageBackend = Object.create(backend) as StorageBackend;
      full.put = async () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      return full;
    });
    const { outbox, counting } = setup({ storeId, storage });
    const error = await failure(outbox.submit(post('放不下')));
    expect(error.code).to.equal('quota');
    expect(counting.calls).to.deep.equal([]);
    expect(await outbox.items()).to.deep.equal([]);
  });

  it('works from memory when IndexedDB is unavailable, and says so', async () => {
    const storeId = uniqueStoreId('outbox-memory');
    const { result } = await captureConsole(async () => {
      const { outbox, counting } = setup({ storeId, storage: openStorage(storeId, { indexedDB: null }) });
      counting.fail('network');
      const outcome = await outbox.submit(post('只在内存里'));
      counting.fail(null);
      await outbox.flush();
      return { outbox, outcome, counting };
    });
    expect(result.outbox.persistent).to.equal(false);
    expect(result.outcome.status).to.equal('queued');
    expect(result.counting.calls.map((call) => call.ok)).to.deep.equal([false, true]);
  });

  it('refuses a submission of the wrong shape without storing it', async () => {
    const { outbox, counting } = setup();
    expect((await failure(outbox.submit({ kind: 'nope' } as never))).code).to.equal('validation');
    const bad = { kind: 'guestbook.post', payload: { topic: 1, author: 'a', body: 'b' } } as never;
    expect((await failure(outbox.submit(bad))).code).to.equal('validation');
    expect(counting.calls).to.deep.equal([]);
    expect(await outbox.items()).to.deep.equal([]);
  });
});

describe('outbox: replay triggers', () => {
  it('flushes when the browser says it is back online', async () => {
    let online = false;
    const { outbox, counting } = setup({ online: () => online });
    const { id } = await outbox.submit(post('等网络'));
    expect(counting.calls).to.deep.equal([]);
    online = true;
    window.dispatchEvent(new Event('online'));
    await eventually(() => expect(counting.calls.map((call) => call.key)).to.deep.equal([id]));
  });

  it('sends again, with the same key, an item a closed page left half-sent', async () => {
    const storeId = uniqueStoreId('outbox-sending');
    const raw = await openStorage(storeId);
    await raw.put('outbox', {
      kind: 'guestbook.post',
      idempotencyKey: 'half-sent',
      payload: { topic: 'outbox', author: '小王', body: '发到一半' },
      createdAt: 1,
      status: 'sending',
      attempts: 1,
    });
    raw.close();
    const { outbox, counting } = setup({ storeId });
    await eventually(() => expect(counting.calls.map((call) => [call.key, call.ok])).to.deep.equal([['half-sent', true]]));
    await eventually(async () => expect((await outbox.items())[0]).to.include({ status: 'sent', attempts: 2 }));
  });

  it('lets go of sent outcomes no one acknowledged after a day', async () => {
    const { outbox, counting, clock } = setup();
    counting.fail('network');
    await outbox.submit(post('旧消息'));
    counting.fail(null);
    await outbox.flush();
    expect((await outbox.items()).map((item) => item.status)).to.deep.equal(['sent']);
    clock.advance(24 * 60 * 60_000 + 1);
    await outbox.flush();
    expect(await outbox.items()).to.deep.equal([]);
  });
});

describe('outbox: visits', () => {
  it('batches visits queued while offline into one send', async () => {
    let online = false;
    const { outbox, counting } = setup({ online: () => online });
    const outcomes = [await outbox.submit(visit('a')), await outbox.submit(visit('b')), await outbox.submit(visit('c'))];
    expect(outcomes.map((outcome) => outcome.status)).to.deep.equal(['queued', 'queued', 'queued']);
    expect(new Set(outcomes.map((outcome) => outcome.id)).size).to.equal(1);
    expect(counting.calls).to.deep.equal([]);
    online = true;
    await outbox.flush();
    expect(counting.calls).to.have.length(1);
    expect((counting.calls[0]?.payload as { topic: string }[]).map((event) => event.topic)).to.deep.equal(['a', 'b', 'c']);
    // A sent visit batch has no outcome worth keeping.
    expect(await outbox.items()).to.deep.equal([]);
  });

  it('never adds to a batch that was already tried (its key stands for its body)', async () => {
    const { outbox, counting } = setup();
    counting.fail('network');
    const first = await outbox.submit(visit('a'));
    const second = await outbox.submit(visit('b'));
    expect(second.id).to.not.equal(first.id);
    counting.fail(null);
    await outbox.flush();
    expect(counting.calls.filter((call) => call.ok).map((call) => (call.payload as unknown[]).length)).to.deep.equal([1, 1]);
  });
});

describe('outbox: one flusher', () => {
  async function prefill(storeId: string, count: number): Promise<string[]> {
    const backend = await openStorage(storeId);
    const ids = Array.from({ length: count }, (_, i) => `prefilled-${i}`);
    for (const [i, id] of ids.entries()) {
      await backend.put('outbox', {
        kind: 'feedback.send',
        idempotencyKey: id,
        payload: { message: `m${i}`, pageUrl: 'https://shop.example/' },
        createdAt: i,
      });
    }
    backend.close();
    return ids;
  }

  for (const mode of ['Web Locks', 'the IndexedDB lease (no Web Locks)'] as const) {
    it(`sends each item once when two outboxes flush at the same time, with ${mode}`, async () => {
      const storeId = uniqueStoreId('outbox-race');
      const ids = await prefill(storeId, 6);
      const locks = mode === 'Web Locks' ? undefined : null;
      // Two connections, two adapters: what two tabs would have.
      const a = setup({ storeId, locks, flushOnStart: false, now: Date.now });
      const b = setup({ storeId, locks, flushOnStart: false, now: Date.now });
      await Promise.all([a.outbox.flush(), b.outbox.flush(), a.outbox.flush(), b.outbox.flush()]);
      const sent = [...a.counting.calls, ...b.counting.calls].map((call) => call.key).sort();
      expect(sent).to.deep.equal([...ids].sort());
    });
  }
});

describe('outbox: in the storefront', () => {
  it('picks up writes another page left queued when the network comes back', async () => {
    const storeId = uniqueStoreId('outbox-online');
    const counting = countingAdapter();
    const storefront = createStorefront({ adapter: counting.adapter, storeId });
    cleanups.push(() => storefront.close());
    await storefront.ready;
    const raw = await openStorage(storeId);
    const payload = { topic: 'outbox', author: '小王', body: '别的页面留下的' };
    await raw.put('outbox', { kind: 'guestbook.post', idempotencyKey: 'left-behind', payload, createdAt: 1 });
    raw.close();
    window.dispatchEvent(new Event('online'));
    await eventually(() => expect(counting.calls.map((call) => call.key)).to.deep.equal(['left-behind']));
    expect(storefront.outbox.persistent).to.equal(true);
  });

  it('sends what a closed storefront left queued when the next one for the store id starts', async () => {
    const storeId = uniqueStoreId('outbox-reload');
    const first = countingAdapter();
    first.fail('network');
    const closing = createStorefront({ adapter: first.adapter, storeId });
    const queued = await closing.outbox.submit(post('关页前写的'));
    expect(queued.status).to.equal('queued');
    expect(closing.storage.persistent).to.equal(true);
    closing.close();

    const next = countingAdapter();
    const reopened = createStorefront({ adapter: next.adapter, storeId });
    cleanups.push(() => reopened.close());
    await eventually(() => expect(next.calls).to.have.length(1));
    expect(next.calls[0]).to.include({ key: queued.id, ok: true });
    await eventually(async () =>
      expect((await reopened.outbox.items()).map((item) => [item.id, item.status])).to.deep.equal([[queued.id, 'sent']]),
    );
  });
});
