import { readdirSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

// Every folder under components/ named sf-* holding sf-*.ts is one element entry.
const elements = readdirSync('components', { withFileTypes: true })
  .filter(
    (entry) => entry.isDirectory() && entry.name.startsWith('sf-') && existsSync(`components/${entry.name}/${entry.name}.ts`),
  )
  .map((entry) => entry.name);

const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.json', minify: false, legalComments: 'none' });
// Writes each chunk's modules with their rendered (pre-minify) length to dist/size-report.json,
// merged across the configs, so scripts/size-check.mjs can say which source files weigh most.
const sizeReport = () => ({
  name: 'size-report',
  generateBundle(options, bundle) {
    const path = 'dist/size-report.json';
    mkdirSync('dist', { recursive: true });
    const report = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
    const source = (id) => relative(process.cwd(), id.replace(/^\0/, '')).replace(/\\/g, '/');
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      report[`${options.dir ?? 'dist'}/${chunk.fileName}`] = {
        name: chunk.name,
        isEntry: chunk.isEntry,
        facade: chunk.facadeModuleId ? source(chunk.facadeModuleId) : null,
        modules: Object.fromEntries(
          Object.entries(chunk.modules)
            .filter(([, info]) => info.renderedLength > 0)
            .map(([id, info]) => [source(id), info.renderedLength]),
        ),
      };
    }
    writeFileSync(path, JSON.stringify(report, null, 1) + '\n');
  },
});
const external = (id) => /^(lit|@lit\/|@lit-labs\/|idb|valibot)(\/|$)/.test(id);

export default [
  // npm: the SDK and every element, dependencies left to the user's bundler (Lit is a peer).
  {
    input: {
      index: 'src/index.ts',
      sdk: 'src/sdk.ts',
      ...Object.fromEntries(elements.map((name) => [`components/${name}`, `components/${name}/${name}.ts`])),
    },
    external,
    plugins: [ts(), sizeReport()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
  },
  // The one-file bundle for a plain page: Lit included, minified; the demo catalog, the search
  // engine's Chinese tables and the virtualizer stay lazy chunks beside it, fetched when needed.
  ...[
    ['storefront-elements', 'src/index.ts'],
    ['storefront-card', 'src/bundles/storefront-card.ts'],
    ['storefront-loader', 'src/bundles/storefront-loader.ts'],
  ].map(([name, entry]) => ({
    input: { [name]: entry },
    // Lets shared code (Lit) live in the entry, which lazy chunks import from, instead of a
    // third chunk: the page still loads one file first.
    preserveEntrySignatures: 'allow-extension',
    plugins: [
      resolve({ exportConditions: ['production'], browser: true }),
      ts(),
      terser({ ecma: 2022, module: true, compress: { passes: 2 } }),
      sizeReport(),
    ],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: `${name}/[name]-[hash].js`,
      sourcemap: true,
    },
  })),
];
