/**
 * The working calendar's use cases, one transaction each with its audit entry: read the calendar
 * between two dates (each day and why), declare one day a workday or a holiday, and enter a whole
 * year's holiday schedule. Each write rebuilds the district's calendar (provider.ts).
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError, validationError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { classifyDay, createWorkingCalendar, type DayClassification } from './calendar.js';
import { holidayScheduleSource, type HolidayScheduleSource } from './coverage.js';
import type { CalendarProvider } from './provider.js';
import { deleteOverride, listOverrides, replaceYear, upsertOverride, type StoredOverride } from './repo.js';
import { expandYearSchedule, type YearSchedule } from './year-schedule.js';

const DAY_MS = 86_400_000;

export interface CalendarView {
  days: DayClassification[];
  overrides: StoredOverride[];
  /** Whether each year shown has its holiday schedule (2027 may not yet: the page asks for it). */
  years: Array<{ year: number; holidaySchedule: HolidayScheduleSource }>;
}

/** The working calendar between two local dates (at most 366 days apart), each day classified. */
export async function calendarBetween(
  db: Kysely<DB>,
  calendars: CalendarProvider,
  from: string,
  to: string,
): Promise<CalendarView> {
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS;
  if (!(days >= 0 && days <= 366))
    throw validationError([
      { field: 'querystring.to', reason: 'must be on or after from, at most 366 days later' },
    ]);
  const calendar = await calendars.get(db);
  const out = [];
  for (let i = 0; i <= days; i++) {
    const date = new Date(Date.parse(from) + i * DAY_MS).toISOString().slice(0, 10);
    out.push(classifyDay(calendar, date));
  }
  const overrides = await listOverrides(db);
  const years = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++)
    years.push({ year, holidaySchedule: holidayScheduleSource(calendar, year) });
  return { days: out, overrides, years };
}

/** Declares one day a workday or a holiday; a whole year's schedule goes to {@link enterYearSchedule}. */
export async function setDayOverride(
  db: Kysely<DB>,
  calendars: CalendarProvider,
  ctx: RequestContext,
  value: StoredOverride,
): Promise<StoredOverride> {
  // Build a calendar with it first, so an invalid override never reaches the table.
  createWorkingCalendar({ overrides: [{ date: value.date, kind: value.kind }] });
  await inTransaction(db, async (tx) => {
    await upsertOverride(tx, value);
    await recordAudit(tx, ctx, {
      action: 'calendar.override',
      targetType: 'calendar_override',
      targetId: value.date,
      detail: { ...value },
    });
  });
  calendars.invalidate();
  return value;
}

export async function removeDayOverride(
  db: Kysely<DB>,
  calendars: CalendarProvider,
  ctx: RequestContext,
  date: string,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    if (!(await deleteOverride(tx, date))) throw new DomainError('NOT_FOUND', `No override on ${date}`);
    await recordAudit(tx, ctx, {
      action: 'calendar.override_delete',
      targetType: 'calendar_override',
      targetId: date,
    });
  });
  calendars.invalidate();
}

/**
 * 录入全年节假日 — replaces a year's overrides with its national holiday schedule, so deadlines
 * that run into the year lose their warning (src/cases/deadlines/warning.ts).
 */
export async function enterYearSchedule(
  db: Kysely<DB>,
  calendars: CalendarProvider,
  ctx: RequestContext,
  year: number,
  schedule: YearSchedule,
): Promise<{ year: number; holidays: number; workdays: number }> {
  const expanded = expandYearSchedule(year, schedule);
  if (!expanded.ok) throw validationError(expanded.issues);
  // Build a calendar with them first, so an invalid override never reaches the table.
  createWorkingCalendar({ overrides: expanded.overrides });
  await inTransaction(db, async (tx) => {
    await replaceYear(tx, year, expanded.overrides, ctx.actor.id);
    await recordAudit(tx, ctx, {
      action: 'calendar.year',
      targetType: 'calendar_year',
      targetId: String(year),
      detail: { year, ...schedule },
    });
  });
  calendars.invalidate();
  return {
    year,
    holidays: expanded.overrides.filter((o) => o.kind === 'holiday').length,
    workdays: expanded.overrides.filter((o) => o.kind === 'workday').length,
  };
}
