/**
 * Deadline arithmetic runs on every case list and in sweeps over all open cases, so it walks
 * days, never minutes. The bounds are generous (≈ 20× the time measured on a laptop) so that
 * only an algorithmic regression, such as a minute-by-minute loop, fails them.
 */
import { describe, expect, it } from 'vitest';
import {
  addWorkingTime,
  createWorkingCalendar,
  deadlineStatus,
  workingMinutesBetween,
  type TimeLimit,
} from './index.js';
import { bj } from '../../test/helpers/calendar.js';

function timed(run: () => void): number {
  const begin = performance.now();
  run();
  return performance.now() - begin;
}

describe('performance', () => {
  it('adds a year of working days a thousand times in well under a second', () => {
    const calendar = createWorkingCalendar();
    const start = bj('2025-01-02 10:00').getTime();
    const limit: TimeLimit = { amount: 248, unit: 'working_days' };
    let last: Date | null = null;
    const elapsed = timed(() => {
      for (let i = 0; i < 1000; i++) last = addWorkingTime(calendar, new Date(start + i * 60_000), limit);
    });
    expect(last).not.toBeNull();
    expect(elapsed).toBeLessThan(1000);
  });

  it('measures ten years of working time at once', () => {
    const calendar = createWorkingCalendar();
    let minutes = 0;
    const elapsed = timed(() => {
      minutes = workingMinutesBetween(calendar, bj('2016-01-01 00:00'), bj('2026-01-01 00:00'));
    });
    expect(minutes).toBeGreaterThan(2400 * 420);
    expect(elapsed).toBeLessThan(1000);
  });

  it('sweeps 30,000 open cases with pauses in a few seconds at most', () => {
    const calendar = createWorkingCalendar();
    const now = bj('2025-12-15 10:00');
    const base = bj('2025-09-01 08:00').getTime();
    const units = ['working_hours', 'working_days', 'natural_hours'] as const;
    let red = 0;
    const elapsed = timed(() => {
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
    expect(elapsed).toBeLessThan(5000);
  });
});
