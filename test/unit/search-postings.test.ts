import { expect } from '@open-wc/testing';
import { contains, gallop, intersect, TopK, unionSmall } from '../../src/search/postings.js';

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

/** `size` distinct sorted numbers below `range`. */
function sortedSet(next: () => number, size: number, range: number): Int32Array {
  const set = new Set<number>();
  while (set.size < Math.min(size, range)) set.add(Math.floor(next() * range));
  return Int32Array.from([...set].sort((a, b) => a - b));
}

describe('search postings: galloping and intersection', () => {
  it('gallops to the first value at or above the target', () => {
    const list = Int32Array.from([2, 4, 4, 7, 9, 15, 20, 31, 40]);
    expect(gallop(list, 0, list.length, 1)).to.equal(0);
    expect(gallop(list, 0, list.length, 4)).to.equal(1);
    expect(gallop(list, 0, list.length, 8)).to.equal(4);
    expect(gallop(list, 3, list.length, 31)).to.equal(7);
    expect(gallop(list, 0, list.length, 41)).to.equal(list.length);
    // Only within [from, to).
    expect(gallop(list, 2, 5, 100)).to.equal(5);
    expect(gallop(list, 4, 4, 0)).to.equal(4);
  });

  it('finds a value by binary search in a range', () => {
    const list = Int32Array.from([1, 3, 5, 8, 13]);
    expect(contains(list, 0, 5, 8)).to.be.true;
    expect(contains(list, 0, 5, 4)).to.be.false;
    expect(contains(list, 0, 3, 8)).to.be.false;
  });

  it('intersects sorted lists of any relative size like a naive filter', () => {
    const next = random(7);
    for (const [m, n] of [
      [0, 10],
      [1, 1000],
      [5, 5000],
      [300, 400],
      [2000, 2000],
      [4000, 30],
    ] as const) {
      const a = sortedSet(next, m, 10000);
      const b = sortedSet(next, n, 10000);
      const inB = new Set(b);
      const expected = [...a].filter((value) => inB.has(value));
      expect([...intersect(a, 0, a.length, b, 0, b.length)], `${m} x ${n}`).to.deep.equal(expected);
    }
  });

  it('intersects sub-ranges of a shared array (postings back to back in one arena)', () => {
    // Two posting lists in one arena: [1, 4, 6, 9] and [0, 4, 9, 12].
    const arena = Int32Array.from([1, 4, 6, 9, 0, 4, 9, 12]);
    expect([...intersect(arena, 0, 4, arena, 4, 8)]).to.deep.equal([4, 9]);
    expect([...intersect(arena, 0, 2, arena, 4, 8)]).to.deep.equal([4]);
  });

  it('unites small lists without duplicates, in order', () => {
    const union = unionSmall([Int32Array.from([3, 9]), Int32Array.from([1, 3, 20]), new Int32Array(0)]);
    expect([...union]).to.deep.equal([1, 3, 9, 20]);
  });
});

describe('search postings: top-k selection', () => {
  it('keeps the k best, best first, ties to the lower document', () => {
    const top = new TopK(3);
    const pairs: [number, number][] = [
      [10, 1.5],
      [11, 9],
      [12, 1.5],
      [13, 4],
      [14, 0.5],
      [5, 1.5],
    ];
    for (const [doc, score] of pairs) top.push(doc, score);
    const { docs, scores } = top.sorted();
    expect([...docs]).to.deep.equal([11, 13, 5]);
    expect([...scores]).to.deep.equal([9, 4, 1.5]);
  });

  it('selects the same as sorting everything', () => {
    const next = random(11);
    const docs = Array.from({ length: 5000 }, (_, i) => i);
    const scores = docs.map(() => Math.round(next() * 200) / 10);
    for (const k of [1, 20, 400, 6000]) {
      const top = new TopK(k);
      docs.forEach((doc) => top.push(doc, scores[doc]!));
      const expected = [...docs].sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, k);
      expect([...top.sorted().docs], `k = ${k}`).to.deep.equal(expected);
    }
  });

  it('offers many pairs at once, asking `accept` only about those good enough to keep', () => {
    const next = random(5);
    const docs = Int32Array.from({ length: 20000 }, (_, i) => i);
    const scores = Float64Array.from(docs, () => Math.floor(next() * 1000));
    const odd = (doc: number) => doc % 2 === 1;
    let asked = 0;
    const top = new TopK(20);
    top.offer(docs, scores, (doc) => {
      asked += 1;
      return odd(doc);
    });
    const expected = [...docs]
      .filter(odd)
      .sort((a, b) => scores[b]! - scores[a]! || a - b)
      .slice(0, 20);
    expect([...top.sorted().docs]).to.deep.equal(expected);
    expect(asked).to.be.below(2000);
  });

  it('returns nothing for k = 0', () => {
    const top = new TopK(0);
    top.push(1, 1);
    expect(top.sorted().docs.length).to.equal(0);
  });
});
