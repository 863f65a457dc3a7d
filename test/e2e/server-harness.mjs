// Starts the reference server as its own process (what `npm start` runs) on a fresh PGlite
// folder, or on DATABASE_URL when that is set, for end-to-end tests and benchmarks.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const STAFF_TOKEN = 'e2e-staff-token';

/** Resolves with `{ url, staff(path, init), stop() }` once the server printed its address. */
export function startReferenceServer(env = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sf-e2e-data-'));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      env: {
        ...process.env,
        PORT: '0',
        DATA_DIR: dataDir,
        DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
        STAFF_TOKEN,
        RATE_LIMIT_FACTOR: '100',
        GUESTBOOK_MIN_FILL_MS: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start in 90 s:\n${output}`));
    }, 90_000);
    const onExit = (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before listening:\n${output}`));
    };
    child.on('exit', onExit);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /Storefront Elements server: (http:\/\/[^\s/]+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      const url = match[1];
      resolve({
        url,
        output: () => output,
        /** A staff request (Bearer STAFF_TOKEN) to `/api${path}`, answering the parsed JSON. */
        async staff(path, init = {}) {
          const response = await fetch(`${url}/api${path}`, {
            ...init,
            headers: {
              authorization: `Bearer ${STAFF_TOKEN}`,
              ...(init.body ? { 'content-type': 'application/json' } : {}),
              ...init.headers,
            },
          });
          const text = await response.text();
          if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${text}`);
          return text ? JSON.parse(text) : null;
        },
        stop() {
          return new Promise((done) => {
            const finish = () => {
              rmSync(dataDir, { recursive: true, force: true });
              done();
            };
            if (child.exitCode !== null) return finish();
            child.once('exit', finish);
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
          });
        },
      });
    });
  });
}

/** A desktop Chrome user agent: headless Chromium's own says "HeadlessChrome", which isbot drops. */
export const SHOPPER_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
