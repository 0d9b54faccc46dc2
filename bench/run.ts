/**
 * `npm run bench`: figures for the foundation — building, importing and tiling the demo district,
 * and locate throughput — on the embedded database and, with BENCH_DATABASE_URL, on PostgreSQL.
 * `--smoke` runs a small version (one street, fewer points) that CI uses to prove the bench works.
 * Results are printed as a table and written to artifacts/bench.json; docs/benchmarks.md records
 * them with the machine.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { loadReferenceData } from '../src/reference-data.js';
import { migrate, openEmbedded, openPostgres, type Database } from '../src/db/index.js';
import { buildDemoGeography } from '../src/demo/geography/index.js';
import { GeographyIndex, generateGrids, importRegions } from '../src/geography/index.js';
import { buildApp } from '../src/http/app.js';
import { createKeyRing } from '../src/reporters/index.js';
import { systemContext } from '../src/shared/context.js';

const smoke = process.argv.includes('--smoke');
const rows: Array<{ backend: string; figure: string; value: string }> = [];
const record = (backend: string, figure: string, value: string) => {
  rows.push({ backend, figure, value });
  process.stderr.write(`  ${backend.padEnd(10)} ${figure.padEnd(48)} ${value}\n`);
};

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** Deterministic pseudo-random numbers (mulberry32), so every run locates the same points. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function benchBackend(label: string, database: Database): Promise<void> {
  await migrate(database.db);
  await loadReferenceData(database.db);
  let started = performance.now();
  const geography = await buildDemoGeography();
  record(label, 'build demo geography (187 regions)', seconds(performance.now() - started));
  const ctx = systemContext();
  started = performance.now();
  const imported = await importRegions(database.db, ctx, geography);
  record(label, `import regions (${imported.created} features)`, seconds(performance.now() - started));
  const streets = geography.features
    .filter((f) => f.properties.level === 'street')
    .map((f) => f.properties.code);
  const tiled = smoke ? streets.slice(0, 1) : streets;
  started = performance.now();
  let grids = 0;
  for (const street of tiled) grids += (await generateGrids(database.db, ctx, { streetCode: street })).grids;
  record(
    label,
    `generate unit grids (${tiled.length} streets → ${grids} grids)`,
    seconds(performance.now() - started),
  );

  const index = new GeographyIndex(database.db);
  started = performance.now();
  await index.fresh();
  record(
    label,
    `build locate index (${index.gridCount} grids)`,
    `${(performance.now() - started).toFixed(0)} ms`,
  );
  const [minLng, minLat, maxLng, maxLat] = [116.385, 39.855, 116.45, 39.975];
  const next = random(42);
  const count = smoke ? 20_000 : 500_000;
  const points = Array.from(
    { length: count },
    () => [minLng + next() * (maxLng - minLng), minLat + next() * (maxLat - minLat)] as const,
  );
  started = performance.now();
  let hits = 0;
  for (const [lng, lat] of points) if (index.locateNow(lng, lat)) hits += 1;
  const elapsed = (performance.now() - started) / 1000;
  record(
    label,
    `locate in-process (${count} random points, ${((hits / count) * 100).toFixed(0)} % inside)`,
    `${Math.round(count / elapsed).toLocaleString('en')} /s`,
  );

  const reporterKeys = createKeyRing([{ id: 'bench', key: randomBytes(32) }], 'bench');
  const app = await buildApp({
    database,
    geography: index,
    reporterKeys,
    sessionHours: 1,
    publicRateLimit: 1e9,
  });
  await app.ready();
  const httpCount = smoke ? 500 : 5_000;
  started = performance.now();
  for (let i = 0; i < httpCount; i++) {
    const [lng, lat] = points[i]!;
    await app.inject({ method: 'GET', url: `/api/v1/locate?lng=${lng}&lat=${lat}` });
  }
  const httpElapsed = (performance.now() - started) / 1000;
  record(
    label,
    `GET /locate through Fastify inject (${httpCount}, sequential)`,
    `${Math.round(httpCount / httpElapsed).toLocaleString('en')} /s`,
  );
  await app.close();
  record(label, 'process RSS after the run', `${Math.round(process.memoryUsage().rss / 1_048_576)} MB`);
}

async function main(): Promise<void> {
  process.stderr.write(
    `Shuzhi bench${smoke ? ' (smoke)' : ''} on ${os.cpus().length}× ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`,
  );
  const embedded = await openEmbedded({});
  try {
    await benchBackend('pglite', embedded);
  } finally {
    await embedded.close();
  }
  const url = process.env.BENCH_DATABASE_URL;
  if (url) {
    const name = `shuzhi_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const database = await openPostgres({ connectionString: target.toString() });
    try {
      await benchBackend('postgres', database);
    } finally {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
  fs.mkdirSync('artifacts', { recursive: true });
  fs.writeFileSync(
    'artifacts/bench.json',
    JSON.stringify({ smoke, at: new Date().toISOString(), rows }, null, 2),
  );
  console.log('\n| backend | figure | value |\n|---|---|---|');
  for (const row of rows) console.log(`| ${row.backend} | ${row.figure} | ${row.value} |`);
}

await main();
