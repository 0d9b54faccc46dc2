/**
 * 时限 — time limits and the units they are written in: 工作时 (working hours), 工作日 (working
 * days) and 自然时 (natural hours), as in the local 《立案、处置和结案标准》 tables.
 */
import type { WorkingCalendar } from './calendar.js';
import { CalendarError } from './errors.js';

export type TimeLimitUnit =
  'working_minutes' | 'working_hours' | 'working_days' | 'natural_minutes' | 'natural_hours';

/** An amount of time in one unit. Amounts are non-negative and may be fractional (0.5 工作日). */
export interface TimeLimit {
  amount: number;
  unit: TimeLimitUnit;
}

/** Working time counts only working periods of working days; natural time counts every instant. */
export type TimeBasis = 'working' | 'natural';

export const TIME_LIMIT_UNITS: readonly TimeLimitUnit[] = Object.freeze([
  'working_minutes',
  'working_hours',
  'working_days',
  'natural_minutes',
  'natural_hours',
]);

/** Ten years of minutes: a larger limit is a data error. It also bounds every calendar walk. */
export const MAX_LIMIT_MINUTES = 10 * 366 * 24 * 60;

export function basisOf(unit: TimeLimitUnit): TimeBasis {
  switch (unit) {
    case 'working_minutes':
    case 'working_hours':
    case 'working_days':
      return 'working';
    case 'natural_minutes':
    case 'natural_hours':
      return 'natural';
  }
}

/**
 * The limit in minutes of its basis. A working day counts as the calendar's `workingDayMinutes`
 * (420 with the default periods), so 0.5 工作日 is 210 working minutes.
 */
export function limitMinutes(calendar: WorkingCalendar, limit: TimeLimit): number {
  const { amount, unit } = limit;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0) {
    throw new CalendarError(
      'CALENDAR_INVALID_DURATION',
      `amount must be a finite number ≥ 0, got ${String(amount)}`,
    );
  }
  let minutes: number;
  switch (unit) {
    case 'working_minutes':
    case 'natural_minutes':
      minutes = amount;
      break;
    case 'working_hours':
    case 'natural_hours':
      minutes = amount * 60;
      break;
    case 'working_days':
      minutes = amount * calendar.workingDayMinutes;
      break;
    default:
      throw new CalendarError('CALENDAR_INVALID_DURATION', `unknown unit "${String(unit)}"`);
  }
  if (minutes > MAX_LIMIT_MINUTES) {
    throw new CalendarError(
      'CALENDAR_INVALID_DURATION',
      `${amount} ${unit} is more than ${MAX_LIMIT_MINUTES} minutes (ten years)`,
    );
  }
  return minutes;
}

/** Limits are resolved to whole milliseconds, so fractional amounts give exact instants. */
export function limitMs(calendar: WorkingCalendar, limit: TimeLimit): number {
  return Math.round(limitMinutes(calendar, limit) * 60_000);
}
