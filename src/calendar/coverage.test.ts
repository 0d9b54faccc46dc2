import { describe, expect, it } from 'vitest';
import { holidayScheduleSource, unconfirmedYears, yearsBetween } from './coverage.js';
import { beijing, bj } from '../../test/helpers/calendar.js';

describe('holiday schedule coverage', () => {
  it('calls the package years official, years with administrator entries administrator, and 2027 none', () => {
    expect(holidayScheduleSource(beijing(), 2026)).toBe('official');
    expect(holidayScheduleSource(beijing(), 2004)).toBe('official');
    expect(holidayScheduleSource(beijing(), 2027)).toBe('none');
    expect(holidayScheduleSource(beijing(), 2003)).toBe('none');
    const entered = beijing({ enteredYears: [2027] });
    expect(holidayScheduleSource(entered, 2027)).toBe('administrator');
    // A single day's override (a local closure) says nothing of the year's national holidays.
    const oneDay = beijing({ overrides: [{ date: '2027-05-06', kind: 'holiday', name: '停电检修' }] });
    expect(holidayScheduleSource(oneDay, 2027)).toBe('none');
    expect(holidayScheduleSource(beijing({ publicHolidays: 'none' }), 2026)).toBe('none');
  });

  it('counts years by local date: 2026-12-31 20:00 UTC is already 2027 in Beijing', () => {
    expect(
      yearsBetween(beijing(), new Date('2026-12-31T15:59:00Z'), new Date('2026-12-31T16:00:00Z')),
    ).toEqual([2026, 2027]);
    expect(yearsBetween(beijing(), bj('2028-01-02 09:00'), bj('2026-03-01 09:00'))).toEqual([
      2026, 2027, 2028,
    ]);
  });

  it('finds the unconfirmed years a deadline crosses, and none for one inside known years', () => {
    expect(unconfirmedYears(beijing(), bj('2026-12-28 10:00'), bj('2027-01-05 10:00'))).toEqual([2027]);
    expect(unconfirmedYears(beijing(), bj('2026-03-02 10:00'), bj('2026-03-09 10:00'))).toEqual([]);
    const entered = beijing({ enteredYears: [2027] });
    expect(unconfirmedYears(entered, bj('2026-12-28 10:00'), bj('2027-01-05 10:00'))).toEqual([]);
  });
});
