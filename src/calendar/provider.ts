/**
 * The district's working calendar: configured working hours and time zone, Chinese public
 * holidays and 调休 from chinese-days, and the administrators' overrides from the database.
 * Rebuilt when overrides change through this process, and at most a minute late otherwise.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { createWorkingCalendar, type WorkingCalendar } from './calendar.js';
import type { WorkingCalendarConfig } from './config.js';
import { enteredYears, listOverrides } from './repo.js';

export class CalendarProvider {
  private calendar: WorkingCalendar | null = null;
  private loadedAt = 0;

  constructor(
    private readonly base: WorkingCalendarConfig = {},
    private readonly maxAgeMs = 60_000,
  ) {}

  invalidate(): void {
    this.calendar = null;
  }

  async get(db: Kysely<DB>): Promise<WorkingCalendar> {
    if (this.calendar && Date.now() - this.loadedAt < this.maxAgeMs) return this.calendar;
    const [overrides, years] = await Promise.all([listOverrides(db), enteredYears(db)]);
    this.calendar = createWorkingCalendar({
      ...this.base,
      overrides: overrides.map((o) => ({ date: o.date, kind: o.kind, ...(o.name ? { name: o.name } : {}) })),
      enteredYears: years,
    });
    this.loadedAt = Date.now();
    return this.calendar;
  }
}
