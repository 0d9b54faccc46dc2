/**
 * 重复问题: the same component, or the same class at the same place, reported again and again —
 * read from the cases of the period themselves (位置 and 部件 matter here, not counts).
 */
import { sql, type Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { DB } from '../db/schema.js';
import { casesForReporting } from '../cases/index.js';
import { classesForReporting } from '../classification/index.js';
import { caseFilterOf, periodOf, type AnalyticsRequest } from './request.js';

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
  const period = periodOf(request);
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
      ...caseFilterOf(filter),
    ],
    sql` and `,
  );
  const result = await sql<Reported>`
    select c.id, c.component_id::text as component_id, c.classification_id as class_id, k.name as class_name,
      c.reported_at, ST_X(c.location) as lng, ST_Y(c.location) as lat
    from ${casesForReporting(db).as('c')} join ${classesForReporting(db).as('k')} on k.id = c.classification_id
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
