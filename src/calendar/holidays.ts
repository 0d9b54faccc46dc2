/**
 * Chinese public holidays (法定节假日) and adjusted working days (调休上班日) from the
 * `chinese-days` package, which transcribes the State Council's yearly notice
 * (国务院办公厅关于节假日安排的通知).
 *
 * We read the package's bundled JSON, not its functions: `isWorkday`/`getDayDetail` work in the
 * machine's local time zone, so west of UTC they shift dates by one day (with
 * TZ=America/Los_Angeles, `isWorkday('2025-10-13')`, a Monday, is false, and a local Date of
 * 2025-09-27 is called the make-up working day). The JSON holds plain `YYYY-MM-DD` keys.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { tryParseLocalDate } from './civil-date.js';

/** What the national schedule says about one date, if anything. */
export interface PublicDayEntry {
  /** `holiday`: a day off (法定节假日 or the weekend days joined to it); `workday`: 调休 make-up working day. */
  kind: 'holiday' | 'workday';
  /** Chinese name of the festival, e.g. `国庆节`. */
  name: string;
  /** English name of the festival, e.g. `National Day`. */
  englishName: string;
}

/** Entries look like `"National Day,国庆节,3"`: English name, Chinese name, length in days. */
function parseEntry(kind: PublicDayEntry['kind'], raw: string): PublicDayEntry {
  const [englishName = raw, name = englishName] = raw.split(',');
  return { kind, name, englishName };
}

function buildTable(): ReadonlyMap<number, PublicDayEntry> {
  const table = new Map<number, PublicDayEntry>();
  const add = (kind: PublicDayEntry['kind'], entries: Record<string, string>): void => {
    for (const [date, raw] of Object.entries(entries)) {
      const dayNumber = tryParseLocalDate(date);
      if (dayNumber !== null) table.set(dayNumber, parseEntry(kind, raw));
    }
  };
  add('holiday', chineseDays.holidays);
  // A date is never both; if the data ever said so, the working day (an explicit exception) wins.
  add('workday', chineseDays.workdays);
  return table;
}

const table = buildTable();

function yearsCovered(): { firstYear: number; lastYear: number } {
  const years = Object.keys(chineseDays.holidays).map((date) => Number(date.slice(0, 4)));
  return { firstYear: Math.min(...years), lastYear: Math.max(...years) };
}

/** First and last calendar year for which the package holds the national schedule. */
export const PUBLIC_HOLIDAY_DATA_YEARS: Readonly<{ firstYear: number; lastYear: number }> =
  Object.freeze(yearsCovered());

export function publicDayEntry(dayNumber: number): PublicDayEntry | undefined {
  return table.get(dayNumber);
}
