import { describe, expect, it } from 'vitest';
import { CalendarError, deadlineStatus, overdueTier, trafficLight, type TimeLimit } from './index.js';
import { beijing, bj, fmt, pause } from '../../test/helpers/calendar.js';

describe('trafficLight (亮灯)', () => {
  it('is green up to and including 80 % of the limit', () => {
    expect(trafficLight(0, 60)).toBe('green');
    expect(trafficLight(48, 60)).toBe('green');
    expect(trafficLight(336, 420)).toBe('green');
    expect(trafficLight(5.6, 7)).toBe('green'); // exactly 80 % in binary floating point
  });

  it('is yellow above 80 % up to and including 100 %', () => {
    expect(trafficLight(48.001, 60)).toBe('yellow');
    expect(trafficLight(337, 420)).toBe('yellow');
    expect(trafficLight(60, 60)).toBe('yellow');
  });

  it('is red beyond the limit', () => {
    expect(trafficLight(60.001, 60)).toBe('red');
    expect(trafficLight(1000, 60)).toBe('red');
  });

  it('is green for nothing elapsed of a zero limit and red for anything more', () => {
    expect(trafficLight(0, 0)).toBe('green');
    expect(trafficLight(0.01, 0)).toBe('red');
  });

  it('takes a local threshold', () => {
    expect(trafficLight(31, 60, 50)).toBe('yellow');
    expect(trafficLight(30, 60, 50)).toBe('green');
  });
});

describe('overdueTier (超期等级)', () => {
  it('is on time up to and including the limit', () => {
    expect(overdueTier(0, 60)).toBe('on_time');
    expect(overdueTier(60, 60)).toBe('on_time');
  });

  it('is overdue beyond the limit and below three times it', () => {
    expect(overdueTier(60.5, 60)).toBe('overdue');
    expect(overdueTier(179.99, 60)).toBe('overdue');
  });

  it('is severely overdue from three times the limit', () => {
    expect(overdueTier(180, 60)).toBe('severely_overdue');
    expect(overdueTier(5000, 60)).toBe('severely_overdue');
    expect(overdueTier(0.01, 0)).toBe('severely_overdue');
    expect(overdueTier(0, 0)).toBe('on_time');
  });

  it('takes a local multiple', () => {
    expect(overdueTier(120, 60, 2)).toBe('severely_overdue');
    expect(overdueTier(119, 60, 2)).toBe('overdue');
  });

  it('rejects negative and non-finite values', () => {
    for (const [elapsed, limit] of [
      [-1, 60],
      [1, -60],
      [Number.NaN, 60],
      [1, Number.POSITIVE_INFINITY],
    ] as const) {
      expect(() => overdueTier(elapsed, limit)).toThrow(CalendarError);
      expect(() => trafficLight(elapsed, limit)).toThrow(CalendarError);
    }
  });
});

describe('deadlineStatus', () => {
  const oneWorkingDay: TimeLimit = { amount: 1, unit: 'working_days' };
  /** A case received 2025-10-09 09:00 (a Thursday) with one working day. */
  const status = (at: string, limit: TimeLimit = oneWorkingDay) =>
    deadlineStatus(beijing(), { start: bj('2025-10-09 09:00'), limit, at: bj(at) });

  it('turns yellow after 80 % of the working time, i.e. after 16:06 for a day started at 09:00', () => {
    expect(status('2025-10-09 16:06')).toMatchObject({
      elapsedMinutes: 336,
      light: 'green',
      tier: 'on_time',
    });
    expect(status('2025-10-09 16:07')).toMatchObject({
      elapsedMinutes: 337,
      light: 'yellow',
      remainingMinutes: 83,
    });
  });

  it('is yellow and on time exactly at the deadline', () => {
    const atDeadline = status('2025-10-09 17:30');
    expect(fmt(atDeadline.deadline)).toBe('2025-10-09 17:30');
    expect(atDeadline).toMatchObject({
      elapsedMinutes: 420,
      limitMinutes: 420,
      light: 'yellow',
      tier: 'on_time',
    });
  });

  it('is red and overdue after the deadline even before working time resumes', () => {
    expect(status('2025-10-09 17:31')).toMatchObject({ elapsedMinutes: 420, light: 'red', tier: 'overdue' });
    expect(status('2025-10-10 09:00')).toMatchObject({ elapsedMinutes: 420, light: 'red', tier: 'overdue' });
    expect(status('2025-10-10 09:01')).toMatchObject({
      elapsedMinutes: 421,
      remainingMinutes: -1,
      tier: 'overdue',
    });
  });

  it('is severely overdue after three working days, the third being the 调休 Saturday', () => {
    expect(status('2025-10-11 17:29')).toMatchObject({ elapsedMinutes: 1259, tier: 'overdue' });
    expect(status('2025-10-11 17:30')).toMatchObject({ elapsedMinutes: 1260, tier: 'severely_overdue' });
  });

  it('freezes elapsed time and has no deadline while suspended', () => {
    const suspended = deadlineStatus(beijing(), {
      start: bj('2025-10-09 09:00'),
      limit: oneWorkingDay,
      at: bj('2025-10-20 10:00'),
      pauses: [pause('2025-10-09 10:00')],
    });
    expect(suspended).toMatchObject({ deadline: null, suspended: true, elapsedMinutes: 60, light: 'green' });
  });

  it('is not suspended before an open pause begins', () => {
    const before = deadlineStatus(beijing(), {
      start: bj('2025-10-09 09:00'),
      limit: oneWorkingDay,
      at: bj('2025-10-09 09:30'),
      pauses: [pause('2025-10-09 10:00')],
    });
    expect(before).toMatchObject({ deadline: null, suspended: false, elapsedMinutes: 30 });
  });

  it('measures natural limits in natural minutes', () => {
    const natural = status('2025-10-09 12:00', { amount: 2, unit: 'natural_hours' });
    expect(fmt(natural.deadline)).toBe('2025-10-09 11:00');
    expect(natural).toMatchObject({ elapsedMinutes: 180, limitMinutes: 120, light: 'red', tier: 'overdue' });
  });

  it('counts nothing elapsed before the start', () => {
    expect(status('2025-10-08 10:00')).toMatchObject({
      elapsedMinutes: 0,
      light: 'green',
      remainingMinutes: 420,
    });
  });
});
