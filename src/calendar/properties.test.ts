/**
 * Property-based tests (fast-check) of the deadline arithmetic, including a comparison with a
 * deliberately naive minute-by-minute reference over the default Beijing calendar.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingTime,
  deadlineStatus,
  isWorkingDay,
  naturalMinutesBetween,
  overdueTier,
  trafficLight,
  workingMinutesBetween,
  type Pause,
  type TimeLimitUnit,
} from './index.js';
import { beijing } from '../../test/helpers/calendar.js';

const MINUTE = 60_000;
const BEIJING_OFFSET = 8 * 60 * MINUTE;
const FIRST = Date.parse('2024-01-01T00:00:00+08:00');
const LAST = Date.parse('2026-12-20T00:00:00+08:00');
const calendar = beijing();

const minuteInstant = fc.integer({ min: FIRST / MINUTE, max: LAST / MINUTE }).map((m) => m * MINUTE);
const msInstant = fc.integer({ min: FIRST, max: LAST });
const minutes = fc.integer({ min: 0, max: 3000 });

/** Up to four minute-aligned pauses around a start, occasionally one that has not ended. */
function pausesNear(start: number, allowOpen = true): fc.Arbitrary<Pause[]> {
  const pauseSpec = fc.record({
    offset: fc.integer({ min: -2000, max: 12_000 }),
    length: fc.integer({ min: 0, max: 4000 }),
    open: allowOpen ? fc.integer({ min: 0, max: 9 }).map((draw) => draw < 2) : fc.constant(false),
  });
  return fc.array(pauseSpec, { maxLength: 4 }).map((specs) =>
    specs.map(({ offset, length, open }) => ({
      from: new Date(start + offset * MINUTE),
      to: open ? null : new Date(start + (offset + length) * MINUTE),
    })),
  );
}

const withPauses = (allowOpen: boolean) =>
  minuteInstant.chain((start) => fc.tuple(fc.constant(start), pausesNear(start, allowOpen)));

const add = (start: number, amount: number, pauses?: Pause[], unit: TimeLimitUnit = 'working_minutes') =>
  addWorkingTime(calendar, new Date(start), { amount, unit }, pauses)?.getTime() ?? null;
const between = (from: number, to: number, pauses?: Pause[]) =>
  workingMinutesBetween(calendar, new Date(from), new Date(to), pauses);

// ── The reference: one minute at a time, Beijing = UTC+8 fixed, periods hard-coded ──────────
const dayCache = new Map<number, boolean>();
function referenceWorkingMinute(minuteStart: number, pauses: Pause[]): 'work' | 'idle' | 'stopped' {
  for (const { from, to } of pauses) {
    if (from.getTime() <= minuteStart && (to === null || minuteStart < to.getTime())) {
      return to === null ? 'stopped' : 'idle';
    }
  }
  const local = minuteStart + BEIJING_OFFSET;
  const day = Math.floor(local / 86_400_000);
  let working = dayCache.get(day);
  if (working === undefined) {
    working = isWorkingDay(calendar, new Date(day * 86_400_000).toISOString().slice(0, 10));
    dayCache.set(day, working);
  }
  const minuteOfDay = (local - day * 86_400_000) / MINUTE;
  const inPeriod = (minuteOfDay >= 540 && minuteOfDay < 720) || (minuteOfDay >= 810 && minuteOfDay < 1050);
  return working && inPeriod ? 'work' : 'idle';
}

function referenceDeadline(start: number, amount: number, pauses: Pause[]): number | null {
  if (amount === 0) return start;
  let counted = 0;
  for (let minute = start; ; minute += MINUTE) {
    const kind = referenceWorkingMinute(minute, pauses);
    if (kind === 'stopped') return null;
    if (kind === 'work' && ++counted === amount) return minute + MINUTE;
  }
}

function referenceBetween(from: number, to: number, pauses: Pause[]): number {
  let counted = 0;
  for (let minute = from; minute < to; minute += MINUTE) {
    if (referenceWorkingMinute(minute, pauses) === 'work') counted++;
  }
  return counted;
}

describe('deadline arithmetic against a minute-by-minute reference', () => {
  it('addWorkingTime gives the end of the Nth working minute, or null when an open pause stops it', () => {
    fc.assert(
      fc.property(withPauses(true), fc.integer({ min: 0, max: 1500 }), ([start, pauses], amount) => {
        expect(add(start, amount, pauses)).toBe(referenceDeadline(start, amount, pauses));
      }),
      { numRuns: 300 },
    );
  });

  it('workingMinutesBetween counts the working, unpaused minutes', () => {
    fc.assert(
      fc.property(withPauses(true), fc.integer({ min: 0, max: 8000 }), ([from, pauses], span) => {
        const to = from + span * MINUTE;
        expect(between(from, to, pauses)).toBe(referenceBetween(from, to, pauses));
      }),
      { numRuns: 200 },
    );
  });
});

describe('algebraic properties', () => {
  it('round-trips: exactly N working minutes elapse between a start and its deadline', () => {
    fc.assert(
      fc.property(msInstant, minutes, (start, amount) => {
        const deadline = add(start, amount);
        expect(deadline).not.toBeNull();
        expect(between(start, deadline ?? Number.NaN)).toBe(amount);
      }),
    );
  });

  it('round-trips with pauses, and the deadline is the earliest such instant', () => {
    fc.assert(
      fc.property(withPauses(false), fc.integer({ min: 1, max: 3000 }), ([start, pauses], amount) => {
        const deadline = add(start, amount, pauses) ?? Number.NaN;
        expect(between(start, deadline, pauses)).toBe(amount);
        expect(between(start, deadline - 1, pauses)).toBeLessThan(amount);
      }),
    );
  });

  it('is additive: adding a then b equals adding a + b', () => {
    fc.assert(
      fc.property(withPauses(false), minutes, minutes, ([start, pauses], a, b) => {
        const afterA = add(start, a, pauses) ?? Number.NaN;
        expect(add(afterA, b, pauses)).toBe(add(start, a + b, pauses));
      }),
    );
  });

  it('is monotonic in the amount and in the start', () => {
    fc.assert(
      fc.property(msInstant, msInstant, minutes, minutes, (s1, s2, a, b) => {
        const [early, late] = s1 <= s2 ? [s1, s2] : [s2, s1];
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(add(early, small) ?? 0).toBeLessThanOrEqual(add(early, large) ?? 0);
        expect(add(early, small) ?? 0).toBeLessThanOrEqual(add(late, small) ?? 0);
      }),
    );
  });

  it('never makes a deadline earlier by pausing, nor by pausing more', () => {
    fc.assert(
      fc.property(withPauses(true), minutes, ([start, pauses], amount) => {
        const asInfinity = (value: number | null) => value ?? Number.POSITIVE_INFINITY;
        const without = asInfinity(add(start, amount));
        const withAll = asInfinity(add(start, amount, pauses));
        const withFewer = asInfinity(add(start, amount, pauses.slice(1)));
        expect(withAll).toBeGreaterThanOrEqual(without);
        expect(withAll).toBeGreaterThanOrEqual(withFewer);
      }),
    );
  });

  it('keeps a deadline reached before an open pause begins, and is null otherwise', () => {
    fc.assert(
      fc.property(
        withPauses(false),
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: 20_000 }),
        ([start, closed], amount, gap) => {
          const lastEnd = Math.max(start, ...closed.map((p) => p.to?.getTime() ?? start));
          const openFrom = lastEnd + (gap + 1) * MINUTE;
          const withoutOpen = add(start, amount, closed) ?? Number.NaN;
          const withOpen = add(start, amount, [...closed, { from: new Date(openFrom), to: null }]);
          expect(withOpen).toBe(withoutOpen <= openFrom ? withoutOpen : null);
        },
      ),
    );
  });

  it('sums over consecutive intervals and changes sign when reversed', () => {
    fc.assert(
      fc.property(withPauses(true), minuteInstant, minuteInstant, ([a, pauses], b, c) => {
        const [x, y, z] = [a, b, c].sort((p, q) => p - q) as [number, number, number];
        expect(between(x, y, pauses) + between(y, z, pauses)).toBe(between(x, z, pauses));
        expect(between(z, x, pauses)).toBe(-between(x, z, pauses));
      }),
      { numRuns: 60 },
    );
  });

  it('gives natural time as plain elapsed time outside pauses', () => {
    fc.assert(
      fc.property(withPauses(false), minutes, ([start, pauses], amount) => {
        expect(add(start, amount, undefined, 'natural_minutes')).toBe(start + amount * MINUTE);
        const deadline = add(start, amount, pauses, 'natural_minutes') ?? Number.NaN;
        expect(naturalMinutesBetween(new Date(start), new Date(deadline), pauses)).toBe(amount);
      }),
    );
  });
});

describe('working days keep the time of day', () => {
  /** A start strictly inside a working period of a working day, on a whole minute. */
  const insideWorkingTime = minuteInstant.filter((start) => {
    const minuteOfDay = ((start + BEIJING_OFFSET) % 86_400_000) / MINUTE;
    const inside = (minuteOfDay > 540 && minuteOfDay < 720) || (minuteOfDay > 810 && minuteOfDay < 1050);
    return inside && referenceWorkingMinute(start, []) === 'work';
  });

  it('lands at the same local time on the Nth following working day', () => {
    fc.assert(
      fc.property(insideWorkingTime, fc.integer({ min: 1, max: 30 }), (start, days) => {
        const deadline = add(start, days, undefined, 'working_days') ?? Number.NaN;
        expect((deadline - start) % 86_400_000).toBe(0);
        let workingDaysAfter = 0;
        for (let day = start + 86_400_000; day <= deadline; day += 86_400_000) {
          const date = new Date(day + BEIJING_OFFSET).toISOString().slice(0, 10);
          if (isWorkingDay(calendar, date)) workingDaysAfter++;
        }
        expect(workingDaysAfter).toBe(days);
        expect(referenceWorkingMinute(deadline - MINUTE, [])).toBe('work');
      }),
    );
  });
});

describe('status functions', () => {
  const rank = { green: 0, yellow: 1, red: 2, on_time: 0, overdue: 1, severely_overdue: 2 } as const;

  it('never improve as elapsed time grows, and red means not on time', () => {
    const amount = fc.double({ min: 0, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(amount, amount, amount, (e1, e2, limit) => {
        const [low, high] = e1 <= e2 ? [e1, e2] : [e2, e1];
        expect(rank[trafficLight(low, limit)]).toBeLessThanOrEqual(rank[trafficLight(high, limit)]);
        expect(rank[overdueTier(low, limit)]).toBeLessThanOrEqual(rank[overdueTier(high, limit)]);
        expect(trafficLight(high, limit) === 'red').toBe(overdueTier(high, limit) !== 'on_time');
      }),
    );
  });

  it('call a case late exactly when the instant is past its deadline', () => {
    fc.assert(
      fc.property(
        msInstant,
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 0, max: 20_000 }),
        (start, amount, later) => {
          const at = new Date(start + later * MINUTE);
          const status = deadlineStatus(calendar, {
            start: new Date(start),
            limit: { amount, unit: 'working_minutes' },
            at,
          });
          const late = at.getTime() > (status.deadline?.getTime() ?? Number.NaN);
          expect(status.tier !== 'on_time').toBe(late);
          expect(status.light === 'red').toBe(late);
        },
      ),
    );
  });
});
