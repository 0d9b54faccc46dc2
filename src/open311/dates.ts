/**
 * The datetimes of Open311 parameters (GeoReport v2 names W3C-DTF, https://www.w3.org/TR/NOTE-datetime):
 * a value names a span of time as wide as its precision, and windows include the whole span of
 * their end. Pure: no I/O.
 */
import { DateTime } from 'luxon';
import { DATE_RANGE, isDateInRange } from '../http/boundary.js';
import type { ParameterProblem } from './params.js';

/** A date, or a date and time to the minute, second or fraction, with its zone designator. */
const W3C = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2})?(\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** What a W3C datetime names: [start, end), `end` exclusive. */
export interface TimeSpan {
  start: Date;
  end: Date;
}

const EXAMPLE = 'e.g. 2026-11-27T09:00:00+08:00';

/**
 * The span a W3C datetime names: `…T09:00:00+08:00` the whole second (stored times have
 * milliseconds, shown ones do not, so an end_date copied from an answer must include its event),
 * `…T09:00+08:00` the minute, a fraction itself; a date alone the whole day in the business time
 * zone (W3C-DTF dates carry no zone). A time without a zone designator is refused: W3C-DTF requires
 * one, and reading it as UTC or as local time would both silently shift the window by hours. Where
 * the value only informs (`updated_datetime` of a posted update, which the server's own time
 * replaces), `zoneless: 'business'` reads it in the business time zone instead: older FixMyStreet
 * releases format a comment's time without a zone, and refusing would lose the comment to endless
 * retries.
 */
export function parseW3cSpan(
  value: string | undefined,
  name: string,
  problems: ParameterProblem[],
  timeZone: string,
  zoneless: 'refuse' | 'business' = 'refuse',
): TimeSpan | undefined {
  if (value === undefined || value === '') return undefined;
  const match = W3C.exec(value);
  if (!match) {
    problems.push({ description: `${name} must be a W3C datetime, ${EXAMPLE}` });
    return undefined;
  }
  if (!isDateInRange(value)) {
    problems.push({
      description: `${name} must lie in the years ${DATE_RANGE.firstYear}–${DATE_RANGE.lastYear}, ${EXAMPLE}`,
    });
    return undefined;
  }
  const [, date, minutes, seconds, fraction, zone] = match;
  if (minutes === undefined) {
    const day = DateTime.fromISO(date!, { zone: timeZone });
    if (!day.isValid) {
      problems.push({ description: `${name} is not a calendar date` });
      return undefined;
    }
    return { start: day.toJSDate(), end: day.plus({ days: 1 }).toJSDate() };
  }
  if (zone === undefined && zoneless === 'business') {
    const local = DateTime.fromISO(value, { zone: timeZone });
    if (!local.isValid) {
      problems.push({ description: `${name} is not a valid date and time, ${EXAMPLE}` });
      return undefined;
    }
    return parseW3cSpan(local.toISO({ suppressMilliseconds: true }), name, problems, timeZone);
  }
  if (zone === undefined) {
    problems.push({
      description: `${name} must end with a time zone designator (Z or ±hh:mm) as W3C datetimes require, ${EXAMPLE}`,
    });
    return undefined;
  }
  const ms = Date.parse(value);
  const parsed = DateTime.fromISO(value, { setZone: true });
  if (Number.isNaN(ms) || !parsed.isValid) {
    problems.push({ description: `${name} is not a valid date and time, ${EXAMPLE}` });
    return undefined;
  }
  // Date.parse keeps milliseconds: a finer fraction names the millisecond it falls in.
  const widthMs =
    fraction !== undefined
      ? fraction.length - 1 >= 3
        ? 1
        : 10 ** (4 - fraction.length)
      : seconds
        ? 1000
        : 60_000;
  return { start: new Date(ms), end: new Date(ms + widthMs) };
}

/**
 * A window from start_date/end_date, [from, to) with `to` exclusive: both given (the whole span of
 * end_date included), one given (the window extends `defaultDays` from it) or none (the
 * `defaultDays` up to now); at most `maxDays` wide, measured between the two values as given.
 */
export function dateWindow(
  query: { start_date?: string; end_date?: string },
  options: { now: Date; defaultDays: number; maxDays: number; timeZone: string },
  problems: ParameterProblem[],
): { from: Date; to: Date } {
  const start = parseW3cSpan(query.start_date, 'start_date', problems, options.timeZone);
  const end = parseW3cSpan(query.end_date, 'end_date', problems, options.timeZone);
  const defaultMs = options.defaultDays * 86_400_000;
  // The end as given (its start) or defaulted, for the checks; `to` adds the span of a given end.
  const endStart = end?.start ?? (start ? new Date(start.start.getTime() + defaultMs) : options.now);
  const from = start?.start ?? new Date(endStart.getTime() - defaultMs);
  const to = end?.end ?? new Date(endStart.getTime() + 1);
  if (from.getTime() > endStart.getTime())
    problems.push({ description: 'start_date must not be after end_date' });
  else if (endStart.getTime() - from.getTime() > options.maxDays * 86_400_000)
    problems.push({ description: `start_date and end_date must not span more than ${options.maxDays} days` });
  return { from, to };
}

/** W3C datetime with the business time zone's offset, e.g. 2026-11-27T14:24:44+08:00. */
export function w3cDateTime(date: Date, timeZone: string): string {
  return DateTime.fromJSDate(date, { zone: timeZone })
    .startOf('second')
    .toISO({ suppressMilliseconds: true })!;
}
