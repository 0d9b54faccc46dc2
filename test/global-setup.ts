/**
 * Prepares a migrated database template once per test run, so no test pays initdb + CREATE
 * EXTENSION postgis (≈10 s): a gzipped PGlite data folder cached in .test-cache/ (keyed by the
 * migrations' fingerprint), or a PostgreSQL template database when TEST_DATABASE_URL is set.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { prepareTemplate } from './helpers/template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  if (process.env.SHUZHI_SKIP_DB_SETUP === '1') return;
  const cacheDir = path.resolve('.test-cache');
  fs.mkdirSync(cacheDir, { recursive: true });
  const prepared = await prepareTemplate(cacheDir, process.env.TEST_DATABASE_URL);
  project.provide('pgliteTemplatePath', prepared.pgliteTemplatePath ?? '');
  project.provide('postgresTemplate', prepared.postgresTemplate ?? '');
}
