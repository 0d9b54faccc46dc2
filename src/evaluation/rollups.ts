/**
 * The evaluation rollups kept as cases move. A case action calls `trackRollups` before it changes
 * anything and `settle` after its history event is written, in the same transaction: the
 * difference of the case's contributions (contributions.ts) is added to the daily rows. Nothing
 * else writes these tables except `rebuildRollups`, which recomputes them from the history.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { caseClocksForReporting, caseEventsForReporting, casesForReporting } from '../cases/index.js';
import type { DB } from '../db/schema.js';
import {
  accumulate,
  contributionsOf,
  difference,
  type CaseHistory,
  type Contributions,
  type HistoryClock,
  type HistoryEvent,
} from './contributions.js';
import './tables.js';
import { ACTOR_FACTS, CASE_FACTS } from './vocabulary.js';

type Db = Kysely<DB> | Transaction<DB>;

interface HistoryRow {
  id: number | string;
  source: string;
  classification_id: number;
  grid_code: string;
  community_code: string;
  street_code: string;
  status: string;
  closure_type: string | null;
  events: Array<{
    id: number | string;
    at: string;
    actor_id: number | null;
    action: string;
    from_status: string | null;
    to_status: string;
    changes: HistoryEvent['changes'];
  }> | null;
  clocks: Array<{ clock: string; round: number; started_at: string; due_at: string | null }> | null;
}

function historyOf(row: HistoryRow): CaseHistory {
  const events: HistoryEvent[] = (row.events ?? []).map((e) => ({
    id: Number(e.id),
    at: new Date(e.at),
    actorId: e.actor_id,
    action: e.action,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    changes: e.changes,
  }));
  events.sort((a, b) => a.id - b.id);
  const clocks: HistoryClock[] = (row.clocks ?? []).map((k) => ({
    clock: k.clock,
    round: k.round,
    startedAt: new Date(k.started_at),
    dueAt: k.due_at === null ? null : new Date(k.due_at),
  }));
  return {
    id: Number(row.id),
    source: row.source,
    classId: row.classification_id,
    gridCode: row.grid_code,
    communityCode: row.community_code,
    streetCode: row.street_code,
    status: row.status,
    closureType: row.closure_type,
    events,
    clocks,
  };
}

/** The histories of some cases, or of up to `limit` cases with id in (afterId, upToId]. */
export async function loadHistories(
  db: Db,
  which: { ids: readonly number[] } | { afterId: number; limit: number; upToId?: number | null },
): Promise<CaseHistory[]> {
  const filter =
    'ids' in which
      ? sql`c.id = any(${sql.val([...which.ids])}::bigint[]) order by c.id`
      : sql`c.id > ${which.afterId} ${
          which.upToId === undefined || which.upToId === null ? sql`` : sql`and c.id <= ${which.upToId}`
        } order by c.id limit ${which.limit}`;
  const result = await sql<HistoryRow>`
    select c.id, c.source, c.classification_id, c.grid_code, c.community_code, c.street_code, c.status,
      c.closure_type,
      (select json_agg(json_build_object('id', e.id, 'at', e.at, 'actor_id', e.actor_id, 'action', e.action,
          'from_status', e.from_status, 'to_status', e.to_status,
          'changes', json_build_object('department_id', e.changes->'department_id', 'clock', e.changes->'clock')))
        from ${caseEventsForReporting(db).as('e')} where e.case_id = c.id) as events,
      (select json_agg(json_build_object('clock', k.clock, 'round', k.round, 'started_at', k.started_at,
          'due_at', k.due_at))
        from ${caseClocksForReporting(db).as('k')} where k.case_id = c.id) as clocks
    from ${casesForReporting(db).as('c')} where ${filter}`.execute(db);
  return result.rows.map(historyOf);
}

async function contributionsOfCase(tx: Db, caseId: number, timeZone: string): Promise<Contributions> {
  const [history] = await loadHistories(tx, { ids: [caseId] });
  return history ? contributionsOf(history, timeZone) : new Map();
}

type S7 = [string, string, string, string, string, string, string];

function parseKey(key: string): string[] {
  return key.split('|');
}

type RollupRow = Record<string, number | string>;

/**
 * Contributions as rows of the three rollup tables (one row per key with a column per fact), each
 * list in key order so that two transactions touching the same rows lock them in the same order
 * (no deadlock).
 */
function rollupRows(contributions: Contributions): {
  cases: RollupRow[];
  actors: RollupRow[];
  hours: RollupRow[];
} {
  const caseRows = new Map<string, RollupRow>();
  const actorRows = new Map<string, RollupRow>();
  const hourRows = new Map<string, RollupRow>();
  for (const [key, n] of contributions) {
    if (n === 0) continue;
    const parts = parseKey(key);
    if (parts[0] === 'c') {
      const [, level, region, day, classId, department, fact] = parts as S7;
      const rowKey = `${level}|${day}|${region}|${classId.padStart(10, '0')}|${department.padStart(10, '0')}`;
      let row = caseRows.get(rowKey);
      if (!row) {
        row = {
          level,
          region_code: region,
          day,
          class_id: Number(classId),
          department_id: Number(department),
          ...Object.fromEntries(CASE_FACTS.map((f) => [f, 0])),
        };
        caseRows.set(rowKey, row);
      }
      row[fact] = (row[fact] as number) + n;
    } else if (parts[0] === 'a') {
      const [, actor, day, fact] = parts as [string, string, string, string];
      const rowKey = `${day}|${actor.padStart(10, '0')}`;
      let row = actorRows.get(rowKey);
      if (!row) {
        row = { actor_id: Number(actor), day, ...Object.fromEntries(ACTOR_FACTS.map((f) => [f, 0])) };
        actorRows.set(rowKey, row);
      }
      row[fact] = (row[fact] as number) + n;
    } else {
      const [, level, region, day, hour, classId, department] = parts as S7;
      const rowKey = `${level}|${day}|${region}|${hour.padStart(2, '0')}|${classId.padStart(10, '0')}|${department.padStart(10, '0')}`;
      let row = hourRows.get(rowKey);
      if (!row) {
        row = {
          level,
          region_code: region,
          day,
          hour: Number(hour),
          class_id: Number(classId),
          department_id: Number(department),
          reported: 0,
        };
        hourRows.set(rowKey, row);
      }
      row.reported = (row.reported as number) + n;
    }
  }
  const sorted = (rows: Map<string, RollupRow>) =>
    [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  return { cases: sorted(caseRows), actors: sorted(actorRows), hours: sorted(hourRows) };
}

const CASE_KEY = ['level', 'region_code', 'day', 'class_id', 'department_id'] as const;
const ACTOR_KEY = ['actor_id', 'day'] as const;
const HOUR_KEY = ['level', 'region_code', 'day', 'hour', 'class_id', 'department_id'] as const;
const HOUR_FACTS = ['reported'] as const;

/** Adds contributions to the rollup tables: one upsert per table and 500 rows. */
export async function addToRollups(tx: Db, contributions: Contributions): Promise<void> {
  const rows = rollupRows(contributions);
  const increments = (table: string, facts: readonly string[]) =>
    Object.fromEntries(facts.map((f) => [f, sql`${sql.ref(`${table}.${f}`)} + excluded.${sql.ref(f)}`]));
  for (const chunk of chunks(rows.cases, 500)) {
    await tx
      .insertInto('eval_case_rollups')
      .values(chunk as never)
      .onConflict((oc) => oc.columns([...CASE_KEY]).doUpdateSet(increments('eval_case_rollups', CASE_FACTS)))
      .execute();
  }
  for (const chunk of chunks(rows.actors, 500)) {
    await tx
      .insertInto('eval_actor_rollups')
      .values(chunk as never)
      .onConflict((oc) =>
        oc.columns([...ACTOR_KEY]).doUpdateSet(increments('eval_actor_rollups', ACTOR_FACTS)),
      )
      .execute();
  }
  for (const chunk of chunks(rows.hours, 500)) {
    await tx
      .insertInto('eval_hour_rollups')
      .values(chunk as never)
      .onConflict((oc) => oc.columns([...HOUR_KEY]).doUpdateSet(increments('eval_hour_rollups', HOUR_FACTS)))
      .execute();
  }
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface RollupTracker {
  /** Adds the case's change since `trackRollups` to the rollups. Call once, after the event is written. */
  settle(): Promise<void>;
  /**
   * `settle` in two steps: reads the case's change now and returns the write, so a caller can
   * put the write (which locks shared daily rows until commit) at the end of its transaction.
   */
  prepare(): Promise<() => Promise<void>>;
}

/**
 * The hook of the case loop (src/cases/service.ts, sweep.ts): remembers what the case contributes
 * now; `settle()` adds the difference after the action. A new case: call it after the insert
 * with `isNew` (nothing before).
 */
export async function trackRollups(
  tx: Transaction<DB>,
  caseId: number,
  timeZone: string,
  isNew = false,
): Promise<RollupTracker> {
  const before = isNew ? new Map<string, number>() : await contributionsOfCase(tx, caseId, timeZone);
  const prepare = async () => {
    const delta = difference(before, await contributionsOfCase(tx, caseId, timeZone));
    return async () => {
      if (delta.size > 0) await addToRollups(tx, delta);
    };
  };
  return {
    async settle() {
      await (
        await prepare()
      )();
    },
    prepare,
  };
}

/** The contributions of every case, computed from the history (for checks; holds all in memory). */
export async function recomputeAll(db: Db, timeZone: string, batchSize = 1000): Promise<Contributions> {
  const total: Contributions = new Map();
  let afterId = 0;
  for (;;) {
    const batch = await loadHistories(db, { afterId, limit: batchSize });
    if (batch.length === 0) break;
    for (const history of batch) accumulate(total, contributionsOf(history, timeZone));
    afterId = batch[batch.length - 1]!.id;
  }
  for (const [key, n] of total) if (n === 0) total.delete(key);
  return total;
}

/** What the rollup tables hold, in the same keys (zeros left out). */
export async function storedRollups(db: Db): Promise<Contributions> {
  const out: Contributions = new Map();
  const put = (key: string, n: number) => {
    if (n !== 0) out.set(key, n);
  };
  const cases = await sql<
    Record<string, string | number>
  >`select *, day::text as day from eval_case_rollups`.execute(db);
  for (const row of cases.rows)
    for (const fact of CASE_FACTS)
      put(
        `c|${row.level}|${row.region_code}|${row.day}|${row.class_id}|${row.department_id}|${fact}`,
        Number(row[fact]),
      );
  const actors = await sql<
    Record<string, string | number>
  >`select *, day::text as day from eval_actor_rollups`.execute(db);
  for (const row of actors.rows)
    for (const fact of ACTOR_FACTS) put(`a|${row.actor_id}|${row.day}|${fact}`, Number(row[fact]));
  const hours = await sql<
    Record<string, string | number>
  >`select *, day::text as day from eval_hour_rollups`.execute(db);
  for (const row of hours.rows)
    put(
      `h|${row.level}|${row.region_code}|${row.day}|${row.hour}|${row.class_id}|${row.department_id}`,
      Number(row.reported),
    );
  return out;
}

export interface RebuildReport {
  cases: number;
  rows: { cases: number; actors: number; hours: number };
}

type RollupTable = 'eval_case_rollups' | 'eval_actor_rollups' | 'eval_hour_rollups';

/** Each rollup table with its staging table, key, facts and primary-key order (migration 0010). */
const TABLES: Array<{
  table: RollupTable;
  stage: string;
  key: readonly string[];
  facts: readonly string[];
  order: readonly string[];
}> = [
  {
    table: 'eval_case_rollups',
    stage: 'stage_case_rollups',
    key: CASE_KEY,
    facts: CASE_FACTS,
    order: ['level', 'day', 'region_code', 'class_id', 'department_id'],
  },
  {
    table: 'eval_actor_rollups',
    stage: 'stage_actor_rollups',
    key: ACTOR_KEY,
    facts: ACTOR_FACTS,
    order: ['day', 'actor_id'],
  },
  {
    table: 'eval_hour_rollups',
    stage: 'stage_hour_rollups',
    key: HOUR_KEY,
    facts: HOUR_FACTS,
    order: ['level', 'day', 'region_code', 'hour', 'class_id', 'department_id'],
  },
];

const SQL_TYPES: Record<string, string> = { level: 'text', region_code: 'text', day: 'date' };

/** Appends rows to a staging table with one statement: a column array each, through `unnest`. */
async function stage(
  tx: Db,
  stageTable: string,
  columns: readonly string[],
  rows: RollupRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map(
    (column) => sql`${rows.map((row) => row[column])}::${sql.raw(SQL_TYPES[column] ?? 'int')}[]`,
  );
  await sql`insert into ${sql.table(stageTable)} (${sql.join(columns.map((c) => sql.ref(c)))})
    select * from unnest(${sql.join(arrays)})`.execute(tx);
}

interface BulkOptions {
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * The bulk path: the contributions of the cases with id in (afterId, upToId], read in id batches
 * (the next batch is read while this one is computed) through the same `contributionsOf` as the
 * incremental path, each batch's rows appended to temporary staging tables with one `unnest`
 * insert per table, then one `insert … select … group by` per rollup table — added to the rows
 * there (`add`) or into empty tables. Returns the number of cases read.
 */
async function writeInBulk(
  tx: Transaction<DB>,
  timeZone: string,
  range: { afterId: number; upToId: number | null },
  add: boolean,
  options: BulkOptions,
): Promise<number> {
  const batchSize = options.batchSize ?? 5000;
  for (const { table, stage: stageTable } of TABLES)
    await sql`create temp table ${sql.table(stageTable)} (like ${sql.table(table)}) on commit drop`.execute(
      tx,
    );
  const upTo = range.upToId === null ? sql`true` : sql`id <= ${range.upToId}`;
  const cases = casesForReporting(tx).as('c');
  const counted = await sql<{ n: number }>`
    select count(*)::int as n from ${cases} where id > ${range.afterId} and ${upTo}`.execute(tx);
  const total = Number(counted.rows[0]?.n ?? 0);
  const load = (afterId: number) => loadHistories(tx, { afterId, limit: batchSize, upToId: range.upToId });
  let done = 0;
  let next = load(range.afterId);
  for (;;) {
    const batch = await next;
    if (batch.length === 0) break;
    next = load(batch[batch.length - 1]!.id);
    const sum: Contributions = new Map();
    for (const history of batch) contributionsOf(history, timeZone, sum);
    const rows = rollupRows(sum);
    const byTable = {
      eval_case_rollups: rows.cases,
      eval_actor_rollups: rows.actors,
      eval_hour_rollups: rows.hours,
    };
    for (const { table, stage: stageTable, key, facts } of TABLES)
      await stage(tx, stageTable, [...key, ...facts], byTable[table]);
    done += batch.length;
    options.onProgress?.(done, total);
  }
  // Rows split over batches (a case's later events) are summed here; all-zero sums are left out.
  // Written in primary-key order, so a period of one level is contiguous on disk: a month of
  // street rows at 1 M cases is ~500 pages instead of ~17,500 scattered ones (126 → 7.5 ms).
  for (const { table, stage: stageTable, key, facts, order } of TABLES) {
    const keys = sql.join(key.map((c) => sql.ref(c)));
    const onConflict = add
      ? sql`on conflict (${keys}) do update set ${sql.join(
          facts.map((f) => sql`${sql.ref(f)} = ${sql.table(table)}.${sql.ref(f)} + excluded.${sql.ref(f)}`),
        )}`
      : sql``;
    await sql`insert into ${sql.table(table)} (${keys}, ${sql.join(facts.map((f) => sql.ref(f)))})
      select ${keys}, ${sql.join(facts.map((f) => sql`sum(${sql.ref(f)})::int`))} from ${sql.table(stageTable)}
      group by ${keys} having ${sql.join(
        facts.map((f) => sql`sum(${sql.ref(f)}) <> 0`),
        sql` or `,
      )}
      order by ${sql.join(order.map((c) => sql.ref(c)))} ${onConflict}`.execute(tx);
  }
  await sql`analyze eval_case_rollups, eval_actor_rollups, eval_hour_rollups`.execute(tx);
  return done;
}

async function rollupRowCounts(db: Db): Promise<RebuildReport['rows']> {
  const count = async (table: RollupTable) =>
    Number(
      (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db)).rows[0]?.n,
    );
  return {
    cases: await count('eval_case_rollups'),
    actors: await count('eval_actor_rollups'),
    hours: await count('eval_hour_rollups'),
  };
}

/**
 * Recomputes every rollup from the history in one transaction (the bulk path above). The tables
 * are locked for its duration, so a case action running meanwhile adds its difference after the
 * rebuild commits.
 */
export async function rebuildRollups(
  db: Kysely<DB>,
  timeZone: string,
  options: BulkOptions = {},
): Promise<RebuildReport> {
  return db.transaction().execute(async (tx) => {
    await sql`lock table eval_case_rollups, eval_actor_rollups, eval_hour_rollups in exclusive mode`.execute(
      tx,
    );
    await sql`delete from eval_case_rollups`.execute(tx);
    await sql`delete from eval_actor_rollups`.execute(tx);
    await sql`delete from eval_hour_rollups`.execute(tx);
    const cases = await writeInBulk(tx, timeZone, { afterId: 0, upToId: null }, false, options);
    return { cases, rows: await rollupRowCounts(tx) };
  });
}

/**
 * Adds the contributions of the cases with id in (afterId, upToId] — cases written by a bulk load
 * that bypassed the case service, which the rollups do not count yet (counting a case twice is
 * the caller's error; `rollups check` finds it). Disjoint ranges may run side by side.
 */
export async function addRollupsOfCases(
  db: Kysely<DB>,
  timeZone: string,
  range: { afterId: number; upToId?: number | null },
  options: BulkOptions = {},
): Promise<RebuildReport> {
  return db.transaction().execute(async (tx) => {
    const cases = await writeInBulk(
      tx,
      timeZone,
      { afterId: range.afterId, upToId: range.upToId ?? null },
      true,
      options,
    );
    return { cases, rows: await rollupRowCounts(tx) };
  });
}
