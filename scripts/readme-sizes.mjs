// Rewrites the size table between the README's markers from dist/sizes.json, so the numbers
// in the README are the build's, never typed by hand.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

if (!existsSync('README.md') || !existsSync('dist/sizes.json')) process.exit(0);
const sizes = JSON.parse(readFileSync('dist/sizes.json', 'utf8'));
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const rows = [
  '| file | raw | gzip -9 |',
  '| --- | ---: | ---: |',
  ...Object.entries({ 'dist/storefront-elements.js': sizes['dist/storefront-elements.js'], ...sizes.lazyChunks }).map(
    ([path, size]) => {
      const lazy = path.includes('/storefront-elements/');
      const name = lazy ? path.replace(/-[A-Za-z0-9_-]{8}\.js$/, '-[hash].js') : path;
      return `| \`${name}\`${lazy ? ' (lazy)' : ''} | ${kB(size.raw)} | ${kB(size.gzip)} |`;
    },
  ),
];
const readme = readFileSync('README.md', 'utf8');
const start = '<!-- sizes:start -->';
const end = '<!-- sizes:end -->';
const from = readme.indexOf(start);
const to = readme.indexOf(end);
if (from < 0 || to < 0) process.exit(0);
const next = `${readme.slice(0, from + start.length)}\n${rows.join('\n')}\n${readme.slice(to)}`;
if (next !== readme) writeFileSync('README.md', next);
