/**
 * A fresh database per test file, cloned from the prepared template: an in-memory PGlite loaded
 * from the dump, or `CREATE DATABASE … TEMPLATE` on PostgreSQL (dropped again on close).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { openEmbedded, openPostgres, type Database } from '../../src/db/index.js';
import { withDatabase } from './template.js';

export const testBackend: 'pglite' | 'postgres' = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

export async function createTestDatabase(): Promise<Database> {
  const postgresUrl = process.env.TEST_DATABASE_URL;
  if (postgresUrl) {
    const template = inject('postgresTemplate');
    const name = `shuzhi_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template ${template}`);
    } finally {
      await admin.end();
    }
    // The database is dropped WITH (FORCE) at close: its idle connections' termination is expected.
    const database = await openPostgres({
      connectionString: withDatabase(postgresUrl, name),
      max: 5,
      onIdleError: () => {},
    });
    const close = database.close.bind(database);
    return Object.assign(Object.create(database) as Database, {
      async close() {
        await close();
        const cleanup = new pg.Client({ connectionString: postgresUrl });
        await cleanup.connect();
        try {
          await cleanup.query(`drop database if exists ${name} with (force)`);
        } finally {
          await cleanup.end();
        }
      },
    });
  }
  const templatePath = inject('pgliteTemplatePath');
  const blob = new Blob([fs.readFileSync(templatePath)]);
  return openEmbedded({ loadDataDir: blob });
}
