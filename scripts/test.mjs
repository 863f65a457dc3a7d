// npm test: everything a change must pass, in order, on a fresh machine.
//   1. a Chrome/Chromium (found, or Debian's installed when possible)
//   2. type-check   3. lint + format check
//   4. unit and component tests in real headless Chromium (web-test-runner, with coverage)
//   5. the reference server's tests over real HTTP on embedded PGlite, and again on a PostgreSQL
//      server when TEST_DATABASE_URL is set (.ci/run starts one)
//   6. build, size budgets (size-budgets.json), then end-to-end tests of the demo, the one-file bundle and the real server (playwright-core)
// The last line is the total of every suite: "N passed, N failed".
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChrome } from './find-chrome.mjs';

const bin = (name) => join('node_modules', '.bin', name);
let passed = 0;
let failed = 0;

/** Runs a command, echoing its output; resolves with { code, output }. */
function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const echo = (stream) => (chunk) => {
      output += chunk;
      stream.write(chunk);
    };
    child.stdout.on('data', echo(process.stdout));
    child.stderr.on('data', echo(process.stderr));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** A step that is one check (type-check, lint, build): it counts as one pass or one fail. */
async function check(title, command, args) {
  console.log(`\n▶ ${title}`);
  const { code } = await run(command, args);
  if (code === 0) passed += 1;
  else {
    failed += 1;
    console.error(`✖ ${title} failed (exit ${code})`);
  }
  return code === 0;
}

process.env.CHROME_PATH ??= ensureChrome();

await check('type-check (tsc)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
await check('lint (eslint)', bin('eslint'), ['.']);
await check('format (prettier --check)', bin('prettier'), ['--check', '--log-level', 'warn', '.']);

console.log('\n▶ unit and component tests in Chromium (web-test-runner)');
const wtr = await run(bin('web-test-runner'), ['--coverage'], { FORCE_COLOR: '0' });
// eslint-disable-next-line no-control-regex
const plain = wtr.output.replace(/\u001b\[[0-9;]*m/g, '');
const counts = [...plain.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
if (counts) {
  passed += Number(counts[1]);
  failed += Number(counts[2]);
}
if (!counts || (wtr.code !== 0 && Number(counts[2]) === 0)) {
  failed += 1;
  console.error(`✖ web-test-runner did not finish cleanly (exit ${wtr.code})`);
}

/** node:test files run with TAP output; adds their pass/fail counts. */
async function nodeTests(title, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = await run(process.execPath, ['--test', '--test-reporter=tap', '--test-concurrency=1', ...args], env);
  const pass = Number(/^# pass (\d+)/m.exec(result.output)?.[1] ?? 0);
  const fail = Number(/^# fail (\d+)/m.exec(result.output)?.[1] ?? 0);
  passed += pass;
  failed += fail + (result.code !== 0 && fail === 0 ? 1 : 0);
}

const serverTests = existsSync('server/test')
  ? readdirSync('server/test')
      .filter((name) => name.endsWith('.test.ts'))
      .map((name) => join('server/test', name))
  : [];
if (serverTests.length > 0) {
  if (existsSync('server/tsconfig.json'))
    await check('type-check the server (tsc)', bin('tsc'), ['-p', 'server/tsconfig.json', '--noEmit']);
  // DATABASE_URL unset: every test server runs on embedded PGlite in a temporary folder.
  await nodeTests('server tests on embedded PGlite', ['--import', 'tsx', ...serverTests], { DATABASE_URL: '' });
  if (process.env.TEST_DATABASE_URL) {
    await nodeTests('server tests on PostgreSQL (TEST_DATABASE_URL)', ['--import', 'tsx', ...serverTests], {
      DATABASE_URL: process.env.TEST_DATABASE_URL,
    });
  } else if (process.env.CI) {
    failed += 1;
    console.error('✖ CI must run the server tests on PostgreSQL too: TEST_DATABASE_URL is not set');
  }
}

const built = await check('build (rollup, tsc declarations, manifest)', process.execPath, ['scripts/build.mjs']);
if (built) {
  await check('size budgets (gzip -9 per entry and lazy chunk, size-budgets.json)', process.execPath, ['scripts/size-check.mjs']);
  await nodeTests('end-to-end tests (demo page, one-file bundle, two tabs, real server)', ['test/e2e/']);
}

const summary = `${passed} passed, ${failed} failed`;
mkdirSync('.tmp', { recursive: true });
writeFileSync('.tmp/test-summary.txt', summary + '\n');
console.log(`\n${summary}`);
process.exit(failed === 0 ? 0 : 1);
