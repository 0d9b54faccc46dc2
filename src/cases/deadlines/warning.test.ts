import { describe, expect, it } from 'vitest';
import { beijing, bj } from '../../../test/helpers/calendar.js';
import { deadlineWarning, type ClockSpan } from './warning.js';

const clock = (overrides: Partial<ClockSpan> = {}): ClockSpan => ({
  startedAt: bj('2026-12-30 10:00'),
  limit: { unit: 'working_days' },
  dueAt: bj('2027-01-04 10:00'),
  stoppedAt: null,
  ...overrides,
});

describe('the deadline warning', () => {
  it('names 2027 when a working-time deadline runs into it', () => {
    expect(deadlineWarning(beijing(), [clock()], bj('2026-12-31 09:00'))).toEqual({
      code: 'CALENDAR_YEAR_UNCONFIRMED',
      years: [2027],
    });
  });

  it('warns for an overdue clock still counting in 2027, though its deadline was in 2026', () => {
    const overdue = clock({ dueAt: bj('2026-12-31 17:30') });
    expect(deadlineWarning(beijing(), [overdue], bj('2027-01-02 09:00'))?.years).toEqual([2027]);
  });

  it('stays silent inside known years, for natural-time clocks, and once 2027 is entered', () => {
    const inside = clock({ startedAt: bj('2026-03-02 10:00'), dueAt: bj('2026-03-05 10:00') });
    expect(deadlineWarning(beijing(), [inside], bj('2026-03-03 09:00'))).toBeNull();
    expect(
      deadlineWarning(beijing(), [clock({ limit: { unit: 'natural_hours' } })], bj('2026-12-31 09:00')),
    ).toBeNull();
    const entered = beijing({ enteredYears: [2027] });
    expect(deadlineWarning(entered, [clock()], bj('2026-12-31 09:00'))).toBeNull();
  });

  it('ignores a clock stopped in 2026 whose deadline was in 2026', () => {
    const stopped = clock({ dueAt: bj('2026-12-30 17:00'), stoppedAt: bj('2026-12-30 15:00') });
    expect(deadlineWarning(beijing(), [stopped], bj('2027-01-05 09:00'))).toBeNull();
  });
});
