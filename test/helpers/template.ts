import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migrate, migrationsFingerprint, openEmbedded, openPostgres } from '../../src/db/index.js';
import { loadReferenceData } from '../../src/reference-data.js';

export interface PreparedTemplate {
  pgliteTemplatePath?: string;
  postgresTemplate?: string;
}

/** The name of the fingerprinted PostgreSQL template database. */
export function postgresTemplateName(fingerprint: string): string {
  return `shuzhi_template_${fingerprint}`;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function prepareTemplate(
  cacheDir: string,
  postgresUrl: string | undefined,
): Promise<PreparedTemplate> {
  const fingerprint = `${migrationsFingerprint()}-${referenceFingerprint()}`.replace(/[^a-z0-9]/g, '');
  if (postgresUrl) {
    const name = postgresTemplateName(fingerprint);
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    try {
      const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (exists.rowCount === 0) {
        const building = `${name}_building_${process.pid}`;
        await admin.query(`drop database if exists ${building}`);
        await admin.query(`create database ${building}`);
        const database = await openPostgres({
          connectionString: withDatabase(postgresUrl, building),
          max: 2,
        });
        try {
          await migrate(database.db);
          await loadReferenceData(database.db);
        } finally {
          await database.close();
        }
        // Renamed only when complete, so a crashed preparation never leaves a half-built template.
        try {
          await admin.query(`alter database ${building} rename to ${name}`);
          await admin.query(`alter database ${name} with is_template true`);
        } catch (error) {
          // Another checkout or run built the same template meanwhile (42P04: duplicate database).
          if ((error as { code?: string }).code !== '42P04') throw error;
          await admin.query(`drop database if exists ${building}`);
        }
      }
    } finally {
      await admin.end();
    }
    return { postgresTemplate: name };
  }
  const file = path.join(cacheDir, `pglite-template-${fingerprint}.tar.gz`);
  if (!fs.existsSync(file)) {
    const database = await openEmbedded({});
    try {
      await migrate(database.db);
      await loadReferenceData(database.db);
      const dump = await database.pglite!.dumpDataDir('gzip');
      const temporary = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(temporary, file);
    } finally {
      await database.close();
    }
  }
  return { pgliteTemplatePath: file };
}

/** Reference data and its loader feed the template too: a change to them must rebuild it. */
function referenceFingerprint(): string {
  const dir = path.resolve('src/classification/data');
  const files = [
    'src/reference-data.ts',
    'src/classification/reference-data.ts',
    'src/cases/reference-data.ts',
    'src/cases/deadlines/defaults.ts',
    'src/public/categories.ts',
  ].map((f) => path.resolve(f));
  if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir).sort()) files.push(path.join(dir, f));
  const hash = createHash('sha256');
  for (const f of files) if (fs.existsSync(f)) hash.update(fs.readFileSync(f));
  return hash.digest('hex').slice(0, 12);
}
