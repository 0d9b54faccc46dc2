/**
 * The working calendar's configuration (工作日历配置): plain data, as stored in settings or a
 * city's rule tables, and its validation. `createWorkingCalendar` turns it into a `WorkingCalendar`.
 *
 * The standards leave the numbers to local rules (docs/domain/working-time.md); the defaults
 * are the Beijing government office hours with a lunch break.
 */
import { IANAZone } from 'luxon';
import { parseClockTime, tryParseLocalDate, type IsoWeekday } from './civil-date.js';
import type { CalendarConfigIssue } from './errors.js';

/** 工作时段 — one working period of a working day, in local wall-clock time `HH:MM` (end may be `24:00`). */
export interface WorkingPeriodConfig {
  start: string;
  end: string;
}

/**
 * An administrator's decision about one date; it wins over the national schedule and the
 * weekend rule. Used for a year the package does not know yet, or a local day off.
 */
export interface DayOverride {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  kind: 'workday' | 'holiday';
  name?: string;
}

/** Where the national holidays and 调休 come from: the `chinese-days` package, or nowhere. */
export type PublicHolidaySource = 'chinese-days' | 'none';

export interface WorkingCalendarConfig {
  /** IANA time zone of the local dates and working periods. Default `Asia/Shanghai`. */
  timeZone?: string;
  /** Working periods of every working day, ascending and disjoint. Default 09:00–12:00 and 13:30–17:30. */
  workingPeriods?: readonly WorkingPeriodConfig[];
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are rest days unless 调休 says otherwise. Default [6, 7]. */
  weekendDays?: readonly IsoWeekday[];
  /** Default `chinese-days`. */
  publicHolidays?: PublicHolidaySource;
  /** Administrator overrides, one per date at most. */
  overrides?: readonly DayOverride[];
  /**
   * Years whose whole holiday schedule an administrator entered (录入全年节假日): known like the
   * packaged years. A single override does not make a year known.
   */
  enteredYears?: readonly number[];
}

/** The configuration with every default filled in. */
export type ResolvedCalendarConfig = Readonly<Required<WorkingCalendarConfig>>;

export const DEFAULT_WORKING_CALENDAR_CONFIG: ResolvedCalendarConfig = Object.freeze({
  timeZone: 'Asia/Shanghai',
  workingPeriods: Object.freeze([
    Object.freeze({ start: '09:00', end: '12:00' }),
    Object.freeze({ start: '13:30', end: '17:30' }),
  ]),
  weekendDays: Object.freeze([6, 7] as const),
  publicHolidays: 'chinese-days',
  overrides: Object.freeze([]),
  enteredYears: Object.freeze([]),
});

/** Fills in the defaults and takes a frozen copy, so later changes to the input cannot leak in. */
export function resolveCalendarConfig(config: WorkingCalendarConfig): ResolvedCalendarConfig {
  const defaults = DEFAULT_WORKING_CALENDAR_CONFIG;
  return Object.freeze({
    timeZone: config.timeZone ?? defaults.timeZone,
    workingPeriods: Object.freeze(
      (config.workingPeriods ?? defaults.workingPeriods).map((period) =>
        Object.freeze({ start: period.start, end: period.end }),
      ),
    ),
    weekendDays: Object.freeze([...(config.weekendDays ?? defaults.weekendDays)]),
    publicHolidays: config.publicHolidays ?? defaults.publicHolidays,
    overrides: Object.freeze(
      (config.overrides ?? defaults.overrides).map((override) => Object.freeze({ ...override })),
    ),
    enteredYears: Object.freeze([...(config.enteredYears ?? defaults.enteredYears)]),
  });
}

/**
 * Lists every problem of a configuration (defaults filled in first); an empty list means valid.
 * It checks meaning (times, order, zones, dates), and re-checks value types an unchecked source
 * might get wrong; the JSON shape itself (arrays, objects) is the request schema's job.
 */
export function validateWorkingCalendarConfig(config: WorkingCalendarConfig): CalendarConfigIssue[] {
  const resolved = resolveCalendarConfig(config);
  return [
    ...checkTimeZone(resolved.timeZone),
    ...checkPeriods(resolved.workingPeriods),
    ...checkWeekend(resolved.weekendDays),
    ...checkHolidaySource(resolved.publicHolidays),
    ...checkOverrides(resolved.overrides),
  ];
}

function checkTimeZone(timeZone: string): CalendarConfigIssue[] {
  if (typeof timeZone === 'string' && IANAZone.isValidZone(timeZone)) return [];
  return [
    {
      path: 'timeZone',
      code: 'BAD_TIME_ZONE',
      message: `"${String(timeZone)}" is not an IANA time zone such as Asia/Shanghai`,
    },
  ];
}

function checkPeriods(periods: readonly WorkingPeriodConfig[]): CalendarConfigIssue[] {
  if (periods.length === 0) {
    return [
      {
        path: 'workingPeriods',
        code: 'NO_WORKING_PERIODS',
        message: 'a working day needs at least one working period',
      },
    ];
  }
  const issues: CalendarConfigIssue[] = [];
  let previous: { index: number; start: number; end: number } | null = null;
  periods.forEach((period, index) => {
    const path = `workingPeriods[${index}]`;
    const start = parseClockTime(String(period.start), false);
    const end = parseClockTime(String(period.end), true);
    if (start === null) {
      issues.push({
        path: `${path}.start`,
        code: 'BAD_TIME',
        message: `"${String(period.start)}" is not a time HH:MM from 00:00 to 23:59`,
      });
    }
    if (end === null) {
      issues.push({
        path: `${path}.end`,
        code: 'BAD_TIME',
        message: `"${String(period.end)}" is not a time HH:MM from 00:00 to 24:00`,
      });
    }
    if (start === null || end === null) return;
    if (end <= start) {
      issues.push({
        path,
        code: 'EMPTY_PERIOD',
        message: `period ${period.start}–${period.end} must end after it starts (periods cannot cross midnight)`,
      });
      return;
    }
    if (previous !== null) {
      const label = `workingPeriods[${previous.index}]`;
      if (start < previous.start) {
        issues.push({
          path,
          code: 'PERIODS_UNORDERED',
          message: `period ${period.start}–${period.end} starts before ${label}; list periods in time order`,
        });
      } else if (start < previous.end) {
        issues.push({
          path,
          code: 'PERIODS_OVERLAP',
          message: `period ${period.start}–${period.end} overlaps ${label}`,
        });
      }
    }
    previous = { index, start, end };
  });
  return issues;
}

function checkWeekend(weekendDays: readonly number[]): CalendarConfigIssue[] {
  const issues: CalendarConfigIssue[] = [];
  const seen = new Set<number>();
  weekendDays.forEach((day, index) => {
    const path = `weekendDays[${index}]`;
    if (!Number.isInteger(day) || day < 1 || day > 7) {
      issues.push({
        path,
        code: 'BAD_WEEKDAY',
        message: `${String(day)} is not an ISO weekday (1 = Monday … 7 = Sunday)`,
      });
    } else if (seen.has(day)) {
      issues.push({ path, code: 'DUPLICATE_WEEKDAY', message: `weekday ${day} is listed twice` });
    }
    seen.add(day);
  });
  // Every week must hold a working weekday, or a deadline search past the last override never ends.
  if ([1, 2, 3, 4, 5, 6, 7].every((day) => seen.has(day))) {
    issues.push({
      path: 'weekendDays',
      code: 'NO_WORKING_WEEKDAY',
      message: 'at least one weekday must be a working day',
    });
  }
  return issues;
}

function checkHolidaySource(source: string): CalendarConfigIssue[] {
  if (source === 'chinese-days' || source === 'none') return [];
  return [
    {
      path: 'publicHolidays',
      code: 'BAD_HOLIDAY_SOURCE',
      message: `"${source}" is not one of chinese-days, none`,
    },
  ];
}

function checkOverrides(overrides: readonly DayOverride[]): CalendarConfigIssue[] {
  const issues: CalendarConfigIssue[] = [];
  const seen = new Map<number, number>();
  overrides.forEach((override, index) => {
    const path = `overrides[${index}]`;
    const dayNumber = typeof override.date === 'string' ? tryParseLocalDate(override.date) : null;
    if (dayNumber === null) {
      issues.push({
        path: `${path}.date`,
        code: 'BAD_DATE',
        message: `"${String(override.date)}" is not a date YYYY-MM-DD`,
      });
    } else if (seen.has(dayNumber)) {
      issues.push({
        path: `${path}.date`,
        code: 'DUPLICATE_OVERRIDE',
        message: `${override.date} is already overridden by overrides[${seen.get(dayNumber)}]`,
      });
    } else {
      seen.set(dayNumber, index);
    }
    if (override.kind !== 'workday' && override.kind !== 'holiday') {
      issues.push({
        path: `${path}.kind`,
        code: 'BAD_OVERRIDE_KIND',
        message: `"${String(override.kind)}" is not one of workday, holiday`,
      });
    }
  });
  return issues;
}
