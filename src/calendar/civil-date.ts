/**
 * Civil (wall-calendar) dates as integer day numbers, independent of the machine's time zone.
 * A day number counts days since 1970-01-01 of the proleptic Gregorian calendar; it names a
 * local date, not an instant, so all arithmetic here uses UTC getters only.
 */
import { CalendarError } from './errors.js';

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/** ISO weekday: 1 = Monday … 7 = Sunday (the luxon convention). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Parses `YYYY-MM-DD` into a day number, or returns null when it is not a real date. */
export function tryParseLocalDate(text: string): number | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const dayNumber = dayNumberFromCivil({ year, month, day });
  const back = civilFromDayNumber(dayNumber);
  return back.year === year && back.month === month && back.day === day ? dayNumber : null;
}

/** Parses `YYYY-MM-DD` into a day number; throws CALENDAR_INVALID_DATE otherwise. */
export function parseLocalDate(text: string): number {
  const dayNumber = tryParseLocalDate(text);
  if (dayNumber === null) {
    throw new CalendarError('CALENDAR_INVALID_DATE', `"${text}" is not a local date in the form YYYY-MM-DD`);
  }
  return dayNumber;
}

export function dayNumberFromCivil({ year, month, day }: CivilDate): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return Math.floor(date.getTime() / MS_PER_DAY);
}

export function civilFromDayNumber(dayNumber: number): CivilDate {
  const date = new Date(dayNumber * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function formatDayNumber(dayNumber: number): string {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isoWeekdayOf(dayNumber: number): IsoWeekday {
  // Day 0 (1970-01-01) was a Thursday, ISO weekday 4.
  return (((((dayNumber + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/**
 * Parses `HH:MM` into minutes after local midnight. `24:00` is accepted only where `allowEndOfDay`
 * is set (the end of a period that runs to midnight). Returns null when malformed.
 */
export function parseClockTime(text: string, allowEndOfDay: boolean): number | null {
  const match = TIME_PATTERN.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours === 24 && minutes === 0) return allowEndOfDay ? 1440 : null;
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}
