import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** Autodocs pages (the attributes / properties / parts tables) are drawn by @storybook/addon-docs. */
function hasAddon(name: string): boolean {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

/**
 * How Storybook's Vite build must treat the project's own TypeScript (components/, src/,
 * stories/), not node_modules:
 *
 * 1. Legacy decorators. The project uses `experimentalDecorators` and
 *    `useDefineForClassFields: false` (tsconfig.json). Vite 8 transforms TypeScript with Oxc;
 *    Oxc 8.3.8 did pick these up from tsconfig.json when checked, but if it ever does not
 *    (another tsconfig found, a file outside `include`), TC39 decorators reach Chromium, which
 *    rejects them ("Invalid or unexpected token") while the build stays green. So these files
 *    go through esbuild first with the settings spelled out, as the library build does; Oxc
 *    then sees plain JavaScript.
 * 2. Side effects. package.json `sideEffects` lists only the built `dist/` files, so for the
 *    bundler every source module is side-effect free, and `import '../src/index.ts'` (which
 *    only registers the elements) is dropped from the production build: a blank canvas in
 *    `storybook build` while `storybook dev` works. Source modules are marked as having side
 *    effects, as they have (customElements.define).
 */
function projectSources(): Plugin {
  let transform: typeof import('esbuild').transform | undefined;
  return {
    name: 'storefront-elements:project-sources',
    enforce: 'pre',
    async transform(code, id) {
      const file = id.split('?')[0]!;
      if (!file.endsWith('.ts') || file.endsWith('.d.ts')) return null;
      if (!file.startsWith(projectRoot) || file.includes('/node_modules/')) return null;
      transform ??= (await import('esbuild')).transform;
      const result = await transform(code, {
        loader: 'ts',
        target: 'es2022',
        format: 'esm',
        sourcefile: file,
        sourcemap: true,
        tsconfigRaw: {
          compilerOptions: {
            experimentalDecorators: true,
            useDefineForClassFields: false,
            verbatimModuleSyntax: true,
          },
        },
      });
      return { code: result.code, map: result.map, moduleSideEffects: true };
    },
  };
}

const withDocs = hasAddon('@storybook/addon-docs');

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  // Add '../stories/**/*.mdx' here when the first MDX page is written (an empty glob only warns).
  stories: ['../stories/**/*.stories.ts'],
  // Without @storybook/addon-docs the stories work but a "Docs" page could not render (no docs
  // renderer), so then none is listed.
  addons: withDocs ? ['@storybook/addon-docs'] : [],
  core: { disableTelemetry: true },
  ...(withDocs ? { docs: { defaultName: 'Docs' } } : {}),
  async viteFinal(viteConfig) {
    return {
      ...viteConfig,
      plugins: [projectSources(), ...(viteConfig.plugins ?? [])],
      optimizeDeps: {
        ...viteConfig.optimizeDeps,
        // The web-components renderer imports lit/directive-helpers.js; without pre-bundling it
        // `storybook dev` loads a second lit-html ("Multiple versions of Lit loaded").
        include: [...(viteConfig.optimizeDeps?.include ?? []), 'lit', 'lit/directive-helpers.js'],
      },
    };
  },
};

export default config;
