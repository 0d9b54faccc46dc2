/** 按期率最低的类别: the classes whose cases are handled on time least often, from the rollups. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { classesForReporting } from '../classification/index.js';
import { caseRollupRows } from '../evaluation/index.js';
import { levelFor, periodOf, type AnalyticsRequest } from './request.js';

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
  const period = periodOf(request);
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
    from ${caseRollupRows(db, level, period, request.filter).as('r')}
      left join ${classesForReporting(db).as('k')} on k.id = r.class_id
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
