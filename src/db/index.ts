export {
  openEmbedded,
  openPostgres,
  PGLITE_EXTENSIONS,
  type Database,
  type Backend,
  type PoolStats,
} from './database.js';
export {
  migrate,
  listMigrations,
  migrationsFingerprint,
  pendingMigrations,
  MigrationChangedError,
} from './migrate.js';
export { lockDataDir, DataDirLockedError } from './lock.js';
export type * from './schema.js';
export type { Kysely, Transaction } from 'kysely';
