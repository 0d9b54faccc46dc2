/**
 * Versioned SQL migrations (src/db/migrations/NNNN_name.sql), identical on both backends, applied
 * at start and by `shuzhi migrate`. Each file runs in its own transaction under an advisory lock,
 * so several processes starting together apply each migration once. An applied file whose
 * content changed is refused: migrations are append-only.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
/** Arbitrary constant key of the migration advisory lock ('shuzhi' in ASCII). */
const MIGRATION_LOCK_KEY = 0x7368757a6869;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(`${dir}/${file}`, 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.slice(5, -4),
        sql: text,
        checksum: createHash('sha256').update(text).digest('hex'),
      };
    });
}

/** A fingerprint of all migrations, used to reuse prepared test templates safely. */
export function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const m of listMigrations()) hash.update(`${m.version}:${m.checksum}\n`);
  return hash.digest('hex').slice(0, 16);
}

export class MigrationChangedError extends Error {
  constructor(readonly migration: string) {
    super(`Migration ${migration} was changed after it was applied; add a new migration instead.`);
  }
}

export async function migrate(
  db: Kysely<DB>,
  onProgress?: (migration: Migration, index: number, total: number) => void,
): Promise<Migration[]> {
  const migrations = listMigrations();
  const applied: Migration[] = [];
  await db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`.execute(conn);
    try {
      await sql`create table if not exists schema_migrations (
        version integer primary key,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`.execute(conn);
      const done = await sql<{ version: number; name: string; checksum: string }>`
        select version, name, checksum from schema_migrations order by version`.execute(conn);
      const doneByVersion = new Map(done.rows.map((row) => [row.version, row]));
      for (const [index, migration] of migrations.entries()) {
        const previous = doneByVersion.get(migration.version);
        if (previous) {
          if (previous.checksum !== migration.checksum) {
            throw new MigrationChangedError(`${migration.version}_${migration.name}`);
          }
          continue;
        }
        onProgress?.(migration, index, migrations.length);
        await conn.transaction().execute(async (tx) => {
          await sql.raw(migration.sql).execute(tx);
          await sql`insert into schema_migrations (version, name, checksum)
            values (${migration.version}, ${migration.name}, ${migration.checksum})`.execute(tx);
        });
        applied.push(migration);
      }
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.execute(conn);
    }
  });
  return applied;
}
