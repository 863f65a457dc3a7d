import { createReadStream, readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fileFor, TYPES } from '../../static-server.mjs';

const ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));
const ALLOW = ['/demo/', '/dist/'];

/** The demo page on this server talks to it: its <sf-store> switched to the REST adapter at /api. */
export function pointDemoAtApi(html: string): string {
  return html.replace(/<sf-store(\s[^>]*?)?\sadapter="local"/g, '<sf-store$1 adapter="rest" endpoint="/api"');
}

function serve(request: FastifyRequest, reply: FastifyReply, urlPath: string): FastifyReply {
  const file = fileFor(ROOT, urlPath, { '/': '/demo/index.html' }, ALLOW);
  if (!file) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  reply.header('cache-control', 'no-cache').type(TYPES[extname(file)] ?? 'application/octet-stream');
  // The built kit is public and loaded by pages of other sites: a module script needs CORS.
  if (urlPath.startsWith('/dist/')) reply.header('access-control-allow-origin', '*');
  if (file.endsWith('.html')) return reply.send(pointDemoAtApi(readFileSync(file, 'utf8')));
  if (request.method === 'HEAD') return reply.send();
  return reply.send(createReadStream(file));
}

/** `/` (the demo promo page), `/demo/*` and `/dist/*` (the built kit) from the project folder. */
export function registerStatic(app: FastifyInstance): void {
  app.get('/', (request, reply) => serve(request, reply, '/'));
  app.get('/demo/*', (request, reply) => serve(request, reply, request.url));
  app.get('/dist/*', (request, reply) => serve(request, reply, request.url));
}
