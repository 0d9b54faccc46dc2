import { describe, expect, it } from 'vitest';
import type { IsoWeekday } from '../calendar/index.js';
import { drawReportSlot, localHour, localInstant, type ReporterKind } from './hours.js';

/** The same seeded generator as the simulation (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Four weeks starting on a Monday. */
const weekdayOf = (day: number) => ((day % 7) + 1) as IsoWeekday;

function draws(kind: ReporterKind, n = 5000) {
  const random = prng(11);
  return Array.from({ length: n }, () => drawReportSlot(random, kind, 28, weekdayOf));
}

const share = (
  slots: Array<{ day: number; minute: number }>,
  test: (s: { day: number; minute: number }) => boolean,
) => slots.filter(test).length / slots.length;

describe('the demo report time profile', () => {
  it('puts at least 90 % of inspector reports between 08:00 and 18:00 and none between 00:00 and 06:00', () => {
    const slots = draws('inspector');
    expect(share(slots, (s) => s.minute >= 8 * 60 && s.minute < 18 * 60)).toBeGreaterThanOrEqual(0.9);
    expect(slots.filter((s) => s.minute < 6 * 60)).toEqual([]);
  });

  it('peaks mid-morning and mid-afternoon for inspectors, with a lunch dip', () => {
    const slots = draws('inspector');
    const inHour = (h: number) => share(slots, (s) => Math.floor(s.minute / 60) === h);
    expect(inHour(10)).toBeGreaterThan(2 * inHour(12));
    expect(inHour(15)).toBeGreaterThan(2 * inHour(12));
  });

  it('has fewer inspector reports on a weekend day than on a weekday', () => {
    const slots = draws('inspector');
    const perWeekendDay = share(slots, (s) => weekdayOf(s.day) >= 6) / 8;
    const perWeekday = share(slots, (s) => weekdayOf(s.day) < 6) / 20;
    expect(perWeekendDay).toBeLessThan(0.5 * perWeekday);
  });

  it('lets citizens report in the evening too, but rarely at night', () => {
    const slots = draws('citizen');
    expect(share(slots, (s) => s.minute >= 18 * 60 && s.minute < 22 * 60)).toBeGreaterThan(0.15);
    expect(share(slots, (s) => s.minute < 6 * 60)).toBeLessThan(0.02);
  });

  it('keeps every slot inside the period and the day', () => {
    for (const s of [...draws('inspector', 500), ...draws('citizen', 500)]) {
      expect(s.day).toBeGreaterThanOrEqual(0);
      expect(s.day).toBeLessThan(28);
      expect(s.minute).toBeGreaterThanOrEqual(0);
      expect(s.minute).toBeLessThan(1440);
    }
  });
});

describe('local instants', () => {
  it('places 08:30 in Beijing at 00:30 UTC, and reads the hour back', () => {
    const at = localInstant('Asia/Shanghai', '2026-10-12', 8 * 60 + 30);
    expect(at.toISOString()).toBe('2026-10-12T00:30:00.000Z');
    expect(localHour('Asia/Shanghai', at)).toBe(8);
  });

  it('follows daylight saving time where there is one', () => {
    expect(localInstant('Europe/Berlin', '2026-07-01', 9 * 60).toISOString()).toBe(
      '2026-07-01T07:00:00.000Z',
    );
    expect(localInstant('Europe/Berlin', '2026-12-01', 9 * 60).toISOString()).toBe(
      '2026-12-01T08:00:00.000Z',
    );
  });
});
