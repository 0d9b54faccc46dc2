/**
 * What a queue row shows beyond the case row: the names of its grid, community and street (a clerk
 * reads 东华门街道 · 多福巷社区, not 110101001001003), and the deadline clock running now — the
 * filing (立案) or dispatch (派遣) clock before a case has a handling deadline — with its remaining
 * working time. One query for the names and one for the clocks per page.
 */
import type { Kysely } from 'kysely';
import type { CalendarProvider } from '../calendar/index.js';
import type { DB } from '../db/schema.js';
import { regionNames } from '../geography/index.js';
import { clockView, type ClockView } from './queries.js';
import type { CaseRow } from './repo.js';
import './tables.js';

export interface RegionNames {
  gridName: string | null;
  communityName: string | null;
  streetName: string | null;
}

export interface ListExtras {
  names: RegionNames;
  /** The running clock that falls due first; null when none runs (closed, suspended none). */
  runningClock: ClockView | null;
}

export async function listExtras(
  db: Kysely<DB>,
  calendars: CalendarProvider,
  rows: readonly CaseRow[],
  now: Date,
): Promise<Map<number, ListExtras>> {
  const extras = new Map<number, ListExtras>();
  if (rows.length === 0) return extras;
  const codes = [...new Set(rows.flatMap((r) => [r.grid_code, r.community_code, r.street_code]))];
  const ids = rows.map((r) => r.id);
  const [names, clocks, calendar] = await Promise.all([
    regionNames(db, codes),
    db
      .selectFrom('case_clocks')
      .selectAll()
      .where('case_id', 'in', ids)
      .where('stopped_at', 'is', null)
      .execute(),
    calendars.get(db),
  ]);
  for (const row of rows) {
    const running = clocks
      .filter((c) => Number(c.case_id) === row.id)
      .map((c) => clockView(calendar, c, now))
      .sort((a, b) => a.remainingMinutes - b.remainingMinutes);
    extras.set(row.id, {
      names: {
        gridName: names.get(row.grid_code) ?? null,
        communityName: names.get(row.community_code) ?? null,
        streetName: names.get(row.street_code) ?? null,
      },
      runningClock: running[0] ?? null,
    });
  }
  return extras;
}
