/**
 * 录入全年节假日 — an administrator enters a year's national holiday schedule (放假 ranges and
 * 调休 make-up working days) when the State Council's notice is out but the calendar data
 * (chinese-days) does not have it yet: PUT /api/v1/calendar/years/:year replaces that year's
 * overrides in one transaction, with an audit entry. Until then deadlines that run into the year
 * carry a warning (see deadline-warning.ts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';
import { recordAudit } from '../audit/index.js';
import { createWorkingCalendar, type DayOverride } from '../calendar/index.js';
import type { RouteDeps } from '../http/module.js';
import { contextOf } from '../http/auth.js';
import { problems } from '../http/schemas.js';
import { DomainError, validationError, type FieldError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import './tables.js';

const LocalDate = Type.String({ format: 'date' });
const Name = Type.String({ minLength: 1, maxLength: 100 });
export const YearScheduleBody = Type.Object(
  {
    holidays: Type.Array(
      Type.Object({ from: LocalDate, to: LocalDate, name: Name }, { additionalProperties: false }),
      {
        minItems: 1,
        maxItems: 60,
      },
    ),
    workdays: Type.Array(Type.Object({ date: LocalDate, name: Name }, { additionalProperties: false }), {
      maxItems: 30,
    }),
  },
  { additionalProperties: false },
);

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
 * Pure: the route turns the issues into a problem+json.
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

export const calendarYearRoutes: FastifyPluginAsyncTypebox<RouteDeps> = async (app, deps) => {
  app.put(
    '/calendar/years/:year',
    {
      config: { access: 'case-config:write' },
      schema: {
        tags: ['case configuration'],
        summary:
          "Enter a whole year's holidays and 调休 working days (admin); replaces that year's overrides",
        params: Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }),
        body: YearScheduleBody,
        response: {
          200: Type.Object({ year: Type.Integer(), holidays: Type.Integer(), workdays: Type.Integer() }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      if (ctx.actor.role !== 'admin')
        throw new DomainError('FORBIDDEN', 'Only administrators change the case-loop configuration');
      const { year } = request.params;
      const expanded = expandYearSchedule(year, request.body);
      if (!expanded.ok) throw validationError(expanded.issues);
      // Build a calendar with them first, so an invalid override never reaches the table.
      createWorkingCalendar({ overrides: expanded.overrides });
      await inTransaction(deps.db, async (tx) => {
        await tx
          .deleteFrom('calendar_overrides')
          .where('date', '>=', `${year}-01-01`)
          .where('date', '<=', `${year}-12-31`)
          .execute();
        await tx.insertInto('calendar_overrides').values(expanded.overrides).execute();
        await tx
          .insertInto('calendar_years')
          .values({ year, entered_by: ctx.actor.id })
          .onConflict((oc) =>
            oc.column('year').doUpdateSet({ entered_by: ctx.actor.id, entered_at: sql`now()` }),
          )
          .execute();
        await recordAudit(tx, ctx, {
          action: 'calendar.year',
          targetType: 'calendar_year',
          targetId: String(year),
          detail: { year, ...request.body },
        });
      });
      deps.cases.calendars.invalidate();
      return {
        year,
        holidays: expanded.overrides.filter((o) => o.kind === 'holiday').length,
        workdays: expanded.overrides.filter((o) => o.kind === 'workday').length,
      };
    },
  );
};
