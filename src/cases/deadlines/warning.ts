/**
 * 截止时间提示 — a case's deadlines are provisional when their working-time computation runs
 * into a year whose holiday schedule is not known (2027 before the State Council's notice is in
 * the calendar data or entered by an administrator): every weekday of that year was counted as a
 * working day, 元旦 and 春节 included. Pure; no I/O.
 */
import { basisOf, unconfirmedYears, type TimeLimitUnit, type WorkingCalendar } from '../../calendar/index.js';

export interface DeadlineWarning {
  code: 'CALENDAR_YEAR_UNCONFIRMED';
  /** The local years without a holiday schedule that the computation crossed, ascending. */
  years: number[];
}

export interface ClockSpan {
  startedAt: Date;
  limit: { unit: string };
  dueAt: Date | null;
  stoppedAt: Date | null;
}

/**
 * The warning for a case's clocks, or null. A working-time clock's computation spans from its
 * start to the later of its deadline and the moment it is measured at (its stop, or now when it
 * runs: an overdue clock counts the working time past its deadline too). Natural-time clocks
 * do not depend on holidays.
 */
export function deadlineWarning(
  calendar: WorkingCalendar,
  clocks: readonly ClockSpan[],
  now: Date,
): DeadlineWarning | null {
  const years = new Set<number>();
  for (const clock of clocks) {
    if (basisOf(clock.limit.unit as TimeLimitUnit) !== 'working') continue;
    const measuredAt = clock.stoppedAt ?? now;
    const end = clock.dueAt && clock.dueAt > measuredAt ? clock.dueAt : measuredAt;
    for (const year of unconfirmedYears(calendar, clock.startedAt, end)) years.add(year);
  }
  return years.size > 0
    ? { code: 'CALENDAR_YEAR_UNCONFIRMED', years: [...years].sort((a, b) => a - b) }
    : null;
}
