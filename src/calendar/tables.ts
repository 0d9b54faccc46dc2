/**
 * Row types of the calendar tables (migration 0003), merged into the database interface by
 * declaration merging so the module owns its schema.
 */
import type { ColumnType } from 'kysely';

type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** An administrator's declaration that one day is a workday (调休) or a holiday. */
export interface CalendarOverridesTable {
  date: string;
  kind: 'workday' | 'holiday';
  name: string | null;
}

/** A year whose whole holiday schedule an administrator entered (录入全年节假日). */
export interface CalendarYearsTable {
  year: number;
  entered_by: number | null;
  entered_at: GeneratedTimestamp;
}

declare module '../db/schema.js' {
  interface DB {
    calendar_overrides: CalendarOverridesTable;
    calendar_years: CalendarYearsTable;
  }
}
