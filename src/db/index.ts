export { openEmbedded, openPostgres, PGLITE_EXTENSIONS, type Database, type Backend } from './database.js';
export { migrate, listMigrations, migrationsFingerprint, MigrationChangedError } from './migrate.js';
export { lockDataDir, DataDirLockedError } from './lock.js';
export type * from './schema.js';
export type { Kysely, Transaction } from 'kysely';
