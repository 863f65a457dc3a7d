import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpProblem } from './problem.js';

const EXPOSED = ['ETag', 'Retry-After', 'RateLimit', 'RateLimit-Policy', 'Idempotent-Replayed', 'Location'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether `origin` is this server itself (the demo and the pay page are same-origin). */
function sameOrigin(request: FastifyRequest, origin: string): boolean {
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export function originAllowed(allowed: readonly string[], origin: string): boolean {
  return allowed.includes('*') || allowed.includes(origin.replace(/\/+$/, ''));
}

/**
 * Security headers (helmet, a CSP the demo pages run under), CORS for the ALLOWED_ORIGINS
 * (widgets are embedded on other sites), and 403 for a write under /api from any other origin.
 */
export async function registerSecurity(app: FastifyInstance, allowedOrigins: readonly string[]): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:', 'https:'],
        'connect-src': ["'self'", ...allowedOrigins.filter((origin) => origin !== '*')],
        'form-action': ["'self'"],
        'frame-ancestors': allowedOrigins.includes('*') ? ['*'] : ["'self'", ...allowedOrigins],
        'upgrade-insecure-requests': null,
      },
    },
    // The kit's scripts and the API are used from other sites.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    strictTransportSecurity: false,
  });
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin ? originAllowed(allowedOrigins, origin) : false),
    methods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
    allowedHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'If-None-Match', 'Accept-Language'],
    exposedHeaders: EXPOSED,
    maxAge: 600,
  });
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    const origin = request.headers.origin;
    // No Origin: not a browser's cross-site request (curl, a server); a page's writes always carry one.
    if (!origin) return;
    if (!sameOrigin(request, origin) && !originAllowed(allowedOrigins, origin)) {
      throw new HttpProblem(403, 'unauthorized', 'This origin may not write to this shop.', { origin });
    }
  });
}
