// npm start: builds the kit if its sources changed, then serves the demo promo page on
// 127.0.0.1 (PORT, default 8080) with the embedded local adapter: no server to install.
import { execFileSync } from 'node:child_process';
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
