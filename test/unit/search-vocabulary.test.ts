import { expect } from '@open-wc/testing';
import { deletions, editDistance, WordVocabulary } from '../../src/search/vocabulary.js';

function vocabulary(words: string[]): WordVocabulary {
  const vocab = new WordVocabulary();
  words.forEach((word, term) => vocab.add(word, term));
  return vocab;
}

function prefixed(vocab: WordVocabulary, prefix: string): string[] {
  const found: string[] = [];
  vocab.prefix(prefix, (_term, word) => found.push(word));
  return found;
}

function near(vocab: WordVocabulary, word: string, max: number, transpositions = false): string[] {
  const found: string[] = [];
  vocab.fuzzy(word, max, (_term, text, distance) => found.push(`${text}:${distance}`), transpositions);
  return found.sort();
}

const WORDS = [
  'earbuds',
  'earphone',
  'ear',
  'hoodie',
  'hood',
  'speaker',
  'speakers',
  'shirt',
  'tshirt',
  'short',
  'sport',
  'spot',
  'x3',
];

describe('search vocabulary: prefixes', () => {
  it('lists every word starting with a prefix, in order, the prefix itself included', () => {
    const vocab = vocabulary(WORDS);
    expect(prefixed(vocab, 'ear')).to.deep.equal(['ear', 'earbuds', 'earphone']);
    expect(prefixed(vocab, 'speak')).to.deep.equal(['speaker', 'speakers']);
    expect(prefixed(vocab, 'sp')).to.deep.equal(['speaker', 'speakers', 'sport', 'spot']);
    expect(prefixed(vocab, 'zz')).to.deep.equal([]);
    expect(prefixed(vocab, 'x')).to.deep.equal(['x3']);
  });

  it('reports the term number and how much longer each word is', () => {
    const vocab = vocabulary(WORDS);
    const found: [number, number][] = [];
    vocab.prefix('hood', (term, _word, distance) => found.push([term, distance]));
    expect(found).to.deep.equal([
      [4, 0],
      [3, 2],
    ]);
  });

  it('takes words added between queries into the sorted range', () => {
    const vocab = vocabulary(WORDS);
    expect(prefixed(vocab, 'sh')).to.deep.equal(['shirt', 'short']);
    vocab.add('shoe', 100);
    vocab.add('aaa', 101);
    vocab.add('shz', 102);
    expect(prefixed(vocab, 'sh')).to.deep.equal(['shirt', 'shoe', 'short', 'shz']);
    expect(prefixed(vocab, 'a')).to.deep.equal(['aaa']);
    expect(vocab.size).to.equal(WORDS.length + 3);
  });
});

describe('search vocabulary: typos', () => {
  it('computes Levenshtein and, with transpositions, Damerau distances', () => {
    expect(editDistance('hodie', 'hoodie', 2)).to.equal(1);
    expect(editDistance('speakre', 'speaker', 2)).to.equal(2);
    expect(editDistance('speakre', 'speaker', 2, true)).to.equal(1);
    expect(editDistance('kitten', 'sitting', 3)).to.equal(3);
    // Past the bound it stops at max + 1.
    expect(editDistance('kitten', 'sitting', 1)).to.equal(2);
    expect(editDistance('', 'abc', 5)).to.equal(3);
  });

  it('lists the deletion neighbourhood of a word', () => {
    expect(deletions('abc').sort()).to.deep.equal(['ab', 'ac', 'bc']);
    expect(deletions('aab').sort()).to.deep.equal(['aa', 'ab']);
  });

  it('finds words one substitution, insertion or deletion away through the deletion neighbourhood', () => {
    const vocab = vocabulary(WORDS);
    expect(near(vocab, 'hodie', 1)).to.deep.equal(['hoodie:1']);
    expect(near(vocab, 'hoodies', 1)).to.deep.equal(['hoodie:1']);
    expect(near(vocab, 'spoat', 1)).to.deep.equal(['sport:1', 'spot:1']);
    expect(near(vocab, 'sport', 1)).to.deep.equal(['short:1', 'sport:0', 'spot:1']);
    // tshirt is two edits from shirts.
    expect(near(vocab, 'shirts', 1)).to.deep.equal(['shirt:1']);
  });

  it('treats an adjacent transposition as one typo only when asked (Damerau)', () => {
    const vocab = vocabulary(WORDS);
    expect(near(vocab, 'speakre', 1)).to.deep.equal([]);
    expect(near(vocab, 'speakre', 1, true)).to.deep.equal(['speaker:1']);
    expect(near(vocab, 'earbdus', 1, true)).to.deep.equal(['earbuds:1']);
  });

  it('finds new words after the neighbourhood was built', () => {
    const vocab = vocabulary(WORDS);
    expect(near(vocab, 'jackt', 1)).to.deep.equal([]);
    vocab.add('jacket', 50);
    expect(near(vocab, 'jackt', 1)).to.deep.equal(['jacket:1']);
  });

  it('finds words two typos away like a brute-force scan (long words)', () => {
    let state = 3;
    const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
    const letters = 'abcdeor';
    const words = new Set<string>();
    while (words.size < 600) {
      const length = 3 + Math.floor(next() * 9);
      words.add(Array.from({ length }, () => letters[Math.floor(next() * letters.length)]).join(''));
    }
    const list = [...words];
    const vocab = vocabulary(list);
    for (const query of ['abcdeabc', 'rodeoroad', 'ccccccccc', list[7]!, `${list[42]!}ab`]) {
      for (const transpositions of [false, true]) {
        const expected = list
          .map((word) => `${word}:${editDistance(query, word, 2, transpositions)}`)
          .filter((entry) => Number(entry.split(':')[1]) <= 2)
          .sort();
        expect(near(vocab, query, 2, transpositions), `${query} ${transpositions}`).to.deep.equal(expected);
      }
    }
  });
});
