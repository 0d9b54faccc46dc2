/**
 * Deadline arithmetic runs on every case list and in sweeps over all open cases, so it walks
 * days, never minutes. The tests count the days the arithmetic looks at (`calendar.day`), not
 * seconds: a count holds on a loaded machine, and a minute-by-minute loop (or a walk from the
 * beginning of time) would multiply it. Speed itself is a benchmark's business (docs/benchmarks.md).
 */
import { describe, expect, it, vi } from 'vitest';
import {
  addWorkingTime,
  createWorkingCalendar,
  deadlineStatus,
  workingMinutesBetween,
  type TimeLimit,
} from './index.js';
import { bj } from '../../test/helpers/calendar.js';

/** How many times `run` asks the calendar about a day. */
function daysLookedAt(calendar: ReturnType<typeof createWorkingCalendar>, run: () => void): number {
  const day = vi.spyOn(calendar, 'day');
  run();
  const calls = day.mock.calls.length;
  day.mockRestore();
  return calls;
}

describe('performance', () => {
  it('adds a year of working days by walking about a year of days, not its minutes', () => {
    const calendar = createWorkingCalendar();
    const start = bj('2025-01-02 10:00').getTime();
    const limit: TimeLimit = { amount: 248, unit: 'working_days' };
    let last: Date | null = null;
    const looked = daysLookedAt(calendar, () => {
      for (let i = 0; i < 1000; i++) last = addWorkingTime(calendar, new Date(start + i * 60_000), limit);
    });
    expect(last).not.toBeNull();
    // A year is 365 days; twice that per addition is the bound (525,600 minutes would be far above).
    expect(looked).toBeLessThan(1000 * 2 * 366);
  });

  it('measures ten years of working time by walking ten years of days', () => {
    const calendar = createWorkingCalendar();
    let minutes = 0;
    const looked = daysLookedAt(calendar, () => {
      minutes = workingMinutesBetween(calendar, bj('2016-01-01 00:00'), bj('2026-01-01 00:00'));
    });
    expect(minutes).toBeGreaterThan(2400 * 420);
    expect(looked).toBeLessThan(2 * 3653);
  });

  it('sweeps 30,000 open cases with pauses looking at a few days per case', () => {
    const calendar = createWorkingCalendar();
    const now = bj('2025-12-15 10:00');
    const base = bj('2025-09-01 08:00').getTime();
    const units = ['working_hours', 'working_days', 'natural_hours'] as const;
    let red = 0;
    const looked = daysLookedAt(calendar, () => {
      for (let i = 0; i < 30_000; i++) {
        const start = base + ((i * 7_919_993) % (100 * 86_400_000));
        const pauses =
          i % 5 === 0 ? [{ from: new Date(start + 3_600_000), to: new Date(start + 90_000_000) }] : [];
        const limit: TimeLimit = { amount: 1 + (i % 5), unit: units[i % 3] ?? 'working_days' };
        if (deadlineStatus(calendar, { start: new Date(start), limit, at: now, pauses }).light === 'red')
          red++;
      }
    });
    expect(red).toBeGreaterThan(0);
    // Starts up to 100 days back from now: at most ~2 × 106 days per case.
    expect(looked).toBeLessThan(30_000 * 2 * 110);
  });
});
