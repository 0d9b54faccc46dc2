import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactDay, formatNumber, MAX_DAILY_SEQUENCE, parseNumber } from './numbering.js';

describe('application and acceptance numbers', () => {
  it('writes SQ/SL + yyyymmdd + a 6-digit sequence', () => {
    expect(formatNumber('SQ', '2026-12-08', 123)).toBe('SQ20261208000123');
    expect(formatNumber('SL', '2026-01-01', MAX_DAILY_SEQUENCE)).toBe('SL20260101999999');
    expect(compactDay('2026-12-08')).toBe('20261208');
  });

  it('refuses sequences outside 1..999999 and malformed days', () => {
    for (const bad of [0, -1, 1.5, MAX_DAILY_SEQUENCE + 1])
      expect(() => formatNumber('SQ', '2026-12-08', bad)).toThrow();
    expect(() => formatNumber('SQ', '20261208', 1)).toThrow();
  });

  it('reads numbers back and refuses what is not one', () => {
    expect(parseNumber('SQ20261208000123')).toEqual({ kind: 'SQ', day: '2026-12-08', sequence: 123 });
    for (const bad of [
      'SQ2026120800012',
      'XX20261208000123',
      'SQ20261308000001',
      'SQ20260230000001',
      'SQ20261208000000',
      '',
    ])
      expect(parseNumber(bad), bad).toBeNull();
  });

  it('round-trips every valid day and sequence', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('SQ' as const, 'SL' as const),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: MAX_DAILY_SEQUENCE }),
        (kind, date, sequence) => {
          const day = date.toISOString().slice(0, 10);
          expect(parseNumber(formatNumber(kind, day, sequence))).toEqual({ kind, day, sequence });
        },
      ),
    );
  });
});
