import { expect } from '@open-wc/testing';
import { InvertedIndex, type Clause, type Requirement, type SerializedCore } from '../../src/search/inverted-index.js';

const BOOSTS = [3, 1.4, 1];

/** A document: its terms per field (title, description, tags); a term in CAPS is fed as Chinese. */
type Doc = [id: string, title: string, description?: string, tags?: string];

function feed(index: InvertedIndex, [, title, description = '', tags = '']: Doc): void {
  [title, description, tags].forEach((text, field) => {
    for (const word of text.split(' ').filter(Boolean)) index.adder.term(word, field, word === word.toUpperCase());
  });
}

function build(docs: Doc[]): InvertedIndex {
  const index = new InvertedIndex(BOOSTS);
  for (const doc of docs) {
    index.begin(doc[0]);
    feed(index, doc);
    index.end();
  }
  index.flush();
  return index;
}

function removeDoc(index: InvertedIndex, doc: Doc): void {
  index.remove(doc[0], (sink) => {
    [doc[1], doc[2] ?? '', doc[3] ?? ''].forEach((text, field) => {
      for (const word of text.split(' ').filter(Boolean)) sink.term(word, field, word === word.toUpperCase());
    });
  });
}

/** One requirement per word (each word alone), `a|b` for any of several, `a+b` for all of. */
function query(index: InvertedIndex, text: string): Requirement[] {
  return text
    .split(' ')
    .map((part) =>
      part
        .split('|')
        .map((alternative): Clause =>
          alternative.split('+').map((word) => ({ term: index.termOf(word), weight: 1, source: word })),
        ),
    );
}

function ids(index: InvertedIndex, text: string, limit = 100, accept?: (doc: number) => boolean): string[] {
  return [...index.search(query(index, text), limit, accept).docs].map((doc) => index.idOf(doc));
}

const DOCS: Doc[] = [
  ['a', 'red cotton shirt', 'soft cotton', 'summer'],
  ['b', 'blue cotton shirt'],
  ['c', 'red wool coat', 'warm', 'winter'],
  ['d', 'red shirt', '', 'cotton'],
  ['e', 'green coat'],
];

describe('search inverted index: queries', () => {
  it('requires every requirement (intersection) and ranks by BM25 with field boosts', () => {
    const index = build(DOCS);
    expect(ids(index, 'red')).to.have.members(['a', 'c', 'd']);
    expect(ids(index, 'red shirt')).to.have.members(['a', 'd']);
    expect(ids(index, 'red shirt cotton')).to.have.members(['a', 'd']);
    // cotton in the title (a, b) beats cotton in the tags (d); a also has it in its description.
    expect(ids(index, 'cotton')).to.deep.equal(['a', 'b', 'd']);
    expect(ids(index, 'red missing')).to.deep.equal([]);
  });

  it('intersects in any order with the same answer: a rare term first, then common ones', () => {
    const docs: Doc[] = Array.from({ length: 3000 }, (_, i) => [
      `p${i}`,
      ['common', i % 2 ? 'odd' : 'even', i % 3 ? '' : 'three', i % 1000 === 7 ? 'rare' : ''].join(' '),
    ]);
    const index = build(docs);
    const naive = (words: string[]) =>
      docs.filter((doc) => words.every((word) => doc[1].split(' ').includes(word))).map((doc) => doc[0]);
    for (const text of ['rare common odd', 'common three even', 'odd rare', 'three']) {
      expect(ids(index, text, 5000), text).to.have.members(naive(text.split(' ')));
    }
    // p7 and p1007 score the same (same field length), p2007 less (a longer title); among
    // equal scores, older documents first.
    expect(ids(index, 'rare', 2)).to.deep.equal(['p7', 'p1007']);
    expect(ids(index, 'rare')).to.deep.equal(['p7', 'p1007', 'p2007']);
  });

  it('matches any clause of a requirement, and every term of a clause', () => {
    const index = build(DOCS);
    expect(ids(index, 'wool|blue')).to.have.members(['b', 'c']);
    expect(ids(index, 'red+coat|blue+shirt')).to.have.members(['b', 'c']);
    expect(ids(index, 'red+coat|blue+shirt cotton')).to.deep.equal(['b']);
    const redCotton = query(index, 'red+cotton')[0]![0]!;
    expect(index.matches(0, redCotton)).to.be.true; // a
    expect(index.matches(1, redCotton)).to.be.false; // b
  });

  it('multiplies scores by the number of distinct query texts matched (as MiniSearch)', () => {
    const index = build(DOCS);
    const one = index.search(query(index, 'green'), 1).scores[0]!;
    const refs = [{ term: index.termOf('green'), weight: 1, source: 'x' }];
    const twice = index.search([[refs], [[{ ...refs[0]!, source: 'y' }]]], 1).scores[0]!;
    // The same term required twice under two names: twice the sum, times two names.
    expect(twice).to.be.closeTo(one * 4, 1e-9);
  });

  it('asks `accept` about candidates before ranking them', () => {
    const index = build(DOCS);
    expect(ids(index, 'red', 100, (doc) => index.idOf(doc) !== 'a')).to.have.members(['c', 'd']);
  });

  it('keeps the Chinese vocabulary and frequencies per field', () => {
    const index = build([
      ['x', 'AB CD AB', 'AB'],
      ['y', 'CD'],
    ]);
    expect(index.hanCount('AB')).to.equal(3);
    expect(index.hanCount('CD')).to.equal(2);
    expect(index.fieldCount(index.termOf('AB'))).to.equal(2);
    expect(new Map(index.hanTerms())).to.deep.equal(
      new Map([
        ['AB', 3],
        ['CD', 2],
      ]),
    );
  });

  it('takes Chinese terms as code points, the same terms as text', () => {
    const index = new InvertedIndex(BOOSTS);
    index.begin('t');
    index.adder.han(0x77ed, 0x8896, 0); // 短袖
    index.adder.han(0x20000, -1, 0); // 𠀀, outside the common block
    index.end();
    index.begin('u');
    index.adder.term('短袖', 0, true);
    index.end();
    expect(index.hanCount('短袖')).to.equal(2);
    expect(index.hanCount('𠀀')).to.equal(1);
    expect(ids(index, '短袖')).to.have.members(['t', 'u']);
  });
});

describe('search inverted index: removal and compaction', () => {
  it('leaves a tombstone: removed documents are never found, counts follow', () => {
    const index = build(DOCS);
    removeDoc(index, DOCS[0]!);
    expect(index.size).to.equal(4);
    expect(index.dead).to.equal(1);
    expect(index.has('a')).to.be.false;
    expect(ids(index, 'red')).to.have.members(['c', 'd']);
    expect(ids(index, 'summer')).to.deep.equal([]);
    expect(index.fieldCount(index.termOf('summer'))).to.equal(0);
    expect(index.fieldCount(index.termOf('cotton'))).to.equal(2);
  });

  it('re-adds a removed id as a new document', () => {
    const index = build(DOCS);
    removeDoc(index, DOCS[1]!);
    index.begin('b');
    feed(index, ['b', 'blue linen shirt']);
    index.end();
    index.flush();
    expect(ids(index, 'linen')).to.deep.equal(['b']);
    expect(ids(index, 'cotton')).to.deep.equal(['a', 'd']);
    expect(ids(index, 'shirt')).to.have.members(['a', 'b', 'd']);
  });

  it('compacts dead documents and unused terms away and answers the same', () => {
    const index = build(DOCS);
    removeDoc(index, DOCS[4]!);
    removeDoc(index, DOCS[1]!);
    const red = index.search(query(index, 'red'), 10);
    index.compact();
    expect(index.dead).to.equal(0);
    expect(index.termOf('green')).to.equal(-1);
    expect(index.termOf('blue')).to.equal(-1);
    const compacted = index.search(query(index, 'red'), 10);
    expect([...compacted.docs].map((doc) => index.idOf(doc))).to.have.members(['a', 'c', 'd']);
    expect([...compacted.scores]).to.deep.equal([...red.scores]);
    // Still adds after compaction.
    index.begin('f');
    feed(index, ['f', 'green scarf']);
    index.end();
    expect(ids(index, 'green')).to.deep.equal(['f']);
  });

  it('keeps answering right through many adds and removes (arena growth and relocation)', () => {
    const index = new InvertedIndex(BOOSTS);
    const live = new Map<string, Doc>();
    let state = 9;
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
    const words = ['alpha', 'beta', 'gamma', 'delta', 'omega'];
    for (let step = 0; step < 3000; step += 1) {
      const id = `d${Math.floor(next() * 400)}`;
      if (live.has(id) && next() < 0.4) {
        removeDoc(index, live.get(id)!);
        live.delete(id);
        continue;
      }
      if (live.has(id)) removeDoc(index, live.get(id)!);
      const doc: Doc = [id, words.filter(() => next() < 0.5).join(' ') || 'alpha'];
      index.begin(id);
      feed(index, doc);
      index.end();
      live.set(id, doc);
      if (step % 7 === 0) index.flush();
      if (step % 500 === 499) index.compact();
    }
    for (const text of ['alpha', 'beta gamma', 'omega|delta', 'alpha+beta|gamma+delta omega']) {
      const expected = [...live.values()]
        .filter((doc) =>
          text
            .split(' ')
            .every((part) => part.split('|').some((alt) => alt.split('+').every((word) => doc[1].split(' ').includes(word)))),
        )
        .map((doc) => doc[0]);
      expect(ids(index, text, 1000), text).to.have.members(expected);
    }
    expect(index.size).to.equal(live.size);
  });
});

describe('search inverted index: serialization', () => {
  it('round-trips through structuredClone with the same answers and scores', () => {
    const index = build(DOCS);
    removeDoc(index, DOCS[2]!);
    const copy = structuredClone(index.toJSON());
    const restored = InvertedIndex.restore(copy, BOOSTS);
    expect(restored.size).to.equal(4);
    for (const text of ['red', 'cotton', 'shirt cotton', 'coat|shirt']) {
      const a = index.search(query(index, text), 10);
      const b = restored.search(query(restored, text), 10);
      expect(
        [...b.docs].map((doc) => restored.idOf(doc)),
        text,
      ).to.deep.equal([...a.docs].map((doc) => index.idOf(doc)));
      expect([...b.scores]).to.deep.equal([...a.scores]);
    }
    expect(restored.words.size).to.be.greaterThan(0);
    // A restored index keeps growing.
    restored.begin('z');
    feed(restored, ['z', 'red scarf']);
    restored.end();
    expect(ids(restored, 'red scarf')).to.deep.equal(['z']);
  });

  it('refuses malformed data', () => {
    const good = build(DOCS).toJSON();
    const broken: Partial<SerializedCore>[] = [
      { docs: good.docs.slice(1) },
      { lengths: new Uint16Array(1) },
      { offsets: Int32Array.from(good.offsets, (value, i) => (i === 1 ? value + 100 : value)) },
      { docs: Int32Array.from(good.docs, () => 99) },
      { ids: ['a', 'a', 'b', 'c', 'd'] },
    ];
    for (const change of broken) expect(() => InvertedIndex.restore({ ...good, ...change }, BOOSTS)).to.throw();
  });
});
