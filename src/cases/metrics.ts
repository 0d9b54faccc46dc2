/**
 * The cases module's figure on /metrics (docs/observability.md): running deadline clocks past
 * their due time (超期), by clock. A suspended clock (挂账/缓办, an open pause) is not counted, nor
 * a clock left running on a case that has ended, as the deadline sweep skips both.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ModuleMetric } from '../http/module.js';
import { CASE_CLOCKS } from './workflow/model.js';

/** Overdue running clocks by clock; the partial index `case_clocks_running_idx` bounds the scan. */
export async function overdueClocks(db: Kysely<DB>): Promise<Map<string, number>> {
  const { rows } = await sql<{ clock: string; overdue: number }>`
    select k.clock, count(*)::int as overdue
    from case_clocks k join cases c on c.id = k.case_id
    where k.stopped_at is null and k.due_at < now()
      and not (k.pauses @> '[{"to": null}]'::jsonb)
      and c.status not in ('closed', 'rejected', 'merged', 'cancelled')
    group by k.clock`.execute(db);
  return new Map(rows.map((row) => [row.clock, row.overdue]));
}

export const caseMetrics: readonly ModuleMetric[] = [
  {
    name: 'shuzhi_case_clocks_overdue',
    help: 'Running case deadline clocks past their due time (超期), by clock; suspended clocks excluded',
    labelNames: ['clock'],
    // Counting may touch every running clock of a large district: reused for 30 s.
    cacheMs: 30_000,
    read: async (db) => {
      const counts = await overdueClocks(db);
      return CASE_CLOCKS.map((clock) => ({ labels: { clock }, value: counts.get(clock) ?? 0 }));
    },
  },
];
