// npm run build: bundles (rollup), type declarations (tsc), the custom-elements manifest,
// then reports gzip -9 sizes to dist/sizes.json and the README.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });
const bin = (name) => join('node_modules', '.bin', name);

rmSync('dist', { recursive: true, force: true });
run(bin('rollup'), ['-c', '--silent']);
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
run(process.execPath, ['scripts/analyze.mjs']);

const gz = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const list = (dir) =>
  readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile() && path.endsWith('.js'));

const bundle = 'dist/storefront-elements.js';
const size = (path) => ({ raw: statSync(path).size, gzip: gz(path) });
const lazy = list('dist/storefront-elements');
// The card alone with Lit left out: what it adds to a page that already has Lit.
const card = await esbuild.build({
  entryPoints: ['components/sf-product-card/sf-product-card.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  tsconfig: 'tsconfig.json',
  write: false,
  external: ['lit', 'lit/*', '@lit/*', '@lit-labs/*'],
});
const cardCode = card.outputFiles[0].contents;
const sizes = {
  'dist/storefront-elements.js': size(bundle),
  lazyChunks: Object.fromEntries(lazy.map((path) => [path, size(path)])),
  'dist/storefront-card.js': size('dist/storefront-card.js'),
  cardLazyChunks: Object.fromEntries(list('dist/storefront-card').map((path) => [path, size(path)])),
  cardWithoutLit: { raw: cardCode.length, gzip: gzipSync(cardCode, { level: 9 }).length },
  'dist/storefront-loader.js': size('dist/storefront-loader.js'),
  loaderChunks: Object.fromEntries(list('dist/storefront-loader').map((path) => [path, size(path)])),
  components: Object.fromEntries(list('dist/components').map((path) => [path, size(path)])),
};
writeFileSync('dist/sizes.json', JSON.stringify(sizes, null, 2) + '\n');

console.log(`\n${bundle}: ${kB(sizes[bundle].raw)} raw, ${kB(sizes[bundle].gzip)} gzip -9 (Lit included)`);
for (const [path, entry] of Object.entries(sizes.lazyChunks)) console.log(`  lazy ${path}: ${kB(entry.gzip)} gzip -9`);
console.log(`dist/storefront-card.js: ${kB(sizes['dist/storefront-card.js'].gzip)} gzip -9 (Lit included)`);
console.log(`dist/storefront-loader.js: ${kB(sizes['dist/storefront-loader.js'].gzip)} gzip -9 (Lit included, elements lazy)`);
for (const [path, entry] of Object.entries(sizes.loaderChunks)) console.log(`  lazy ${path}: ${kB(entry.gzip)} gzip -9`);
run(process.execPath, ['scripts/readme-sizes.mjs']);
// Keep the rewritten table in Prettier's layout, so `prettier --check` stays green.
run(bin('prettier'), ['--write', '--log-level', 'warn', 'README.md']);
