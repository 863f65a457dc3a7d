/*
 * A trivial stand-in for src/search/search-index.ts with the same API, used only until the
 * real engine is committed (`--engine standin`, or `auto` while the file is not in git).
 * A linear scan: every folded query part must occur in the folded product text (Chinese by
 * substring, Latin words by substring too); title matches rank first. No pinyin, no
 * traditional Chinese, no typo tolerance.
 */
const fold = (text) => text.normalize('NFKC').toLowerCase();
const PARTS = /\p{Script=Han}+|[\p{L}\p{N}]+/gu;

export function createSearchIndex(products) {
  const entries = products.map((product) => {
    const translations = Object.values(product.translations ?? {});
    const title = fold([product.title, ...translations.map((t) => t.title ?? '')].join('\n'));
    const rest = fold(
      [product.description ?? '', ...translations.map((t) => t.description ?? ''), ...(product.tags ?? [])].join('\n'),
    );
    return { product, title, rest };
  });
  const byId = new Map(products.map((product) => [product.id, product]));
  const search = (query, options = {}) => {
    const limit = options.limit ?? 20;
    const parts = fold(String(query ?? '')).match(PARTS) ?? [];
    if (parts.length === 0) return [];
    const hits = [];
    for (const { product, title, rest } of entries) {
      let score = 0;
      let all = true;
      for (const part of parts) {
        if (title.includes(part)) score += 2;
        else if (rest.includes(part)) score += 1;
        else {
          all = false;
          break;
        }
      }
      if (all && (!options.filter || options.filter(product))) hits.push({ product, score });
    }
    hits.sort((x, y) => y.score - x.score);
    return hits
      .slice(0, limit)
      .map(({ product, score }) => ({ id: product.id, sku: product.sku, score, terms: parts, matches: {} }));
  };
  return {
    size: products.length,
    signature: 'stand-in',
    search,
    searchAsync: async (query, options) => search(query, options),
    loadChineseTables: async () => {},
    get: (id) => byId.get(id),
    add: () => {
      throw new Error('stand-in: add() not implemented');
    },
    remove: () => {
      throw new Error('stand-in: remove() not implemented');
    },
    toJSON: () => {
      throw new Error('stand-in: toJSON() not implemented');
    },
  };
}
