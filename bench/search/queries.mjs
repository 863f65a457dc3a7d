/*
 * The labelled query set, generated from the catalog so the labels are exact.
 *
 * A query comes with predicates; a product is relevant when every predicate holds on its
 * searchable text (zh title + English title + description + tags, NFKC-folded and lower-cased,
 * the same four fields every engine indexes):
 * - `sub`: the text contains this string (Chinese, or Chinese with Latin such as `t恤`);
 * - `word`: some Latin word of the text starts with this (`hood` -> hoodie; for a typo query the
 *   predicate holds the word the shopper meant); hyphenated compounds count joined too
 *   (T-shirt is also `tshirt`);
 * - `pinyin`: some run of Chinese characters reads these syllables (one per character; any
 *   reading of a polyphonic character counts), or, with `initials`, starts with these letters.
 * Readings come from pinyin-pro, traditional forms from opencc-js (cn -> tw): independent of the
 * engines' own tables.
 */
import { pinyin } from 'pinyin-pro';
import * as OpenCC from 'opencc-js/cn2t';
import { createRandom, DEFAULT_SEED } from './catalog.mjs';

export const K = 20;

export const CATEGORIES = [
  { id: 'a', label: 'Chinese substrings', claimedByAll: true },
  { id: 'b', label: 'Latin typos', claimedByAll: true },
  { id: 'c', label: 'Latin prefixes', claimedByAll: true },
  { id: 'd', label: 'Mixed scripts', claimedByAll: true },
  { id: 'e', label: 'Full-width / case', claimedByAll: true },
  { id: 'f', label: 'Pinyin', claimedByAll: false },
  { id: 'g', label: 'Traditional Chinese', claimedByAll: false },
];

const fold = (text) => text.normalize('NFKC').toLowerCase();
const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_WORD = /[a-z0-9]+/g;
const COMPOUND = /[a-z0-9]+(?:[-'’][a-z0-9]+)+/g;

/** What the labels are computed on, once per product. */
function searchableText(product) {
  const folded = fold(
    [product.title, product.translations?.en?.title ?? '', product.description ?? '', (product.tags ?? []).join(' ')].join('\n'),
  );
  const words = new Set(folded.match(LATIN_WORD) ?? []);
  for (const compound of folded.match(COMPOUND) ?? []) words.add(compound.replace(/[-'’]/g, ''));
  return { folded, words: [...words] };
}

const readingCache = new Map();
/** Every reading of a Chinese character, toneless, ü as v. */
function readings(char) {
  let list = readingCache.get(char);
  if (!list) {
    list = pinyin(char, { toneType: 'none', multiple: true, type: 'array', v: true });
    readingCache.set(char, list);
  }
  return list;
}

function escapeClass(chars) {
  return [...chars].join('');
}

/**
 * Labels: the ids of the products for which every predicate holds.
 * `hanChars` is the set of Chinese characters in the catalog (for pinyin predicates).
 */
function label(texts, products, predicates, hanChars) {
  const tests = predicates.map((predicate) => {
    if (predicate.sub !== undefined) {
      const sub = fold(predicate.sub);
      return (text) => text.folded.includes(sub);
    }
    if (predicate.word !== undefined) {
      const word = fold(predicate.word);
      return (text) => text.words.some((w) => w.startsWith(word));
    }
    // Pinyin: one character class per syllable (or initial), matched as a regular expression.
    const classes = predicate.pinyin.map((syllable) => {
      const chars = [...hanChars].filter((char) =>
        readings(char).some((reading) => (predicate.initials ? reading.startsWith(syllable) : reading === syllable)),
      );
      return chars.length > 0 ? `[${escapeClass(chars)}]` : '(?!)';
    });
    const pattern = new RegExp(classes.join(''), 'u');
    return (text) => pattern.test(text.folded);
  });
  const ids = [];
  for (let i = 0; i < products.length; i += 1) {
    if (tests.every((test) => test(texts[i]))) ids.push(products[i].id);
  }
  return ids;
}

/** Whether `a` and `b` are at most one edit apart (substitution, insertion, deletion, adjacent transposition). */
function withinOneEdit(a, b) {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    if (i === a.length) return true;
    const rest = (k) => a.slice(k) === b.slice(k);
    return rest(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(i + 2));
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i);
}

const latinWords = (text) => (text.match(/[A-Za-z]+/g) ?? []).filter((word) => word.length >= 5);

const FULL_WIDTH = (text) => text.replace(/[!-~]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));

/**
 * The query set for `catalog` (from `generateCatalog`). Each query:
 * `{ id, category, kind, query, predicates, relevant: string[] }`.
 */
export function generateQueries(catalog, { seed = DEFAULT_SEED, perCategory = 44 } = {}) {
  const { products, meta, targetCount } = catalog;
  const random = createRandom(seed ^ 0x5eed);
  const texts = products.map(searchableText);
  const hanChars = new Set();
  for (const text of texts) for (const run of text.folded.match(HAN_RUN) ?? []) for (const char of run) hanChars.add(char);
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

  // Every Latin word of the catalog, to make sure a typo is not itself a prefix of a real word.
  const vocabulary = new Set();
  for (const text of texts) for (const word of text.words) vocabulary.add(word);
  const isPrefixOfSomeWord = (text) => [...vocabulary].some((word) => word.startsWith(text));
  // A typo one edit away from two real words (sorts: sports or shorts?) has no single right answer.
  const isNearOtherWord = (text, meant) => [...vocabulary].some((word) => word !== meant && withinOneEdit(text, word));

  const targets = [];
  for (let i = 0; i < targetCount; i += 1) targets.push(i);
  const pickTarget = () => random.pick(targets);
  const pickAny = () => random.int(0, products.length - 1);

  const queries = [];
  const seen = new Set();
  /** Adds a query unless its text was seen or nothing is relevant; returns whether it was added. */
  const add = (category, kind, query, predicates) => {
    if (!query || seen.has(query)) return false;
    const relevant = label(texts, products, predicates, hanChars);
    if (relevant.length === 0) return false;
    seen.add(query);
    queries.push({
      id: `${category}${String(queries.length + 1).padStart(3, '0')}`,
      category,
      kind,
      query,
      predicates,
      relevant,
    });
    return true;
  };
  const fill = (count, make) => {
    let added = 0;
    for (let attempt = 0; added < count && attempt < count * 200; attempt += 1) if (make()) added += 1;
  };

  const hanRuns = (i) => products[i].title.match(HAN_RUN) ?? [];
  /** Chinese segments of a title (brand, adjectives, noun words...), in title order. */
  const hanSegments = (i) => meta[i].segments.filter((segment) => /\p{Script=Han}/u.test(segment.zh));

  // (a) Chinese substrings: 2-4 characters from inside a title's Chinese run (mostly targets),
  // whole Chinese words of any title (短袖, 蓝牙耳机), and word pairs apart in a title (纯棉T恤).
  const substringCount = Math.round(perCategory * 0.4);
  const wordCount = Math.round(perCategory * 0.25);
  fill(substringCount, () => {
    const runs = hanRuns(random.chance(0.75) ? pickTarget() : pickAny()).filter((run) => run.length >= 3);
    if (runs.length === 0) return false;
    const run = random.pick(runs);
    const length = random.int(2, Math.min(4, run.length - 1));
    const start = random.int(0, run.length - length);
    const text = run.slice(start, start + length);
    return add('a', 'substring', text, [{ sub: text }]);
  });
  fill(wordCount, () => {
    const segment = random.pick(
      hanSegments(random.chance(0.5) ? pickTarget() : pickAny()).filter((s) => s.kind !== 'brand' && !/[0-9]/.test(s.zh)),
    );
    return segment ? add('a', 'word', segment.zh, [{ sub: segment.zh }]) : false;
  });
  fill(perCategory - substringCount - wordCount, () => {
    const i = pickTarget();
    const segments = hanSegments(i).filter((segment) => segment.kind !== 'promo' && segment.kind !== 'suffix');
    if (segments.length < 3) return false;
    const first = random.int(0, segments.length - 3);
    const second = random.int(first + 2, segments.length - 1);
    const [x, y] = [segments[first].zh, segments[second].zh];
    // Only pairs that really are apart in this title.
    if (fold(products[i].title).includes(fold(x + y))) return false;
    return add('a', 'word pair', x + y, [{ sub: x }, { sub: y }]);
  });

  // (b) Latin typos on English title words of 5+ letters: one adjacent transposition, one missing letter.
  const typo = (kind) => () => {
    const i = random.chance(0.6) ? pickTarget() : pickAny();
    const word = random.pick(latinWords(products[i].translations.en.title))?.toLowerCase();
    if (!word) return false;
    let text;
    if (kind === 'transposition') {
      const at = random.int(1, word.length - 2);
      if (word[at] === word[at + 1]) return false;
      text = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    } else {
      const at = random.int(1, word.length - 2);
      text = word.slice(0, at) + word.slice(at + 1);
    }
    if (isPrefixOfSomeWord(text) || isNearOtherWord(text, word)) return false;
    return add('b', kind, text, [{ word }]);
  };
  fill(Math.ceil(perCategory / 2), typo('transposition'));
  fill(Math.floor(perCategory / 2), typo('missing letter'));

  // (c) Latin prefixes: 4-5 letters of an English title word of 5+ letters.
  fill(perCategory, () => {
    const i = random.chance(0.6) ? pickTarget() : pickAny();
    const word = random.pick(latinWords(products[i].translations.en.title))?.toLowerCase();
    if (!word) return false;
    const text = word.slice(0, random.int(4, Math.min(5, word.length - 1)));
    return add('c', 'prefix', text, [{ word: text }]);
  });

  // (d) Mixed scripts: a Chinese word with an English one, as shoppers type them.
  const mixed = [
    // brand + model: 声屿 Air
    (i) => {
      const models = products[i].title.match(/(?<= )[A-Za-z0-9]+(?= )/g) ?? [];
      const brand = hanSegments(i).find((segment) => segment.kind === 'brand');
      if (!brand || models.length === 0) return null;
      const model = random.pick(models);
      return { text: `${brand.zh}${random.chance(0.7) ? ' ' : ''}${model}`, predicates: [{ sub: brand.zh }, { word: model }] };
    },
    // adjective + English noun: 纯棉 hoodie
    (i) => {
      const adjective = random.pick(hanSegments(i).filter((segment) => segment.kind === 'adjective'));
      const words = latinWords(products[i].translations.en.title.split(' - ')[0]);
      if (!adjective || words.length === 0) return null;
      const word = words[words.length - 1].toLowerCase();
      return { text: `${adjective.zh} ${word}`, predicates: [{ sub: adjective.zh }, { word }] };
    },
    // Chinese noun + model: 耳机 Pro, Air耳机
    (i) => {
      const noun = random.pick(hanSegments(i).filter((segment) => segment.kind === 'noun' && !/[A-Za-z]/.test(segment.zh)));
      const models = products[i].title.match(/(?<= )[A-Za-z0-9]+(?= )/g) ?? [];
      if (!noun || models.length === 0) return null;
      const model = random.pick(models);
      const text = random.chance(0.5) ? `${noun.zh} ${model}` : `${model}${noun.zh}`;
      return { text, predicates: [{ sub: noun.zh }, { word: model }] };
    },
    // English brand + Chinese noun: soundisle 耳机
    (i) => {
      const noun = random.pick(hanSegments(i).filter((segment) => segment.kind === 'noun' && !/[A-Za-z]/.test(segment.zh)));
      const brand = products[i].translations.en.title.split(' ')[0];
      if (!noun) return null;
      return { text: `${brand.toLowerCase()} ${noun.zh}`, predicates: [{ word: brand }, { sub: noun.zh }] };
    },
  ];
  fill(perCategory, () => {
    const made = random.pick(mixed)(random.chance(0.75) ? pickTarget() : pickAny());
    return made ? add('d', 'mixed', made.text, made.predicates) : false;
  });

  // (e) Full-width and case: ＨＯＯＤＩＥ, EARBUDS, ｔ恤 / t恤, ＴＳＨＩＲＴ.
  const widthCase = [
    () => {
      const word = random.pick(latinWords(products[pickTarget()].translations.en.title));
      if (!word) return null;
      return { text: FULL_WIDTH(random.chance(0.5) ? word.toUpperCase() : word), predicates: [{ word }] };
    },
    () => {
      const word = random.pick(latinWords(products[pickTarget()].translations.en.title));
      if (!word) return null;
      const text = random.chance(0.5)
        ? word.toUpperCase()
        : [...word].map((char, k) => (k % 2 ? char.toUpperCase() : char.toLowerCase())).join('');
      return { text, predicates: [{ word }] };
    },
    () => {
      const i = pickTarget();
      const noun = hanSegments(i).find((segment) => segment.kind === 'noun' && /[A-Za-z]/.test(segment.zh));
      if (!noun) return null;
      const latin = noun.zh.match(/[A-Za-z]+/)[0];
      const variant = random.pick([latin.toLowerCase(), FULL_WIDTH(latin.toLowerCase()), FULL_WIDTH(latin.toUpperCase())]);
      const text = noun.zh.replace(latin, variant);
      // The Chinese part of the noun, typed with the Latin part in another case or width.
      const core = noun.zh.slice(noun.zh.indexOf(latin));
      return { text: text.slice(noun.zh.indexOf(latin)), predicates: [{ sub: core }] };
    },
    () => {
      const i = pickTarget();
      const brand = hanSegments(i).find((segment) => segment.kind === 'brand');
      const models = products[i].title.match(/(?<= )[A-Za-z0-9]+(?= )/g) ?? [];
      if (!brand || models.length === 0) return null;
      const model = random.pick(models);
      return { text: `${brand.zh}${FULL_WIDTH(model.toUpperCase())}`, predicates: [{ sub: brand.zh }, { word: model }] };
    },
    () =>
      random.chance(0.3)
        ? { text: FULL_WIDTH(random.pick(['TSHIRT', 'Tshirt', 't-shirt'])), predicates: [{ word: 'tshirt' }] }
        : null,
  ];
  fill(perCategory, () => {
    const made = random.pick(widthCase)();
    return made ? add('e', 'width/case', made.text, made.predicates) : false;
  });

  // (f) Pinyin: full syllables (duanxiu) or initials (dx) of a Chinese word of a target's title.
  fill(perCategory, () => {
    const i = pickTarget();
    const segment = random.pick(
      hanSegments(i).filter((s) => s.kind !== 'brand' && s.kind !== 'promo' && /^\p{Script=Han}+$/u.test(s.zh)),
    );
    if (!segment || segment.zh.length < 2) return false;
    const syllables = pinyin(segment.zh, { toneType: 'none', type: 'array', v: true });
    // Pinyin that is also the start of an English word of the catalog (sh: short, shirt) has a
    // second right answer the labels would not count: left out.
    if (random.chance(0.35)) {
      const initials = syllables.map((syllable) => syllable[0]);
      if (isPrefixOfSomeWord(initials.join(''))) return false;
      return add('f', 'initials', initials.join(''), [{ pinyin: initials, initials: true }]);
    }
    if (isPrefixOfSomeWord(syllables.join(''))) return false;
    return add('f', 'full pinyin', syllables.join(''), [{ pinyin: syllables }]);
  });

  // (g) Traditional Chinese: a Chinese word of a target's title, or two adjacent ones, as
  // written in Taiwan (長袖 for 长袖, 無線藍牙 for 无线蓝牙).
  fill(perCategory, () => {
    const i = pickTarget();
    const segments = hanSegments(i);
    const at = random.int(0, segments.length - 1);
    let simplified = segments[at].zh;
    const next = segments[at + 1]?.zh;
    if (next && random.chance(0.4) && fold(products[i].title).includes(fold(simplified + next))) simplified += next;
    if (!/^\p{Script=Han}+$/u.test(simplified)) return false;
    const traditional = toTraditional(simplified);
    if (traditional === simplified || traditional.length !== simplified.length) return false;
    return add('g', 'traditional', traditional, [{ sub: simplified }]);
  });

  return queries;
}

/** Recall of one query: |relevant ∩ top-K| / min(|relevant|, K). */
export function recall(relevant, returnedIds, k = K) {
  const top = returnedIds.slice(0, k);
  const set = relevant instanceof Set ? relevant : new Set(relevant);
  let found = 0;
  for (const id of top) if (set.has(id)) found += 1;
  return found / Math.min(set.size, k);
}
