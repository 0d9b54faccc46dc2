/**
 * Case numbers (案卷编号): district code + local date + 5-digit daily sequence, e.g.
 * 11010120261127 00042 → `1101012026112700042`. Human-readable, sortable, unique; the counter row
 * is locked by its upsert, so concurrent intakes never share a number, and a rolled-back intake
 * leaves no gap. The lock lasts until commit, so intake takes the number as its last step and
 * writes the case first under a provisional number (`~…`); migration 0012 refuses to commit one.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { localDayHour } from '../shared/local-time.js';
import './tables.js';

export function localDay(instant: Date, timeZone: string): string {
  return localDayHour(instant, timeZone).day;
}

export async function nextCaseNumber(
  tx: Transaction<DB>,
  districtCode: string,
  instant: Date,
  timeZone: string,
): Promise<string> {
  const day = localDay(instant, timeZone);
  const row = await sql<{ last: number }>`
    insert into case_number_counters (district_code, day, last) values (${districtCode}, ${day}, 1)
    on conflict (district_code, day) do update set last = case_number_counters.last + 1
    returning last`.execute(tx);
  return `${districtCode}${day.replaceAll('-', '')}${String(row.rows[0]!.last).padStart(5, '0')}`;
}

/** A unique placeholder for the moments between inserting a case and numbering it. */
export function provisionalCaseNumber(): string {
  return `~${randomUUID()}`;
}
