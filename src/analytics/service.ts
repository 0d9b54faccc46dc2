/**
 * Analytics (统计分析) for leaders and the two centers: hotspots, trends, time-of-day patterns,
 * the classes with the worst on-time rate — all from the evaluation rollups, with the same
 * filters (period of local days, regions, department, class) — and repeated problems, which look
 * at the cases of the period themselves (位置 and 部件 matter there, not counts).
 */
import { sql, type Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { DB } from '../db/schema.js';
import {
  caseRowsWhere,
  regionMatch,
  checkPeriod,
  type CaseFilter,
  type DayPeriod,
  type RegionKind,
} from '../evaluation/index.js';
import { validationError } from '../shared/errors.js';
import '../evaluation/tables.js';
import '../cases/tables.js';

export interface AnalyticsRequest extends DayPeriod {
  filter: CaseFilter;
}

const LEVEL_RANK: Record<string, number> = { district: 0, street: 1, community: 2, grid: 3 };

/** The coarsest rollup level that still resolves every region asked for (district → streets). */
export async function levelFor(db: Kysely<DB>, filter: CaseFilter): Promise<RegionKind> {
  if (filter.regionCodes === undefined || filter.regionCodes.length === 0) return 'street';
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'level'])
    .where('code', 'in', [...filter.regionCodes])
    .execute();
  const missing = filter.regionCodes.filter((code) => !rows.some((r) => r.code === code));
  if (missing.length > 0)
    throw validationError([{ field: 'querystring.regionCode', reason: `no region ${missing.join(', ')}` }]);
  const finest = Math.max(...rows.map((r) => LEVEL_RANK[r.level] ?? 1));
  return finest >= 3 ? 'grid' : finest === 2 ? 'community' : 'street';
}

function prepared(request: AnalyticsRequest): DayPeriod {
  return checkPeriod({ from: request.from, to: request.to });
}

export interface Hotspot {
  gridCode: string;
  gridName: string;
  classId: number;
  className: string;
  reported: number;
  filed: number;
  lng: number | null;
  lat: number | null;
}

/** 高发区域: cases per unit grid and class, most first (centroids for a map). */
export async function hotspots(db: Kysely<DB>, request: AnalyticsRequest, limit: number): Promise<Hotspot[]> {
  const period = prepared(request);
  await levelFor(db, request.filter); // names an unknown region
  const rows = await sql<{
    grid_code: string;
    grid_name: string | null;
    class_id: number;
    class_name: string | null;
    reported: string;
    filed: string;
    lng: number | null;
    lat: number | null;
  }>`
    with h as (
      select region_code, class_id, sum(reported)::bigint as reported, sum(filed)::bigint as filed
      from eval_case_rollups where ${caseRowsWhere('grid', period, request.filter)}
      group by region_code, class_id
      having sum(reported) > 0 or sum(filed) > 0
      order by sum(reported) desc, sum(filed) desc, region_code, class_id
      limit ${limit})
    select h.region_code as grid_code, g.name as grid_name, h.class_id, k.name as class_name, h.reported, h.filed,
      ST_X(g.centroid) as lng, ST_Y(g.centroid) as lat
    from h left join regions g on g.code = h.region_code left join classifications k on k.id = h.class_id
    order by h.reported desc, h.filed desc, h.region_code, h.class_id`.execute(db);
  return rows.rows.map((r) => ({
    gridCode: r.grid_code,
    gridName: r.grid_name ?? r.grid_code,
    classId: Number(r.class_id),
    className: r.class_name ?? String(r.class_id),
    reported: Number(r.reported),
    filed: Number(r.filed),
    lng: r.lng === null ? null : Number(r.lng),
    lat: r.lat === null ? null : Number(r.lat),
  }));
}

/** Hotspots as a GeoJSON FeatureCollection of grid centroids. */
export function hotspotsGeoJson(spots: Hotspot[]) {
  return {
    type: 'FeatureCollection' as const,
    features: spots
      .filter((s) => s.lng !== null && s.lat !== null)
      .map((s) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [s.lng!, s.lat!] },
        properties: {
          gridCode: s.gridCode,
          gridName: s.gridName,
          classId: s.classId,
          className: s.className,
          reported: s.reported,
          filed: s.filed,
        },
      })),
  };
}

export const TREND_INTERVALS = ['day', 'week', 'month'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

export interface TrendPoint {
  /** First local day of the bucket (weeks start on Monday). */
  period: string;
  reported: number;
  filed: number;
  closed: number;
  handled: number;
  handledOnTime: number;
  onTimeHandleRate: number | null;
}

/** 趋势: counts per day, week or month (every bucket of the period, zeros included). */
export async function trends(
  db: Kysely<DB>,
  request: AnalyticsRequest,
  interval: TrendInterval,
): Promise<TrendPoint[]> {
  const period = prepared(request);
  const level = await levelFor(db, request.filter);
  const rows = await sql<{
    bucket: string;
    reported: string;
    filed: string;
    closed: string;
    handled: string;
    on_time: string;
  }>`
    select to_char(date_trunc(${interval}, day), 'YYYY-MM-DD') as bucket,
      sum(reported)::bigint as reported, sum(filed)::bigint as filed, sum(closed)::bigint as closed,
      sum(handled)::bigint as handled, sum(handled_on_time)::bigint as on_time
    from eval_case_rollups where ${caseRowsWhere(level, period, request.filter)}
    group by 1 order by 1`.execute(db);
  const found = new Map(rows.rows.map((r) => [r.bucket, r]));
  return bucketsOf(period, interval).map((key) => {
    const r = found.get(key);
    const handled = Number(r?.handled ?? 0);
    const handledOnTime = Number(r?.on_time ?? 0);
    return {
      period: key,
      reported: Number(r?.reported ?? 0),
      filed: Number(r?.filed ?? 0),
      closed: Number(r?.closed ?? 0),
      handled,
      handledOnTime,
      onTimeHandleRate: handled === 0 ? null : handledOnTime / handled,
    };
  });
}

/** The first local day of every day, week (from Monday) or month bucket touching the period. */
export function bucketsOf(period: DayPeriod, interval: TrendInterval): string[] {
  const keys: string[] = [];
  let cursor = DateTime.fromISO(period.from).startOf(interval);
  const end = DateTime.fromISO(period.to);
  while (cursor < end) {
    keys.push(cursor.toISODate()!);
    cursor = cursor.plus({ [`${interval}s`]: 1 });
  }
  return keys;
}

export interface TimeOfDayCell {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  reported: number;
}

/** 时段分布: reports by weekday × local hour, all 168 cells. */
export async function timeOfDay(db: Kysely<DB>, request: AnalyticsRequest): Promise<TimeOfDayCell[]> {
  const period = prepared(request);
  const level = await levelFor(db, request.filter);
  const rows = await sql<{ weekday: number; hour: number; reported: string }>`
    select extract(isodow from day)::int as weekday, hour, sum(reported)::bigint as reported
    from eval_hour_rollups where ${caseRowsWhere(level, period, request.filter)}
    group by 1, 2`.execute(db);
  const found = new Map(rows.rows.map((r) => [`${r.weekday}:${r.hour}`, Number(r.reported)]));
  const cells: TimeOfDayCell[] = [];
  for (let weekday = 1; weekday <= 7; weekday++)
    for (let hour = 0; hour < 24; hour++)
      cells.push({ weekday, hour, reported: found.get(`${weekday}:${hour}`) ?? 0 });
  return cells;
}

export interface ClassRate {
  classId: number;
  className: string;
  handled: number;
  handledOnTime: number;
  onTimeHandleRate: number | null;
  toClose: number;
  closedOnTime: number;
  onTimeCloseRate: number | null;
}

/** 按期率最低的类别: classes ordered by on-time handling rate, worst first (at least `minHandled` handlings). */
export async function worstClasses(
  db: Kysely<DB>,
  request: AnalyticsRequest,
  options: { limit: number; minHandled: number },
): Promise<ClassRate[]> {
  const period = prepared(request);
  const level = await levelFor(db, request.filter);
  const rows = await sql<{
    class_id: number;
    class_name: string | null;
    handled: string;
    on_time: string;
    to_close: string;
    closed_on_time: string;
  }>`
    select r.class_id, k.name as class_name, sum(r.handled)::bigint as handled, sum(r.handled_on_time)::bigint as on_time,
      sum(r.to_close)::bigint as to_close, sum(r.closed_on_time)::bigint as closed_on_time
    from eval_case_rollups r left join classifications k on k.id = r.class_id
    where ${caseRowsWhere(level, period, request.filter)}
    group by r.class_id, k.name
    having sum(r.handled) >= ${options.minHandled} and sum(r.handled) > 0
    order by sum(r.handled_on_time)::float / sum(r.handled), sum(r.handled) desc, r.class_id
    limit ${options.limit}`.execute(db);
  return rows.rows.map((r) => {
    const handled = Number(r.handled);
    const toClose = Number(r.to_close);
    return {
      classId: Number(r.class_id),
      className: r.class_name ?? String(r.class_id),
      handled,
      handledOnTime: Number(r.on_time),
      onTimeHandleRate: handled === 0 ? null : Number(r.on_time) / handled,
      toClose,
      closedOnTime: Number(r.closed_on_time),
      onTimeCloseRate: toClose === 0 ? null : Number(r.closed_on_time) / toClose,
    };
  });
}

export interface RepeatedOptions {
  /** How many reports make a repeat (N). */
  minCount: number;
  /** Within how many days (30). */
  windowDays: number;
  /** How near for "the same place" (30 m). */
  radiusM: number;
}

export interface RepeatedProblem {
  kind: 'component' | 'place';
  componentId: string | null;
  classId: number;
  className: string;
  count: number;
  caseIds: number[];
  firstReportedAt: Date;
  lastReportedAt: Date;
  lng: number;
  lat: number;
}

interface Reported {
  id: number;
  component_id: string | null;
  class_id: number;
  class_name: string;
  reported_at: Date;
  lng: number;
  lat: number;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The densest run of reports within `windowDays` in a time-ordered list. */
function densestRun(items: Reported[], windowDays: number): Reported[] {
  let best: Reported[] = [];
  let start = 0;
  const window = windowDays * 86_400_000;
  for (let end = 0; end < items.length; end++) {
    while (items[end]!.reported_at.getTime() - items[start]!.reported_at.getTime() > window) start++;
    if (end - start + 1 > best.length) best = items.slice(start, end + 1);
  }
  return best;
}

/**
 * 重复问题: the same component reported N times within the window, or the same class reported N
 * times within `radiusM` metres within the window. Reports of the period (and up to a window
 * before, so a run across its start is whole); merged duplicates count as reports too.
 */
export async function repeatedProblems(
  db: Kysely<DB>,
  request: AnalyticsRequest,
  options: RepeatedOptions,
  timeZone: string,
): Promise<RepeatedProblem[]> {
  const period = prepared(request);
  const start = DateTime.fromISO(period.from, { zone: timeZone })
    .minus({ days: options.windowDays })
    .toJSDate();
  const end = DateTime.fromISO(period.to, { zone: timeZone }).toJSDate();
  const periodStart = DateTime.fromISO(period.from, { zone: timeZone }).toJSDate();
  const { filter } = request;
  const where = sql.join(
    [
      sql`c.reported_at >= ${start}::timestamptz`,
      sql`c.reported_at < ${end}::timestamptz`,
      ...(filter.classId !== undefined ? [sql`c.classification_id = ${filter.classId}`] : []),
      ...(filter.departmentId !== undefined ? [sql`c.department_id = ${filter.departmentId}`] : []),
      ...(filter.regionCodes !== undefined ? [regionMatch(filter.regionCodes, 'c.grid_code')] : []),
    ],
    sql` and `,
  );
  const result = await sql<Reported>`
    select c.id, c.component_id::text as component_id, c.classification_id as class_id, k.name as class_name,
      c.reported_at, ST_X(c.location) as lng, ST_Y(c.location) as lat
    from cases c join classifications k on k.id = c.classification_id
    where ${where} order by c.reported_at, c.id limit 200000`.execute(db);
  const reports = result.rows.map((r) => ({ ...r, id: Number(r.id), reported_at: new Date(r.reported_at) }));
  const found: RepeatedProblem[] = [];
  const groupOf = (kind: RepeatedProblem['kind'], run: Reported[]): RepeatedProblem => ({
    kind,
    componentId: kind === 'component' ? run[0]!.component_id : null,
    classId: run[0]!.class_id,
    className: run[0]!.class_name,
    count: run.length,
    caseIds: run.map((r) => r.id),
    firstReportedAt: run[0]!.reported_at,
    lastReportedAt: run[run.length - 1]!.reported_at,
    lng: run[0]!.lng,
    lat: run[0]!.lat,
  });
  const touchesPeriod = (run: Reported[]) => run[run.length - 1]!.reported_at >= periodStart;
  // The same component.
  const byComponent = new Map<string, Reported[]>();
  for (const r of reports) if (r.component_id) pushTo(byComponent, r.component_id, r);
  for (const list of byComponent.values()) {
    const run = densestRun(list, options.windowDays);
    if (run.length >= options.minCount && touchesPeriod(run)) found.push(groupOf('component', run));
  }
  // The same class at the same place: reports within radiusM of an anchor report.
  const metresPerDegLat = 111_320;
  const byClass = new Map<number, Reported[]>();
  for (const r of reports) pushTo(byClass, r.class_id, r);
  const places: RepeatedProblem[] = [];
  for (const list of byClass.values()) {
    if (list.length < options.minCount) continue;
    // Buckets of radiusM × radiusM (local metres), so each anchor looks at its 9 neighbouring cells only.
    const cos = Math.cos((list[0]!.lat * Math.PI) / 180);
    const cell = (r: Reported) => [
      Math.floor((r.lng * metresPerDegLat * cos) / options.radiusM),
      Math.floor((r.lat * metresPerDegLat) / options.radiusM),
    ];
    const buckets = new Map<string, Reported[]>();
    for (const r of list) {
      const [x, y] = cell(r);
      pushTo(buckets, `${x}:${y}`, r);
    }
    for (const anchor of list) {
      const [x, y] = cell(anchor) as [number, number];
      const candidates: Reported[] = [];
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++) candidates.push(...(buckets.get(`${x + dx}:${y + dy}`) ?? []));
      const near = candidates
        .filter((r) => {
          const mx = (r.lng - anchor.lng) * metresPerDegLat * cos;
          const my = (r.lat - anchor.lat) * metresPerDegLat;
          return Math.hypot(mx, my) <= options.radiusM;
        })
        .sort((a, b) => a.reported_at.getTime() - b.reported_at.getTime() || a.id - b.id);
      if (near.length < options.minCount) continue;
      const run = densestRun(near, options.windowDays);
      if (run.length >= options.minCount && touchesPeriod(run)) places.push(groupOf('place', run));
    }
  }
  // Keep the largest group of each cluster: drop a group whose cases all lie in one already kept.
  places.sort((a, b) => b.count - a.count || a.caseIds[0]! - b.caseIds[0]!);
  for (const group of places) {
    if (found.some((kept) => kept.kind === 'place' && group.caseIds.every((id) => kept.caseIds.includes(id))))
      continue;
    found.push(group);
  }
  return found.sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : 1));
}

export const SATISFACTION_GROUPS = ['street', 'class', 'department', 'month', 'week'] as const;
export type SatisfactionGroup = (typeof SATISFACTION_GROUPS)[number];

export interface SatisfactionRow {
  /**
   * Street code, class id or department id (as text), or the first local day of the month or week
   * (Monday); null for the total and for no department.
   */
  key: string | null;
  name: string;
  ratings: number;
  /** Mean score, two decimals; null without ratings. */
  average: number | null;
  /** Ratings of 1, 2, 3, 4 and 5 stars. */
  scores: [number, number, number, number, number];
  /** Share rated 4 or 5 (满意率). */
  satisfiedRate: number | null;
  reopenRequests: number;
}

/**
 * 公众满意度: the ratings citizens gave closed public reports (src/public/ratings.ts) in the period
 * (by the local day of the rating), grouped by street, class or department (most rated first), or
 * by month or week (every bucket of the period in order, empty ones included: a trend), with the
 * total.
 */
export async function satisfaction(
  db: Kysely<DB>,
  request: AnalyticsRequest,
  group: SatisfactionGroup,
  timeZone: string,
): Promise<{ total: SatisfactionRow; rows: SatisfactionRow[] }> {
  const period = prepared(request);
  await levelFor(db, request.filter); // names an unknown region
  const start = DateTime.fromISO(period.from, { zone: timeZone }).toJSDate();
  const end = DateTime.fromISO(period.to, { zone: timeZone }).toJSDate();
  const { filter } = request;
  const where = sql.join(
    [
      sql`r.created_at >= ${start}::timestamptz`,
      sql`r.created_at < ${end}::timestamptz`,
      ...(filter.classId !== undefined ? [sql`c.classification_id = ${filter.classId}`] : []),
      ...(filter.departmentId !== undefined ? [sql`c.department_id = ${filter.departmentId}`] : []),
      ...(filter.regionCodes !== undefined ? [regionMatch(filter.regionCodes, 'c.grid_code')] : []),
    ],
    sql` and `,
  );
  const localDay = sql`(r.created_at at time zone ${timeZone})`;
  const bucket = (unit: 'month' | 'week') => sql`to_char(date_trunc(${unit}, ${localDay}), 'YYYY-MM-DD')`;
  const keyOf = {
    street: sql`c.street_code`,
    class: sql`c.classification_id::text`,
    department: sql`c.department_id::text`,
    month: bucket('month'),
    week: bucket('week'),
  }[group];
  const nameOf = {
    street: sql`(select name from regions where code = c.street_code)`,
    class: sql`(select name from classifications where id = c.classification_id)`,
    department: sql`(select name from departments where id = c.department_id)`,
    month: sql`to_char(date_trunc('month', ${localDay}), 'YYYY-MM')`,
    week: bucket('week'),
  }[group];
  const result = await sql<{
    key: string | null;
    name: string | null;
    ratings: string;
    total_score: string;
    s1: string;
    s2: string;
    s3: string;
    s4: string;
    s5: string;
    reopen: string;
  }>`
    select ${keyOf} as key, min(${nameOf}) as name, count(*) as ratings, sum(r.score) as total_score,
      count(*) filter (where r.score = 1) as s1, count(*) filter (where r.score = 2) as s2,
      count(*) filter (where r.score = 3) as s3, count(*) filter (where r.score = 4) as s4,
      count(*) filter (where r.score = 5) as s5, count(*) filter (where r.request_reopen) as reopen
    from case_ratings r join cases c on c.id = r.case_id
    where ${where}
    group by 1 order by count(*) desc, 1`.execute(db);
  const rowOf = (
    key: string | null,
    name: string,
    counts: { ratings: number; totalScore: number; scores: number[]; reopen: number },
  ): SatisfactionRow => ({
    key,
    name,
    ratings: counts.ratings,
    average: counts.ratings === 0 ? null : Math.round((counts.totalScore / counts.ratings) * 100) / 100,
    scores: counts.scores as SatisfactionRow['scores'],
    satisfiedRate:
      counts.ratings === 0
        ? null
        : Math.round((((counts.scores[3] ?? 0) + (counts.scores[4] ?? 0)) / counts.ratings) * 10_000) /
          10_000,
    reopenRequests: counts.reopen,
  });
  const total = { ratings: 0, totalScore: 0, scores: [0, 0, 0, 0, 0], reopen: 0 };
  const rows = result.rows.map((r) => {
    const counts = {
      ratings: Number(r.ratings),
      totalScore: Number(r.total_score),
      scores: [r.s1, r.s2, r.s3, r.s4, r.s5].map(Number),
      reopen: Number(r.reopen),
    };
    total.ratings += counts.ratings;
    total.totalScore += counts.totalScore;
    total.reopen += counts.reopen;
    counts.scores.forEach((n, i) => (total.scores[i] = (total.scores[i] ?? 0) + n));
    return rowOf(r.key, r.name ?? (group === 'department' ? '（未派遣）' : (r.key ?? '')), counts);
  });
  if (group === 'month' || group === 'week') {
    const found = new Map(rows.map((row) => [row.key, row]));
    const trend = bucketsOf(period, group).map(
      (key) =>
        found.get(key) ??
        rowOf(key, group === 'month' ? key.slice(0, 7) : key, {
          ratings: 0,
          totalScore: 0,
          scores: [0, 0, 0, 0, 0],
          reopen: 0,
        }),
    );
    return { total: rowOf(null, '合计', total), rows: trend };
  }
  return { total: rowOf(null, '合计', total), rows };
}
