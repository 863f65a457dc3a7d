// npm run bench:server: the reference server under load on loopback, with autocannon in this
// process. Five routes (catalog list, product get, guestbook list, guestbook post, visit batch),
// on embedded PGlite and on a PostgreSQL server, beside a bare node:http hello-world measured in
// the same run as the ceiling. Each case runs for a bounded time; results go to
// bench/results/server.md.
//
//   npm run bench:server                         PGlite, and PostgreSQL when one can be started
//   npm run bench:server -- --duration 5         seconds per case (default 8)
//   BENCH_DATABASE_URL=postgres://... npm run bench:server   use that server instead of a throwaway one
import autocannon from 'autocannon';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const DURATION = Math.min(Math.max(Number(option('duration', 8)), 1), 30);
const CONNECTIONS = Number(option('connections', 10));
const STAFF_TOKEN = 'bench-staff-token';

/** Starts the reference server as its own process and resolves with its base URL. */
function startReferenceServer(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      env: {
        ...process.env,
        PORT: '0',
        STAFF_TOKEN,
        // Load from one address would trip the per-client limits at once: this measures the
        // server, not the limiter (a limited request is cheaper than a served one).
        RATE_LIMIT_FACTOR: '1000000',
        GUESTBOOK_MIN_FILL_MS: '0',
        NODE_ENV: 'production',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /Storefront Elements server: (http:\/\/\S+?)\/?\s/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], stop: () => stopChild(child) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

function startHelloWorld() {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"hello":"world"}');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}`, stop: () => new Promise((done) => server.close(done)) }),
    ),
  );
}

/** One autocannon run; `request` may be a function returning fresh request options per call. */
async function measure(title, url, request = {}) {
  const { setup, ...rest } = request;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    ...rest,
    ...(setup ? { requests: [{ setupRequest: setup }] } : {}),
  });
  const ok = result['2xx'];
  const errors = result.errors + result.timeouts + result.non2xx;
  console.log(`${title}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms, ${errors} errors`);
  return { title, rps: result.requests.average, p99: result.latency.p99, p50: result.latency.p50, ok, errors };
}

let sequence = 0;
const unique = () => `${process.pid}-${Date.now().toString(36)}-${(sequence += 1)}`;

async function benchReference(base) {
  const api = `${base}/api`;
  const catalog = await (await fetch(`${api}/products?pageSize=24`)).json();
  const sku = catalog.items[0].sku;
  const topic = `bench-${unique()}`;
  // A topic with a few pages of messages to list.
  for (let i = 0; i < 30; i += 1) {
    await fetch(`${api}/guestbook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `seed-${unique()}` },
      body: JSON.stringify({ topic, author: '压测', body: `第 ${i} 条留言`, fillMs: 5000 }),
    });
  }
  const rows = [];
  rows.push(await measure('catalog list (24 per page)', `${api}/products?pageSize=24&sort=price-asc`));
  rows.push(await measure('product get', `${api}/products/${encodeURIComponent(sku)}`));
  rows.push(await measure('guestbook list', `${api}/guestbook?topic=${encodeURIComponent(topic)}&limit=10`));
  const postTopic = `bench-post-${unique()}`;
  rows.push(
    await measure('guestbook post', `${api}/guestbook`, {
      method: 'POST',
      setup: (request) => ({
        ...request,
        headers: { ...request.headers, 'content-type': 'application/json', 'idempotency-key': `post-${unique()}` },
        body: JSON.stringify({ topic: postTopic, author: '压测', body: `留言 ${unique()}`, fillMs: 5000 }),
      }),
    }),
  );
  rows.push(
    await measure('visit batch (10 events, text/plain)', `${api}/visits`, {
      method: 'POST',
      setup: (request) => ({
        ...request,
        headers: { ...request.headers, 'content-type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify({
          key: `visits-${unique()}`,
          events: Array.from({ length: 10 }, (_, i) => ({
            topic: i % 2 ? 'site' : `product:${sku}`,
            visitorId: `v-${unique()}`,
            at: Date.now(),
          })),
        }),
      }),
    }),
  );
  return rows;
}

const loadAtStart = loadavg()[0];
const sections = [];
const hello = await startHelloWorld();
const ceiling = await measure('node:http hello-world', hello.url);
await hello.stop();

const databases = [];
const pgliteDir = mkdtempSync(join(tmpdir(), 'sf-bench-pglite-'));
databases.push({ name: 'PGlite (embedded)', env: { DATA_DIR: pgliteDir, DATABASE_URL: '' } });

let throwaway = null;
let postgresUrl = process.env.BENCH_DATABASE_URL;
if (!postgresUrl) {
  const dir = mkdtempSync(join(tmpdir(), 'sf-bench-pg-'));
  try {
    postgresUrl = execFileSync('.ci/postgres', ['start', dir], {
      encoding: 'utf8',
      env: { ...process.env, PG_PORT: '54339' },
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
    throwaway = dir;
  } catch {
    console.warn('No PostgreSQL server could be started: measuring PGlite only.');
  }
}
if (postgresUrl) databases.push({ name: 'PostgreSQL server', env: { DATABASE_URL: postgresUrl } });

const results = [];
for (const database of databases) {
  const server = await startReferenceServer(database.env);
  try {
    results.push({ database: database.name, rows: await benchReference(server.url) });
  } finally {
    await server.stop();
  }
}
rmSync(pgliteDir, { recursive: true, force: true });
if (throwaway) execFileSync('.ci/postgres', ['stop', throwaway]);

const table = [
  '| route | ' + results.map((r) => `${r.database} req/s | p99 ms`).join(' | ') + ' | share of the ceiling |',
  '|---|' + results.map(() => '---|---').join('|') + '|---|',
  `| node:http hello-world (the ceiling) | ${results.map(() => `${Math.round(ceiling.rps)} | ${ceiling.p99}`).join(' | ')} | 100% |`,
];
for (let i = 0; i < results[0].rows.length; i += 1) {
  const cells = results.map((r) => `${Math.round(r.rows[i].rps)} | ${r.rows[i].p99}`).join(' | ');
  const share = results.map((r) => `${((100 * r.rows[i].rps) / ceiling.rps).toFixed(1)}%`).join(' / ');
  const errors = results.reduce((sum, r) => sum + r.rows[i].errors, 0);
  table.push(`| ${results[0].rows[i].title}${errors ? ` (${errors} errors)` : ''} | ${cells} | ${share} |`);
}
sections.push(table.join('\n'));

const date = new Date().toISOString().slice(0, 10);
const target = new URL('../results/server.md', import.meta.url);
const markdown = await format(
  [
    '# Server benchmark',
    '',
    `${date}, Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores; ` +
      `${CONNECTIONS} connections, ${DURATION} s per route, autocannon in the same process as the load ` +
      `(it shares the 2 cores with the server, as the ceiling does); load average (1 min) ` +
      `${loadAtStart.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end.`,
    '',
    'Rate limits are raised for the run (one client address would trip them at once); every other check',
    '(contract validation, idempotency records, daily-salted visitor hashes) runs as in production.',
    '',
    ...sections,
  ].join('\n'),
  { ...(await resolveConfig(target)), parser: 'markdown' },
);
console.log(`\n${markdown}`);
mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
writeFileSync(target, markdown);
