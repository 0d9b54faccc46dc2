/**
 * 录入全年节假日 — an administrator enters a year's national holiday schedule (放假 ranges and
 * 调休 make-up working days) when the State Council's notice is out but the calendar data
 * (chinese-days) does not have it yet. This checks a schedule and expands it into day overrides.
 * Pure: no I/O; service.ts stores the result.
 */
import type { FieldError } from '../shared/errors.js';
import type { DayOverride } from './config.js';

export interface YearSchedule {
  holidays: Array<{ from: string; to: string; name: string }>;
  workdays: Array<{ date: string; name: string }>;
}

/** The longest holiday run in a notice is 8–9 days (春节, 国庆); a month is surely a typing error. */
const MAX_RANGE_DAYS = 31;
const DAY_MS = 86_400_000;

const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (day 0 was a Thursday). */
const weekdayOf = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

/**
 * Checks a year's schedule and expands it into day overrides; every problem names its field.
 * Pure: the service turns the issues into a problem+json.
 */
export function expandYearSchedule(
  year: number,
  schedule: YearSchedule,
): { ok: true; overrides: DayOverride[] } | { ok: false; issues: FieldError[] } {
  const issues: FieldError[] = [];
  const inYear = (date: string) => date.startsWith(`${year}-`);
  const holidayOf = new Map<number, number>(); // day → index of the range that declared it
  for (const [i, h] of schedule.holidays.entries()) {
    const field = `body.holidays.${i}`;
    if (!inYear(h.from)) issues.push({ field: `${field}.from`, reason: `must be a date in ${year}` });
    if (!inYear(h.to)) issues.push({ field: `${field}.to`, reason: `must be a date in ${year}` });
    const [from, to] = [dayOf(h.from), dayOf(h.to)];
    if (to < from) issues.push({ field: `${field}.to`, reason: 'must be on or after from' });
    else if (to - from + 1 > MAX_RANGE_DAYS)
      issues.push({ field: `${field}.to`, reason: `a holiday runs at most ${MAX_RANGE_DAYS} days` });
    else if (inYear(h.from) && inYear(h.to)) {
      for (let day = from; day <= to; day++) {
        const other = holidayOf.get(day);
        if (other !== undefined) {
          issues.push({ field, reason: `overlaps body.holidays.${other} on ${dateOf(day)}` });
          break;
        }
        holidayOf.set(day, i);
      }
    }
  }
  const workdays = new Set<number>();
  for (const [i, w] of schedule.workdays.entries()) {
    const field = `body.workdays.${i}.date`;
    const day = dayOf(w.date);
    if (!inYear(w.date)) issues.push({ field, reason: `must be a date in ${year}` });
    else if (holidayOf.has(day))
      issues.push({ field, reason: `is also a holiday in body.holidays.${holidayOf.get(day)}` });
    else if (weekdayOf(day) < 6)
      issues.push({
        field,
        reason: 'is a weekday, a working day already; 调休 make-up days fall on weekends',
      });
    else if (workdays.has(day)) issues.push({ field, reason: 'is listed twice' });
    workdays.add(day);
  }
  if (issues.length > 0) return { ok: false, issues };
  const names = new Map(schedule.holidays.map((h, i) => [i, h.name]));
  return {
    ok: true,
    overrides: [
      ...[...holidayOf].map(([day, i]) => ({
        date: dateOf(day),
        kind: 'holiday' as const,
        name: names.get(i)!,
      })),
      ...schedule.workdays.map((w) => ({ date: w.date, kind: 'workday' as const, name: w.name })),
    ].sort((a, b) => a.date.localeCompare(b.date)),
  };
}
