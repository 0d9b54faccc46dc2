/**
 * One SQL dialect, two backends: PGlite (WASM PostgreSQL + PostGIS) in a data folder, or a real
 * PostgreSQL 15+ with PostGIS 3 through DATABASE_URL. Both are reached through the same Kysely
 * instance, so every query and migration runs unchanged on either.
 */
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.js';
import { lockDataDir, type DataDirLock } from './lock.js';
import { PGliteDialect } from './pglite-dialect.js';

export type Backend = 'pglite' | 'postgres';

/**
 * The extensions the migrations create, loaded into PGlite (PostgreSQL ships them as contrib):
 * PostGIS, and pg_trgm for the service catalogue's keyword search (migration 0020).
 */
export const PGLITE_EXTENSIONS = { postgis, pg_trgm };

export interface Database {
  readonly backend: Backend;
  readonly db: Kysely<DB>;
  /** Flush to disk (embedded) — called before a clean exit and before a backup. */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
  /** The embedded engine, for backup (dumpDataDir); undefined on PostgreSQL. */
  readonly pglite: PGlite | undefined;
}

// The same JavaScript types on both backends: counts and ids as numbers, numeric as number,
// dates as 'YYYY-MM-DD' strings (a date has no time zone), timestamptz as Date.
const OID_INT8 = 20;
const OID_NUMERIC = 1700;
const OID_DATE = 1082;
const toNumber = (value: string): number => Number(value);
const asText = (value: string): string => value;

export interface OpenEmbeddedOptions {
  dataDir?: string;
  /** A gzipped data-folder dump to start from (tests reuse a prepared template this way). */
  loadDataDir?: Blob;
  /** Skip the lock file (only for in-memory databases). */
  lock?: boolean;
}

export async function openEmbedded(options: OpenEmbeddedOptions): Promise<Database> {
  let lock: DataDirLock | undefined;
  if (options.dataDir && options.lock !== false) lock = lockDataDir(options.dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: `${options.dataDir}/pgdata` } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
      extensions: PGLITE_EXTENSIONS,
      parsers: { [OID_INT8]: toNumber, [OID_NUMERIC]: toNumber, [OID_DATE]: asText },
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  let closed = false;
  return {
    backend: 'pglite',
    db,
    pglite,
    async checkpoint() {
      await sql`checkpoint`.execute(db);
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        if (options.dataDir) await sql`checkpoint`.execute(db);
        await db.destroy();
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

export interface OpenPostgresOptions {
  connectionString: string;
  /** Pool size; PostgreSQL serves many connections, one Shuzhi process needs a few. */
  max?: number;
  /** Told when an idle pooled connection fails (server restart, admin termination). */
  onIdleError?: (error: Error) => void;
}

export async function openPostgres(options: OpenPostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === OID_INT8 || oid === OID_NUMERIC) return toNumber;
        if (oid === OID_DATE) return asText;
        return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client whose connection dies (PostgreSQL restarted, a DBA terminated it) emits 'error'
  // on the pool; unhandled, that would crash the process. The pool drops the client and opens a
  // new one on demand, so it is reported, not fatal.
  pool.on('error', (error) => {
    if (options.onIdleError) options.onIdleError(error);
    else process.stderr.write(`PostgreSQL: an idle connection failed and was dropped: ${error.message}\n`);
  });
  // Fail fast with the server's own message when the database is unreachable.
  const client = await pool.connect();
  client.release();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    backend: 'postgres',
    db,
    pglite: undefined,
    async checkpoint() {},
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
