// A small static file server for the demo page and the built kit, bound to 127.0.0.1.
// `npm start -- --local` uses it alone; the reference server (server/src) reuses fileFor/TYPES.
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, posix, resolve, sep } from 'node:path';

export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Maps a URL path onto a file under `root`, refusing anything that escapes it. */
export function fileFor(root, urlPath, routes, allow) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  if (routes[path]) path = routes[path];
  // Normalized first ("/dist/../package.json" is "/package.json"), then only the folders a page
  // needs: never .git, node_modules or the sources.
  path = posix.normalize(path.replace(/\\/g, '/'));
  if (!allow.some((prefix) => path.startsWith(prefix))) return null;
  const full = resolve(root, normalize(`.${path}`));
  if (full !== root && !full.startsWith(root + sep)) return null;
  try {
    const stat = statSync(full);
    if (stat.isDirectory()) return fileFor(root, join(path, 'index.html'), {}, allow);
    return stat.isFile() ? full : null;
  } catch {
    return null;
  }
}

/**
 * Starts the server and resolves with it once listening. `routes` maps URL paths to paths
 * under `root` (e.g. `/` -> `/demo/index.html`); only paths under an `allow` prefix are served.
 */
export function startStaticServer({ root, port = 0, host = '127.0.0.1', routes = {}, allow = ['/demo/', '/dist/'] }) {
  const base = resolve(root);
  const server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const file = fileFor(base, request.url ?? '/', routes, allow);
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}
