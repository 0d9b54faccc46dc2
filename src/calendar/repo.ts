/** SQL of the calendar module: the administrators' day overrides and the years they entered. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { DayOverride } from './config.js';
import './tables.js';

export interface StoredOverride {
  date: string;
  kind: 'workday' | 'holiday';
  name: string | null;
}

/** Every override, by date. */
export function listOverrides(db: Kysely<DB>): Promise<StoredOverride[]> {
  return db.selectFrom('calendar_overrides').selectAll().orderBy('date').execute();
}

/** The years whose holiday schedule an administrator entered, ascending. */
export async function enteredYears(db: Kysely<DB>): Promise<number[]> {
  const rows = await db.selectFrom('calendar_years').select('year').orderBy('year').execute();
  return rows.map((r) => r.year);
}

export async function upsertOverride(db: Kysely<DB>, value: StoredOverride): Promise<void> {
  await db
    .insertInto('calendar_overrides')
    .values(value)
    .onConflict((oc) => oc.column('date').doUpdateSet({ kind: value.kind, name: value.name }))
    .execute();
}

/** Whether there was an override on that date to delete. */
export async function deleteOverride(db: Kysely<DB>, date: string): Promise<boolean> {
  const deleted = await db.deleteFrom('calendar_overrides').where('date', '=', date).executeTakeFirst();
  return deleted.numDeletedRows > 0n;
}

/** Replaces a year's overrides with `overrides` and records who entered the year. */
export async function replaceYear(
  db: Kysely<DB>,
  year: number,
  overrides: readonly DayOverride[],
  enteredBy: number,
): Promise<void> {
  await db
    .deleteFrom('calendar_overrides')
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .execute();
  await db
    .insertInto('calendar_overrides')
    .values(overrides.map((o) => ({ date: o.date, kind: o.kind, name: o.name ?? null })))
    .execute();
  await db
    .insertInto('calendar_years')
    .values({ year, entered_by: enteredBy })
    .onConflict((oc) => oc.column('year').doUpdateSet({ entered_by: enteredBy, entered_at: sql`now()` }))
    .execute();
}
