import { describe, expect, it } from 'vitest';
import {
  CalendarError,
  addWorkingTime,
  naturalMinutesBetween,
  workingMinutesBetween,
  type Pause,
  type TimeLimit,
  type TimeLimitUnit,
} from './index.js';
import { beijing, bj, fmt, pause } from '../../test/helpers/calendar.js';

/** Deadline in Beijing wall time for a start in Beijing wall time. */
function due(start: string, amount: number, unit: TimeLimitUnit, pauses?: Pause[]): string | null {
  return fmt(addWorkingTime(beijing(), bj(start), { amount, unit }, pauses));
}

function worked(from: string, to: string, pauses?: Pause[]): number {
  return workingMinutesBetween(beijing(), bj(from), bj(to), pauses);
}

describe('working days (工作日): the same time of day N working days later', () => {
  it('is due at 10:00 on the next working day for a case received at 10:00', () => {
    expect(due('2025-10-16 10:00', 1, 'working_days')).toBe('2025-10-17 10:00');
    expect(due('2025-10-17 10:00', 1, 'working_days')).toBe('2025-10-20 10:00'); // Friday → Monday
  });

  it('counts 调休 make-up Saturdays and Sundays as working days', () => {
    expect(due('2025-10-10 10:00', 1, 'working_days')).toBe('2025-10-11 10:00'); // Saturday 10-11 works
    expect(due('2025-09-26 15:00', 1, 'working_days')).toBe('2025-09-28 15:00'); // Sunday 09-28 works
  });

  it('skips the 2025 National Day week', () => {
    expect(due('2025-09-30 10:00', 1, 'working_days')).toBe('2025-10-09 10:00');
    expect(due('2025-09-29 16:45', 3, 'working_days')).toBe('2025-10-10 16:45');
  });

  it('skips Spring Festival 2026 and works the make-up Saturdays', () => {
    expect(due('2026-02-13 16:30', 1, 'working_days')).toBe('2026-02-14 16:30');
    expect(due('2026-02-14 16:30', 1, 'working_days')).toBe('2026-02-24 16:30');
    expect(due('2026-02-24 09:30', 4, 'working_days')).toBe('2026-02-28 09:30');
  });

  it('starts the clock at the next working period and is due at the close of the Nth working day', () => {
    // Received Friday evening: the clock starts Monday 09:00; one working day ends Monday 17:30.
    expect(due('2025-10-17 18:00', 1, 'working_days')).toBe('2025-10-20 17:30');
    expect(due('2025-10-20 09:00', 1, 'working_days')).toBe('2025-10-20 17:30');
    expect(due('2025-10-18 11:00', 2, 'working_days')).toBe('2025-10-21 17:30'); // received on Saturday
  });

  it('starts the clock after a holiday for a case received on it', () => {
    expect(due('2025-10-03 15:00', 1, 'working_days')).toBe('2025-10-09 17:30');
    expect(due('2025-10-03 15:00', 3, 'working_hours')).toBe('2025-10-09 12:00');
  });

  it('treats a start in the lunch break like the start of the afternoon', () => {
    // Same working instant as 13:30 the next day; shown as the end of that morning.
    expect(due('2025-10-15 12:30', 1, 'working_days')).toBe('2025-10-16 12:00');
  });

  it('allows half working days: 0.5 工作日 is 210 working minutes', () => {
    expect(due('2025-10-15 09:00', 0.5, 'working_days')).toBe('2025-10-15 14:00');
    expect(due('2025-10-15 14:00', 1.5, 'working_days')).toBe('2025-10-16 17:30');
    expect(due('2025-10-15 10:00', 1.5, 'working_days')).toBe('2025-10-16 15:00');
  });
});

describe('working hours and minutes (工作时)', () => {
  it('stays within one period', () => {
    expect(due('2025-10-15 09:15', 2, 'working_hours')).toBe('2025-10-15 11:15');
    expect(due('2025-10-15 14:00', 45, 'working_minutes')).toBe('2025-10-15 14:45');
  });

  it('skips the lunch break', () => {
    expect(due('2025-10-15 11:00', 2, 'working_hours')).toBe('2025-10-15 14:30');
    expect(due('2025-10-15 11:45', 30, 'working_minutes')).toBe('2025-10-15 13:45');
    expect(due('2025-10-15 12:00', 30, 'working_minutes')).toBe('2025-10-15 14:00');
    expect(due('2025-10-15 13:00', 1, 'working_hours')).toBe('2025-10-15 14:30');
  });

  it('ends exactly at the end of a period rather than at the next start', () => {
    expect(due('2025-10-15 10:00', 2, 'working_hours')).toBe('2025-10-15 12:00');
    expect(due('2025-10-15 16:30', 1, 'working_hours')).toBe('2025-10-15 17:30');
    expect(due('2025-10-15 16:30', 61, 'working_minutes')).toBe('2025-10-16 09:01');
  });

  it('crosses midnight and the weekend', () => {
    expect(due('2025-10-16 23:59', 1, 'working_minutes')).toBe('2025-10-17 09:01');
    expect(due('2025-10-17 00:00', 1, 'working_hours')).toBe('2025-10-17 10:00');
    expect(due('2025-10-17 17:00', 1, 'working_hours')).toBe('2025-10-20 09:30');
  });

  it('accepts a start written in any offset', () => {
    const start = new Date('2025-10-17T01:00:00Z'); // 09:00 in Beijing
    expect(fmt(addWorkingTime(beijing(), start, { amount: 1, unit: 'working_hours' }))).toBe(
      '2025-10-17 10:00',
    );
  });

  it('keeps seconds and fractions exact', () => {
    expect(due('2025-10-15 11:59:30', 1, 'working_minutes')).toBe('2025-10-15 13:30:30.000');
    expect(due('2025-10-15 09:00', 1.5, 'working_hours')).toBe('2025-10-15 10:30');
  });

  it('returns the start itself for a zero limit, even outside working time', () => {
    expect(due('2025-10-18 20:00', 0, 'working_hours')).toBe('2025-10-18 20:00');
  });

  it('handles periods that end at midnight', () => {
    const night = beijing({ workingPeriods: [{ start: '20:00', end: '24:00' }] });
    const deadline = addWorkingTime(night, bj('2025-10-16 22:00'), { amount: 3, unit: 'working_hours' });
    expect(fmt(deadline)).toBe('2025-10-17 21:00');
    expect(workingMinutesBetween(night, bj('2025-10-16 22:00'), bj('2025-10-17 21:00'))).toBe(180);
  });
});

describe('natural time (自然时)', () => {
  it('counts nights, weekends and holidays', () => {
    expect(due('2025-09-30 22:00', 4, 'natural_hours')).toBe('2025-10-01 02:00');
    expect(due('2025-10-04 23:50', 30, 'natural_minutes')).toBe('2025-10-05 00:20');
    expect(naturalMinutesBetween(bj('2025-10-01 00:00'), bj('2025-10-08 00:00'))).toBe(7 * 24 * 60);
  });

  it('stops during pauses', () => {
    expect(due('2025-09-30 22:00', 4, 'natural_hours', [pause('2025-09-30 23:00', '2025-10-01 01:00')])).toBe(
      '2025-10-01 04:00',
    );
    expect(due('2025-09-30 22:00', 4, 'natural_hours', [pause('2025-09-30 23:00')])).toBeNull();
    expect(
      naturalMinutesBetween(bj('2025-10-01 00:00'), bj('2025-10-01 10:00'), [pause('2025-10-01 09:00')]),
    ).toBe(540);
  });
});

describe('long spans', () => {
  it('adds a year of working days', () => {
    // 2025 has 248 working days, all after New Year's Day; the 248th ends on 12-31.
    expect(due('2025-01-02 09:00', 248, 'working_days')).toBe('2025-12-31 17:30');
    expect(due('2025-01-02 10:00', 248, 'working_days')).toBe('2026-01-04 10:00'); // 01-04 is a 调休 Sunday
  });

  it('counts the working time of whole years', () => {
    expect(worked('2025-01-01 00:00', '2026-01-01 00:00')).toBe(248 * 420);
    expect(worked('2024-01-01 00:00', '2027-01-01 00:00')).toBe((251 + 248 + 248) * 420);
  });
});

describe('workingMinutesBetween', () => {
  it('counts only working periods', () => {
    expect(worked('2025-10-15 11:00', '2025-10-15 14:00')).toBe(90);
    expect(worked('2025-10-15 12:10', '2025-10-15 13:20')).toBe(0);
    expect(worked('2025-10-15 00:00', '2025-10-16 00:00')).toBe(420);
    expect(worked('2025-10-17 17:00', '2025-10-20 09:30')).toBe(60);
  });

  it('counts nothing over the National Day week and the Spring Festival', () => {
    expect(worked('2025-09-30 17:30', '2025-10-09 09:00')).toBe(0);
    // 02-13, 02-14 (Sat), 02-24..02-27, 02-28 (Sat): seven working days.
    expect(worked('2026-02-13 00:00', '2026-03-01 00:00')).toBe(7 * 420);
  });

  it('is zero for an empty interval and negative when reversed', () => {
    expect(worked('2025-10-15 10:00', '2025-10-15 10:00')).toBe(0);
    expect(worked('2025-10-15 14:00', '2025-10-15 11:00')).toBe(-90);
  });

  it('measures fractions of minutes', () => {
    expect(worked('2025-10-15 09:00', '2025-10-15 09:00:30')).toBe(0.5);
  });
});

describe('pauses (挂账/缓办)', () => {
  it('moves the deadline by the working time they cover', () => {
    expect(due('2025-10-15 10:00', 2, 'working_hours', [pause('2025-10-15 10:30', '2025-10-15 11:00')])).toBe(
      '2025-10-15 14:00',
    );
    expect(
      worked('2025-10-15 10:00', '2025-10-15 14:00', [pause('2025-10-15 10:30', '2025-10-15 11:00')]),
    ).toBe(120);
  });

  it('change nothing when they lie in a holiday or a night', () => {
    const inHoliday = [pause('2025-10-03 10:00', '2025-10-05 10:00')];
    expect(due('2025-09-30 10:00', 1, 'working_days', inHoliday)).toBe('2025-10-09 10:00');
    const overnight = [pause('2025-10-15 18:00', '2025-10-16 08:00')];
    expect(due('2025-10-15 16:30', 2, 'working_hours', overnight)).toBe('2025-10-16 10:00');
  });

  it('count only their working part when they span a holiday', () => {
    // Suspended 09-30 16:00 → 10-09 10:00: 90 min of 09-30 and 60 min of 10-09 do not count.
    const spanning = [pause('2025-09-30 16:00', '2025-10-09 10:00')];
    expect(due('2025-09-30 10:00', 1, 'working_days', spanning)).toBe('2025-10-09 14:00');
    expect(worked('2025-09-30 10:00', '2025-10-09 14:00', spanning)).toBe(420);
  });

  it('are merged when they overlap, duplicate or come unordered', () => {
    const overlapping = [
      pause('2025-10-15 10:45', '2025-10-15 11:30'),
      pause('2025-10-15 10:30', '2025-10-15 11:00'),
      pause('2025-10-15 10:30', '2025-10-15 11:00'),
      pause('2025-10-15 11:10', '2025-10-15 11:20'),
    ];
    // Paused 10:30–11:30 in all: 10:00–10:30 and 11:30–12:00 count, then 13:30–14:30.
    expect(due('2025-10-15 10:00', 2, 'working_hours', overlapping)).toBe('2025-10-15 14:30');
    expect(worked('2025-10-15 10:00', '2025-10-15 12:00', overlapping)).toBe(60);
  });

  it('delay the start when the case is already paused at its start', () => {
    expect(due('2025-10-15 10:00', 1, 'working_hours', [pause('2025-10-15 09:00', '2025-10-15 11:00')])).toBe(
      '2025-10-15 12:00',
    );
    expect(due('2025-10-15 10:00', 1, 'working_hours', [pause('2025-10-14 09:00', '2025-10-14 11:00')])).toBe(
      '2025-10-15 11:00',
    );
  });

  it('ignore zero-length pauses', () => {
    expect(due('2025-10-15 10:00', 1, 'working_hours', [pause('2025-10-15 10:20', '2025-10-15 10:20')])).toBe(
      '2025-10-15 11:00',
    );
  });

  it('leave the deadline undefined while a pause has not ended', () => {
    expect(due('2025-10-15 10:00', 2, 'working_hours', [pause('2025-10-15 10:30')])).toBeNull();
    expect(due('2025-10-15 10:00', 2, 'working_hours', [pause('2025-10-15 08:00')])).toBeNull();
    // A closed pause overlapping the open one extends it backwards.
    const merged = [pause('2025-10-15 10:30', '2025-10-15 11:00'), pause('2025-10-15 10:50')];
    expect(due('2025-10-15 10:00', 2, 'working_hours', merged)).toBeNull();
    expect(worked('2025-10-15 10:00', '2025-10-15 16:00', merged)).toBe(30);
  });

  it('keep a deadline reached before an open pause began', () => {
    expect(due('2025-10-15 10:00', 2, 'working_hours', [pause('2025-10-15 15:00')])).toBe('2025-10-15 12:00');
    expect(due('2025-10-15 10:00', 2, 'working_hours', [pause('2025-10-15 12:00')])).toBe('2025-10-15 12:00');
    expect(due('2025-10-15 10:00', 2, 'working_hours', [pause('2025-10-15 11:59')])).toBeNull();
  });

  it('reject a pause that ends before it starts', () => {
    const backwards = [pause('2025-10-15 11:00', '2025-10-15 10:00')];
    expect(() => due('2025-10-15 10:00', 1, 'working_hours', backwards)).toThrow(
      expect.objectContaining({ code: 'CALENDAR_INVALID_PAUSE' }),
    );
  });
});

describe('administrator overrides in deadlines', () => {
  it('make an override working day count and an override holiday not count', () => {
    const calendar = beijing({
      overrides: [
        { date: '2025-10-08', kind: 'workday' },
        { date: '2025-10-16', kind: 'holiday' },
      ],
    });
    const limit: TimeLimit = { amount: 1, unit: 'working_days' };
    expect(fmt(addWorkingTime(calendar, bj('2025-09-30 10:00'), limit))).toBe('2025-10-08 10:00');
    expect(fmt(addWorkingTime(calendar, bj('2025-10-15 10:00'), limit))).toBe('2025-10-17 10:00');
  });
});

describe('invalid input', () => {
  const start = bj('2025-10-15 10:00');
  it.each([
    [{ amount: -1, unit: 'working_hours' }],
    [{ amount: Number.NaN, unit: 'working_hours' }],
    [{ amount: Number.POSITIVE_INFINITY, unit: 'natural_hours' }],
    [{ amount: 20_000, unit: 'working_days' }],
    [{ amount: 11 * 366 * 24, unit: 'natural_hours' }],
    [{ amount: 1, unit: 'natural_days' }],
  ])('rejects the limit %o', (limit) => {
    expect(() => addWorkingTime(beijing(), start, limit as TimeLimit)).toThrow(
      expect.objectContaining({ code: 'CALENDAR_INVALID_DURATION' }),
    );
  });

  it('rejects an invalid Date', () => {
    expect(() =>
      addWorkingTime(beijing(), new Date('nonsense'), { amount: 1, unit: 'working_hours' }),
    ).toThrow(CalendarError);
    expect(() => workingMinutesBetween(beijing(), start, new Date(Number.NaN))).toThrow(CalendarError);
  });
});
