/*
 * The benchmark itself, the same in Chromium and in Node: generate the catalog and the
 * labelled queries, then for each engine in turn build the index (timed, heap delta after a
 * forced GC when `gc` is available), run any one-off preparation (our Chinese tables, timed
 * apart), a warm-up pass, then timed passes with every query timed on its own.
 */
import { generateCatalog } from './catalog.mjs';
import { CATEGORIES, generateQueries, K, recall } from './queries.mjs';
import { toDoc } from './engines.mjs';

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

const mean = (values) => (values.length === 0 ? NaN : values.reduce((sum, value) => sum + value, 0) / values.length);
const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

async function measure(engine, subset, { queries, relevantSets, products, docs, byId, now, log, collect, heap, passes }) {
  log(`${engine.label}: building`);
  collect();
  const before = heap();
  let t = now();
  const state = await engine.build(products, docs);
  const buildMs = now() - t;
  collect();
  const heapBytes = heap() - before;
  let prepareMs = null;
  let prepareDetail = null;
  if (engine.prepare) {
    t = now();
    prepareDetail = (await engine.prepare(state, now)) ?? null;
    prepareMs = now() - t;
  }
  log(`${engine.label}: built in ${buildMs.toFixed(0)} ms${prepareMs === null ? '' : `, tables in ${prepareMs.toFixed(0)} ms`}`);

  // Warm-up: the whole set once (a tenth of it for slow engines), untimed.
  const warmup = engine.slow ? subset.slice(0, Math.ceil(subset.length / 10)) : subset;
  for (const q of warmup) engine.search(state, queries[q].query, K);
  await pause();

  const samples = new Map(subset.map((q) => [q, []]));
  const returned = new Map();
  for (let pass = 0; pass < passes; pass += 1) {
    for (let i = 0; i < subset.length; i += 1) {
      const q = subset[i];
      const start = now();
      const ids = engine.search(state, queries[q].query, K);
      samples.get(q).push(now() - start);
      if (!returned.has(q)) returned.set(q, ids);
      if (engine.slow && i % 10 === 9) await pause();
    }
    log(`${engine.label}: pass ${pass + 1}/${passes} done`);
    await pause();
  }

  const recalls = new Map(subset.map((q) => [q, recall(relevantSets[q], returned.get(q), K)]));
  const times = (indexes) => indexes.flatMap((q) => samples.get(q)).sort((x, y) => x - y);
  const perCategory = {};
  for (const category of CATEGORIES) {
    const indexes = subset.filter((q) => queries[q].category === category.id);
    perCategory[category.id] = {
      recall: mean(indexes.map((q) => recalls.get(q))),
      medianMs: quantile(times(indexes), 0.5),
      count: indexes.length,
    };
  }
  const claimed = new Set(CATEGORIES.filter((category) => category.claimedByAll).map((category) => category.id));
  const sorted = times(subset);
  return {
    key: engine.key,
    label: engine.label,
    config: engine.config,
    slow: Boolean(engine.slow),
    buildMs,
    prepareMs,
    prepareDetail,
    heapBytes,
    passes,
    queryCount: subset.length,
    warmupQueries: warmup.length,
    medianMs: quantile(sorted, 0.5),
    p95Ms: quantile(sorted, 0.95),
    perCategory,
    overall: mean(subset.filter((q) => claimed.has(queries[q].category)).map((q) => recalls.get(q))),
    overallAll: mean(subset.map((q) => recalls.get(q))),
    // Per query, in query-set order; null for queries this engine did not run.
    perQuery: queries.map((_, q) =>
      recalls.has(q)
        ? {
            recall: recalls.get(q),
            medianMs: quantile(times([q]), 0.5),
            returnedCount: returned.get(q).length,
            top: returned
              .get(q)
              .slice(0, 3)
              .map((id) => byId.get(id)?.title ?? id),
          }
        : null,
    ),
  };
}

/**
 * @param {object} options
 * @param {number} options.n catalog size
 * @param {number} options.seed
 * @param {number} options.passes timed passes over the whole query set
 * @param {number} options.slowPasses timed passes for engines flagged `slow` (Fuse.js)
 * @param {number} options.slowPerCategory if > 0, slow engines run only about this many queries per category
 * @param {object[]} options.engines from engines.mjs
 * @param {object} options.env `{ now, gc?, heapUsed?, log }`
 */
export async function runBenchmark({ n, seed, passes = 3, slowPasses = 1, slowPerCategory = 0, engines, env }) {
  const { now, log } = env;
  const collect = () => {
    if (env.gc) for (let i = 0; i < 3; i += 1) env.gc();
  };
  const heap = () => (env.gc && env.heapUsed ? env.heapUsed() : NaN);

  let t = now();
  const catalog = generateCatalog({ n, seed });
  const catalogMs = now() - t;
  t = now();
  const queries = generateQueries(catalog, { seed });
  const queriesMs = now() - t;
  log(`catalog: ${n} products in ${catalogMs.toFixed(0)} ms; ${queries.length} labelled queries in ${queriesMs.toFixed(0)} ms`);
  const relevantSets = queries.map((query) => new Set(query.relevant));
  const docs = catalog.products.map(toDoc);
  const byId = new Map(catalog.products.map((product) => [product.id, product]));

  // Engines flagged slow (Fuse.js scans every product per query) run a stratified subset:
  // every k-th query of each category, about `slowPerCategory` per category.
  const slowSubset = queries.flatMap((query, q) => {
    if (!slowPerCategory) return [q];
    const inCategory = queries.filter((other) => other.category === query.category);
    const step = Math.max(1, Math.floor(inCategory.length / slowPerCategory));
    return inCategory.indexOf(query) % step === 0 && inCategory.indexOf(query) / step < slowPerCategory ? [q] : [];
  });
  const all = queries.map((_, q) => q);
  const context = { queries, relevantSets, products: catalog.products, docs, byId, now, log, collect, heap };
  const results = [];
  for (const engine of engines) {
    // One function call per engine, so nothing of the previous index is still referenced.
    results.push(
      await measure(engine, engine.slow ? slowSubset : all, { ...context, passes: engine.slow ? slowPasses : passes }),
    );
    await pause();
  }

  return {
    n,
    seed,
    k: K,
    catalogMs,
    queriesMs,
    targets: catalog.targetCount,
    slowSubset: slowPerCategory ? slowSubset : null,
    queries: queries.map((query) => ({
      id: query.id,
      category: query.category,
      kind: query.kind,
      query: query.query,
      relevantCount: query.relevant.length,
      example: byId.get(query.relevant[0])?.title ?? '',
    })),
    engines: results,
  };
}
