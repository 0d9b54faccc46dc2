/** 趋势: counts per day, week or month, from the rollups at the level the filters need. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { caseRollupRows } from '../evaluation/index.js';
import { bucketsOf, levelFor, periodOf, type AnalyticsRequest, type TrendInterval } from './request.js';

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
  const period = periodOf(request);
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
    from ${caseRollupRows(db, level, period, request.filter).as('r')}
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
