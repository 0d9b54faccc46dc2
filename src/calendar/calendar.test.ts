import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  CalendarError,
  PUBLIC_HOLIDAY_DATA_YEARS,
  classifyDay,
  createWorkingCalendar,
  hasHolidaySchedule,
  isWorkingDay,
  localDateOf,
  validateWorkingCalendarConfig,
  workingPeriodsOn,
  type WorkingCalendarConfig,
} from './index.js';
import { beijing, bj, fmt } from '../../test/helpers/calendar.js';

const workingDays = (dates: string[]): Record<string, boolean> =>
  Object.fromEntries(dates.map((date): [string, boolean] => [date, isWorkingDay(beijing(), date)]));

describe('working days (工作日) from the national schedule', () => {
  it('makes the 2025 National Day week 10-01..10-08 days off, 调休 Sunday 09-28 and Saturday 10-11 working', () => {
    const dates = ['2025-09-27', '2025-09-28', '2025-09-30', '2025-10-01', '2025-10-04', '2025-10-06'];
    dates.push('2025-10-08', '2025-10-09', '2025-10-10', '2025-10-11', '2025-10-12');
    expect(workingDays(dates)).toEqual({
      '2025-09-27': false, // an ordinary Saturday
      '2025-09-28': true, // Sunday, 调休上班
      '2025-09-30': true,
      '2025-10-01': false,
      '2025-10-04': false, // Saturday inside the holiday
      '2025-10-06': false, // 中秋 inside the National Day week
      '2025-10-08': false,
      '2025-10-09': true,
      '2025-10-10': true,
      '2025-10-11': true, // Saturday, 调休上班
      '2025-10-12': false,
    });
  });

  it('explains each day with a reason and the festival name', () => {
    expect(classifyDay(beijing(), '2025-09-28')).toEqual({
      date: '2025-09-28',
      weekday: 7,
      working: true,
      reason: 'adjusted_workday',
      name: '国庆节',
    });
    expect(classifyDay(beijing(), '2025-10-06')).toMatchObject({
      working: false,
      reason: 'public_holiday',
      name: '中秋',
    });
    expect(classifyDay(beijing(), '2025-10-12')).toEqual({
      date: '2025-10-12',
      weekday: 7,
      working: false,
      reason: 'weekend',
    });
    expect(classifyDay(beijing(), '2025-10-13')).toMatchObject({ working: true, reason: 'regular_workday' });
  });

  it('makes Spring Festival 2026 (02-15..02-23) days off and Saturdays 02-14 and 02-28 working', () => {
    const off = ['2026-02-15', '2026-02-16', '2026-02-19', '2026-02-20', '2026-02-23'];
    const on = ['2026-02-13', '2026-02-14', '2026-02-24', '2026-02-28'];
    expect(off.map((date) => isWorkingDay(beijing(), date))).toEqual(off.map(() => false));
    expect(on.map((date) => isWorkingDay(beijing(), date))).toEqual(on.map(() => true));
    expect(classifyDay(beijing(), '2026-02-17')).toMatchObject({ reason: 'public_holiday', name: '春节' });
  });

  it('agrees with the chinese-days API for every date it covers, evaluated in Asia/Shanghai', () => {
    // The package's own functions are only correct in a time zone at or east of UTC (see
    // holidays.ts), so ask them in a child process pinned to Asia/Shanghai.
    const { firstYear, lastYear } = PUBLIC_HOLIDAY_DATA_YEARS;
    const script = `
      const { isWorkday } = require('chinese-days');
      const out = [];
      for (let d = new Date(${firstYear}, 0, 1); d.getFullYear() <= ${lastYear}; d.setDate(d.getDate() + 1)) {
        out.push(isWorkday(new Date(d)) ? '1' : '0');
      }
      process.stdout.write(out.join(''));`;
    const child = spawnSync(process.execPath, ['-e', script], {
      env: { ...process.env, TZ: 'Asia/Shanghai' },
      encoding: 'utf8',
    });
    expect(child.status).toBe(0);
    const ours: string[] = [];
    for (let day = Date.UTC(firstYear, 0, 1); new Date(day).getUTCFullYear() <= lastYear; day += 86_400_000) {
      ours.push(isWorkingDay(beijing(), new Date(day).toISOString().slice(0, 10)) ? '1' : '0');
    }
    expect(ours.length).toBeGreaterThan(8000);
    expect(ours.join('')).toBe(child.stdout);
  });

  it('covers 2004 to 2026 and reports which years have a holiday schedule', () => {
    expect(PUBLIC_HOLIDAY_DATA_YEARS).toEqual({ firstYear: 2004, lastYear: 2026 });
    expect(hasHolidaySchedule(beijing(), 2026)).toBe(true);
    expect(hasHolidaySchedule(beijing(), 2027)).toBe(false);
    // One override (a local closure) does not make a year known; entering the whole year does.
    const oneDay = beijing({ overrides: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
    expect(hasHolidaySchedule(oneDay, 2027)).toBe(false);
    expect(hasHolidaySchedule(beijing({ enteredYears: [2027] }), 2027)).toBe(true);
    expect(hasHolidaySchedule(beijing({ enteredYears: [2027] }), 2028)).toBe(false);
    expect(hasHolidaySchedule(beijing({ publicHolidays: 'none' }), 2025)).toBe(false);
  });
});

describe('administrator overrides', () => {
  it('win over the package in both directions', () => {
    const calendar = beijing({
      overrides: [
        { date: '2025-10-08', kind: 'workday', name: '区级值守' },
        { date: '2025-09-28', kind: 'holiday' },
        { date: '2025-10-15', kind: 'holiday', name: '地方假日' },
      ],
    });
    expect(classifyDay(calendar, '2025-10-08')).toMatchObject({
      working: true,
      reason: 'override_workday',
      name: '区级值守',
    });
    expect(classifyDay(calendar, '2025-09-28')).toEqual({
      date: '2025-09-28',
      weekday: 7,
      working: false,
      reason: 'override_holiday',
    });
    expect(isWorkingDay(calendar, '2025-10-15')).toBe(false);
    // The default calendar is unaffected.
    expect(isWorkingDay(beijing(), '2025-10-08')).toBe(false);
  });

  it('supply a year the package does not know yet', () => {
    expect(isWorkingDay(beijing(), '2027-01-01')).toBe(true); // a Friday, no data
    const calendar = beijing({ overrides: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }] });
    expect(classifyDay(calendar, '2027-01-01')).toMatchObject({ working: false, reason: 'override_holiday' });
  });
});

describe('configured weekends and holiday source', () => {
  it('honours a one-day weekend, yet keeps the national holidays', () => {
    const calendar = beijing({ weekendDays: [7] });
    expect(isWorkingDay(calendar, '2025-10-18')).toBe(true); // Saturday
    expect(isWorkingDay(calendar, '2025-10-19')).toBe(false); // Sunday
    expect(isWorkingDay(calendar, '2025-10-04')).toBe(false); // Saturday inside National Day
  });

  it('ignores the national schedule when the source is none', () => {
    const calendar = beijing({ publicHolidays: 'none' });
    expect(isWorkingDay(calendar, '2025-10-01')).toBe(true);
    expect(isWorkingDay(calendar, '2025-09-28')).toBe(false);
  });

  it('rejects a malformed local date', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-01', '20251001', '']) {
      expect(() => isWorkingDay(beijing(), bad), bad).toThrow(CalendarError);
    }
    expect(isWorkingDay(beijing(), '2024-02-29')).toBe(true);
  });
});

describe('working periods (工作时段) as instants', () => {
  it('gives the default morning and afternoon periods in Beijing time', () => {
    const periods = workingPeriodsOn(beijing(), '2025-10-09');
    expect(periods.map(({ start, end }) => [fmt(start), fmt(end)])).toEqual([
      ['2025-10-09 09:00', '2025-10-09 12:00'],
      ['2025-10-09 13:30', '2025-10-09 17:30'],
    ]);
    expect(workingPeriodsOn(beijing(), '2025-10-01')).toEqual([]);
  });

  it('places periods in the configured time zone', () => {
    const urumqi = beijing({ timeZone: 'Asia/Urumqi', workingPeriods: [{ start: '10:00', end: '14:00' }] });
    const [period] = workingPeriodsOn(urumqi, '2025-10-09');
    expect(period?.start.toISOString()).toBe('2025-10-09T04:00:00.000Z');
    expect(period?.end.toISOString()).toBe('2025-10-09T08:00:00.000Z');
  });

  it('counts real instants across a daylight-saving change', () => {
    const berlin = beijing({ timeZone: 'Europe/Berlin', workingPeriods: [{ start: '01:00', end: '04:00' }] });
    const [period] = workingPeriodsOn(berlin, '2025-03-31');
    expect(period?.start.toISOString()).toBe('2025-03-30T23:00:00.000Z');
    // 2025-03-30 is a Sunday; make it a working day to see the 02:00 → 03:00 jump.
    const sunday = beijing({
      timeZone: 'Europe/Berlin',
      workingPeriods: [{ start: '01:00', end: '04:00' }],
      overrides: [{ date: '2025-03-30', kind: 'workday' }],
    });
    const [short] = workingPeriodsOn(sunday, '2025-03-30');
    expect((short?.end.getTime() ?? 0) - (short?.start.getTime() ?? 0)).toBe(2 * 3_600_000);
  });

  it('allows a period to end at 24:00', () => {
    const night = beijing({ workingPeriods: [{ start: '20:00', end: '24:00' }] });
    const [period] = workingPeriodsOn(night, '2025-10-09');
    expect([fmt(period?.start ?? null), fmt(period?.end ?? null)]).toEqual([
      '2025-10-09 20:00',
      '2025-10-10 00:00',
    ]);
  });
});

describe('local dates of instants', () => {
  it('switches at Beijing midnight, whatever the offset the instant was written in', () => {
    expect(localDateOf(beijing(), new Date('2025-10-09T15:59:59.999Z'))).toBe('2025-10-09');
    expect(localDateOf(beijing(), new Date('2025-10-09T16:00:00Z'))).toBe('2025-10-10');
    expect(localDateOf(beijing(), bj('2025-10-10 00:00'))).toBe('2025-10-10');
    expect(() => localDateOf(beijing(), new Date(Number.NaN))).toThrow(CalendarError);
  });
});

describe('configuration validation', () => {
  const codes = (config: WorkingCalendarConfig): string[] =>
    validateWorkingCalendarConfig(config).map((issue) => `${issue.path} ${issue.code}`);

  it('accepts the defaults and touching periods', () => {
    expect(codes({})).toEqual([]);
    const touching = [
      { start: '08:00', end: '12:00' },
      { start: '12:00', end: '13:00' },
    ];
    expect(codes({ workingPeriods: touching })).toEqual([]);
  });

  it('names malformed times, empty, unordered and overlapping periods', () => {
    expect(
      codes({
        workingPeriods: [
          { start: '9:00', end: '12:00' },
          { start: '13:30', end: '25:00' },
          { start: '14:00', end: '14:00' },
          { start: '15:00', end: '18:00' },
          { start: '17:00', end: '19:00' },
          { start: '08:00', end: '08:30' },
          { start: '24:00', end: '24:00' },
        ],
      }),
    ).toEqual([
      'workingPeriods[0].start BAD_TIME',
      'workingPeriods[1].end BAD_TIME',
      'workingPeriods[2] EMPTY_PERIOD',
      'workingPeriods[4] PERIODS_OVERLAP',
      'workingPeriods[5] PERIODS_UNORDERED',
      'workingPeriods[6].start BAD_TIME',
    ]);
    expect(codes({ workingPeriods: [] })).toEqual(['workingPeriods NO_WORKING_PERIODS']);
  });

  it('names an unknown time zone', () => {
    expect(codes({ timeZone: 'Asia/Beijing' })).toEqual(['timeZone BAD_TIME_ZONE']);
    expect(codes({ timeZone: 'UTC' })).toEqual([]);
  });

  it('names bad weekend days and a week with no working day', () => {
    expect(codes({ weekendDays: [0 as never, 6, 6, 8 as never] })).toEqual([
      'weekendDays[0] BAD_WEEKDAY',
      'weekendDays[2] DUPLICATE_WEEKDAY',
      'weekendDays[3] BAD_WEEKDAY',
    ]);
    expect(codes({ weekendDays: [1, 2, 3, 4, 5, 6, 7] })).toEqual(['weekendDays NO_WORKING_WEEKDAY']);
  });

  it('names bad and duplicate overrides', () => {
    expect(
      codes({
        overrides: [
          { date: '2027-02-30', kind: 'holiday' },
          { date: '2027-01-01', kind: 'holiday' },
          { date: '2027-01-01', kind: 'workday' },
          { date: '2027-01-02', kind: 'day_off' as never },
        ],
      }),
    ).toEqual([
      'overrides[0].date BAD_DATE',
      'overrides[2].date DUPLICATE_OVERRIDE',
      'overrides[3].kind BAD_OVERRIDE_KIND',
    ]);
  });

  it('makes createWorkingCalendar throw one error listing every problem', () => {
    let caught: unknown;
    try {
      createWorkingCalendar({ timeZone: 'Mars/Olympus', workingPeriods: [{ start: '12:00', end: '09:00' }] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CalendarError);
    const error = caught as CalendarError;
    expect(error.code).toBe('CALENDAR_INVALID_CONFIG');
    expect(error.issues.map((issue) => issue.code)).toEqual(['BAD_TIME_ZONE', 'EMPTY_PERIOD']);
    expect(error.message).toContain('Mars/Olympus');
  });

  it('fills in and exposes the defaults', () => {
    const calendar = createWorkingCalendar();
    expect(calendar.config.timeZone).toBe('Asia/Shanghai');
    expect(calendar.config.weekendDays).toEqual([6, 7]);
    expect(calendar.workingDayMinutes).toBe(420);
  });

  it('is not changed by later edits to the configuration it was built from', () => {
    const overrides = [{ date: '2025-10-08', kind: 'workday' as const }];
    const calendar = createWorkingCalendar({ overrides });
    overrides.push({ date: '2025-10-07', kind: 'workday' });
    expect(calendar.config.overrides).toHaveLength(1);
    expect(isWorkingDay(calendar, '2025-10-07')).toBe(false);
    expect(Object.isFrozen(calendar.config.overrides)).toBe(true);
  });
});
