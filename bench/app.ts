/**
 * The application as the benches run it: the real buildApp over a given database, with a fresh
 * locate index, a throwaway reporter key and no rate limits worth the name.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../src/db/index.js';
import { GeographyIndex } from '../src/geography/index.js';
import { buildApp } from '../src/http/app.js';
import { createKeyRing } from '../src/reporters/index.js';

export async function benchApp(database: Database): Promise<FastifyInstance> {
  const geography = new GeographyIndex(database.db);
  await geography.fresh();
  return buildApp({
    database,
    geography,
    reporterKeys: createKeyRing([{ id: 'bench', key: randomBytes(32) }], 'bench'),
    sessionHours: 1,
    publicRateLimit: 1e9,
    timeZone: 'Asia/Shanghai',
  });
}
