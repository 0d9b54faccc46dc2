/**
 * Local civil days and hours of instants in the deployment's time zone (SHUZHI_TIMEZONE): case
 * numbers carry the local day, evaluation counts by local day and hour.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Day and hour by time zone and quarter hour: every UTC offset in use is a multiple of 15
 * minutes, so one quarter hour has one local day and hour. `formatToParts` is slow (a rollup
 * rebuild calls this ~20 times per case), a lookup is not; bounded so a long-running process
 * cannot grow it without end.
 */
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const dayHours = new Map<string, Map<number, { day: string; hour: number }>>();

/** The local civil day (YYYY-MM-DD) and hour (0–23) of an instant. */
export function localDayHour(at: Date, timeZone: string): { day: string; hour: number } {
  let cache = dayHours.get(timeZone);
  if (!cache) dayHours.set(timeZone, (cache = new Map<number, { day: string; hour: number }>()));
  const quarter = Math.floor(at.getTime() / QUARTER_HOUR_MS);
  const known = cache.get(quarter);
  if (known) return known;
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(at)) parts[p.type] = p.value;
  const value = { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) % 24 };
  if (cache.size >= 200_000) cache.clear();
  cache.set(quarter, value);
  return value;
}

const minuteFormatters = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD HH:mm` on the local clock of `timeZone` (exports, printed reports). */
export function localMinute(at: Date, timeZone: string): string {
  let format = minuteFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    minuteFormatters.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(at)) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
