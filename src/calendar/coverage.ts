/**
 * 节假日数据覆盖 — which years' national holiday schedule the calendar knows. Without it every
 * weekday of the year counts as a working day (2027-01-01, 元旦, would be one), so deadlines that
 * run into such a year are only provisional and must say so. Pure; no I/O.
 */
import { hasHolidaySchedule, localDateOf, type WorkingCalendar } from './calendar.js';
import { PUBLIC_HOLIDAY_DATA_YEARS } from './holidays.js';

/** Where a year's schedule comes from: the State Council's notice (via chinese-days), an administrator, or nowhere. */
export type HolidayScheduleSource = 'official' | 'administrator' | 'none';

export function holidayScheduleSource(calendar: WorkingCalendar, year: number): HolidayScheduleSource {
  const { firstYear, lastYear } = PUBLIC_HOLIDAY_DATA_YEARS;
  if (calendar.config.publicHolidays === 'chinese-days' && year >= firstYear && year <= lastYear)
    return 'official';
  return hasHolidaySchedule(calendar, year) ? 'administrator' : 'none';
}

/** The local calendar years from `from` to `to` (inclusive, either order), ascending. */
export function yearsBetween(calendar: WorkingCalendar, from: Date, to: Date): number[] {
  const [a, b] = [localDateOf(calendar, from), localDateOf(calendar, to)].map((d) => Number(d.slice(0, 4)));
  const [first, last] = a! <= b! ? [a!, b!] : [b!, a!];
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * 未确认的日历年份 — the years a deadline computation from `from` to `to` crosses whose holiday
 * schedule is not known: the deadline counted them as ordinary years.
 */
export function unconfirmedYears(calendar: WorkingCalendar, from: Date, to: Date): number[] {
  return yearsBetween(calendar, from, to).filter((year) => !hasHolidaySchedule(calendar, year));
}
