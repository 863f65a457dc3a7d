import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { createStorefront, type Storefront } from '../../src/storefront.js';
import { openDatabase } from '../../src/storage/open-database.js';
import { databaseName, DB_VERSION } from '../../src/storage/schema.js';
import { captureConsole, eventually, smallAdapter, uniqueStoreId } from '../helpers/fixtures.js';

const opened: Storefront[] = [];
function storefront(storeId: string, extra: Partial<Parameters<typeof createStorefront>[0]> = {}): Storefront {
  const created = createStorefront({ adapter: smallAdapter(), storeId, ...extra });
  opened.push(created);
  return created;
}

afterEach(() => {
  for (const created of opened.splice(0)) created.close();
});

describe('storage: schema migration', () => {
  it('migrates a v1 cart to v2 and loses no line', async () => {
    const storeId = uniqueStoreId('migrate');
    const v1 = await openDatabase(databaseName(storeId), { version: 1 });
    const raw = v1 as unknown as import('idb').IDBPDatabase;
    const tx = raw.transaction('cart', 'readwrite');
    await tx.store.put({ sku: 'A', quantity: 2, addedAt: 1000 });
    await tx.store.put({ sku: 'B', quantity: 1, addedAt: 2000 });
    await tx.store.put({ sku: 'C', quantity: 'three', addedAt: 3000 });
    await tx.done;
    expect(v1.version).to.equal(1);
    v1.close();

    const store = storefront(storeId);
    await store.ready;
    expect(store.storage.persistent).to.be.true;
    const lines = await store.cart.lines();
    expect(lines.map(({ key, sku, quantity, addedAt, updatedAt }) => ({ key, sku, quantity, addedAt, updatedAt }))).to.deep.equal(
      [
        { key: 'A', sku: 'A', quantity: 2, addedAt: 1000, updatedAt: 1000 },
        { key: 'B', sku: 'B', quantity: 1, addedAt: 2000, updatedAt: 2000 },
      ],
    );
    store.close();

    // The line v1 itself could not read is kept aside, not destroyed.
    const v2 = await openDB(databaseName(storeId));
    expect(v2.version).to.equal(DB_VERSION);
    const kept = (await v2.getAll('meta')) as { sku: string }[];
    expect(kept.map((line) => line.sku)).to.deep.equal(['C']);
    v2.close();
  });

  it('keeps using a database a newer release upgraded, and lets that tab upgrade without blocking', async () => {
    const storeId = uniqueStoreId('versionchange');
    const store = storefront(storeId);
    await store.cart.add('A', 3);

    // "Another tab" running a newer release opens version DB_VERSION + 1.
    const newer = await Promise.race([
      openDB(databaseName(storeId), DB_VERSION + 1, { upgrade: (db) => void db.createObjectStore('newer-feature') }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the upgrade was blocked')), 3000)),
    ]);
    expect(newer.version).to.equal(DB_VERSION + 1);
    newer.close();

    // The old tab reconnected by itself and still sees and writes its data.
    await store.cart.add('A', 1);
    expect((await store.cart.lines())[0]!.quantity).to.equal(4);
  });
});

describe('storage: memory fallback', () => {
  it('falls back to memory with a warning when indexedDB.open throws', async () => {
    const storeId = uniqueStoreId('throws');
    const original = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function () {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
    try {
      const { warnings } = await captureConsole(async () => {
        const store = storefront(storeId);
        await store.ready;
        expect(store.storage.persistent).to.be.false;
        expect(store.storage.fallbackReason).to.equal('open-failed');
        await store.cart.add('A', 2);
        expect((await store.cart.lines()).map((line) => line.quantity)).to.deep.equal([2]);
      });
      expect(warnings.join('\n')).to.contain('kept in memory');
    } finally {
      IDBFactory.prototype.open = original;
    }
  });

  it('falls back to memory when there is no IndexedDB at all', async () => {
    const { warnings } = await captureConsole(async () => {
      const store = storefront(uniqueStoreId('none'), { storage: { indexedDB: null } });
      await store.ready;
      expect(store.storage.persistent).to.be.false;
      expect(store.storage.fallbackReason).to.equal('no-indexeddb');
    });
    expect(warnings.join('\n')).to.contain('IndexedDB is not available');
  });

  it('times out an indexedDB.open that never answers, then uses memory', async () => {
    const silent = { open: () => ({}) as IDBOpenDBRequest } as unknown as IDBFactory;
    const { warnings } = await captureConsole(async () => {
      const store = storefront(uniqueStoreId('silent'), { storage: { indexedDB: silent, timeout: 150 } });
      await store.ready;
      expect(store.storage.persistent).to.be.false;
      expect(store.storage.fallbackReason).to.equal('open-timeout');
      await store.cart.add('B');
      expect(await store.cart.count()).to.equal(1);
    });
    expect(warnings.join('\n')).to.contain('did not answer in time');
  });

  it('does not hang when an old tab never lets go of its connection', async () => {
    const storeId = uniqueStoreId('blocked');
    // An old tab at v1 that ignores versionchange (a release from before this handling).
    const old = await openDatabase(databaseName(storeId), { version: 1 });
    old.onversionchange = null;
    const raw = old as unknown as import('idb').IDBPDatabase;
    await raw.put('cart', { sku: 'A', quantity: 5, addedAt: 1 });
    const wrapped = old as unknown as { close(): void };
    // idb registers no versionchange handler of its own, so this connection blocks upgrades.
    const { warnings } = await captureConsole(async () => {
      const store = storefront(storeId, { storage: { timeout: 300 } });
      await store.ready;
      expect(store.storage.persistent).to.be.false;
    });
    expect(warnings.join('\n')).to.contain('another tab holds an older connection');
    // Nothing stored was lost: the v1 line is still there.
    expect(((await raw.get('cart', 'A')) as { quantity: number }).quantity).to.equal(5);
    wrapped.close();
  });
});

describe('storage: failures keep what is stored', () => {
  it('reports a full disk as a quota error and keeps the cart as it was', async () => {
    const storeId = uniqueStoreId('quota');
    const store = storefront(storeId);
    await store.cart.add('A', 1);
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    let failure: unknown;
    try {
      await store.cart.add('B', 1);
    } catch (error) {
      failure = error;
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect((failure as { code?: string })?.code).to.equal('quota');
    expect((await store.cart.lines()).map((line) => line.sku)).to.deep.equal(['A']);
    store.close();
    const reopened = storefront(storeId);
    expect((await reopened.cart.lines()).map((line) => [line.sku, line.quantity])).to.deep.equal([['A', 1]]);
  });

  it('removes a stored record that fails validation, with a warning, and keeps the other lines', async () => {
    const storeId = uniqueStoreId('invalid');
    const store = storefront(storeId);
    await store.cart.add('A', 2);
    const db = await openDB(databaseName(storeId));
    await db.put('cart', { key: 'X', sku: 'X', quantity: -4, addedAt: 1, updatedAt: 1 });
    await db.put('cart', { key: 'Y', note: 'not a cart line' });
    db.close();

    const fresh = storefront(storeId);
    const { result: lines, warnings } = await captureConsole(() => fresh.cart.lines());
    expect(lines.map((line) => line.sku)).to.deep.equal(['A']);
    expect(warnings.filter((text) => text.includes('unreadable cart line'))).to.have.length(2);
    const check = await openDB(databaseName(storeId));
    expect(await check.count('cart')).to.equal(1);
    check.close();
  });
});

describe('storage: stores and tabs', () => {
  it('keeps the data of two store ids apart', async () => {
    const first = storefront(uniqueStoreId('shop-a'));
    const second = storefront(uniqueStoreId('shop-b'));
    await first.cart.add('A', 2);
    await second.cart.add('C', 1);
    expect((await first.cart.lines()).map((line) => line.sku)).to.deep.equal(['A']);
    expect((await second.cart.lines()).map((line) => line.sku)).to.deep.equal(['C']);
  });

  it('shows a change made in a second same-origin tab, and counts concurrent adds from both', async () => {
    const storeId = uniqueStoreId('tabs');
    const store = storefront(storeId);
    const seen: number[] = [];
    store.cart.subscribe((lines) => seen.push(lines.reduce((sum, line) => sum + line.quantity, 0)));
    await store.ready;

    const frame = document.createElement('iframe');
    frame.src = `/test/fixtures/second-tab.html?store=${storeId}`;
    document.body.append(frame);
    type Tab = { ready: Promise<Storefront> };
    await eventually(() => expect((frame.contentWindow as unknown as { tab?: Tab }).tab).to.exist, 5000);
    const other = await (frame.contentWindow as unknown as { tab: Tab }).tab.ready;

    await other.cart.add('B', 2);
    await eventually(() => expect(seen.at(-1)).to.equal(2));

    // Both tabs add the same sku at the same moment, 10 times each: no update is lost.
    await Promise.all(Array.from({ length: 10 }, () => [store.cart.add('A', 1), other.cart.add('A', 1)]).flat());
    const lineA = (await store.cart.lines()).find((line) => line.sku === 'A');
    expect(lineA?.quantity).to.equal(20);
    await eventually(async () => expect((await other.cart.lines()).find((line) => line.sku === 'A')?.quantity).to.equal(20));
    other.close();
    frame.remove();
  });
});
