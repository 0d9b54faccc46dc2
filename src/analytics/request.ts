/**
 * What every analysis (统计分析) takes: a period of local days and the filters (regions,
 * department, class) — the same as evaluation's, read from its rollups through its door — the
 * rollup level they need, the same filter on cases for the analyses that read cases, and the
 * buckets of a period for trends.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { DateTime } from 'luxon';
import type { DB } from '../db/schema.js';
import {
  checkPeriod,
  regionMatch,
  type CaseFilter,
  type DayPeriod,
  type RegionKind,
} from '../evaluation/index.js';
import { regionsForReporting } from '../geography/index.js';
import { validationError } from '../shared/errors.js';

export interface AnalyticsRequest extends DayPeriod {
  filter: CaseFilter;
}

const LEVEL_RANK: Record<string, number> = { district: 0, street: 1, community: 2, grid: 3 };

/** The coarsest rollup level that still resolves every region asked for (district → streets). */
export async function levelFor(db: Kysely<DB>, filter: CaseFilter): Promise<RegionKind> {
  if (filter.regionCodes === undefined || filter.regionCodes.length === 0) return 'street';
  const rows = await db
    .selectFrom(regionsForReporting(db).as('g'))
    .select(['g.code', 'g.level'])
    .where('g.code', 'in', [...filter.regionCodes])
    .execute();
  const missing = filter.regionCodes.filter((code) => !rows.some((r) => r.code === code));
  if (missing.length > 0)
    throw validationError([{ field: 'querystring.regionCode', reason: `no region ${missing.join(', ')}` }]);
  const finest = Math.max(...rows.map((r) => LEVEL_RANK[r.level] ?? 1));
  return finest >= 3 ? 'grid' : finest === 2 ? 'community' : 'street';
}

/** The request's period of local days, checked (a validation error names the field at fault). */
export function periodOf(request: AnalyticsRequest): DayPeriod {
  return checkPeriod({ from: request.from, to: request.to });
}

/** The filter as conditions on cases aliased `c` (for the analyses that read cases, not rollups). */
export function caseFilterOf(filter: CaseFilter): RawBuilder<unknown>[] {
  return [
    ...(filter.classId !== undefined ? [sql`c.classification_id = ${filter.classId}`] : []),
    ...(filter.departmentId !== undefined ? [sql`c.department_id = ${filter.departmentId}`] : []),
    ...(filter.regionCodes !== undefined ? [regionMatch(filter.regionCodes, 'c.grid_code')] : []),
  ];
}

export const TREND_INTERVALS = ['day', 'week', 'month'] as const;
export type TrendInterval = (typeof TREND_INTERVALS)[number];

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
