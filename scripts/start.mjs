// npm start: builds the kit if its sources changed, then runs the reference server (embedded
// PGlite in DATA_DIR, seeded on first start) serving the demo promo page on the REST adapter at
// 127.0.0.1 (PORT, default 8080). `npm start -- --local` serves the demo with the in-browser
// local adapter instead: no server at all.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startStaticServer } from '../server/static-server.mjs';

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const bundle = 'dist/storefront-elements.js';
const stale = !existsSync(bundle) || statSync(bundle).mtimeMs < Math.max(newestSource('src'), newestSource('components'));
if (stale) {
  console.log('Building the kit (npm run build)...');
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}

const port = Number.parseInt(process.env.PORT ?? '8080', 10);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a number from 0 to 65535, got "${process.env.PORT}".`);
  process.exit(1);
}

if (process.argv.includes('--local')) {
  try {
    const server = await startStaticServer({ root: '.', port, routes: { '/': '/demo/index.html' } });
    const { port: actual } = server.address();
    console.log(`\nStorefront Elements demo: http://127.0.0.1:${actual}/`);
    console.log('Serving demo/ and dist/ with the embedded local adapter. Press Ctrl+C to stop.');
  } catch (error) {
    if (error.code === 'EADDRINUSE') console.error(`Port ${port} is in use: run with another, e.g. PORT=8081 npm start`);
    else console.error(error);
    process.exit(1);
  }
} else {
  // The server runs its TypeScript through tsx; it prints the URL and the data folder itself.
  // The demo server takes widgets embedded on any site (a blog on another origin); a shop sets
  // ALLOWED_ORIGINS to its own sites.
  const env = { ...process.env };
  if (!env.ALLOWED_ORIGINS && env.NODE_ENV !== 'production') {
    env.ALLOWED_ORIGINS = '*';
    console.log('CORS: any origin may embed the widgets (set ALLOWED_ORIGINS to your sites to restrict it).');
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
