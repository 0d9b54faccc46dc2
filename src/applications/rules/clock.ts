/**
 * The clocks of an application on the district's working-time calendar, with the case loop's
 * arithmetic and traffic lights (src/calendar through its door, not copied):
 * - 受理时限 (acceptance): runs while the application waits for the window, from its (latest)
 *   submission, `acceptanceDays` working days (行政许可法 第三十二条: 5 日内一次性告知).
 * - 办理时限 (decision): runs from acceptance, `promisedDays + extensionDays` working days
 *   (承诺时限; 第四十二条 allows one extension), not counting special steps and holds (第四十五条).
 * Pure: the calendar and the instant are arguments.
 */
import {
  addWorkingTime,
  deadlineStatus,
  localDateOf,
  workingMinutesBetween,
  type Pause,
  type WorkingCalendar,
} from '../../calendar/index.js';
import type { ApplicationState, ClockPause, Light } from '../model.js';

export interface ClockFacts {
  state: ApplicationState;
  submittedAt: Date | null;
  acceptedAt: Date | null;
  decidedAt: Date | null;
  acceptanceDays: number;
  promisedDays: number;
  extensionDays: number;
  pauses: readonly ClockPause[];
}

export type RunningClock = 'acceptance' | 'decision';

export interface ClockView {
  /** The clock that runs now (or is paused), if any. */
  clock: RunningClock | null;
  acceptDueAt: Date | null;
  /** The decision deadline; null before acceptance and while a pause holds the clock. */
  dueAt: Date | null;
  /** The day the applicant may expect the result (YYYY-MM-DD, district time), or null when it depends on them. */
  expectedCompletionDate: string | null;
  light: Light;
  /** Working days the decision clock stood still (special steps and holds), one decimal. */
  pausedDays: number;
  extensionDays: number;
}

const days = (amount: number) => ({ amount, unit: 'working_days' as const });

export function pausesOf(pauses: readonly ClockPause[]): Pause[] {
  return pauses.map((p) => ({ from: new Date(p.from), to: p.to === null ? null : new Date(p.to) }));
}

/** The same pauses with the running one ended at `now`: what the deadline would be if work resumed now. */
function closedAt(pauses: readonly Pause[], now: Date): Pause[] {
  return pauses.map((p) => ({ from: p.from, to: p.to ?? (p.from > now ? p.from : now) }));
}

function pausedDays(calendar: WorkingCalendar, pauses: readonly Pause[], now: Date): number {
  const minutes = closedAt(pauses, now).reduce(
    (sum, p) => sum + Math.max(0, workingMinutesBetween(calendar, p.from, p.to!)),
    0,
  );
  return Math.round((minutes / calendar.workingDayMinutes) * 10) / 10;
}

/** The clocks of an application at `now`. */
export function applicationClock(calendar: WorkingCalendar, facts: ClockFacts, now: Date): ClockView {
  const pauses = pausesOf(facts.pauses);
  const base = {
    acceptDueAt: null as Date | null,
    dueAt: null as Date | null,
    pausedDays: pausedDays(calendar, pauses, now),
    extensionDays: facts.extensionDays,
  };
  const acceptDue =
    facts.submittedAt === null
      ? null
      : addWorkingTime(calendar, facts.submittedAt, days(facts.acceptanceDays));
  const decisionLimit = days(facts.promisedDays + facts.extensionDays);
  switch (facts.state) {
    case 'draft':
    case 'correction_requested':
    case 'rejected':
    case 'withdrawn':
      return { ...base, clock: null, expectedCompletionDate: null, light: 'none' };
    case 'submitted': {
      const status = deadlineStatus(calendar, {
        start: facts.submittedAt!,
        limit: days(facts.acceptanceDays),
        at: now,
      });
      // Accepted on the last day at the latest, then the promised limit.
      const expected = addWorkingTime(calendar, acceptDue!, days(facts.promisedDays));
      return {
        ...base,
        clock: 'acceptance',
        acceptDueAt: acceptDue,
        expectedCompletionDate: expected ? localDateOf(calendar, expected) : null,
        light: status.light,
      };
    }
    case 'accepted':
    case 'in_review':
    case 'special_step':
    case 'on_hold': {
      const start = facts.acceptedAt!;
      const status = deadlineStatus(calendar, { start, limit: decisionLimit, at: now, pauses });
      const estimate =
        status.deadline ?? addWorkingTime(calendar, start, decisionLimit, closedAt(pauses, now));
      return {
        ...base,
        clock: 'decision',
        acceptDueAt: acceptDue,
        dueAt: status.deadline,
        expectedCompletionDate: estimate ? localDateOf(calendar, estimate) : null,
        light: status.suspended ? 'paused' : status.light,
      };
    }
    case 'decided':
    case 'delivered': {
      const dueAt = facts.acceptedAt
        ? addWorkingTime(calendar, facts.acceptedAt, decisionLimit, closedAt(pauses, now))
        : null;
      return {
        ...base,
        clock: null,
        acceptDueAt: acceptDue,
        dueAt,
        expectedCompletionDate: facts.decidedAt ? localDateOf(calendar, facts.decidedAt) : null,
        light: 'none',
      };
    }
  }
}

/** Closes the running pause at `at` (a special step ends, work resumes). */
export function endPause(pauses: readonly ClockPause[], at: Date): ClockPause[] {
  return pauses.map((p) => (p.to === null ? { ...p, to: at.toISOString() } : p));
}

/** Opens a pause at `at`. A running pause is a programming error: the state machine forbids it. */
export function startPause(
  pauses: readonly ClockPause[],
  kind: ClockPause['kind'],
  at: Date,
  note: string | null,
): ClockPause[] {
  if (pauses.some((p) => p.to === null)) throw new Error('a pause is already running');
  return [...pauses, { kind, from: at.toISOString(), to: null, note }];
}
