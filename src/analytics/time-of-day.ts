/** 时段分布: reports by weekday × local hour (a heatmap), from the hourly rollups. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { hourRollupRows } from '../evaluation/index.js';
import { levelFor, periodOf, type AnalyticsRequest } from './request.js';

export interface TimeOfDayCell {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  reported: number;
}

/** 时段分布: reports by weekday × local hour, all 168 cells. */
export async function timeOfDay(db: Kysely<DB>, request: AnalyticsRequest): Promise<TimeOfDayCell[]> {
  const period = periodOf(request);
  const level = await levelFor(db, request.filter);
  const rows = await sql<{ weekday: number; hour: number; reported: string }>`
    select extract(isodow from day)::int as weekday, hour, sum(reported)::bigint as reported
    from ${hourRollupRows(db, level, period, request.filter).as('r')}
    group by 1, 2`.execute(db);
  const found = new Map(rows.rows.map((r) => [`${r.weekday}:${r.hour}`, Number(r.reported)]));
  const cells: TimeOfDayCell[] = [];
  for (let weekday = 1; weekday <= 7; weekday++)
    for (let hour = 0; hour < 24; hour++)
      cells.push({ weekday, hour, reported: found.get(`${weekday}:${hour}`) ?? 0 });
  return cells;
}
