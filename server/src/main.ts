import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from './db/tables.js';
import { buildApp } from './app.js';
import { ConfigError, readConfig, type ServerConfig } from './config.js';
import { createContext } from './context.js';
import { DatabaseStartError, openDatabase, type DatabaseKind } from './db/database.js';
import { migrate } from './db/migrate.js';
import { seed } from './db/seed.js';
import { pruneIdempotencyKeys } from './http/idempotency.js';
import { pruneRateLimits } from './http/rate-limit.js';
import { pruneSessions } from './account/account-sql.js';

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  config: ServerConfig;
  databaseKind: DatabaseKind;
  /** The server's database (tests read tables through it). */
  db: Kysely<Database>;
  /** Where the data is: the PGlite folder, or the PostgreSQL URL without its password. */
  dataLocation: string;
  /** Stops accepting requests, finishes the running ones, closes the database. */
  close(): Promise<void>;
}

/** The staff token: STAFF_TOKEN, else (development only) one generated and kept in the data folder. */
function staffTokenFor(config: ServerConfig): { token: string; generatedIn?: string } {
  if (config.staffToken) return { token: config.staffToken };
  if (config.production) throw new ConfigError('STAFF_TOKEN must be set when NODE_ENV=production.');
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'staff-token');
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), generatedIn: file };
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, generatedIn: file };
}

/** Opens the database, migrates and seeds it, and listens. For `main` and in-process tests. */
export async function startServer(config: ServerConfig): Promise<RunningServer & { staffTokenFile?: string }> {
  const staff = staffTokenFor(config);
  const resolved = { ...config, staffToken: staff.token };
  const database = await openDatabase(resolved);
  let app: FastifyInstance | undefined;
  try {
    await migrate(database.db);
    await seed(database.db, Date.now());
    const ctx = createContext(resolved, database.db, database.kind);
    app = await buildApp(ctx);
    const prune = async () => {
      const now = Date.now();
      await Promise.all([
        pruneIdempotencyKeys(database.db, now),
        pruneRateLimits(database.db, now),
        pruneSessions(database.db, now),
      ]);
    };
    const timer = setInterval(() => void prune().catch(() => undefined), 3_600_000);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
    await app.listen({ port: resolved.port, host: resolved.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : resolved.port;
    const host = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
    const running = app;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}/`,
      app: running,
      config: resolved,
      databaseKind: database.kind,
      db: database.db,
      dataLocation: database.location,
      staffTokenFile: staff.generatedIn,
      close: () =>
        (closing ??= (async () => {
          await running.close();
          await database.close();
        })()),
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    throw error;
  }
}

async function main(): Promise<void> {
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(readConfig());
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DatabaseStartError) console.error(error.message);
    else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`Port ${process.env.PORT ?? 8080} is in use: run with another, e.g. PORT=8081 npm start`);
    } else console.error(error);
    process.exit(1);
  }
  console.log(`Storefront Elements server: ${server.url}`);
  console.log(
    server.databaseKind === 'pglite'
      ? `Data folder (embedded PGlite): ${server.dataLocation}`
      : `Database (PostgreSQL): ${server.dataLocation}`,
  );
  if (server.staffTokenFile)
    console.log(`Staff token (generated, kept in ${server.staffTokenFile}): ${server.config.staffToken}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests and closing the database...`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) await main();
