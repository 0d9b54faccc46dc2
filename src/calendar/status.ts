/**
 * Deadline status: 亮灯 (traffic light) and 超期 (overdue) tiers from elapsed time and the limit.
 * The traffic light's 80 % comes from the China Unicom 城市综合管理服务平台 (`Statistics.sts`);
 * the overdue multiple follows eGova's 超时倍数 (`dispose_overtime_times`). Both are defaults,
 * configurable per call, since the standards leave them to local rules.
 */
import { instantMs, type WorkingCalendar } from './calendar.js';
import { addWorkingTime, elapsedMinutes } from './arithmetic.js';
import { basisOf, limitMinutes, type TimeLimit } from './duration.js';
import { CalendarError } from './errors.js';
import { normalizePauses, type Pause } from './pauses.js';

/** 亮灯 — green: comfortably within the limit; yellow: close to it; red: beyond it. */
export type TrafficLight = 'green' | 'yellow' | 'red';

/** 超期等级 — on time, overdue (超期), or severely overdue (严重超期). */
export type OverdueTier = 'on_time' | 'overdue' | 'severely_overdue';

/** Green while elapsed ≤ this percentage of the limit. */
export const DEFAULT_GREEN_MAX_PERCENT = 80;
/** Severely overdue once elapsed ≥ this multiple of the limit. */
export const DEFAULT_SEVERE_MULTIPLE = 3;

function checkAmounts(elapsed: number, limit: number): void {
  for (const [name, value] of [
    ['elapsed', elapsed],
    ['limit', limit],
  ] as const) {
    if (!Number.isFinite(value) || value < 0) {
      throw new CalendarError(
        'CALENDAR_INVALID_ARGUMENT',
        `${name} must be a finite number ≥ 0, got ${value}`,
      );
    }
  }
}

/**
 * green if elapsed ≤ 80 % of limit, yellow if elapsed ≤ limit, red if elapsed > limit. Both in
 * the same unit. The threshold is `limit × percent / 100`, one correctly rounded division, so
 * exactly 80 % (5.6 of 7 hours) is green despite binary floating point.
 */
export function trafficLight(
  elapsed: number,
  limit: number,
  greenMaxPercent: number = DEFAULT_GREEN_MAX_PERCENT,
): TrafficLight {
  checkAmounts(elapsed, limit);
  if (elapsed <= (limit * greenMaxPercent) / 100) return 'green';
  return elapsed <= limit ? 'yellow' : 'red';
}

/** on_time if elapsed ≤ limit; severely_overdue if elapsed ≥ 3 × limit; otherwise overdue. */
export function overdueTier(
  elapsed: number,
  limit: number,
  severeMultiple: number = DEFAULT_SEVERE_MULTIPLE,
): OverdueTier {
  checkAmounts(elapsed, limit);
  if (elapsed <= limit) return 'on_time';
  return elapsed >= limit * severeMultiple ? 'severely_overdue' : 'overdue';
}

export interface DeadlineStatus {
  /** See `addWorkingTime`; null while a pause that has not ended holds the clock. */
  deadline: Date | null;
  /** A pause that has not ended began at or before `at`. */
  suspended: boolean;
  /** Elapsed minutes of the limit's basis (working or natural), from start to `at`, pauses excluded. */
  elapsedMinutes: number;
  limitMinutes: number;
  /** limit − elapsed; negative once overdue. */
  remainingMinutes: number;
  light: TrafficLight;
  tier: OverdueTier;
}

/**
 * The status of one time limit at instant `at`, for case lists and deadline sweeps.
 *
 * Light and tier come from elapsed time, except right after a deadline that ends a working
 * period: from 17:30 until the clock resumes at 09:00, elapsed equals the limit (yellow,
 * on time by the ratio) yet the deadline instant has passed. A case is late once `at` is past
 * its deadline, so the status there is red and overdue, matching `deadline < now` in SQL.
 */
export function deadlineStatus(
  calendar: WorkingCalendar,
  input: { start: Date; limit: TimeLimit; at: Date; pauses?: readonly Pause[] },
): DeadlineStatus {
  const { start, limit, at, pauses } = input;
  const atMs = instantMs(at, 'at');
  const deadline = addWorkingTime(calendar, start, limit, pauses);
  const limitValue = limitMinutes(calendar, limit);
  const elapsed = Math.max(0, elapsedMinutes(calendar, basisOf(limit.unit), start, at, pauses));
  const pastDeadline = deadline !== null && atMs > deadline.getTime();
  let light = trafficLight(elapsed, limitValue);
  let tier = overdueTier(elapsed, limitValue);
  if (pastDeadline && light !== 'red') light = 'red';
  if (pastDeadline && tier === 'on_time') tier = 'overdue';
  return {
    deadline,
    suspended: normalizePauses(pauses).openFrom <= atMs,
    elapsedMinutes: elapsed,
    limitMinutes: limitValue,
    remainingMinutes: limitValue - elapsed,
    light,
    tier,
  };
}
