import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from './tables.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface OpenDatabase {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives, for the start-up message (a folder, or the URL without password). */
  location: string;
  close(): Promise<void>;
}

/** Start-up failures with a message for the operator (main.ts prints it and exits 1). */
export class DatabaseStartError extends Error {
  override readonly name = 'DatabaseStartError';
}

const LOCK_FILE = 'server.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data folder for this process: PGlite is one connection, and two processes on one
 * folder would corrupt it. The lock file holds the PID; a lock whose process is gone is stale.
 */
function lockDataDir(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new DatabaseStartError(
          `The data folder ${dir} is in use by another server process (PID ${pid}). PGlite allows one process per ` +
            'folder: stop that server, use another DATA_DIR, or set DATABASE_URL to share a PostgreSQL server between instances.',
        );
      }
      if (pid === process.pid) {
        throw new DatabaseStartError(`The data folder ${dir} is already open in this process.`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new DatabaseStartError(`Could not lock the data folder ${dir}.`);
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}

async function openPostgres(url: string): Promise<OpenDatabase> {
  const pg = (await import('pg')).default;
  // int8 (bigint: every time and amount) as a JS number, as PGlite reads it.
  pg.types.setTypeParser(20, (value: string) => Number(value));
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE) || 10,
    connectionTimeoutMillis: 5000,
  });
  // An idle client's network error must not crash the process.
  pool.on('error', (error) => console.error(`PostgreSQL connection error: ${error.message}`));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseStartError(
      `Cannot reach the PostgreSQL server of DATABASE_URL (${redact(url)}): ${(error as Error).message}. ` +
        'Check DATABASE_URL, or unset it to use the embedded PGlite database.',
    );
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', location: redact(url), close: () => db.destroy() };
}

async function openPGlite(dir: string): Promise<OpenDatabase> {
  const unlock = lockDataDir(dir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGliteDialect } = await import('./pglite-dialect.js');
    const pglite = await PGlite.create(join(dir, 'pgdata'));
    const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    return {
      db,
      kind: 'pglite',
      location: dir,
      close: async () => {
        await db.destroy();
        await pglite.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    if (error instanceof DatabaseStartError) throw error;
    throw new DatabaseStartError(`Cannot open the PGlite database in ${dir}: ${(error as Error).message}`);
  }
}

/** PostgreSQL when `databaseUrl` is set, else embedded PGlite in `dataDir`: the same SQL on both. */
export async function openDatabase(config: { databaseUrl?: string; dataDir: string }): Promise<OpenDatabase> {
  const open = config.databaseUrl ? await openPostgres(config.databaseUrl) : await openPGlite(config.dataDir);
  await sql`select 1`.execute(open.db);
  return open;
}
