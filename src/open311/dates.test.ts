import { describe, expect, it } from 'vitest';
import { dateWindow, parseW3cSpan } from './dates.js';
import type { ParameterProblem } from './params.js';

const ZONE = 'Asia/Shanghai';

function span(value: string): { start: string; end: string } | string {
  const errors: ParameterProblem[] = [];
  const parsed = parseW3cSpan(value, 'end_date', errors, ZONE);
  if (!parsed) return errors.map((e) => e.description).join('; ');
  return { start: parsed.start.toISOString(), end: parsed.end.toISOString() };
}

describe('W3C datetimes as spans', () => {
  it('names the whole second, minute, fraction or business day of its precision', () => {
    expect(span('2026-11-27T09:02:03+08:00')).toEqual({
      start: '2026-11-27T01:02:03.000Z',
      end: '2026-11-27T01:02:04.000Z',
    });
    expect(span('2026-11-27T01:02:03Z')).toEqual({
      start: '2026-11-27T01:02:03.000Z',
      end: '2026-11-27T01:02:04.000Z',
    });
    expect(span('2026-11-27T09:02+08:00')).toEqual({
      start: '2026-11-27T01:02:00.000Z',
      end: '2026-11-27T01:03:00.000Z',
    });
    expect(span('2026-11-27T09:02:03.5+08:00')).toEqual({
      start: '2026-11-27T01:02:03.500Z',
      end: '2026-11-27T01:02:03.600Z',
    });
    expect(span('2026-11-27T09:02:03.250+08:00')).toEqual({
      start: '2026-11-27T01:02:03.250Z',
      end: '2026-11-27T01:02:03.251Z',
    });
    expect(span('2026-11-27')).toEqual({
      start: '2026-11-26T16:00:00.000Z',
      end: '2026-11-27T16:00:00.000Z',
    });
  });

  it('refuses a time without a zone designator, and impossible dates', () => {
    expect(span('2026-11-27T09:02:03')).toMatch(/^end_date must end with a time zone designator/);
    expect(span('2026-11-27T09:02')).toMatch(/time zone designator/);
    expect(span('2026-02-30')).toMatch(/not a calendar date/);
    expect(span('2026-11-27T25:00:00Z')).toMatch(/not a valid date and time/);
    expect(span('yesterday')).toMatch(/must be a W3C datetime/);
  });

  it('reads a zone-less time in the business time zone where asked (informative values)', () => {
    const errors: ParameterProblem[] = [];
    const parsed = parseW3cSpan('2026-11-27T09:02:03', 'updated_datetime', errors, ZONE, 'business');
    expect(errors).toEqual([]);
    expect(parsed!.start.toISOString()).toBe('2026-11-27T01:02:03.000Z');
    expect(parseW3cSpan('2026-11-27T29:02:03', 'updated_datetime', errors, ZONE, 'business')).toBeUndefined();
    expect(errors[0]!.description).toMatch(/^updated_datetime is not a valid date and time/);
  });
});

describe('windows', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  const window = (query: { start_date?: string; end_date?: string }, defaultDays = 90) => {
    const errors: ParameterProblem[] = [];
    const { from, to } = dateWindow(query, { now, defaultDays, maxDays: 90, timeZone: ZONE }, errors);
    return { from: from.toISOString(), to: to.toISOString(), errors: errors.map((e) => e.description) };
  };

  it('defaults to the days up to now, or from a start, and includes the whole end_date', () => {
    expect(window({})).toEqual({
      from: '2026-08-29T12:00:00.000Z',
      to: '2026-11-27T12:00:00.001Z',
      errors: [],
    });
    expect(window({ start_date: '2026-11-01T00:00:00Z' }, 1)).toMatchObject({
      to: '2026-11-02T00:00:00.001Z',
      errors: [],
    });
    expect(window({ start_date: '2026-11-01', end_date: '2026-11-01' })).toEqual({
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-01T16:00:00.000Z',
      errors: [],
    });
  });

  it('measures the 90 days between the values as given', () => {
    expect(window({ start_date: '2026-08-01T00:00:00Z', end_date: '2026-10-30T00:00:00Z' }).errors).toEqual(
      [],
    );
    expect(window({ start_date: '2026-08-01T00:00:00Z', end_date: '2026-10-30T00:00:01Z' }).errors).toEqual([
      'start_date and end_date must not span more than 90 days',
    ]);
    expect(window({ start_date: '2026-11-02T00:00:00Z', end_date: '2026-11-01T00:00:00Z' }).errors).toEqual([
      'start_date must not be after end_date',
    ]);
  });
});
