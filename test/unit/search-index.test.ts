import { expect } from '@open-wc/testing';
import type { Product } from '../../src/core/types.js';
import { matchRanges } from '../../src/search/highlight.js';
import { createSearchIndex, restoreSearchIndex } from '../../src/search/search-index.js';
import { product } from '../helpers/fixtures.js';

const CATALOG: Product[] = [
  product('TEE', 9900, {
    id: 'tee',
    title: '男士纯棉短袖T恤',
    description: '新疆长绒棉，亲肤透气',
    tags: ['夏季', 'cotton'],
    translations: { en: { title: "Men's Cotton Short-Sleeve T-shirt" } },
  }),
  product('LONG', 12900, {
    id: 'long',
    title: '女士纯棉长袖衬衫',
    description: '宽松版型',
    tags: ['春秋'],
    translations: { en: { title: "Women's Cotton Long-Sleeve Shirt" } },
  }),
  product('BUDS', 29900, {
    id: 'buds',
    title: '声屿 Air 真无线蓝牙耳机',
    description: '降噪，续航 30 小时',
    tags: ['earbuds', 'bluetooth'],
    translations: { en: { title: 'SoundIsle Air True Wireless Earbuds' } },
  }),
  product('HOOD', 25900, {
    id: 'hood',
    title: '加厚连帽卫衣',
    description: '内里抓绒，短袖内搭也合适',
    translations: { en: { title: 'Fleece Hoodie' } },
  }),
  product('SPEAKER', 59900, {
    id: 'speaker',
    title: '声屿 Home 桌面音箱',
    description: '木质箱体',
    tags: ['speaker'],
    translations: { en: { title: 'SoundIsle Home Desktop Speaker' } },
  }),
];

const ids = (hits: { id: string }[]) => hits.map((hit) => hit.id);

describe('search index: Chinese', () => {
  const index = createSearchIndex(CATALOG, { chineseTables: 'never' });

  it('finds a title by any Chinese substring', () => {
    expect(ids(index.search('短袖'))).to.include('tee');
    expect(ids(index.search('纯棉短袖T恤'))[0]).to.equal('tee');
    expect(ids(index.search('士纯棉短'))).to.deep.equal(['tee']);
    expect(ids(index.search('棉'))).to.have.members(['tee', 'long']);
  });

  it('finds words that are apart in the title (纯棉T恤, 男士短袖)', () => {
    expect(ids(index.search('纯棉T恤'))).to.deep.equal(['tee']);
    expect(ids(index.search('男士短袖'))).to.deep.equal(['tee']);
    expect(ids(index.search('纯棉 衬衫'))).to.deep.equal(['long']);
  });

  it('ranks a title match over a description match', () => {
    // 短袖 is in the T-shirt's title and only in the hoodie's description.
    expect(ids(index.search('短袖'))).to.deep.equal(['tee', 'hood']);
  });

  it('matches full-width and upper-case text alike (ＴＳＨＩＲＴ, t恤)', () => {
    expect(ids(index.search('t恤'))).to.deep.equal(['tee']);
    // "shirt" is one letter away from "tshirt": the shirt comes too, after the T-shirt.
    expect(ids(index.search('ＴＳＨＩＲＴ'))).to.deep.equal(['tee', 'long']);
    expect(ids(index.search('ＡＩＲ'))).to.deep.equal(['buds']);
  });

  it('mixes scripts in one query, with or without a space', () => {
    expect(ids(index.search('声屿 Air'))).to.deep.equal(['buds']);
    expect(ids(index.search('Air耳机'))).to.deep.equal(['buds']);
    expect(ids(index.search('蓝牙earbuds'))).to.deep.equal(['buds']);
    expect(ids(index.search('声屿 speaker'))).to.deep.equal(['speaker']);
  });

  it('finds nothing for characters no product has', () => {
    expect(index.search('鑫鑫')).to.deep.equal([]);
  });
});

describe('search index: Latin', () => {
  const index = createSearchIndex(CATALOG, { chineseTables: 'never' });

  it('matches by prefix while typing', () => {
    expect(ids(index.search('earb'))).to.deep.equal(['buds']);
    expect(ids(index.search('hood'))).to.deep.equal(['hood']);
    expect(ids(index.search('sound'))).to.have.members(['buds', 'speaker']);
  });

  it('tolerates one transposition or one missing letter', () => {
    expect(ids(index.search('earbdus'))).to.deep.equal(['buds']);
    expect(ids(index.search('hodie'))).to.deep.equal(['hood']);
    expect(ids(index.search('speakre'))).to.deep.equal(['speaker']);
    expect(ids(index.search('wireles'))).to.deep.equal(['buds']);
  });

  it('requires every word of the query', () => {
    expect(ids(index.search('cotton shirt'))).to.have.members(['tee', 'long']);
    expect(ids(index.search('cotton long'))).to.deep.equal(['long']);
  });

  it('joins hyphenated words: tshirt finds T-shirt', () => {
    expect(ids(index.search('tshirt'))[0]).to.equal('tee');
  });
});

describe('search index: hits', () => {
  const index = createSearchIndex(CATALOG, { chineseTables: 'never' });

  it('returns ids, skus, scores best first, and a limit', () => {
    const hits = index.search('棉', { limit: 2 });
    expect(hits).to.have.length(2);
    expect(hits[0]!.score).to.be.at.least(hits[1]!.score);
    expect(hits[0]).to.include.keys('id', 'sku', 'score', 'terms', 'matches');
  });

  it('gives match ranges in the displayed title, for highlighting', () => {
    const [hit] = index.search('短袖');
    expect(hit!.matches.title).to.deep.equal([[4, 6]]);
    const [buds] = index.search('earbdus');
    expect(buds!.terms).to.include('earbuds');
    const english = 'SoundIsle Air True Wireless Earbuds';
    const [[start, end]] = matchRanges(english, buds!.terms) as [[number, number]];
    expect(english.slice(start, end)).to.equal('Earbuds');
  });

  it('gives the indexed words a prefix matched, so the whole word is highlighted', () => {
    const [hit] = index.search('earb');
    expect(hit!.terms).to.deep.equal(['earbuds']);
    expect(hit!.matches.tags).to.deep.equal([[0, 7]]);
  });

  it('maps ranges back through full-width text', () => {
    expect(matchRanges('ＴＳＨＩＲＴ 纯棉', ['tshirt'])).to.deep.equal([[0, 6]]);
    expect(matchRanges('男士纯棉', ['纯棉', '男'])).to.deep.equal([
      [0, 1],
      [2, 4],
    ]);
  });

  it('filters before the limit', () => {
    const hits = index.search('棉', { filter: (p) => p.sku === 'LONG', limit: 1 });
    expect(ids(hits)).to.deep.equal(['long']);
  });
});

describe('search index: hostile queries', () => {
  const index = createSearchIndex(CATALOG, { chineseTables: 'never' });
  const queries = ['', ' ', '.*(', '!!!???。，、', '😀😀🎉', '<img src=x onerror=alert(1)>', 'a'.repeat(1000), '短'.repeat(1000)];
  for (const query of queries) {
    it(`answers ${JSON.stringify(query.slice(0, 20))}${query.length > 20 ? '…' : ''} without throwing`, () => {
      const hits = index.search(query);
      expect(hits).to.be.an('array');
    });
  }

  it('finds nothing for punctuation, emoji or markup', () => {
    expect(index.search('.*(')).to.deep.equal([]);
    expect(index.search('😀😀🎉')).to.deep.equal([]);
    expect(index.search('<img src=x onerror=alert(1)>')).to.deep.equal([]);
  });

  it('ignores a query that is not a string', () => {
    expect(index.search(undefined as unknown as string)).to.deep.equal([]);
    expect(index.search({} as unknown as string)).to.deep.equal([]);
  });
});

describe('search index: changes and persistence', () => {
  it('adds, replaces and removes products incrementally', () => {
    const index = createSearchIndex(CATALOG.slice(0, 2), { chineseTables: 'never' });
    expect(index.search('耳机')).to.deep.equal([]);
    index.add(CATALOG[2]!);
    expect(ids(index.search('耳机'))).to.deep.equal(['buds']);
    index.add({ ...CATALOG[2]!, title: '声屿 Pro 头戴式耳机' });
    expect(ids(index.search('头戴'))).to.deep.equal(['buds']);
    expect(index.search('真无线')).to.deep.equal([]);
    index.remove('buds');
    expect(index.search('耳机')).to.deep.equal([]);
    expect(index.size).to.equal(2);
    // After removing, a bigram only that product had no longer blocks other matches.
    index.remove('unknown');
    expect(ids(index.search('纯棉'))).to.have.members(['tee', 'long']);
  });

  it('restores from toJSON (as kept in IndexedDB) and answers the same', () => {
    const index = createSearchIndex(CATALOG, { chineseTables: 'never' });
    const copy = structuredClone(index.toJSON());
    const restored = restoreSearchIndex(copy, { chineseTables: 'never' })!;
    expect(restored.size).to.equal(CATALOG.length);
    expect(restored.signature).to.equal(index.signature);
    for (const query of ['短袖', 'earbdus', '声屿 Air', '纯棉T恤']) {
      expect(ids(restored.search(query))).to.deep.equal(ids(index.search(query)));
    }
    restored.add(product('NEW', 100, { id: 'new', title: '纯棉袜子' }));
    expect(ids(restored.search('袜子'))).to.deep.equal(['new']);
  });

  it('answers like a fresh index after many adds, replacements and removals', () => {
    const titles = ['纯棉短袖T恤', '真无线蓝牙耳机', '加厚连帽卫衣', '桌面音箱 speaker', 'Cotton Hoodie 卫衣', '纯棉袜子'];
    let state = 5;
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
    const index = createSearchIndex(CATALOG, { chineseTables: 'never' });
    for (let step = 0; step < 400; step += 1) {
      const id = `p${Math.floor(next() * 60)}`;
      if (next() < 0.3) index.remove(id);
      else {
        const title = `${titles[Math.floor(next() * titles.length)]!} ${titles[Math.floor(next() * titles.length)]!}`;
        index.add(product(id.toUpperCase(), 100 + step, { id, title, tags: next() < 0.5 ? ['cotton'] : [] }));
      }
    }
    // The same products, in the same order: scores and order must match exactly.
    const fresh = createSearchIndex(index.toJSON().products, { chineseTables: 'never' });
    expect(fresh.size).to.equal(index.size);
    for (const query of ['纯棉', '卫衣', '短袖 cotton', 'hood', 'speakre', '蓝牙耳机', '棉']) {
      const hits = index.search(query, { limit: 50 });
      expect(
        hits.map((hit) => [hit.id, hit.score.toFixed(9)]),
        query,
      ).to.deep.equal(fresh.search(query, { limit: 50 }).map((hit) => [hit.id, hit.score.toFixed(9)]));
    }
  });

  it('restores an index that had removals', () => {
    const index = createSearchIndex(CATALOG, { chineseTables: 'never' });
    index.remove(['tee', 'speaker']);
    const restored = restoreSearchIndex(structuredClone(index.toJSON()), { chineseTables: 'never' })!;
    expect(restored.size).to.equal(3);
    expect(ids(restored.search('纯棉'))).to.deep.equal(['long']);
    expect(ids(restored.search('声屿'))).to.deep.equal(['buds']);
    expect(restored.search('speaker')).to.deep.equal([]);
  });

  it('refuses serialized data from another version', () => {
    const json = createSearchIndex(CATALOG, { chineseTables: 'never' }).toJSON();
    expect(restoreSearchIndex({ ...json, version: 99 })).to.equal(null);
    expect(restoreSearchIndex(null as never)).to.equal(null);
  });

  it('changes its signature when a product changes, not when the order does', () => {
    const a = createSearchIndex(CATALOG, { chineseTables: 'never' });
    const b = createSearchIndex([...CATALOG].reverse(), { chineseTables: 'never' });
    expect(a.signature).to.equal(b.signature);
    b.add({ ...CATALOG[0]!, price: { amount: 1, currency: 'CNY' } });
    expect(a.signature).not.to.equal(b.signature);
  });
});

describe('search index: pinyin and traditional Chinese (lazy tables)', () => {
  const traditional = product('TW', 15900, { id: 'tw', title: '長袖襯衫（台灣版）' });

  it('finds Chinese titles by full pinyin, initials and pinyin typed so far', async () => {
    const index = createSearchIndex(CATALOG);
    expect(ids(await index.searchAsync('duanxiu'))[0]).to.equal('tee');
    expect(ids(await index.searchAsync('dx'))[0]).to.equal('tee');
    expect(ids(await index.searchAsync('duanx'))[0]).to.equal('tee');
    expect(ids(await index.searchAsync('chunmian'))).to.have.members(['tee', 'long']);
    expect(ids(await index.searchAsync('erji'))).to.deep.equal(['buds']);
    // A real Latin word still wins over a pinyin reading of it.
    expect(ids(await index.searchAsync('air'))[0]).to.equal('buds');
  });

  it('highlights the Chinese a pinyin query matched', async () => {
    const index = createSearchIndex(CATALOG);
    const [hit] = await index.searchAsync('duanxiu');
    expect(hit!.terms).to.include('短袖');
    expect(hit!.matches.title).to.deep.equal([[4, 6]]);
  });

  it('matches traditional and simplified Chinese both ways', async () => {
    const index = createSearchIndex([...CATALOG, traditional]);
    expect(ids(await index.searchAsync('長袖'))).to.have.members(['long', 'tw']);
    expect(ids(await index.searchAsync('长袖衬衫'))).to.have.members(['long', 'tw']);
    const [tw] = await index.searchAsync('台湾');
    expect(tw!.id).to.equal('tw');
    expect(tw!.matches.title).to.deep.equal([[5, 7]]);
  });

  it('keeps pinyin working after products are added', async () => {
    const index = createSearchIndex(CATALOG);
    await index.loadChineseTables();
    index.add(product('SOCK', 1900, { id: 'sock', title: '羊毛中筒袜' }));
    expect(ids(index.search('yangmao'))).to.deep.equal(['sock']);
  });
});

describe('search index: what was typed ranks before looser readings', () => {
  const catalog = [
    product('CAP', 5900, { id: 'cap', title: '防滑棒球帽', translations: { en: { title: 'Baseball Cap' } } }),
    product('CASE', 3900, { id: 'case', title: '手机壳', translations: { en: { title: 'Phone Case' } } }),
    product('KNEE', 4900, { id: 'knee', title: '速干护膝', translations: { en: { title: 'Quick-dry Knee Pads' } } }),
    product('SOCK', 2900, { id: 'sock', title: '素然 中筒袜', translations: { en: { title: 'Suran Crew Socks' } } }),
  ];

  it('puts a word the shopper is typing before a word one typo away', async () => {
    const index = createSearchIndex(catalog, { chineseTables: 'never' });
    expect(ids(index.search('base'))[0]).to.equal('cap');
    expect(ids(index.search('base'))).to.include('case');
  });

  it('lets exact pinyin compete with a Latin word one typo away', async () => {
    const index = createSearchIndex(catalog);
    expect(ids(await index.searchAsync('sugan'))[0]).to.equal('knee');
  });
});
