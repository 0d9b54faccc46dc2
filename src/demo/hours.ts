/**
 * When demo cases are reported (上报时间), in local time: a pure profile, so the weekday × hour
 * heatmap and the timelines of the demo look like a real district's. Inspectors (监督员) report on
 * their patrols, about 08:00–18:00 with a mid-morning and a mid-afternoon peak, and less at
 * weekends; citizens (public and hotline) report through the day into the evening and rarely at
 * night. The weights are relative reports per hour of the day; no I/O.
 */
import type { IsoWeekday } from '../calendar/index.js';

export type ReporterKind = 'inspector' | 'citizen';

/** Relative reports in each local hour 0–23. */
export const HOURLY_WEIGHTS: Readonly<Record<ReporterKind, readonly number[]>> = Object.freeze({
  // Patrols start at 08:00 and end at 18:00; a few reports are filed just after.
  inspector: [0, 0, 0, 0, 0, 0, 0, 0, 7, 11, 12, 9, 3, 5, 9, 11, 9, 6, 1, 0, 0, 0, 0, 0],
  // 12345 hotline and the public app: awake hours, a long evening tail, a trickle at night.
  citizen: [0.3, 0.2, 0.1, 0.1, 0.1, 0.3, 1, 3, 6, 8, 8, 7, 5, 5, 6, 6, 6, 6, 6, 6, 5, 3, 2, 1],
});

/** Relative reports on a weekend day or a weekday. */
export const DAY_WEIGHTS: Readonly<Record<ReporterKind, { weekday: number; weekend: number }>> =
  Object.freeze({
    inspector: { weekday: 1, weekend: 0.3 },
    citizen: { weekday: 1, weekend: 0.8 },
  });

/** Draws an index from weights, with one uniform draw in [0, 1). */
function weightedIndex(weights: readonly number[], u: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let rest = u * total;
  for (const [i, w] of weights.entries()) {
    if (rest < w) return i;
    rest -= w;
  }
  return weights.length - 1;
}

/**
 * A report slot: the day (0 = the first of `days`) and the local minute of that day (0–1439).
 * `weekdayOf(day)` says which ISO weekday a day is (6 and 7 are the weekend).
 */
export function drawReportSlot(
  random: () => number,
  kind: ReporterKind,
  days: number,
  weekdayOf: (day: number) => IsoWeekday,
): { day: number; minute: number } {
  const { weekday, weekend } = DAY_WEIGHTS[kind];
  const dayWeights = Array.from({ length: days }, (_, day) => (weekdayOf(day) >= 6 ? weekend : weekday));
  const day = weightedIndex(dayWeights, random());
  const hour = weightedIndex(HOURLY_WEIGHTS[kind], random());
  return { day, minute: hour * 60 + Math.floor(random() * 60) };
}

/** The UTC offset of a time zone at an instant, in milliseconds (east positive). */
function offsetMs(timeZone: string, at: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0; // "GMT" alone: UTC itself
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * 60 + Number(match[3])) * 60_000;
}

/** The instant of a local date (`YYYY-MM-DD`) and minute of the day in a time zone. */
export function localInstant(timeZone: string, localDate: string, minute: number): Date {
  const wall = Date.parse(`${localDate}T00:00:00Z`) + minute * 60_000;
  // Twice: the offset at the first guess may differ from the offset at the answer (DST).
  const first = wall - offsetMs(timeZone, wall);
  return new Date(wall - offsetMs(timeZone, first));
}

/** The local hour (0–23) of an instant in a time zone. */
export function localHour(timeZone: string, instant: Date): number {
  return new Date(instant.getTime() + offsetMs(timeZone, instant.getTime())).getUTCHours();
}
