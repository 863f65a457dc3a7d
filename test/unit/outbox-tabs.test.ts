import { expect } from '@open-wc/testing';
import type { OutboxChange } from '../../src/outbox/outbox-types.js';
import { createStorefront, type Storefront } from '../../src/storefront.js';
import { countingAdapter, type CountingAdapter, type WriteCall } from '../fixtures/outbox-adapter.js';
import { eventually, uniqueStoreId } from '../helpers/fixtures.js';

type Tab = { ready: Promise<Storefront>; counting: CountingAdapter };
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const post = (body: string) => ({ kind: 'guestbook.post' as const, payload: { topic: 'tabs', author: '小李', body } });

/** A storefront in a same-origin iframe: its own realm, IndexedDB connection, channel and lock client. */
async function openTab(storeId: string, fail?: string): Promise<{ storefront: Storefront; calls: WriteCall[]; tab: Tab }> {
  const frame = document.createElement('iframe');
  frame.src = `/test/fixtures/outbox-tab.html?store=${storeId}${fail ? `&fail=${fail}` : ''}`;
  document.body.append(frame);
  cleanups.push(() => frame.remove());
  await eventually(() => expect((frame.contentWindow as unknown as { tab?: Tab }).tab).to.exist, 5000);
  const tab = (frame.contentWindow as unknown as { tab: Tab }).tab;
  const storefront = await tab.ready;
  cleanups.push(() => storefront.close());
  return { storefront, calls: tab.counting.calls, tab };
}

/** Leaves `count` guestbook posts queued by a storefront that is then closed (a tab closed offline). */
async function leaveQueued(storeId: string, count: number): Promise<string[]> {
  const counting = countingAdapter();
  counting.fail('network');
  const closing = createStorefront({ adapter: counting.adapter, storeId });
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) ids.push((await closing.outbox.submit(post(`第${i}条`))).id);
  closing.close();
  return ids;
}

const sent = (calls: WriteCall[]) => calls.filter((call) => call.ok).map((call) => call.key);

describe('outbox: several tabs', () => {
  it('sends a closed tab’s writes once when two tabs open at the same time, all from one of them', async () => {
    const storeId = uniqueStoreId('outbox-tabs');
    const ids = await leaveQueued(storeId, 4);
    const [a, b] = await Promise.all([openTab(storeId), openTab(storeId)]);
    await eventually(() => expect([...sent(a.calls), ...sent(b.calls)]).to.have.length(4));
    // Give a second flusher every chance to send again before looking.
    await Promise.all([a.storefront.outbox.flush(), b.storefront.outbox.flush()]);
    const byA = sent(a.calls);
    const byB = sent(b.calls);
    expect([...byA, ...byB]).to.deep.equal(ids);
    expect(byA.length === 0 || byB.length === 0, `a sent ${byA.length}, b sent ${byB.length}`).to.equal(true);
  });

  it('never sends an item twice while two tabs submit and flush at once', async () => {
    const storeId = uniqueStoreId('outbox-tabs');
    const [a, b] = await Promise.all([openTab(storeId), openTab(storeId)]);
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, (_, i) => [
        a.storefront.outbox.submit(post(`A${i}`)),
        b.storefront.outbox.submit(post(`B${i}`)),
        a.storefront.outbox.flush(),
        b.storefront.outbox.flush(),
      ]).flat(),
    );
    const ids = outcomes.flatMap((outcome) => ('id' in outcome ? [outcome.id] : []));
    expect(ids).to.have.length(10);
    const all = [...sent(a.calls), ...sent(b.calls)];
    expect([...all].sort()).to.deep.equal([...ids].sort());
    expect(outcomes.filter((outcome) => 'status' in outcome && outcome.status !== 'sent')).to.deep.equal([]);
  });

  it('tells the other tab the outcome: queued in one, sent by the other', async () => {
    const storeId = uniqueStoreId('outbox-tabs');
    const offline = await openTab(storeId, 'network');
    const online = await openTab(storeId);
    // Its start-up flush done: from here the item is sent only when this test asks.
    await online.storefront.outbox.flush();
    const heard: OutboxChange[] = [];
    cleanups.push(offline.storefront.outbox.subscribe((change) => heard.push(change)));
    const seenByOnline: OutboxChange[] = [];
    cleanups.push(online.storefront.outbox.subscribe((change) => seenByOnline.push(change)));

    const outcome = await offline.storefront.outbox.submit(post('网断了'));
    expect(outcome.status).to.equal('queued');
    await eventually(() => expect(seenByOnline.map((change) => change.status)).to.include('queued'));

    expect((await online.storefront.outbox.flush()).sent).to.equal(1);
    await eventually(() => expect(heard.at(-1)?.status).to.equal('sent'));
    const change = heard.at(-1)!;
    expect(change.item.id).to.equal(outcome.id);
    expect((change.item.result as { body?: string }).body).to.equal('网断了');
    expect(sent(online.calls)).to.deep.equal([outcome.id]);
    expect(sent(offline.calls)).to.deep.equal([]);
    const [kept] = await offline.storefront.outbox.items();
    expect(kept).to.include({ id: outcome.id, status: 'sent' });
  });
});
