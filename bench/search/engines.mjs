/*
 * The engines under test, each behind the same small interface:
 *   { key, label, config, build(products, docs), prepare?(state), search(state, query, limit) -> ids }
 * `docs` are the products flattened to { id, title, titleEn, description, tags } (built once,
 * outside the timings). Every peer indexes the same four fields: title (zh-CN), English
 * title, description, tags. Configurations are what a competent user would write from the
 * peer's README for this data, stated in `config` and printed with the results.
 */
import MiniSearch from 'minisearch';
import { Charset, Document } from 'flexsearch';
import Fuse from 'fuse.js';

export const FIELDS = ['title', 'titleEn', 'description', 'tags'];

export function toDoc(product) {
  return {
    id: product.id,
    title: product.title,
    titleEn: product.translations?.en?.title ?? '',
    description: product.description ?? '',
    tags: product.tags ?? [],
  };
}

/** Our engine, from `createSearchIndex` (the real one or the stand-in, chosen at bundle time). */
export function ourEngine(createSearchIndex, source) {
  return {
    key: 'ours',
    label: 'Storefront Elements (ours)',
    config: `createSearchIndex(products) from ${source}; Chinese tables loaded with loadChineseTables() before the queries (timed apart); queries through search(query, { limit: 20 }).`,
    build: (products) => createSearchIndex(products),
    // The tables load once per page: first through a one-product index (the chunks alone), then
    // through the benchmark index (which re-checks the products it indexed before they loaded).
    prepare: async (index, now) => {
      let t = now();
      await createSearchIndex([]).loadChineseTables();
      const chunksMs = now() - t;
      t = now();
      await index.loadChineseTables();
      return { chunksMs, indexMs: now() - t };
    },
    search: (index, query, limit) => index.search(query, { limit }).map((hit) => hit.id),
  };
}

/*
 * MiniSearch out of the box: its default tokenizer (splits on spaces and punctuation) and
 * term processing (lower case), prefix and fuzzy search as its README suggests for
 * search-as-you-type, titles boosted. No options for Chinese exist; a Chinese run is one term,
 * so only its beginning is found (by prefix).
 */
const miniSearch = {
  key: 'minisearch',
  label: 'MiniSearch {minisearch}',
  config:
    "fields title, titleEn, description, tags; default tokenizer; searchOptions { prefix: true, fuzzy: 0.2, boost: { title: 2, titleEn: 2 } }; combineWith 'OR' (default).",
  build: (_products, docs) => {
    const index = new MiniSearch({
      fields: FIELDS,
      extractField: (doc, field) => (field === 'tags' ? doc.tags.join(' ') : doc[field]),
      searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 2, titleEn: 2 } },
    });
    index.addAll(docs);
    return index;
  },
  search: (index, query, limit) =>
    index
      .search(query)
      .slice(0, limit)
      .map((result) => result.id),
};

/*
 * MiniSearch + bigram tokenizer: the strongest hand-tuned peer setup we could write in a page
 * of code. Text is NFKC-folded and lower-cased; Chinese runs are indexed as characters and
 * character bigrams, Latin words as words (hyphenated compounds also joined: t-shirt ->
 * tshirt). A query's Chinese runs become overlapping bigrams, Latin words keep prefix + fuzzy
 * 0.2. combineWith stays 'OR' and BM25 ranks products holding more of the bigrams first: with
 * 'AND', word pairs apart in a title (纯棉T恤) fail, since their middle bigram (棉t) is nowhere;
 * at N = 10,000, 'OR' scored (a) 99.9% against 80.7% and equal elsewhere.
 */
const HAN = /\p{Script=Han}/u;
const RUNS = /(\p{Script=Han}+)|([\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*)/gu;
const fold = (text) => text.normalize('NFKC').toLowerCase();

function bigramIndexTerms(text) {
  const terms = [];
  for (const [, han, word] of fold(text).matchAll(RUNS)) {
    if (han) {
      const chars = [...han];
      for (let i = 0; i < chars.length; i += 1) {
        terms.push(chars[i]);
        if (i + 1 < chars.length) terms.push(chars[i] + chars[i + 1]);
      }
    } else {
      const parts = word.split(/[-'’]/);
      terms.push(...parts);
      if (parts.length > 1) terms.push(parts.join(''));
    }
  }
  return terms;
}

function bigramQueryTerms(text) {
  const terms = [];
  for (const [, han, word] of fold(text).matchAll(RUNS)) {
    if (han) {
      const chars = [...han];
      if (chars.length === 1) terms.push(chars[0]);
      for (let i = 0; i + 1 < chars.length; i += 1) terms.push(chars[i] + chars[i + 1]);
    } else {
      terms.push(...word.split(/[-'’]/));
    }
  }
  return [...new Set(terms)];
}

const miniSearchBigrams = {
  key: 'minisearch-bigram',
  label: 'MiniSearch {minisearch} + bigram tokenizer (hand-tuned)',
  config:
    "as MiniSearch, plus: NFKC + lower-case folding; Chinese indexed as characters + bigrams, queried as overlapping bigrams; prefix and fuzzy 0.2 for Latin terms only; combineWith 'OR'.",
  build: (_products, docs) => {
    const latin = (term) => !HAN.test(term);
    const index = new MiniSearch({
      fields: FIELDS,
      extractField: (doc, field) => (field === 'tags' ? doc.tags.join(' ') : doc[field]),
      tokenize: bigramIndexTerms,
      processTerm: (term) => term,
      searchOptions: {
        tokenize: bigramQueryTerms,
        processTerm: (term) => term,
        prefix: latin,
        fuzzy: (term) => (latin(term) ? 0.2 : false),
        boost: { title: 2, titleEn: 2 },
      },
    });
    index.addAll(docs);
    return index;
  },
  search: miniSearch.search,
};

/*
 * FlexSearch Document index, following its README for CJK content: the Chinese-bearing fields
 * (title, description, tags) use its CJK encoder (Charset.CJK: every character is a term),
 * the English title its default encoder (Charset.Normalize: NFKD, lower case); tokenize
 * 'forward' (prefix matching) on every field. Results of the fields are merged (merge: true).
 * FlexSearch has no typo tolerance with these encoders (only its phonetic Latin ones). Note
 * that Charset.CJK also cuts Latin words in those fields into letters, all required: any text
 * holding the letters of a query word matches it, which finds some typos by accident and adds
 * noise. Variants tried at N = 10,000 (overall a-e): CJK on all four fields 63.5%, default
 * encoder on all four 50.2%, LatinBalance on titleEn 68.4%, this one 67.2%.
 */
const flexSearch = {
  key: 'flexsearch',
  label: 'FlexSearch {flexsearch}',
  config:
    "Document index; title, description, tags: tokenize 'forward' + encoder Charset.CJK; titleEn: tokenize 'forward' + default encoder; search(query, { limit: 20, merge: true }).",
  build: (_products, docs) => {
    const index = new Document({
      document: {
        id: 'id',
        index: [
          { field: 'title', tokenize: 'forward', encoder: Charset.CJK },
          { field: 'titleEn', tokenize: 'forward' },
          { field: 'description', tokenize: 'forward', encoder: Charset.CJK },
          { field: 'tags', tokenize: 'forward', encoder: Charset.CJK },
        ],
      },
    });
    for (const doc of docs)
      index.add({ id: doc.id, title: doc.title, titleEn: doc.titleEn, description: doc.description, tags: doc.tags.join(' ') });
    return index;
  },
  search: (index, query, limit) =>
    index
      .search(query, { limit, merge: true })
      .slice(0, limit)
      .map((result) => result.id),
};

/*
 * Fuse.js with the four keys and its defaults (threshold 0.6, location 0, distance 100,
 * equal key weights). Fuse scans every document on every query (Bitap), so at 50,000
 * products it is far slower per query than the indexed engines.
 */
const fuse = {
  key: 'fuse',
  label: 'Fuse.js {fuse.js}',
  slow: true,
  config: "keys ['title', 'titleEn', 'description', 'tags'], defaults (threshold 0.6); search(query, { limit: 20 }).",
  build: (_products, docs) => new Fuse(docs, { keys: FIELDS }),
  search: (index, query, limit) => index.search(query, { limit }).map((result) => result.item.id),
};

export const PEERS = [miniSearch, miniSearchBigrams, flexSearch, fuse];
