/**
 * Base counts (基础数据) of every subject of one kind over a period of local days [from, to), read
 * from the rollups (never from the history): O(subjects × days) rows. The counts themselves are
 * defined once, in contributions.ts; docs/domain/evaluation.md lists them with their sources.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../db/schema.js';
import { regionsForReporting } from '../geography/index.js';
import { staffForReporting, staffRegionsForReporting } from '../identity/index.js';
import { deriveFacts, type Facts } from './scoring.js';
import {
  ACTOR_FACTS,
  CASE_FACTS,
  FACT_KEYS,
  isRegionKind,
  type PersonKind,
  type RegionKind,
  type SubjectKind,
} from './vocabulary.js';
import './tables.js';

/** A period of local days: `from` inclusive, `to` exclusive (YYYY-MM-DD). */
export interface DayPeriod {
  from: string;
  to: string;
}

/** Optional narrowing of case facts. */
export interface CaseFilter {
  classId?: number;
  /** Only rows under any of these region codes (any level; a district code covers its streets). An empty list matches nothing. */
  regionCodes?: readonly string[];
  departmentId?: number;
}

export function emptyFacts(): Facts {
  return Object.fromEntries(FACT_KEYS.map((k) => [k, 0])) as Facts;
}

const sums = (facts: readonly string[]) =>
  sql.join(facts.map((f) => sql`coalesce(sum(${sql.ref(f)}), 0)::bigint as ${sql.ref(f)}`));

/** Rows whose region code lies under any of the codes (none: no row). */
export function regionMatch(codes: readonly string[], column = 'region_code'): RawBuilder<unknown> {
  if (codes.length === 0) return sql`false`;
  return sql`(${sql.join(
    codes.map((code) => sql`${sql.ref(column)} like ${`${code}%`}`),
    sql` or `,
  )})`;
}

/** The level of rollup rows to read for a subject kind, narrowed to a region if asked. */
export function caseRowsWhere(level: RegionKind, period: DayPeriod, filter: CaseFilter): RawBuilder<unknown> {
  const parts = [sql`level = ${level}`, sql`day >= ${period.from}::date`, sql`day < ${period.to}::date`];
  if (filter.classId !== undefined) parts.push(sql`class_id = ${filter.classId}`);
  if (filter.departmentId !== undefined) parts.push(sql`department_id = ${filter.departmentId}`);
  if (filter.regionCodes !== undefined) parts.push(regionMatch(filter.regionCodes));
  return sql.join(parts, sql` and `);
}

/**
 * The case rollup rows (eval_case_rollups) of a level over a period, narrowed by the filter: a
 * read relation that analytics aggregates in its own statement (aliased, `.as('r')`); PostgreSQL
 * inlines it, so the plan is the one of the table's own rows.
 */
export function caseRollupRows(db: Kysely<DB>, level: RegionKind, period: DayPeriod, filter: CaseFilter) {
  return db
    .selectFrom('eval_case_rollups')
    .selectAll()
    .where(sql<boolean>`${caseRowsWhere(level, period, filter)}`);
}

/** The hourly report rollup rows (eval_hour_rollups) of a level over a period, narrowed by the filter. */
export function hourRollupRows(db: Kysely<DB>, level: RegionKind, period: DayPeriod, filter: CaseFilter) {
  return db
    .selectFrom('eval_hour_rollups')
    .selectAll()
    .where(sql<boolean>`${caseRowsWhere(level, period, filter)}`);
}

function toFacts(row: Record<string, unknown>, keys: readonly string[]): Facts {
  const facts = emptyFacts();
  for (const key of keys) facts[key as keyof Facts] = Number(row[key] ?? 0);
  return facts;
}

/** Case facts of every department (the street rows of the period, grouped by department). */
async function departmentFacts(db: Kysely<DB>, period: DayPeriod, filter: CaseFilter) {
  const rows = await sql<Record<string, unknown>>`
    select department_id::text as subject, ${sums(CASE_FACTS)}
    from eval_case_rollups where ${caseRowsWhere('street', period, filter)} and department_id <> 0
    group by department_id`.execute(db);
  return new Map(rows.rows.map((r) => [String(r.subject), toFacts(r, CASE_FACTS)]));
}

/** Case facts of every region of a level, with its unit grids and area. */
async function regionFacts(db: Kysely<DB>, kind: RegionKind, period: DayPeriod, filter: CaseFilter) {
  const rows = await sql<Record<string, unknown>>`
    select region_code as subject, ${sums(CASE_FACTS)}
    from eval_case_rollups where ${caseRowsWhere(kind, period, filter)}
    group by region_code`.execute(db);
  const result = new Map(rows.rows.map((r) => [String(r.subject), toFacts(r, CASE_FACTS)]));
  // Unit grids under each region, counted by code prefix in memory (one pass over the grid codes).
  const [own, grids] = await Promise.all([
    db
      .selectFrom(regionsForReporting(db).as('g'))
      .select(['g.code', 'g.area_m2'])
      .where('g.level', '=', kind)
      .execute(),
    db.selectFrom(regionsForReporting(db).as('g')).select('g.code').where('g.level', '=', 'grid').execute(),
  ]);
  const lengths = [...new Set(own.map((r) => r.code.length))];
  const gridCount = new Map<string, number>();
  for (const grid of grids)
    for (const length of lengths) {
      const prefix = grid.code.slice(0, length);
      gridCount.set(prefix, (gridCount.get(prefix) ?? 0) + 1);
    }
  for (const region of own) {
    let facts = result.get(region.code);
    if (!facts) {
      facts = emptyFacts();
      result.set(region.code, facts);
    }
    facts.grids = gridCount.get(region.code) ?? 0;
    facts.area_km2 = Number(region.area_m2) / 1e6;
  }
  return result;
}

/** Actor facts of every person, with the filings in an inspector's own grids (for 漏报率). */
async function personFacts(db: Kysely<DB>, kind: PersonKind, period: DayPeriod) {
  const rows = await sql<Record<string, unknown>>`
    select actor_id::text as subject, ${sums(ACTOR_FACTS)}
    from eval_actor_rollups where day >= ${period.from}::date and day < ${period.to}::date
    group by actor_id`.execute(db);
  const result = new Map(rows.rows.map((r) => [String(r.subject), toFacts(r, ACTOR_FACTS)]));
  const factsOf = (subject: string) => {
    let facts = result.get(subject);
    if (!facts) {
      facts = emptyFacts();
      result.set(subject, facts);
    }
    return facts;
  };
  if (kind === 'inspector') {
    // The filings in each inspector's regions (a region inside another of theirs is not counted twice).
    const grids = await sql<{ subject: string; filed: number; by_others: number }>`
      select ur.user_id::text as subject, coalesce(sum(r.filed), 0)::bigint as filed,
        coalesce(sum(r.filed_by_others), 0)::bigint as by_others
      from ${staffForReporting(db).as('u')}
      join ${staffRegionsForReporting(db).as('ur')} on ur.user_id = u.id
      join ${regionsForReporting(db).as('g')} on g.code = ur.region_code
      join eval_case_rollups r on r.day >= ${period.from}::date and r.day < ${period.to}::date and (
        (g.level <> 'district' and r.level = g.level and r.region_code = g.code)
        or (g.level = 'district' and r.level = 'street' and r.region_code like g.code || '%'))
      where u.role = 'inspector'
        and not exists (select 1 from ${staffRegionsForReporting(db).as('o')} where o.user_id = ur.user_id
          and o.region_code <> ur.region_code and ur.region_code like o.region_code || '%')
      group by ur.user_id`.execute(db);
    for (const row of grids.rows) {
      const facts = factsOf(row.subject);
      facts.grid_filed = Number(row.filed);
      facts.grid_filed_by_others = Number(row.by_others);
    }
  }
  for (const facts of result.values()) deriveFacts(facts);
  return result;
}

/** The base counts of every subject of a kind that has any, keyed by subject (id or region code). */
export async function computeFacts(
  db: Kysely<DB>,
  kind: SubjectKind,
  period: DayPeriod,
  filter: CaseFilter = {},
): Promise<Map<string, Facts>> {
  if (kind === 'department') return departmentFacts(db, period, filter);
  if (isRegionKind(kind)) return regionFacts(db, kind, period, filter);
  return personFacts(db, kind, period);
}
