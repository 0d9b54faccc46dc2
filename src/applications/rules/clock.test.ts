import { describe, expect, it } from 'vitest';
import { beijing, bj, fmt } from '../../../test/helpers/calendar.js';
import type { ClockPause } from '../model.js';
import { applicationClock, endPause, startPause, type ClockFacts } from './clock.js';

const calendar = beijing();
const base: ClockFacts = {
  state: 'submitted',
  submittedAt: bj('2026-03-02 10:00'), // a Monday
  acceptedAt: null,
  decidedAt: null,
  acceptanceDays: 5,
  promisedDays: 5,
  extensionDays: 0,
  pauses: [],
};
const p = (kind: ClockPause['kind'], from: string, to?: string): ClockPause => ({
  kind,
  from: bj(from).toISOString(),
  to: to ? bj(to).toISOString() : null,
  note: null,
});

describe('application clocks on the working calendar', () => {
  it('runs the acceptance clock from submission: 5 working days, skipping the weekend', () => {
    const clock = applicationClock(calendar, base, bj('2026-03-02 11:00'));
    expect(clock.clock).toBe('acceptance');
    expect(fmt(clock.acceptDueAt)).toBe('2026-03-09 10:00');
    expect(clock.light).toBe('green');
    // Accepted on the last day at the latest, then 5 promised days.
    expect(clock.expectedCompletionDate).toBe('2026-03-16');
    expect(clock.dueAt).toBeNull();
  });

  it('turns yellow after 80 % of the acceptance limit and red past it', () => {
    expect(applicationClock(calendar, base, bj('2026-03-06 11:00')).light).toBe('yellow');
    expect(applicationClock(calendar, base, bj('2026-03-09 10:01')).light).toBe('red');
  });

  it('runs the decision clock from acceptance with the promised days plus the extension', () => {
    const accepted = { ...base, state: 'in_review' as const, acceptedAt: bj('2026-03-03 09:00') };
    const clock = applicationClock(calendar, accepted, bj('2026-03-03 10:00'));
    expect(clock.clock).toBe('decision');
    expect(fmt(clock.dueAt)).toBe('2026-03-09 17:30');
    expect(clock.expectedCompletionDate).toBe('2026-03-09');
    const extended = applicationClock(calendar, { ...accepted, extensionDays: 10 }, bj('2026-03-03 10:00'));
    expect(fmt(extended.dueAt)).toBe('2026-03-23 17:30');
    expect(extended.extensionDays).toBe(10);
  });

  it('stops for special steps and holds (行政许可法 第四十五条): paused light, no due instant, an estimate if resumed now', () => {
    const inStep = {
      ...base,
      state: 'special_step' as const,
      acceptedAt: bj('2026-03-03 09:00'),
      pauses: [p('site_inspection', '2026-03-04 09:00')],
    };
    const clock = applicationClock(calendar, inStep, bj('2026-03-05 09:00'));
    expect(clock.light).toBe('paused');
    expect(clock.dueAt).toBeNull();
    expect(clock.pausedDays).toBe(1);
    // One working day stood still: the estimate moves a day.
    expect(clock.expectedCompletionDate).toBe('2026-03-10');
    const resumed = applicationClock(
      calendar,
      {
        ...inStep,
        state: 'in_review',
        pauses: [p('site_inspection', '2026-03-04 09:00', '2026-03-05 09:00')],
      },
      bj('2026-03-05 10:00'),
    );
    expect(fmt(resumed.dueAt)).toBe('2026-03-10 17:30');
    expect(resumed.light).toBe('green');
    expect(resumed.pausedDays).toBe(1);
  });

  it('shows no running clock while the applicant corrects, and none after the end', () => {
    for (const state of ['draft', 'correction_requested', 'rejected', 'withdrawn'] as const) {
      const clock = applicationClock(calendar, { ...base, state }, bj('2026-03-03 10:00'));
      expect(clock, state).toMatchObject({
        clock: null,
        light: 'none',
        expectedCompletionDate: null,
        dueAt: null,
      });
    }
    const decided = applicationClock(
      calendar,
      { ...base, state: 'decided', acceptedAt: bj('2026-03-03 09:00'), decidedAt: bj('2026-03-05 15:00') },
      bj('2026-03-20 10:00'),
    );
    expect(decided).toMatchObject({ clock: null, light: 'none', expectedCompletionDate: '2026-03-05' });
    expect(fmt(decided.dueAt)).toBe('2026-03-09 17:30');
  });

  it('puts a 即办件 due at acceptance', () => {
    const instant = {
      ...base,
      state: 'accepted' as const,
      promisedDays: 0,
      acceptedAt: bj('2026-03-03 10:00'),
    };
    const clock = applicationClock(calendar, instant, bj('2026-03-03 10:00'));
    expect(fmt(clock.dueAt)).toBe('2026-03-03 10:00');
  });

  it('opens and closes pauses, one at a time', () => {
    const opened = startPause([], 'hold', bj('2026-03-03 10:00'), '等待外部材料');
    expect(opened).toEqual([
      { kind: 'hold', from: bj('2026-03-03 10:00').toISOString(), to: null, note: '等待外部材料' },
    ]);
    expect(() => startPause(opened, 'testing', bj('2026-03-03 11:00'), null)).toThrow();
    const closed = endPause(opened, bj('2026-03-04 10:00'));
    expect(closed[0]!.to).toBe(bj('2026-03-04 10:00').toISOString());
    expect(startPause(closed, 'testing', bj('2026-03-05 10:00'), null)).toHaveLength(2);
  });
});
