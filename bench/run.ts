/**
 * `npm run bench`: the synthetic city at scale, on the embedded database and, with
 * BENCH_DATABASE_URL, on PostgreSQL (a dedicated database per scale, created and dropped here).
 *
 *   npm run bench                         PGlite 100 k cases; PostgreSQL 1 M then 10 M cases
 *   npm run bench -- --smoke              small and fast (CI): every part once, tiny scales
 *   npm run bench -- --scales 1000000     PostgreSQL scales (cases, comma-separated, ascending)
 *   npm run bench -- --pglite-cases 0     skip PGlite
 *   npm run bench -- --keep               keep the last PostgreSQL database (named in the output)
 *   npm run bench -- --reuse NAME         measure an existing generated PostgreSQL database
 *                                         (with --scales: grow it to those scales first)
 *   npm run bench -- --only-intake        skip locate, indicators and lists
 *   npm run bench -- --no-rollups         do not rebuild the evaluation rollups after generating
 *   npm run bench -- --rebuild-rollups    with --reuse: rebuild the rollups of the existing database first
 *   npm run bench -- --add-rollups A[:B]  with --reuse: add the rollups of cases with id in (A, B] (a
 *                                         --no-rollups growth; disjoint ranges may run side by side)
 *   npm run bench -- --only-reads         skip intake and pgbench
 *   npm run bench -- --intake-seconds N   length of each intake run (default 20; smoke 3)
 *   npm run bench -- --only-catalogue     only the service catalogue search (5,000 items; smoke 500)
 *
 * For each backend and scale: build the city (demo geography, 26 departments), generate the cases
 * in bulk (bench/generate.ts), rebuild the evaluation rollups, then measure locate throughput,
 * indicator latency (a month, every department and street), the keyset-paged case list, report
 * intake over HTTP through a real server process (throughput, latency, RSS) and, on PostgreSQL,
 * the same intake writes through pgbench. Larger scales grow the same database (cases are
 * appended), so 10 M costs 9 M more cases, not 10 M again. Results: a table on stdout and
 * artifacts/bench.json; docs/benchmarks.md records them with the machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { migrate, openEmbedded, openPostgres, type Database } from '../src/db/index.js';
import type { DB } from '../src/db/schema.js';
import { GeographyIndex } from '../src/geography/index.js';
import { setupCity } from './city.js';
import { fitDistributions } from './distributions.js';
import { generateCases } from './generate.js';
import { intakeBodies, loadIntake, operatorToken, runPgbench, startServerProcess } from './intake.js';
import { lastMonth, listScenarios, measureIndicators, measureList } from './queries.js';
import { addRollupsOfCases } from '../src/evaluation/index.js';
import { progress, rebuildEvaluationRollups } from './rollups.js';
import { measureCatalogueSearch, seedCatalogue } from './catalogue.js';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const smoke = flag('--smoke');
const scales = (option('--scales') ?? (smoke ? '3000' : '1000000,10000000')).split(',').map(Number);
const pgliteCases = Number(option('--pglite-cases') ?? (smoke ? 1000 : 100_000));
const onlyIntake = flag('--only-intake');
const rollups = !flag('--no-rollups');
const rebuildOnReuse = flag('--rebuild-rollups');
/** --add-rollups A[:B]: with --reuse, add the rollups of the cases with id in (A, B] (after a --no-rollups growth). */
const addRollups = option('--add-rollups');
const onlyReads = flag('--only-reads');
const keep = flag('--keep');
const reuse = option('--reuse');
/** The generated present: a fixed instant, so every run builds the same history. */
const END = new Date('2026-11-27T00:00:00+08:00');
const MONTHS = 12;
const TIME_ZONE = 'Asia/Shanghai';
const intakeSeconds = Number(option('--intake-seconds') ?? (smoke ? 3 : 20));
const connections = 8;
const onlyCatalogue = flag('--only-catalogue');
const catalogueItems = smoke ? 500 : 5000;

interface Row {
  backend: string;
  cases: string;
  figure: string;
  value: string;
  target: string;
}
const rows: Row[] = [];
function record(backend: string, cases: number, figure: string, value: string, target = '') {
  const row = { backend, cases: cases.toLocaleString('en'), figure, value, target };
  rows.push(row);
  process.stderr.write(
    `  ${backend.padEnd(9)} ${row.cases.padStart(11)}  ${figure.padEnd(58)} ${value} ${target}\n`,
  );
}
const say = (message: string) => process.stderr.write(`${message}\n`);
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
const seconds = (n: number) => `${(n / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const check = (ok: boolean) => (ok ? '✔' : '✘');

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

async function measureLocate(label: string, cases: number, db: Kysely<DB>): Promise<void> {
  const index = new GeographyIndex(db);
  const started = performance.now();
  await index.fresh();
  record(label, cases, `build locate index (${index.gridCount} grids)`, ms(performance.now() - started));
  const [minLng, minLat, maxLng, maxLat] = [116.385, 39.855, 116.45, 39.975];
  const next = random(42);
  const count = smoke ? 20_000 : 500_000;
  const points = Array.from(
    { length: count },
    () => [minLng + next() * (maxLng - minLng), minLat + next() * (maxLat - minLat)] as const,
  );
  const t = performance.now();
  let hits = 0;
  for (const [lng, lat] of points) if (index.locateNow(lng, lat)) hits += 1;
  const rate = count / ((performance.now() - t) / 1000);
  record(
    label,
    cases,
    `locate in-process (${count.toLocaleString('en')} points, ${((hits / count) * 100).toFixed(0)} % inside)`,
    `${Math.round(rate).toLocaleString('en')} /s`,
    `≥ 20,000 /s ${check(rate >= 20_000)}`,
  );
}

async function measureIndicatorLatency(
  label: string,
  cases: number,
  db: Kysely<DB>,
  period: { from: Date; to: Date },
  indicatorTarget: number | null,
) {
  const indicators = await measureIndicators(db, period, smoke ? 2 : 5);
  record(
    label,
    cases,
    `indicators: a month, ${indicators.departments} departments + ${indicators.streets} streets (p50 / max of ${indicators.samples})`,
    `${ms(indicators.p50)} / ${ms(indicators.max)}`,
    indicatorTarget === null ? '' : `< ${indicatorTarget} ms ${check(indicators.p50 < indicatorTarget)}`,
  );
}

async function measureReads(label: string, cases: number, db: Kysely<DB>, indicatorTarget: number | null) {
  const period = lastMonth(END);
  // Without a rebuild after a bulk load the rollups lag the history: an indicator figure would measure nothing.
  if (rollups || rebuildOnReuse) await measureIndicatorLatency(label, cases, db, period, indicatorTarget);
  const scenarios = await listScenarios(db, period);
  const list = await measureList(db, scenarios, smoke ? 3 : 6, smoke ? 2 : 6);
  for (const s of list.byScenario)
    record(label, cases, `  list: ${s.name} (p50 / p95)`, `${ms(s.p50)} / ${ms(s.p95)}`);
  record(
    label,
    cases,
    `case list, keyset pages of 50 up to ${smoke ? 3 : 6} deep (p50 / p95 of ${list.all.samples})`,
    `${ms(list.all.p50)} / ${ms(list.all.p95)}`,
    cases >= 10_000_000 ? `p95 < 50 ms ${check(list.all.p95 < 50)}` : '',
  );
}

async function measureIntake(
  label: string,
  cases: number,
  db: Kysely<DB>,
  serverArgs: string[],
  beforeServer: () => Promise<void>,
): Promise<{ perSecond: number; userId: number }> {
  const { token, userId } = await operatorToken(db);
  const bodies = await intakeBodies(db, smoke ? 200 : 2000);
  await beforeServer();
  const server = await startServerProcess(serverArgs);
  let cpuStart = 0;
  try {
    const idle = server.rss().current;
    const result = await loadIntake(server.port, token, bodies, connections, intakeSeconds, 20, () => {
      cpuStart = server.cpuMs();
    });
    const cpu = server.cpuMs() - cpuStart;
    const rss = server.rss();
    if (result.failures > 0)
      throw new Error(
        `intake answered ${JSON.stringify(result.statuses)}; every report should be 201. First: ${result.firstFailure}`,
      );
    record(
      label,
      cases,
      `intake POST /api/v1/cases, ${connections} clients × ${intakeSeconds} s (${result.requests} reports)`,
      `${result.perSecond.toFixed(0)} /s`,
    );
    record(
      label,
      cases,
      '  intake latency p50 / p95 / p99',
      `${ms(result.p50)} / ${ms(result.p95)} / ${ms(result.p99)}`,
    );
    record(
      label,
      cases,
      '  server process CPU per report (user + system)',
      `${(cpu / result.requests).toFixed(1)} ms (${((cpu / 1000 / result.seconds) * 100).toFixed(0)} % of a core)`,
    );
    record(
      label,
      cases,
      'server RSS: idle / peak during intake',
      `${idle.toFixed(0)} / ${rss.peak.toFixed(0)} MB`,
    );
    return { perSecond: result.perSecond, userId };
  } finally {
    await server.stop();
  }
}

async function tableCounts(db: Kysely<DB>) {
  const r = await sql<{ grids: number; classes: number }>`
    select (select count(*) from bench_grids)::int as grids, (select count(*) from bench_classes)::int as classes`.execute(
    db,
  );
  return r.rows[0]!;
}

async function grow(
  label: string,
  database: Database,
  from: number,
  to: number,
  dist: ReturnType<typeof fitDistributions>,
) {
  if (to <= from) return;
  const report = await generateCases(database, dist, {
    cases: to - from,
    end: END,
    months: MONTHS,
    chunk: smoke ? 1000 : 250_000,
    say,
  });
  record(
    label,
    to,
    `generate ${(to - from).toLocaleString('en')} cases → ${report.events.toLocaleString('en')} events, ${report.clocks.toLocaleString('en')} clock rounds`,
    `${seconds(report.loadMs)} + indexes ${seconds(report.indexMs)}`,
  );
  if (report.bytes !== null) record(label, to, 'database size', mb(report.bytes));
  if (rollups) await rebuild(label, database, to);
}

async function rebuild(label: string, database: Database, cases: number) {
  const rebuilt = await rebuildEvaluationRollups(database.db, TIME_ZONE, say);
  record(
    label,
    cases,
    `rebuild evaluation rollups (${rebuilt.rows.toLocaleString('en')} rows)`,
    seconds(rebuilt.ms),
  );
}

async function catchUp(label: string, database: Database, cases: number, range: string) {
  const [afterId, upToId] = range.split(':').map((n) => (n === '' ? null : Number(n)));
  const started = performance.now();
  const report = await addRollupsOfCases(
    database.db,
    TIME_ZONE,
    { afterId: afterId ?? 0, upToId: upToId ?? null },
    { batchSize: 5000, onProgress: progress(started) },
  );
  record(
    label,
    cases,
    `add the rollups of ${report.cases.toLocaleString('en')} bulk-loaded cases (ids ${range})`,
    seconds(performance.now() - started),
  );
}

async function benchPglite(dist: ReturnType<typeof fitDistributions>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shuzhi-bench-pglite-'));
  const label = 'pglite';
  try {
    const database = await openEmbedded({ dataDir: dir });
    const started = performance.now();
    await setupCity(database, { small: smoke });
    record(
      label,
      0,
      'build the city (demo district, 26 departments, grids, components)',
      seconds(performance.now() - started),
    );
    await grow(label, database, 0, pgliteCases, dist);
    if (!onlyIntake) {
      await measureLocate(label, pgliteCases, database.db);
      await measureReads(label, pgliteCases, database.db, null);
    }
    await measureIntake(label, pgliteCases, database.db, ['--pglite', dir], async () => {
      await database.close();
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres(url: string, dist: ReturnType<typeof fitDistributions>): Promise<void> {
  const label = 'postgres';
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = reuse ?? `shuzhi_bench_${process.pid}`;
  if (!reuse) await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openPostgres({ connectionString: target.toString() });
  let dropped = false;
  try {
    let have = 0;
    if (reuse) {
      const n = await sql<{ n: number }>`select count(*)::bigint as n from cases`.execute(database.db);
      have = Number(n.rows[0]!.n);
      say(`Measuring the existing database ${name} (${have.toLocaleString('en')} cases).`);
      await migrate(database.db);
      if (rebuildOnReuse) await rebuild(label, database, have);
      if (addRollups) await catchUp(label, database, have, addRollups);
    } else {
      const started = performance.now();
      await setupCity(database, { small: smoke });
      record(
        label,
        0,
        'build the city (demo district, 26 departments, grids, components)',
        seconds(performance.now() - started),
      );
    }
    // With --reuse, explicit --scales grow the existing database to them; otherwise it is measured as it is.
    const list = reuse ? (option('--scales') ? scales.filter((n) => n >= have) : [have]) : scales;
    for (const [i, cases] of list.entries()) {
      await grow(label, database, have, cases, dist);
      have = Math.max(have, cases);
      if (i === 0 && !onlyIntake) await measureLocate(label, cases, database.db);
      const indicatorTarget = cases >= 10_000_000 ? 500 : cases >= 1_000_000 ? 200 : null;
      if (!onlyIntake) await measureReads(label, cases, database.db, indicatorTarget);
      if (onlyReads) continue;
      const http = await measureIntake(
        label,
        cases,
        database.db,
        ['--postgres', target.toString()],
        async () => {},
      );
      const counts = await tableCounts(database.db);
      const bench = runPgbench(target.toString(), http.userId, counts, connections, intakeSeconds);
      record(
        label,
        cases,
        `pgbench: the same intake writes, ${connections} clients × ${intakeSeconds} s`,
        `${bench.tps.toFixed(0)} /s (avg ${ms(bench.latencyMs)})`,
      );
      const ratio = http.perSecond / bench.tps;
      record(
        label,
        cases,
        'intake over HTTP ÷ pgbench',
        `${(ratio * 100).toFixed(0)} %`,
        `≥ 50 % ${check(ratio >= 0.5)}`,
      );
    }
  } finally {
    await database.close();
    if (!keep && !reuse) {
      await admin.query(`drop database if exists ${name} with (force)`);
      dropped = true;
    }
    await admin.end();
    if (!dropped) say(`Kept the database ${name}.`);
  }
}

/** Catalogue search on a fresh migrated database of each backend (issue #13 §6: p95 < 50 ms at 5,000 items). */
async function benchCatalogue(label: string, database: Database): Promise<void> {
  await migrate(database.db);
  const seeded = await seedCatalogue(database.db, catalogueItems);
  record(label, 0, `catalogue: seed ${catalogueItems.toLocaleString('en')} published items`, seconds(seeded));
  const result = await measureCatalogueSearch(database.db, smoke ? 3 : 20);
  record(
    label,
    0,
    `catalogue search, ${catalogueItems.toLocaleString('en')} items (p50 / p95 / max of ${result.samples})`,
    `${ms(result.p50)} / ${ms(result.p95)} / ${ms(result.max)}`,
    'p95 < 50 ms',
  );
}

async function benchCatalogueBackends(): Promise<void> {
  const embedded = await openEmbedded({});
  try {
    await benchCatalogue('pglite', embedded);
  } finally {
    await embedded.close();
  }
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = `shuzhi_bench_catalogue_${process.pid}`;
  await admin.query(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openPostgres({ connectionString: target.toString() });
  try {
    await benchCatalogue('postgres', database);
  } finally {
    await database.close();
    await admin.query(`drop database ${name}`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  const cpu = os.cpus();
  const header = `Shuzhi bench${smoke ? ' (smoke)' : ''} on ${cpu.length}× ${cpu[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load ${os.loadavg()[0]!.toFixed(1)}`;
  say(header);
  const dist = fitDistributions();
  say(
    `Distributions fitted to ${dist.source}: channels ${dist.channels.map(([c, s]) => `${c} ${(s * 100).toFixed(0)} %`).join(', ')}; median closure ${dist.closureHours[Math.floor(dist.closureHours.length / 2)]!.toFixed(1)} h.`,
  );
  const started = performance.now();
  await benchCatalogueBackends();
  const url = process.env.BENCH_DATABASE_URL;
  if (!onlyCatalogue) {
    if (pgliteCases > 0) await benchPglite(dist);
    if (url) await benchPostgres(url, dist);
  }
  if (!url) say('BENCH_DATABASE_URL is not set: PostgreSQL figures skipped.');
  say(`Done in ${seconds(performance.now() - started)}.`);
  fs.mkdirSync('artifacts', { recursive: true });
  fs.writeFileSync(
    'artifacts/bench.json',
    JSON.stringify({ smoke, at: new Date().toISOString(), header, rows }, null, 2),
  );
  console.log(`\n${header}\n\n| backend | cases | figure | value | target |\n|---|---:|---|---|---|`);
  for (const r of rows) console.log(`| ${r.backend} | ${r.cases} | ${r.figure} | ${r.value} | ${r.target} |`);
}

await main();
