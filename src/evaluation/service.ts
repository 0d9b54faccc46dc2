/**
 * Evaluation (综合评价) of departments, places and people for a period of local days: rolled-up
 * facts → indicator values → scores → weighted composite → grade → rank, compared with the
 * previous month or year, and the drill-down from any count to the cases behind it.
 */
import { sql, type Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { caseEventsForReporting, casesForReporting } from '../cases/index.js';
import { classesForReporting } from '../classification/index.js';
import type { DB } from '../db/schema.js';
import { departmentsForReporting } from '../departments/index.js';
import { regionsForReporting } from '../geography/index.js';
import { staffForReporting, staffRegionsForReporting } from '../identity/index.js';
import { validationError } from '../shared/errors.js';
import { contributionsOf } from './contributions.js';
import { computeFacts, emptyFacts, type CaseFilter, type DayPeriod } from './facts.js';
import { loadProfiles } from './profiles.js';
import { loadHistories } from './rollups.js';
import { applyProfile, type Facts, type ItemResult, type Profile } from './scoring.js';
import {
  ACTOR_FACTS,
  CASE_FACTS,
  FACT_KEYS,
  isPersonKind,
  isRegionKind,
  profileObjectOf,
  type Comparison,
  type FactKey,
  type Grade,
  type PersonKind,
  type SubjectKind,
} from './vocabulary.js';

export interface EvaluateRequest {
  object: SubjectKind;
  /** Local days YYYY-MM-DD, `to` exclusive; an instant is taken as its local day in `timeZone`. */
  from: string | Date;
  to: string | Date;
  /** For instants given as `from`/`to`; defaults to Asia/Shanghai. */
  timeZone?: string;
  /** Defaults to the national profile of the object. */
  profileKey?: string;
  /** Departments and places only: one class. */
  classId?: number;
  /** 环比 (previous month) or 同比 (same period a year before). */
  compare?: Comparison;
}

export interface EvaluationRow {
  /** Department or user id (as text) or region code. */
  subject: string;
  name: string;
  /**
   * The subject's public code for printed reports: a department's 统一社会信用代码, a region's
   * division or grid code; null for people and for a department without one (never an internal id).
   */
  code: string | null;
  facts: Partial<Facts>;
  items: ItemResult[];
  composite: number | null;
  grade: Grade | null;
  /** 1 = best; ties share a rank (1, 1, 3); null without a composite. */
  rank: number | null;
  previous?: { composite: number | null; grade: Grade | null; rank: number | null };
  /** composite − previous composite. */
  change?: number | null;
}

export interface Evaluation {
  profile: { key: string; name: string };
  object: SubjectKind;
  from: string;
  to: string;
  compare: { kind: Comparison; from: string; to: string } | null;
  rows: EvaluationRow[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a period of local days and returns it. */
export function checkPeriod(period: DayPeriod): DayPeriod {
  for (const field of ['from', 'to'] as const) {
    if (!DAY.test(period[field]) || !DateTime.fromISO(period[field]).isValid)
      throw validationError([{ field: `querystring.${field}`, reason: 'must be a date YYYY-MM-DD' }]);
  }
  if (period.from >= period.to)
    throw validationError([{ field: 'querystring.from', reason: 'must be before to (to is exclusive)' }]);
  if (DateTime.fromISO(period.to).diff(DateTime.fromISO(period.from), 'days').days > 3 * 366)
    throw validationError([{ field: 'querystring.to', reason: 'a period spans at most three years' }]);
  return period;
}

/** The period a comparison looks at: a month back (环比) or a year back (同比). */
export function previousPeriod(period: DayPeriod, compare: Comparison): DayPeriod {
  const shift = compare === 'mom' ? { months: 1 } : { years: 1 };
  const back = (d: string) => DateTime.fromISO(d).minus(shift).toISODate()!;
  return { from: back(period.from), to: back(period.to) };
}

async function profileFor(db: Kysely<DB>, kind: SubjectKind, key: string | undefined): Promise<Profile> {
  const wanted = profileObjectOf(kind);
  const profiles = await loadProfiles(db);
  if (key === undefined) {
    const own = [...profiles.values()].find(
      (p) => p.profile.object === wanted && p.profile.origin === 'national',
    );
    return own!.profile;
  }
  const found = profiles.get(key)?.profile;
  if (!found || found.object !== wanted)
    throw validationError([{ field: 'querystring.profileKey', reason: `no ${wanted} profile ${key}` }]);
  return found;
}

const PERSON_ROLE: Record<PersonKind, { role: string; position: string | null }> = {
  inspector: { role: 'inspector', position: null },
  operator: { role: 'supervisor', position: 'operator' },
  shift_lead: { role: 'supervisor', position: 'shift_lead' },
  dispatcher: { role: 'dispatcher', position: null },
};

interface Subject {
  key: string;
  name: string;
  code: string | null;
}

/** Every subject of a kind: active departments, the regions of a level, active staff of a post. */
export async function subjectsOf(db: Kysely<DB>, kind: SubjectKind): Promise<Subject[]> {
  if (kind === 'department') {
    const rows = await db
      .selectFrom(departmentsForReporting(db).as('d'))
      .select(['d.id', 'd.name', 'd.credit_code'])
      .where('d.active', '=', true)
      .orderBy('d.id')
      .execute();
    return rows.map((r) => ({ key: String(r.id), name: r.name, code: r.credit_code }));
  }
  if (isRegionKind(kind)) {
    const rows = await db
      .selectFrom(regionsForReporting(db).as('g'))
      .select(['g.code', 'g.name'])
      .where('g.level', '=', kind)
      .orderBy('g.code')
      .execute();
    return rows.map((r) => ({ key: r.code, name: r.name, code: r.code }));
  }
  const { role, position } = PERSON_ROLE[kind];
  let query = db
    .selectFrom(staffForReporting(db).as('u'))
    .select(['u.id', 'u.display_name'])
    .where('u.role', '=', role as never)
    .where('u.active', '=', true);
  if (position !== null) query = query.where('u.position', '=', position as never);
  const rows = await query.orderBy('u.id').execute();
  return rows.map((r) => ({ key: String(r.id), name: r.display_name, code: null }));
}

/** The facts shown for a kind of subject. */
export function factKeysOf(kind: SubjectKind): FactKey[] {
  if (kind === 'department') return [...CASE_FACTS];
  if (isRegionKind(kind)) return [...CASE_FACTS, 'grids', 'area_km2'];
  const own: FactKey[] = [...ACTOR_FACTS, 'filings_kept', 'dispatches_accurate'];
  return kind === 'inspector' ? [...own, 'grid_filed', 'grid_filed_by_others'] : own;
}

/** Competition ranking by composite, best first; subjects without a composite get no rank. */
export function rank<T extends { composite: number | null; rank: number | null }>(rows: T[]): T[] {
  const scored = rows.filter((r) => r.composite !== null).sort((a, b) => b.composite! - a.composite!);
  scored.forEach((row, i) => {
    const previous = scored[i - 1];
    row.rank = previous && previous.composite === row.composite ? previous.rank : i + 1;
  });
  const unscored = rows.filter((r) => r.composite === null);
  return [...scored, ...unscored];
}

async function scoreAll(
  db: Kysely<DB>,
  kind: SubjectKind,
  period: DayPeriod,
  profile: Profile,
  filter: CaseFilter,
  subjects: Subject[],
): Promise<EvaluationRow[]> {
  const facts = await computeFacts(db, kind, period, filter);
  const keys = factKeysOf(kind);
  const rows = subjects.map((subject) => {
    const own = facts.get(subject.key) ?? emptyFacts();
    const shown = Object.fromEntries(keys.map((k) => [k, own[k]])) as Partial<Facts>;
    return {
      subject: subject.key,
      name: subject.name,
      code: subject.code,
      facts: shown,
      ...applyProfile(profile, own),
      rank: null,
    };
  });
  return rank(rows);
}

/** Evaluates every subject of a kind over a period (ranked among all of them). */
export async function evaluate(db: Kysely<DB>, request: EvaluateRequest): Promise<Evaluation> {
  const zone = request.timeZone ?? 'Asia/Shanghai';
  const asDay = (d: string | Date) =>
    typeof d === 'string' ? d : (DateTime.fromJSDate(d, { zone }).toISODate() ?? 'invalid');
  const period = checkPeriod({ from: asDay(request.from), to: asDay(request.to) });
  if (request.classId !== undefined && isPersonKind(request.object))
    throw validationError([
      { field: 'querystring.classId', reason: 'people are evaluated over every class' },
    ]);
  const profile = await profileFor(db, request.object, request.profileKey);
  const filter: CaseFilter = request.classId !== undefined ? { classId: request.classId } : {};
  const subjects = await subjectsOf(db, request.object);
  const rows = await scoreAll(db, request.object, period, profile, filter, subjects);
  let compare: Evaluation['compare'] = null;
  if (request.compare) {
    const before = previousPeriod(period, request.compare);
    compare = { kind: request.compare, ...before };
    const previous = new Map(
      (await scoreAll(db, request.object, before, profile, filter, subjects)).map((r) => [r.subject, r]),
    );
    for (const row of rows) {
      const p = previous.get(row.subject);
      row.previous = { composite: p?.composite ?? null, grade: p?.grade ?? null, rank: p?.rank ?? null };
      row.change =
        row.composite === null || p?.composite == null
          ? null
          : Math.round((row.composite - p.composite) * 100) / 100;
    }
  }
  return {
    profile: { key: profile.key, name: profile.name },
    object: request.object,
    ...period,
    compare,
    rows,
  };
}

/**
 * 制表单位 of printed reports: the district the instance serves (its one district region). Null
 * before any district is loaded.
 */
export async function reportOrganisation(db: Kysely<DB>): Promise<string | null> {
  const row = await db
    .selectFrom(regionsForReporting(db).as('g'))
    .select('g.name')
    .where('g.level', '=', 'district')
    .orderBy('g.code')
    .executeTakeFirst();
  return row?.name ?? null;
}

// ── Drill-down ─────────────────────────────────────────────────────────────────────────────

export interface DrillDownRequest extends DayPeriod {
  object: SubjectKind;
  /** Department or user id, or region code. */
  subject: string;
  fact: FactKey;
  classId?: number;
}

export interface CaseSummary {
  id: number;
  number: string;
  className: string;
  status: string;
  gridCode: string;
  departmentName: string | null;
  reportedAt: Date;
}

/** Facts with no cases behind them, and derived facts drilled through the fact they come from. */
const DRILL_AS: Partial<Record<FactKey, FactKey | null>> = {
  grids: null,
  area_km2: null,
  filings_kept: 'filings',
  dispatches_accurate: 'dispatches',
  grid_filed: 'filed',
  grid_filed_by_others: 'filed_by_others',
};

/** At most this many cases are examined for one drill-down. */
export const DRILL_DOWN_LIMIT = 20_000;

/** The cases behind one count of one subject, computed from their histories with the rollups' own definition. */
export async function drillDown(
  db: Kysely<DB>,
  request: DrillDownRequest,
  timeZone: string,
): Promise<CaseSummary[]> {
  const period = checkPeriod({ from: request.from, to: request.to });
  if (!(FACT_KEYS as readonly string[]).includes(request.fact))
    throw validationError([{ field: 'querystring.fact', reason: `no fact ${request.fact}` }]);
  const fact = request.fact in DRILL_AS ? DRILL_AS[request.fact] : request.fact;
  if (fact === null || fact === undefined)
    throw validationError([{ field: 'querystring.fact', reason: `${request.fact} is not a count of cases` }]);
  const person = isPersonKind(request.object);
  const isActorFact = (ACTOR_FACTS as readonly string[]).includes(fact);
  if (person !== isActorFact && !(request.object === 'inspector' && request.fact.startsWith('grid_')))
    throw validationError([
      { field: 'querystring.fact', reason: `${request.fact} is not a fact of a ${request.object}` },
    ]);
  const start = DateTime.fromISO(period.from, { zone: timeZone }).toJSDate();
  const end = DateTime.fromISO(period.to, { zone: timeZone }).toJSDate();
  const subject = request.subject;
  const events = (alias: string) => caseEventsForReporting(db).as(alias);
  const inWindow = sql`exists (select 1 from ${events('w')} where w.case_id = c.id
    and w.at >= ${start}::timestamptz and w.at < ${end}::timestamptz)`;
  let regionPrefixes: string[] = [];
  let where;
  if (request.object === 'department') {
    where = sql`${inWindow} and (c.department_id = ${Number(subject)} or exists (select 1 from ${events('d')}
      where d.case_id = c.id and (d.changes->'department_id'->>'after' = ${subject}
        or d.changes->'department_id'->>'before' = ${subject})))`;
  } else if (isRegionKind(request.object)) {
    regionPrefixes = [subject];
    where = sql`${inWindow} and c.grid_code like ${`${subject}%`}`;
  } else if (!isActorFact) {
    const codes = await db
      .selectFrom(staffRegionsForReporting(db).as('ur'))
      .select('ur.region_code')
      .where('ur.user_id', '=', Number(subject))
      .execute();
    regionPrefixes = codes.map((c) => c.region_code);
    if (regionPrefixes.length === 0) return [];
    where = sql`${inWindow} and (${sql.join(
      regionPrefixes.map((p) => sql`c.grid_code like ${`${p}%`}`),
      sql` or `,
    )})`;
  } else {
    where = sql`exists (select 1 from ${events('w')} where w.case_id = c.id and w.actor_id = ${Number(subject)}
      and w.at >= ${start}::timestamptz and w.at < ${end}::timestamptz)`;
  }
  const cases = casesForReporting(db).as('c');
  const candidates = await sql<{ id: number }>`
    select c.id from ${cases} where ${where} order by c.id limit ${DRILL_DOWN_LIMIT}`.execute(db);
  const ids = candidates.rows.map((r) => Number(r.id));
  const matches = (key: string): boolean => {
    const parts = key.split('|');
    if (isActorFact) {
      const [, actor, day, f] = parts;
      return actor === subject && f === fact && day! >= period.from && day! < period.to;
    }
    if (parts[0] !== 'c') return false;
    const [, level, region, day, classId, department, f] = parts;
    if (f !== fact || day! < period.from || day! >= period.to) return false;
    if (request.classId !== undefined && Number(classId) !== request.classId) return false;
    if (request.object === 'department') return level === 'street' && department === subject;
    if (isRegionKind(request.object)) return level === request.object && region === subject;
    return level === 'grid' && regionPrefixes.some((p) => region!.startsWith(p));
  };
  const found: number[] = [];
  const excluded = new Set<number>();
  for (let i = 0; i < ids.length; i += 500) {
    for (const history of await loadHistories(db, { ids: ids.slice(i, i + 500) })) {
      const keys = [...contributionsOf(history, timeZone).keys()];
      if (keys.some(matches)) found.push(history.id);
      if (
        request.fact === 'filings_kept' &&
        keys.some((k) => k.startsWith(`a|${subject}|`) && k.endsWith('|filings_voided'))
      )
        excluded.add(history.id);
    }
  }
  return caseSummaries(
    db,
    found.filter((id) => !excluded.has(id)),
  );
}

export async function caseSummaries(db: Kysely<DB>, ids: readonly number[]): Promise<CaseSummary[]> {
  if (ids.length === 0) return [];
  const rows = await sql<{
    id: number;
    number: string;
    class_name: string;
    status: string;
    grid_code: string;
    department_name: string | null;
    reported_at: Date;
  }>`
    select c.id, c.number, k.name as class_name, c.status, c.grid_code, d.name as department_name, c.reported_at
    from ${casesForReporting(db).as('c')} join ${classesForReporting(db).as('k')} on k.id = c.classification_id
    left join ${departmentsForReporting(db).as('d')} on d.id = c.department_id
    where c.id = any(${sql.val([...ids])}::bigint[]) order by c.id`.execute(db);
  return rows.rows.map((r) => ({
    id: Number(r.id),
    number: r.number,
    className: r.class_name,
    status: r.status,
    gridCode: r.grid_code,
    departmentName: r.department_name,
    reportedAt: new Date(r.reported_at),
  }));
}
