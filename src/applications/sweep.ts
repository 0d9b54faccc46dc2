/**
 * The applications' deadline sweep (超时巡检), every minute in-process under a job lock (one
 * process runs it even with several), like the case loop's. For every running clock it computes
 * the light on the working calendar, stores it (list filters read it), and raises each of yellow
 * and red once per clock: the implementing department's handlers and lead and the service office's
 * window clerks are notified. The alert table's key makes a repeated sweep a no-op.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { withJobLock } from '../jobs/index.js';
import { notify, recipientsFor } from '../notifications/index.js';
import { raiseAlert, runningApplications } from './repo.js';
import { clockOf, nowOf, type ApplicationDeps } from './support.js';

export interface ApplicationSweepReport {
  ran: boolean;
  clocks: number;
  raised: { yellow: number; red: number };
}

const CLOCK_NAMES = { acceptance: '受理时限', decision: '办理时限' } as const;

export async function sweepApplications(
  db: Kysely<DB>,
  deps: Pick<ApplicationDeps, 'calendars' | 'now'>,
): Promise<ApplicationSweepReport> {
  const report: ApplicationSweepReport = { ran: false, clocks: 0, raised: { yellow: 0, red: 0 } };
  const result = await withJobLock(db, 'application-deadline-sweep', async (tx) => {
    const now = nowOf(deps);
    const calendar = await deps.calendars.get(tx);
    const rows = await runningApplications(tx);
    report.clocks = rows.length;
    for (const row of rows) {
      const clock = clockOf(calendar, row, now);
      if (clock.light !== row.light)
        await tx.updateTable('applications').set({ light: clock.light }).where('id', '=', row.id).execute();
      if (clock.clock === null || (clock.light !== 'yellow' && clock.light !== 'red')) continue;
      const levels: ('yellow' | 'red')[] = clock.light === 'red' ? ['yellow', 'red'] : ['yellow'];
      for (const light of levels) {
        if (!(await raiseAlert(tx, row.id, clock.clock, light, now))) continue;
        report.raised[light] += 1;
        // A red alert supersedes the yellow one raised in the same sweep: tell people once.
        if (light === 'yellow' && levels.length === 2) continue;
        const recipients = [
          ...(await recipientsFor(tx, {
            role: ['handler', 'department_lead'],
            departmentId: row.department_id,
          })),
          ...(await recipientsFor(tx, { role: 'window_clerk' })),
        ];
        const due = clock.clock === 'acceptance' ? clock.acceptDueAt : clock.dueAt;
        await notify(tx, recipients, {
          kind: light === 'red' ? 'overdue' : 'deadline_near',
          title: `${light === 'red' ? '办件已超期' : '办件即将超期'}：${row.item_name} ${row.number}`,
          body: `${CLOCK_NAMES[clock.clock]}${due ? `截止 ${due.toISOString()}` : ''}`,
          link: `/services/applications/${row.id}`,
        });
      }
    }
  });
  report.ran = result.ran;
  return report;
}
