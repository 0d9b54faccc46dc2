/**
 * 工作日历 — the compiled working calendar: which local dates are working days (工作日) and
 * which instants of those days are working time (工作时间). Day classifications and period
 * instants are cached per date, so deadline arithmetic walks days by map lookups.
 */
import { DateTime } from 'luxon';
import {
  civilFromDayNumber,
  dayNumberFromCivil,
  formatDayNumber,
  isoWeekdayOf,
  parseClockTime,
  parseLocalDate,
  type IsoWeekday,
} from './civil-date.js';
import {
  resolveCalendarConfig,
  validateWorkingCalendarConfig,
  type ResolvedCalendarConfig,
  type WorkingCalendarConfig,
} from './config.js';
import { CalendarError } from './errors.js';
import { PUBLIC_HOLIDAY_DATA_YEARS, publicDayEntry } from './holidays.js';

/** Why a date is, or is not, a working day. */
export type DayReason =
  /** An ordinary weekday. */
  | 'regular_workday'
  /** A configured weekend day (休息日). */
  | 'weekend'
  /** 法定节假日 — a public holiday, including the weekend days joined to it, from the national schedule. */
  | 'public_holiday'
  /** 调休上班日 — a weekend day made a working day by the national schedule. */
  | 'adjusted_workday'
  /** An administrator override made it a working day. */
  | 'override_workday'
  /** An administrator override made it a day off. */
  | 'override_holiday';

export interface DayClassification {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  weekday: IsoWeekday;
  working: boolean;
  reason: DayReason;
  /** Festival or override name, e.g. `国庆节`, when there is one. */
  name?: string;
}

/** An interval of working time as epoch milliseconds, start inclusive, end exclusive. */
export type MsInterval = readonly [start: number, end: number];

interface DayInfo {
  classification: DayClassification;
  /** Working periods as instants; empty on a day off. */
  periods: readonly MsInterval[];
}

/** Enough for decades of dates; a guard against unbounded growth, not a tuning knob. */
const CACHE_LIMIT = 100_000;
const MS_PER_DAY = 86_400_000;

/** A validated, compiled working calendar. Build it with `createWorkingCalendar`. */
export class WorkingCalendar {
  readonly config: ResolvedCalendarConfig;
  /** Minutes of working time in one working day: the unit size of `working_days`. */
  readonly workingDayMinutes: number;
  readonly #periodMinutes: readonly (readonly [number, number])[];
  readonly #weekend: ReadonlySet<number>;
  readonly #overrides: ReadonlyMap<number, { kind: 'workday' | 'holiday'; name?: string }>;
  readonly #days = new Map<number, DayInfo>();
  readonly #dayStarts = new Map<number, number>();
  #offsetGuessMs = 0;

  /** @internal Use `createWorkingCalendar`, which validates first. */
  constructor(config: ResolvedCalendarConfig) {
    this.config = config;
    this.#periodMinutes = config.workingPeriods.map(
      (period) => [parseClockTime(period.start, false) ?? 0, parseClockTime(period.end, true) ?? 0] as const,
    );
    this.workingDayMinutes = this.#periodMinutes.reduce((sum, [start, end]) => sum + end - start, 0);
    this.#weekend = new Set(config.weekendDays);
    this.#overrides = new Map(
      config.overrides.map((override) => [
        parseLocalDate(override.date),
        override.name === undefined ? { kind: override.kind } : { kind: override.kind, name: override.name },
      ]),
    );
  }

  /** @internal The local date (day number) an instant falls on. */
  dayNumberOf(instantMs: number): number {
    // Guess with the last offset seen (exact unless an offset change lies between), then step
    // by cached day starts: two map lookups in the common case, no time-zone computation.
    let day = Math.floor((instantMs + this.#offsetGuessMs) / MS_PER_DAY);
    for (let step = 0; step < 4; step++) {
      if (instantMs < this.#dayStart(day)) day--;
      else if (instantMs >= this.#dayStart(day + 1)) day++;
      else {
        this.#offsetGuessMs = day * MS_PER_DAY - this.#dayStart(day);
        return day;
      }
    }
    const local = DateTime.fromMillis(instantMs, { zone: this.config.timeZone });
    return dayNumberFromCivil({ year: local.year, month: local.month, day: local.day });
  }

  /** @internal Classification and working-period instants of one local date, cached. */
  day(dayNumber: number): DayInfo {
    let info = this.#days.get(dayNumber);
    if (info === undefined) {
      if (this.#days.size >= CACHE_LIMIT) this.#days.clear();
      const classification = this.#classify(dayNumber);
      info = { classification, periods: classification.working ? this.#periodInstants(dayNumber) : [] };
      this.#days.set(dayNumber, info);
    }
    return info;
  }

  /** The first instant of a local date (local midnight, or later if midnight falls in a DST gap). */
  #dayStart(dayNumber: number): number {
    let start = this.#dayStarts.get(dayNumber);
    if (start === undefined) {
      if (this.#dayStarts.size >= CACHE_LIMIT) this.#dayStarts.clear();
      const { year, month, day } = civilFromDayNumber(dayNumber);
      start = DateTime.fromObject({ year, month, day }, { zone: this.config.timeZone })
        .startOf('day')
        .toMillis();
      this.#dayStarts.set(dayNumber, start);
    }
    return start;
  }

  #classify(dayNumber: number): DayClassification {
    const date = formatDayNumber(dayNumber);
    const weekday = isoWeekdayOf(dayNumber);
    const override = this.#overrides.get(dayNumber);
    if (override !== undefined) {
      const working = override.kind === 'workday';
      const reason = working ? 'override_workday' : 'override_holiday';
      return {
        date,
        weekday,
        working,
        reason,
        ...(override.name === undefined ? {} : { name: override.name }),
      };
    }
    const entry = this.config.publicHolidays === 'chinese-days' ? publicDayEntry(dayNumber) : undefined;
    if (entry !== undefined) {
      const working = entry.kind === 'workday';
      return {
        date,
        weekday,
        working,
        reason: working ? 'adjusted_workday' : 'public_holiday',
        name: entry.name,
      };
    }
    const weekend = this.#weekend.has(weekday);
    return { date, weekday, working: !weekend, reason: weekend ? 'weekend' : 'regular_workday' };
  }

  #periodInstants(dayNumber: number): MsInterval[] {
    const start = this.#dayStart(dayNumber);
    // A day of exactly 24 hours has no offset change inside it (a gap at midnight would shorten
    // it), so wall-clock minutes are minutes after its start; otherwise ask luxon each time.
    const regular = this.#dayStart(dayNumber + 1) - start === MS_PER_DAY;
    const instant = (minute: number): number =>
      regular ? start + minute * 60_000 : this.#localInstant(dayNumber, minute);
    const intervals: MsInterval[] = [];
    for (const [startMinute, endMinute] of this.#periodMinutes) {
      const from = instant(startMinute);
      const to = instant(endMinute);
      // Only a daylight-saving gap can make a period empty; Asia/Shanghai has none since 1991.
      if (to > from) intervals.push([from, to]);
    }
    return intervals;
  }

  #localInstant(dayNumber: number, minuteOfDay: number): number {
    if (minuteOfDay >= 1440) return this.#localInstant(dayNumber + 1, minuteOfDay - 1440);
    const { year, month, day } = civilFromDayNumber(dayNumber);
    const hour = Math.floor(minuteOfDay / 60);
    const minute = minuteOfDay % 60;
    return DateTime.fromObject({ year, month, day, hour, minute }, { zone: this.config.timeZone }).toMillis();
  }
}

/**
 * Validates a configuration and compiles it. Throws CALENDAR_INVALID_CONFIG listing every
 * problem. Build one calendar per configuration and keep it: its day cache makes it fast.
 */
export function createWorkingCalendar(config: WorkingCalendarConfig = {}): WorkingCalendar {
  const issues = validateWorkingCalendarConfig(config);
  if (issues.length > 0) {
    const detail = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new CalendarError('CALENDAR_INVALID_CONFIG', `invalid working calendar: ${detail}`, issues);
  }
  return new WorkingCalendar(resolveCalendarConfig(config));
}

/** Classifies a local date `YYYY-MM-DD`: working or not, and why. */
export function classifyDay(calendar: WorkingCalendar, localDate: string): DayClassification {
  return { ...calendar.day(parseLocalDate(localDate)).classification };
}

/** 工作日 — whether a local date `YYYY-MM-DD` is a working day. */
export function isWorkingDay(calendar: WorkingCalendar, localDate: string): boolean {
  return calendar.day(parseLocalDate(localDate)).classification.working;
}

/** The working periods of a local date as instants (start inclusive, end exclusive); empty on a day off. */
export function workingPeriodsOn(calendar: WorkingCalendar, localDate: string): { start: Date; end: Date }[] {
  return calendar
    .day(parseLocalDate(localDate))
    .periods.map(([start, end]) => ({ start: new Date(start), end: new Date(end) }));
}

/** The local date `YYYY-MM-DD` an instant falls on in the calendar's time zone. */
export function localDateOf(calendar: WorkingCalendar, instant: Date): string {
  return formatDayNumber(calendar.dayNumberOf(instantMs(instant)));
}

/** @internal Epoch milliseconds of a valid Date; throws CALENDAR_INVALID_DATE otherwise. */
export function instantMs(instant: Date, what = 'instant'): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new CalendarError('CALENDAR_INVALID_DATE', `${what} is not a valid Date`);
  return ms;
}

/**
 * Whether the national holiday schedule for `year` is known: the package holds it, or an
 * administrator entered the whole year (`enteredYears`). A single override (a local closure) does
 * not make a year known. A service should warn when next year's is not known by December, since
 * without it every weekday counts as a working day.
 */
export function hasHolidaySchedule(calendar: WorkingCalendar, year: number): boolean {
  const { firstYear, lastYear } = PUBLIC_HOLIDAY_DATA_YEARS;
  if (calendar.config.publicHolidays === 'chinese-days' && year >= firstYear && year <= lastYear) return true;
  return calendar.config.enteredYears.includes(year);
}
