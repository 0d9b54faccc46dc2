/**
 * Deadline arithmetic: adding a time limit to a start instant, and measuring elapsed time,
 * with working time (工作时间) or natural time (自然时间) and pauses (挂账/缓办).
 *
 * Both walk the calendar a day at a time over cached day data; the cost is one step per day
 * plus one per pause, whatever the limit's size.
 */
import { instantMs, type WorkingCalendar } from './calendar.js';
import { basisOf, limitMs, type TimeBasis, type TimeLimit } from './duration.js';
import { CalendarError } from './errors.js';
import { forEachUnpausedPiece, normalizePauses, type NormalizedPauses, type Pause } from './pauses.js';

/** Longest walk, in days: far beyond any valid limit, it only stops a runaway loop. */
const MAX_WALK_DAYS = 200 * 366;

/**
 * 截止时间 — the deadline: the earliest instant at which `limit` of time has elapsed since
 * `start`, not counting paused time. Working-time limits count only working periods of working
 * days, so a start outside working time begins at the next working period, and a deadline
 * that uses up a period exactly is that period's end (17:30), not the next start (09:00).
 *
 * Returns null when a pause that has not ended stops the clock before the limit is used up:
 * the deadline is then not defined until the case resumes. A limit already used up before
 * that pause began still gives its deadline.
 */
export function addWorkingTime(
  calendar: WorkingCalendar,
  start: Date,
  limit: TimeLimit,
  pauses?: readonly Pause[],
): Date | null {
  const startMs = instantMs(start, 'start');
  const amountMs = limitMs(calendar, limit);
  const normalized = normalizePauses(pauses);
  const deadline =
    basisOf(limit.unit) === 'working'
      ? addWorkingMs(calendar, startMs, amountMs, normalized)
      : addNaturalMs(startMs, amountMs, normalized);
  return deadline === null ? null : new Date(deadline);
}

/**
 * Working minutes (工作时间, in minutes) between two instants, not counting paused time. Signed:
 * negative when `to` is before `from`. Fractional when the instants are not on whole minutes.
 */
export function workingMinutesBetween(
  calendar: WorkingCalendar,
  from: Date,
  to: Date,
  pauses?: readonly Pause[],
): number {
  return (
    workingMsBetween(calendar, instantMs(from, 'from'), instantMs(to, 'to'), normalizePauses(pauses)) / 60_000
  );
}

/** 自然时间 — natural minutes between two instants, not counting paused time. Signed like `workingMinutesBetween`. */
export function naturalMinutesBetween(from: Date, to: Date, pauses?: readonly Pause[]): number {
  return naturalMsBetween(instantMs(from, 'from'), instantMs(to, 'to'), normalizePauses(pauses)) / 60_000;
}

/** Elapsed minutes in the given basis: what a limit of that basis is measured against. */
export function elapsedMinutes(
  calendar: WorkingCalendar,
  basis: TimeBasis,
  from: Date,
  to: Date,
  pauses?: readonly Pause[],
): number {
  switch (basis) {
    case 'working':
      return workingMinutesBetween(calendar, from, to, pauses);
    case 'natural':
      return naturalMinutesBetween(from, to, pauses);
  }
}

function addWorkingMs(
  calendar: WorkingCalendar,
  startMs: number,
  amountMs: number,
  pauses: NormalizedPauses,
): number | null {
  if (amountMs === 0) return startMs;
  let remaining = amountMs;
  let deadline = Number.NaN;
  const consume = (pieceStart: number, pieceEnd: number): boolean => {
    const length = pieceEnd - pieceStart;
    if (remaining <= length) {
      deadline = pieceStart + remaining;
      return true;
    }
    remaining -= length;
    return false;
  };
  const cursor = { index: 0 };
  const firstDay = calendar.dayNumberOf(startMs);
  for (let day = firstDay; day <= firstDay + MAX_WALK_DAYS; day++) {
    for (const [periodStart, periodEnd] of calendar.day(day).periods) {
      if (periodEnd <= startMs) continue;
      const from = Math.max(periodStart, startMs);
      if (from >= pauses.openFrom) return null;
      if (forEachUnpausedPiece(from, periodEnd, pauses, cursor, consume)) return deadline;
    }
  }
  throw new CalendarError(
    'CALENDAR_INVALID_DURATION',
    'the limit does not fit in 200 years of this calendar',
  );
}

function addNaturalMs(startMs: number, amountMs: number, pauses: NormalizedPauses): number | null {
  if (amountMs === 0) return startMs;
  let remaining = amountMs;
  let deadline: number | null = null;
  forEachUnpausedPiece(startMs, Infinity, pauses, { index: 0 }, (pieceStart, pieceEnd) => {
    if (remaining <= pieceEnd - pieceStart) {
      deadline = pieceStart + remaining;
      return true;
    }
    remaining -= pieceEnd - pieceStart;
    return false;
  });
  return deadline;
}

function workingMsBetween(
  calendar: WorkingCalendar,
  fromMs: number,
  toMs: number,
  pauses: NormalizedPauses,
): number {
  if (toMs < fromMs) return -workingMsBetween(calendar, toMs, fromMs, pauses);
  let total = 0;
  const add = (pieceStart: number, pieceEnd: number): boolean => {
    total += pieceEnd - pieceStart;
    return false;
  };
  const cursor = { index: 0 };
  const lastDay = calendar.dayNumberOf(toMs);
  for (let day = calendar.dayNumberOf(fromMs); day <= lastDay; day++) {
    for (const [periodStart, periodEnd] of calendar.day(day).periods) {
      const from = Math.max(periodStart, fromMs);
      const to = Math.min(periodEnd, toMs);
      if (to > from) forEachUnpausedPiece(from, to, pauses, cursor, add);
    }
  }
  return total;
}

function naturalMsBetween(fromMs: number, toMs: number, pauses: NormalizedPauses): number {
  if (toMs < fromMs) return -naturalMsBetween(toMs, fromMs, pauses);
  let total = 0;
  forEachUnpausedPiece(fromMs, toMs, pauses, { index: 0 }, (pieceStart, pieceEnd) => {
    total += pieceEnd - pieceStart;
    return false;
  });
  return total;
}
