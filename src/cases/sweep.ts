/**
 * The deadline sweep (超时巡检), every minute in-process under an advisory lock, so one process runs
 * it even with several. For every running clock it computes the working-time status and raises
 * each alert once: 'near' (≥ 80 % of the limit: the department is warned), 'overdue' (an overdue
 * history event, the case's tier, a notification) and 'severely_overdue' (≥ 3× the limit: tier and
 * an automatic escalation 督办). The alert table's unique key makes a repeated sweep a no-op.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { trackRollups } from '../evaluation/index.js';
import { withJobLock } from '../jobs/index.js';
import { clockView } from './queries.js';
import { loadCaseRow } from './repo.js';
import type { CaseServiceDeps } from './deps.js';
import { signalCaseChange } from './signals.js';
import { CASE_CLOCK_NAMES, type CaseClock } from './workflow/index.js';
import './tables.js';

export interface SweepReport {
  ran: boolean;
  clocks: number;
  raised: { near: number; overdue: number; severely_overdue: number };
}

type Level = 'near' | 'overdue' | 'severely_overdue';

/**
 * The note is for readers of the raw history (audit, exports); the timeline shows the structured
 * `changes` (clock, overdue_minutes) in the reader's language (src/cases/timeline.ts).
 */
const clockName = (clock: string) => CASE_CLOCK_NAMES[clock as CaseClock] ?? clock;

async function raise(
  tx: Transaction<DB>,
  caseId: number,
  clock: string,
  round: number,
  level: Level,
  at: Date,
): Promise<boolean> {
  const inserted = await tx
    .insertInto('case_deadline_alerts')
    .values({ case_id: caseId, clock, round, level, raised_at: at })
    .onConflict((oc) => oc.columns(['case_id', 'clock', 'round', 'level']).doNothing())
    .returning('case_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

async function systemEvent(
  tx: Transaction<DB>,
  caseId: number,
  status: string,
  action: string,
  note: string,
  changes: object,
  at: Date,
) {
  await tx
    .insertInto('case_events')
    .values({
      case_id: caseId,
      at,
      actor_id: null,
      actor_name: 'system',
      actor_role: 'system',
      action,
      from_status: status,
      to_status: status,
      note,
      attachments: '[]',
      changes: JSON.stringify(changes),
      effects: '[]',
    })
    .execute();
}

export async function sweepDeadlines(db: Kysely<DB>, deps: CaseServiceDeps): Promise<SweepReport> {
  const report: SweepReport = { ran: false, clocks: 0, raised: { near: 0, overdue: 0, severely_overdue: 0 } };
  const result = await withJobLock(db, 'case-deadline-sweep', async (tx) => {
    const now = deps.now ? deps.now() : new Date();
    const calendar = await deps.calendars.get(tx);
    const clocks = await sql<{
      case_id: number;
      clock: string;
      round: number;
      started_at: Date;
      limit_amount: number;
      limit_unit: string;
      due_at: Date | null;
      pauses: unknown;
      stopped_at: Date | null;
      raised: string[] | null;
    }>`
      select k.*, (select array_agg(a.level) from case_deadline_alerts a
                   where a.case_id = k.case_id and a.clock = k.clock and a.round = k.round) as raised
      from case_clocks k join cases c on c.id = k.case_id
      where k.stopped_at is null and c.status not in ('closed', 'rejected', 'merged', 'cancelled')
      order by k.case_id, k.clock`.execute(tx);
    report.clocks = clocks.rows.length;
    for (const clock of clocks.rows) {
      const view = clockView(calendar, clock, now);
      if (view.suspended) continue;
      const raised = new Set(clock.raised ?? []);
      const due: Level[] = [];
      if (
        clock.clock === 'handling' &&
        view.light !== 'green' &&
        view.tier === 'on_time' &&
        !raised.has('near')
      )
        due.push('near');
      if (view.tier !== 'on_time' && !raised.has('overdue')) due.push('overdue');
      if (view.tier === 'severely_overdue' && !raised.has('severely_overdue')) due.push('severely_overdue');
      for (const level of due) {
        if (!(await raise(tx, clock.case_id, clock.clock, clock.round, level, now))) continue;
        report.raised[level] += 1;
        const row = await loadCaseRow(tx, clock.case_id, true);
        if (!row) continue;
        const overdueMinutes = -view.remainingMinutes;
        if (level === 'near') {
          await signalCaseChange(tx, row, 'deadline_near', row.status, now);
        } else if (level === 'overdue') {
          if (clock.clock === 'handling' && row.overdue_tier === 'on_time') {
            await tx
              .updateTable('cases')
              .set({ overdue_tier: 'overdue', updated_at: now })
              .where('id', '=', row.id)
              .execute();
          }
          const rollups = await trackRollups(tx, row.id, deps.timeZone);
          await systemEvent(
            tx,
            row.id,
            row.status,
            'overdue',
            `${clockName(clock.clock)}已超时 ${overdueMinutes} 分钟（工作时间）`,
            {
              clock: { before: null, after: clock.clock },
              overdue_minutes: { before: null, after: overdueMinutes },
            },
            now,
          );
          await rollups.settle();
          await signalCaseChange(tx, (await loadCaseRow(tx, row.id, false))!, 'overdue', row.status, now);
        } else {
          // Severely overdue: the tier and an automatic escalation (督办), once.
          const set = clock.clock === 'handling' ? { overdue_tier: 'severely_overdue' as const } : {};
          await tx
            .updateTable('cases')
            .set({ ...set, escalated: true, escalations: sql<number>`escalations + 1`, updated_at: now })
            .where('id', '=', row.id)
            .execute();
          await systemEvent(
            tx,
            row.id,
            row.status,
            'escalate',
            `${clockName(clock.clock)}已超过三倍，自动督办`,
            {
              escalated: { before: row.escalated, after: true },
              clock: { before: null, after: clock.clock },
            },
            now,
          );
          await signalCaseChange(tx, (await loadCaseRow(tx, row.id, false))!, 'escalate', row.status, now);
        }
      }
    }
    return report;
  });
  report.ran = result.ran;
  return report;
}
