// A web-test-runner plugin that runs the reference server (server/src/main.ts) for the
// RestAdapter conformance tests: started on the first import of `/__server.js` (so runs
// without REST tests never pay for it), on a random port with a throwaway data folder, and
// stopped with the test runner.
//
// Another backend implementing the contract is checked by the same suite with
//   CONFORMANCE_API_URL=https://shop.example/api CONFORMANCE_STAFF_TOKEN=... \
//     npx web-test-runner test/adapters/rest-adapter.test.ts
// (its CORS must allow the test runner's origin; the staff API feeds the mail and order fixtures).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';

const STAFF_TOKEN = 'test-staff-token';
/** A desktop Chrome user agent for the test browser: headless Chromium's says "HeadlessChrome", which isbot drops. */
export const SHOPPER_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const START_TIMEOUT_MS = 90_000;
const READY_LINE = /Storefront Elements server: (https?:\/\/\S+?)\/?(\s|$)/;

export function restServerPlugin() {
  let child;
  let dataDir;
  let starting;

  const start = () =>
    (starting ??= new Promise((resolve) => {
      dataDir = mkdtempSync(join(tmpdir(), 'sf-rest-conformance-'));
      let output = '';
      const fail = (why) => resolve({ error: `${why}\n${output.slice(-3000)}` });
      child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          PORT: '0',
          HOST: '127.0.0.1',
          ALLOWED_ORIGINS: '*',
          STAFF_TOKEN,
          RATE_LIMIT_FACTOR: '1000',
          GUESTBOOK_MIN_FILL_MS: '0',
          DATABASE_URL: '',
          NODE_ENV: 'test',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const timer = setTimeout(
        () => fail(`The server did not print its URL within ${START_TIMEOUT_MS / 1000} s.`),
        START_TIMEOUT_MS,
      );
      const onData = (chunk) => {
        output += chunk;
        const match = READY_LINE.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve({ url: match[1].replace(/\/+$/, '') });
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('error', (error) => fail(`The server could not be started: ${error.message}`));
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        fail(`The server exited (code ${code}, signal ${signal}) before it was ready.`);
      });
    }));

  return {
    name: 'rest-server',
    async serve(context) {
      if (context.path !== '/__server.js') return undefined;
      const external = process.env.CONFORMANCE_API_URL?.replace(/\/+$/, '');
      const { url, error } = external ? { url: new URL(external).origin } : await start();
      const apiUrl = external ?? (url ? `${url}/api` : null);
      return {
        type: 'js',
        body: [
          `export const serverUrl = ${JSON.stringify(url ?? null)};`,
          `export const apiUrl = ${JSON.stringify(apiUrl)};`,
          `export const staffToken = ${JSON.stringify(external ? (process.env.CONFORMANCE_STAFF_TOKEN ?? '') : STAFF_TOKEN)};`,
          `export const serverError = ${JSON.stringify(error ?? null)};`,
        ].join('\n'),
      };
    },
    async serverStop() {
      if (child && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
