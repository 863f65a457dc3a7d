// npm run size (after `node scripts/build.mjs`): gzip -9 of every entry and lazy chunk in dist/
// against size-budgets.json. Fails on a budget exceeded and on a file without a budget, and
// prints which source files weigh most (from dist/size-report.json, written by the build).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const budgetsPath = 'size-budgets.json';
const reportPath = 'dist/size-report.json';
// Entries a page or a bundler loads (dist/*.js, dist/components/*.js) and the browser bundles'
// lazy chunks. dist/chunks/ holds the npm build's shared chunks, which the user's bundler re-bundles.
const lazyDirs = ['storefront-elements', 'storefront-card', 'storefront-loader'];
const TOP = 3;
const CONTRIBUTORS = 8;

const fail = (message) => {
  console.error(`size-check: ${message}`);
  process.exit(1);
};
if (!existsSync('dist/storefront-elements.js')) fail('no build in dist/: run `node scripts/build.mjs` first.');
if (!existsSync(budgetsPath)) fail(`${budgetsPath} is missing.`);
const { budgets, goals = {} } = JSON.parse(readFileSync(budgetsPath, 'utf8'));
const report = existsSync(reportPath) ? JSON.parse(readFileSync(reportPath, 'utf8')) : {};

const jsFiles = (dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith('.js') && statSync(join(dir, name)).isFile())
        .map((name) => join(dir, name).replace(/\\/g, '/'))
    : [];
const files = [...jsFiles('dist'), ...jsFiles('dist/components'), ...lazyDirs.flatMap((dir) => jsFiles(`dist/${dir}`))];

// A lazy chunk's name is its file name without the content hash; two chunks with one name in a
// folder (e.g. two `highlight` modules) are told apart by the source file they are named after.
// Only lazy chunks carry a hash (entries keep their name, e.g. storefront-elements.js).
const unhashed = (path) => {
  const name = relative('dist', path).replace(/\\/g, '/');
  return name.includes('/') && !name.startsWith('components/') ? name.replace(/-[A-Za-z0-9_-]{8}\.js$/, '.js') : name;
};
const namedAfter = (path) => {
  const info = report[path];
  if (!info) return path;
  if (info.facade) return info.facade;
  const modules = Object.keys(info.modules);
  return modules.find((id) => id.split('/').pop().startsWith(`${info.name}.`)) ?? modules[0] ?? path;
};
const counts = new Map();
for (const path of files) counts.set(unhashed(path), (counts.get(unhashed(path)) ?? 0) + 1);
const measured = files.map((path) => {
  const base = unhashed(path);
  const name = counts.get(base) > 1 ? `${base} (${namedAfter(path)})` : base;
  return { name, path, gzip: gzipSync(readFileSync(path), { level: 9 }).length };
});

const globToRegExp = (glob) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
const goalFor = (name) => {
  const entry = Object.entries(goals).find(([pattern]) => globToRegExp(pattern).test(name));
  return entry ? entry[1] : undefined;
};
const kB = (bytes) => (bytes === undefined ? '-' : `${(bytes / 1000).toFixed(1)} kB`);
const ratchet = (bytes) => Math.ceil((bytes * 1.03) / 100) * 100;

const over = [];
const missing = [];
const rows = measured
  .sort((a, b) => b.gzip - a.gzip)
  .map((file) => {
    const budget = budgets[file.name];
    const goal = goalFor(file.name);
    let status = 'ok';
    if (budget === undefined) {
      status = 'NO BUDGET';
      missing.push(file);
    } else if (file.gzip > budget) {
      status = 'OVER';
      over.push(file);
    }
    if (status === 'ok' && goal !== undefined && file.gzip > goal.bytes) status = 'ok (goal not met)';
    return [file.name, kB(file.gzip), kB(budget), goal ? kB(goal.bytes) : '-', status];
  });

const table = (header, body) => {
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => String(row[i]).length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
};
console.log(`gzip -9 sizes against ${budgetsPath} (goals from DESIGN.md)\n`);
console.log(table(['file', 'gzip -9', 'budget', 'goal', 'status'], rows));

// Which source files make up a chunk: rollup's rendered length per module (before minifying),
// scaled to the chunk's gzip size. Approximate per module, exact in total.
const breakdown = (file) => {
  const info = report[file.path];
  if (!info) return `\n${file.name}: no entry in ${reportPath} (was the build run with the size-report plugin?)`;
  const modules = Object.entries(info.modules);
  const total = modules.reduce((sum, [, length]) => sum + length, 0) || 1;
  const top = modules
    .sort((a, b) => b[1] - a[1])
    .slice(0, CONTRIBUTORS)
    .map(([id, length]) => [id, kB((length / total) * file.gzip), `${((length / total) * 100).toFixed(0)}%`]);
  const rest = modules.length - top.length;
  return `\n${file.name} (${kB(file.gzip)}), largest contributors${rest > 0 ? ` (${rest} more files)` : ''}:\n${table(
    ['source file', '~gzip', 'share'],
    top,
  )}`;
};
const explain = over.length ? over : measured.slice(0, TOP);
console.log(`\n${over.length ? 'Over budget' : `Top ${TOP}`}:${explain.map(breakdown).join('\n')}`);

const stale = Object.keys(budgets).filter((name) => !measured.some((file) => file.name === name));
if (stale.length) console.warn(`\nwarning: budgets for files the build no longer makes: ${stale.join(', ')}`);

let failed = false;
for (const file of over) {
  failed = true;
  console.error(
    `\nsize-check: ${file.name} is ${kB(file.gzip)} gzip -9, over its budget of ${kB(budgets[file.name])} ` +
      `by ${file.gzip - budgets[file.name]} bytes. Make it smaller (see the contributors above); raise its ` +
      `budget in ${budgetsPath} only with a reason in the commit message.`,
  );
}
if (missing.length) {
  failed = true;
  console.error(
    `\nsize-check: no budget for ${missing.map((file) => file.name).join(', ')}. Every new entry and chunk ` +
      `needs one: add to "budgets" in ${budgetsPath}:\n${missing
        .map((file) => `  "${file.name}": ${ratchet(file.gzip)},`)
        .join('\n')}`,
  );
}
if (failed) process.exit(1);
console.log(`\nsize-check: ${measured.length} files within their budgets.`);
