// Rewrites the size table between the README's markers from dist/sizes.json, so the numbers
// in the README are the build's, never typed by hand.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';

if (!existsSync('README.md') || !existsSync('dist/sizes.json')) process.exit(0);
const sizes = JSON.parse(readFileSync('dist/sizes.json', 'utf8'));
const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const row = (path, size, note = '') => {
  const lazy = /\/storefront-(elements|card|loader)\//.test(path);
  const name = lazy ? path.replace(/-[A-Za-z0-9_-]{8}\.js$/, '-[hash].js') : path;
  return `| \`${name}\`${lazy ? ' (lazy)' : ''}${note} | ${kB(size.raw)} | ${kB(size.gzip)} |`;
};
const rows = [
  '| file | raw | gzip -9 |',
  '| --- | ---: | ---: |',
  row('dist/storefront-elements.js', sizes['dist/storefront-elements.js'], ': every element and the SDK, Lit included'),
  ...Object.entries(sizes.lazyChunks).map(([path, size]) => row(path, size)),
  ...(sizes['dist/storefront-card.js']
    ? [row('dist/storefront-card.js', sizes['dist/storefront-card.js'], ': `<sf-store>` + `<sf-product-card>`, Lit included')]
    : []),
  ...(sizes['dist/storefront-loader.js']
    ? [
        row(
          'dist/storefront-loader.js',
          sizes['dist/storefront-loader.js'],
          ': `<sf-store>` + the SDK core; each other element loads when the page shows it',
        ),
        ...Object.entries(sizes.loaderChunks)
          .filter(([path]) => /\/sf-[a-z-]+-[A-Za-z0-9_-]{8}\.js$/.test(path))
          .map(([path, size]) => row(path, size)),
      ]
    : []),
  ...(sizes.cardWithoutLit
    ? [`| \`<sf-product-card>\` alone, Lit excluded | ${kB(sizes.cardWithoutLit.raw)} | ${kB(sizes.cardWithoutLit.gzip)} |`]
    : []),
];
const readme = readFileSync('README.md', 'utf8');
const start = '<!-- sizes:start -->';
const end = '<!-- sizes:end -->';
const from = readme.indexOf(start);
const to = readme.indexOf(end);
if (from < 0 || to < 0) process.exit(0);
const next = `${readme.slice(0, from + start.length)}\n${rows.join('\n')}\n${readme.slice(to)}`;
if (next !== readme) writeFileSync('README.md', next);
