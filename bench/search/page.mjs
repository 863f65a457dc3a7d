/*
 * Entry of the benchmark bundle (built by run.mjs with esbuild). It defines
 * `globalThis.runSearchBench(params)`, which run.mjs calls in Chromium through playwright
 * (or in Node with `--node`). `bench-our-engine` is resolved at bundle time to
 * src/search/search-index.ts or to the stand-in.
 */
import { createSearchIndex } from 'bench-our-engine';
import { runBenchmark } from './bench.mjs';
import { ourEngine, PEERS } from './engines.mjs';

function heapUsed() {
  const memory = performance.memory;
  if (memory) return memory.usedJSHeapSize;
  if (typeof process !== 'undefined' && process.memoryUsage) return process.memoryUsage().heapUsed;
  return NaN;
}

globalThis.runSearchBench = async ({ n, seed, passes, slowPasses, slowPerCategory, engineSource, versions, only }) => {
  const engines = [ourEngine(createSearchIndex, engineSource), ...PEERS].map((engine) => ({
    ...engine,
    label: engine.label.replace(/\{(\w[\w.-]*)\}/g, (_, name) => versions?.[name] ?? '?'),
  }));
  const selected = only ? engines.filter((engine) => only.includes(engine.key)) : engines;
  const gc = typeof globalThis.gc === 'function' ? () => globalThis.gc() : undefined;
  return runBenchmark({
    n,
    seed,
    passes,
    slowPasses,
    slowPerCategory,
    engines: selected,
    env: { now: () => performance.now(), gc, heapUsed, log: (message) => console.log(`[bench] ${message}`) },
  });
};
