import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { CHROME_ARGS, findChrome } from './scripts/find-chrome.mjs';
import { restServerPlugin, SHOPPER_UA } from './test/adapters/rest-server-plugin.mjs';

// Real headless Chromium, one page at a time (tests share IndexedDB per origin).
export default {
  files: ['test/unit/**/*.test.ts', 'test/components/**/*.test.ts', 'test/adapters/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  // target es2022 turns the (legacy, tsconfig) decorators into plain JS Chromium runs.
  // restServerPlugin: the reference server for the RestAdapter conformance run (`/__server.js`).
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), restServerPlugin()],
  browsers: [
    chromeLauncher({
      // A desktop user agent: the reference server drops visits from "HeadlessChrome" as a bot (isbot).
      launchOptions: {
        executablePath: findChrome() ?? '/usr/bin/chromium',
        headless: true,
        args: [...CHROME_ARGS, `--user-agent=${SHOPPER_UA}`],
      },
    }),
  ],
  coverageConfig: {
    include: ['src/**/*.ts', 'components/**/*.ts'],
    report: true,
    reportDir: 'coverage',
  },
};
