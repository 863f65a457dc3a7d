#!/usr/bin/env node
/*
 * npm run bench:search [-- --n 10000] [--node] [--engine auto|real|standin] [--passes 3]
 *                      [--slow-queries 8] [--seed 20261125] [--only ours,minisearch] [--out file.md]
 *                      [--no-write] [--json file.json]
 *
 * Bundles bench/search/page.mjs (with our TypeScript sources) with esbuild, serves it from a
 * throwaway node:http server on 127.0.0.1, runs it in headless Chromium through playwright-core
 * (or in this Node process with --node), prints a Markdown report and writes it to
 * bench/results/search.md (and, with --json FILE, every query with every engine's recall and top hits).
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import * as prettier from 'prettier';
import { CHROME_ARGS, findChrome } from '../../scripts/find-chrome.mjs';
import { CATEGORIES } from './queries.mjs';
import { DEFAULT_N, DEFAULT_SEED } from './catalog.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const ENGINE_FILE = 'src/search/search-index.ts';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: String(DEFAULT_N) },
    node: { type: 'boolean', default: false },
    engine: { type: 'string', default: 'auto' },
    passes: { type: 'string', default: '3' },
    'slow-passes': { type: 'string', default: '1' },
    'slow-queries': { type: 'string' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    only: { type: 'string' },
    out: { type: 'string', default: join(root, 'bench/results/search.md') },
    'no-write': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});

const git = (...gitArgs) => {
  try {
    return execFileSync('git', gitArgs, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
};

/**
 * Which implementation of createSearchIndex to bundle, and how to describe it:
 * - `auto` (default): the engine as committed at HEAD, extracted with `git archive` into `workdir`,
 *   so a half-edited working tree never leaks into the numbers; the stand-in while the engine is
 *   not in git yet;
 * - `real`: the working tree as it is (for tuning the engine);
 * - `standin`: bench/search/standin-engine.mjs.
 */
function chooseEngine(choice, workdir) {
  if (!['auto', 'real', 'standin'].includes(choice)) throw new Error(`--engine must be auto, real or standin, not ${choice}`);
  const committed = git('ls-files', '--error-unmatch', ENGINE_FILE) !== null;
  if (choice === 'standin' || (choice === 'auto' && !committed)) {
    return {
      path: join(here, 'standin-engine.mjs'),
      source: 'bench/search/standin-engine.mjs (STAND-IN, not the real engine)',
      real: false,
    };
  }
  const head = git('rev-parse', '--short', 'HEAD');
  const commit = git('log', '-1', '--format=%h', '--', 'src/search');
  if (choice === 'auto') {
    const archive = join(workdir, 'src.tar');
    execFileSync('git', ['archive', '-o', archive, 'HEAD', 'src'], { cwd: root });
    execFileSync('tar', ['-xf', archive, '-C', workdir]);
    return {
      path: join(workdir, ENGINE_FILE),
      source: `${ENGINE_FILE} as committed at HEAD ${head} (src/search last changed in ${commit})`,
      real: true,
    };
  }
  const dirty = git('status', '--porcelain', '--', 'src') ?? '';
  return {
    path: join(root, ENGINE_FILE),
    source: `${ENGINE_FILE} from the working tree (HEAD ${head}${dirty ? ', with uncommitted changes in src/' : ', clean'})`,
    real: true,
  };
}

async function versionOf(name) {
  try {
    return JSON.parse(await readFile(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

async function bundle(enginePath, outdir) {
  await build({
    entryPoints: [join(here, 'page.mjs')],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    tsconfig: join(root, 'tsconfig.json'),
    outdir,
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
    absWorkingDir: root,
    // The engine may come from a `git archive` outside the repo: resolve packages from ours.
    nodePaths: [join(root, 'node_modules')],
    plugins: [
      {
        name: 'bench-our-engine',
        setup(context) {
          context.onResolve({ filter: /^bench-our-engine$/ }, () => ({ path: enginePath }));
        },
      },
    ],
  });
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.map': 'application/json' };

/** Serves `dir` on 127.0.0.1 with COOP/COEP, so the page is cross-origin isolated (5 µs timers). */
function serve(dir) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    const file = resolve(dir, `.${path === '/' ? '/index.html' : path}`);
    const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
    if (path === '/favicon.ico') {
      response.writeHead(204, headers).end();
      return;
    }
    if (relative(dir, file).startsWith('..')) {
      response.writeHead(403, headers).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404, headers).end();
    }
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolveServer(server));
  });
}

async function runInChromium(outdir, params) {
  const { chromium } = await import('playwright-core');
  await writeFile(
    join(outdir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>search bench</title><script type="module" src="/page.js"></script>\n',
  );
  const server = await serve(outdir);
  let browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? findChrome() ?? '/usr/bin/chromium',
      args: [...CHROME_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
    });
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        process.stderr.write(`[page ${message.type()}] ${message.text()}\n`);
      else if (message.text().startsWith('[bench]')) process.stderr.write(`${message.text()}\n`);
    });
    const { port } = server.address();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction(() => typeof globalThis.runSearchBench === 'function', null, { timeout: 30000 });
    const isolated = await page.evaluate(() => globalThis.crossOriginIsolated === true);
    const result = await page.evaluate((p) => globalThis.runSearchBench(p), params);
    if (errors.length > 0) throw errors[0];
    return {
      result,
      runtime: `Chromium ${browser.version()} (headless, playwright-core ${await versionOf('playwright-core')})`,
      isolated,
    };
  } finally {
    await browser?.close();
    await new Promise((done) => server.close(done));
  }
}

async function runInNode(outdir, params) {
  setFlagsFromString('--expose-gc');
  globalThis.gc ??= runInNewContext('gc');
  await import(pathToFileURL(join(outdir, 'page.js')).href);
  const result = await globalThis.runSearchBench(params);
  return { result, runtime: `Node ${process.version}`, isolated: null };
}

/* ------------------------------------------------------------------ report */

const pct = (value) => (Number.isFinite(value) ? `${(value * 100).toFixed(1)}%` : 'n/a');
const ms = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const mb = (bytes) => (Number.isFinite(bytes) ? (bytes / 1048576).toFixed(1) : 'n/a');
const cell = (text) =>
  String(text)
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ');
const row = (cells) => `| ${cells.map(cell).join(' | ')} |`;
const table = (header, rows) => [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');

function report({ result, runtime, isolated }, meta) {
  const { engines, queries } = result;
  const claimed = CATEGORIES.filter((category) => category.claimedByAll);
  const ourOnly = CATEGORIES.filter((category) => !category.claimedByAll);
  const lines = [];
  lines.push('# Product search benchmark', '');
  lines.push(
    `Run by \`npm run bench:search\` on ${meta.date}: N = ${result.n.toLocaleString('en-US')} products ` +
      `(${result.targets} targets), ${queries.length} labelled queries, K = ${result.k}, seed ${result.seed}.`,
    '',
  );
  lines.push(
    `- Runtime: ${runtime}${isolated === null ? '' : isolated ? ', cross-origin isolated (5 µs timer)' : ', NOT isolated (100 µs timer)'}.`,
  );
  lines.push(`- Machine: ${meta.machine}.`);
  lines.push(`- Our engine: ${meta.engineSource}.`);
  lines.push(`- Wall time of the whole run: ${meta.wallSeconds} s (bundle ${meta.bundleSeconds} s).`, '');
  if (!meta.real)
    lines.push(
      '> **STAND-IN ENGINE**: the numbers in the "ours" row are for the trivial stand-in, not for src/search/search-index.ts.',
      '',
    );

  lines.push('## Results', '');
  const subsetMark = (engine) => (engine.queryCount < queries.length ? ' †' : '');
  const header = [
    'Engine',
    'Build (ms)',
    'Index heap (MB)',
    'Median query (ms)',
    'p95 query (ms)',
    ...CATEGORIES.map((category) => `(${category.id}) ${category.label}${category.claimedByAll ? '' : ' *'}`),
    `Overall (${claimed.map((c) => c.id).join('-')})`,
    'Overall (all)',
  ];
  lines.push(
    table(
      header,
      engines.map((engine) => [
        engine.label + subsetMark(engine),
        ms(engine.buildMs, 0),
        mb(engine.heapBytes),
        ms(engine.medianMs, 3),
        ms(engine.p95Ms, 3),
        ...CATEGORIES.map((category) => pct(engine.perCategory[category.id].recall)),
        pct(engine.overall),
        pct(engine.overallAll),
      ]),
    ),
    '',
  );
  const counts = CATEGORIES.map(
    (category) => `(${category.id}) ${queries.filter((q) => q.category === category.id).length}`,
  ).join(', ');
  lines.push(
    `Recall of a query = |relevant ∩ top ${result.k}| / min(|relevant|, ${result.k}); a column is the mean over its queries (${counts}). ` +
      `Overall (${claimed.map((c) => c.id).join('-')}) is the mean over the queries of the categories every engine claims; ` +
      `\\* ${ourOnly.map((c) => `(${c.id}) ${c.label.toLowerCase()}`).join(' and ')} only our engine claims, so they are left out of it; Overall (all) includes them.`,
    '',
  );
  const ours = engines.find((engine) => engine.key === 'ours');
  const notes = [];
  if (ours?.prepareMs !== null && ours?.prepareMs !== undefined)
    notes.push(
      `Our pinyin / traditional-Chinese tables: one-off ${ms(ours.prepareMs, 1)} ms before the timed queries, not in the build time` +
        (ours.prepareDetail
          ? `: ${ms(ours.prepareDetail.chunksMs, 1)} ms to fetch and run the lazy chunks (through an empty index), then ` +
            `${ms(ours.prepareDetail.indexMs, 1)} ms in loadChineseTables() of the benchmark index (it re-checks every product indexed before the tables were there).`
          : '.'),
    );
  for (const engine of engines) {
    const subset = engine.queryCount < queries.length;
    notes.push(
      `${engine.label}${subsetMark(engine)}: latency over ${engine.passes} timed pass${engine.passes === 1 ? '' : 'es'} of ` +
        `${subset ? `a stratified subset of ${engine.queryCount}` : `all ${engine.queryCount}`} queries after ` +
        `${engine.warmupQueries === engine.queryCount ? 'a full warm-up pass' : `a warm-up of ${engine.warmupQueries} queries`}` +
        `${engine.slow ? ' (capped: it scans every product on every query)' : ''}.`,
    );
  }
  if (result.slowSubset) {
    const onSubset = (engine) => {
      const picked = result.slowSubset.filter((q) => claimed.some((c) => c.id === queries[q].category));
      const values = picked.map((q) => engine.perQuery[q]?.recall).filter((value) => value !== undefined);
      return values.reduce((sum, value) => sum + value, 0) / values.length;
    };
    notes.push(
      `† Recall and latency over the stratified subset (every k-th query of each category, ${result.slowSubset.length} queries). ` +
        `Overall (${claimed.map((c) => c.id).join('-')}) of every engine on that same subset: ` +
        `${engines.map((engine) => `${engine.label} ${pct(onSubset(engine))}`).join('; ')}.`,
    );
  }
  notes.push(
    'Index heap: used JS heap after building minus before, each after forced GCs; the products themselves are allocated before and not counted.',
  );
  lines.push(...notes.map((note) => `- ${note}`), '');

  lines.push('## Median latency per category (ms)', '');
  lines.push(
    table(
      ['Engine', ...CATEGORIES.map((category) => `(${category.id})`)],
      engines.map((engine) => [
        engine.label + subsetMark(engine),
        ...CATEGORIES.map((category) => ms(engine.perCategory[category.id].medianMs, 3)),
      ]),
    ),
    '',
  );

  lines.push('## Query set', '');
  const kinds = new Map();
  for (const query of queries) {
    const key = `${query.category}|${query.kind}`;
    const entry = kinds.get(key) ?? { category: query.category, kind: query.kind, sizes: [], examples: [] };
    entry.sizes.push(query.relevantCount);
    if (entry.examples.length < 4) entry.examples.push(query.query);
    kinds.set(key, entry);
  }
  lines.push(
    table(
      ['Category', 'Kind', 'Queries', 'Relevant per query (median, max)', 'Examples'],
      [...kinds.values()].map((entry) => {
        const sorted = [...entry.sizes].sort((x, y) => x - y);
        return [
          `(${entry.category})`,
          entry.kind,
          entry.sizes.length,
          `${sorted[Math.floor(sorted.length / 2)]}, ${sorted[sorted.length - 1]}`,
          entry.examples.join(', '),
        ];
      }),
    ),
    '',
  );

  if (ours) {
    const peers = engines.filter((engine) => engine.key !== 'ours');
    const misses = queries
      .map((query, q) => ({ query, q }))
      .filter(({ q }) => ours.perQuery[q].recall < 1)
      .map(({ query, q }) => {
        const best = peers.reduce(
          (top, engine) => ((engine.perQuery[q]?.recall ?? -1) > (top?.perQuery[q].recall ?? -1) ? engine : top),
          null,
        );
        return { query, q, best };
      });
    lines.push(`## Where our engine misses (${misses.length} of ${queries.length} queries with recall < 100%)`, '');
    if (misses.length > 0) {
      const shown = misses.slice(0, 60);
      lines.push(
        table(
          ['Query', 'Cat.', 'Kind', 'Relevant', 'Ours: recall (hits)', 'Best peer', 'Our top hits', 'A relevant title'],
          shown.map(({ query, q, best }) => [
            `\`${query.query}\``,
            query.category,
            query.kind,
            query.relevantCount,
            `${pct(ours.perQuery[q].recall)} (${ours.perQuery[q].returnedCount})`,
            best ? `${pct(best.perQuery[q].recall)} ${best.key}` : '',
            ours.perQuery[q].top.join(' / ') || '(none)',
            query.example,
          ]),
        ),
        '',
      );
      if (misses.length > shown.length)
        lines.push(`(${misses.length - shown.length} more: run with \`--json FILE\` for every query)`, '');
    }
    const beaten = queries.filter((_, q) => peers.some((engine) => (engine.perQuery[q]?.recall ?? -1) > ours.perQuery[q].recall));
    lines.push(
      `Queries where some peer has a higher recall than ours: ${beaten.length}${beaten.length ? `: ${beaten.map((q) => `\`${q.query}\``).join(', ')}` : ''}.`,
      '',
    );
  }

  if (ours) {
    const slowest = queries
      .map((query, q) => ({ query, q }))
      .sort((x, y) => ours.perQuery[y.q].medianMs - ours.perQuery[x.q].medianMs)
      .slice(0, 12);
    lines.push('## Our slowest queries (median of the timed passes)', '');
    lines.push(
      table(
        [
          'Query',
          'Cat.',
          'Kind',
          'Ours (ms)',
          ...engines.filter((engine) => engine.key !== 'ours').map((engine) => `${engine.key} (ms)`),
        ],
        slowest.map(({ query, q }) => [
          `\`${query.query}\``,
          query.category,
          query.kind,
          ms(ours.perQuery[q].medianMs, 2),
          ...engines
            .filter((engine) => engine.key !== 'ours')
            .map((engine) => (engine.perQuery[q] ? ms(engine.perQuery[q].medianMs, 2) : '-')),
        ]),
      ),
      '',
    );
  }

  lines.push('## Configurations', '');
  for (const engine of engines) lines.push(`- **${engine.label}**: ${engine.config}`);
  lines.push('');
  return lines.join('\n');
}

/* -------------------------------------------------------------------- main */

async function main() {
  const started = performance.now();
  const loadBefore = loadavg()[0];
  const n = Number(args.n);
  if (!Number.isInteger(n) || n < 100) throw new Error(`--n must be an integer >= 100, not ${args.n}`);
  const workdir = await mkdtemp(join(tmpdir(), 'sf-search-bench-'));
  const outdir = join(workdir, 'www');
  try {
    const engine = chooseEngine(args.engine, workdir);
    process.stderr.write(`[bench] our engine: ${engine.source}\n`);
    const bundleStart = performance.now();
    await bundle(engine.path, outdir);
    const bundleSeconds = ((performance.now() - bundleStart) / 1000).toFixed(1);
    const params = {
      n,
      seed: Number(args.seed),
      passes: Number(args.passes),
      slowPasses: Number(args['slow-passes']),
      // Fuse.js takes over a second per query at 50,000 products: a stratified subset above 10,000.
      slowPerCategory: args['slow-queries'] === undefined ? (n > 10000 ? 8 : 0) : Number(args['slow-queries']),
      engineSource: engine.source,
      versions: Object.fromEntries(
        await Promise.all(['minisearch', 'flexsearch', 'fuse.js'].map(async (name) => [name, await versionOf(name)])),
      ),
      only: args.only ? args.only.split(',') : undefined,
    };
    const run = args.node ? await runInNode(outdir, params) : await runInChromium(outdir, params);
    const { result } = run;
    if (result.engines.length === 0) throw new Error('no engine ran');
    for (const ran of result.engines) {
      if (!Number.isFinite(ran.overallAll)) throw new Error(`${ran.label}: no recall computed`);
    }
    const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
    const meta = {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      machine:
        `nproc ${availableParallelism()}, ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${process.platform}; ` +
        `1-minute load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end ` +
        `(latencies are only comparable within one report, and only on a quiet machine)`,
      engineSource: engine.source,
      real: engine.real,
      bundleSeconds,
      wallSeconds: ((performance.now() - started) / 1000).toFixed(0),
    };
    const options = (await prettier.resolveConfig(args.out)) ?? {};
    const markdown = await prettier.format(report(run, meta), { ...options, parser: 'markdown' });
    process.stdout.write(markdown);
    if (!args['no-write']) {
      await mkdir(dirname(args.out), { recursive: true });
      await writeFile(args.out, markdown);
      process.stderr.write(`[bench] wrote ${relative(process.cwd(), args.out)}\n`);
    }
    if (args.json) {
      await writeFile(args.json, `${JSON.stringify({ meta, runtime: run.runtime, ...result }, null, 1)}\n`);
      process.stderr.write(`[bench] wrote ${args.json}\n`);
    }
  } finally {
    await rm(workdir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`[bench] failed: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
