import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { formatGridCode, parseGridCode } from './grid-code.js';
import { communityCode } from './test-support.js';

function reasonOf(code: string): string {
  const result = parseGridCode(code);
  if (result.ok) throw new Error(`expected ${code} to be rejected`);
  return result.reason;
}

describe('unit-grid codes', () => {
  it('parses a 15-digit GB/T 47678.3 code as community + 3-digit sequence', () => {
    expect(parseGridCode('110101001001007')).toEqual({
      ok: true,
      value: { code: '110101001001007', scheme: 'GB47678_15', communityCode: '110101001001', sequence: 7 },
    });
  });

  it('parses a 14-digit CJ/T 213 code as community + 2-digit sequence', () => {
    expect(parseGridCode('11010100100112')).toEqual({
      ok: true,
      value: { code: '11010100100112', scheme: 'CJT213_14', communityCode: '110101001001', sequence: 12 },
    });
  });

  it('rejects sequence zero, with the CJ/T 213 meaning of 00', () => {
    expect(reasonOf('110101001001000')).toBe('grid sequence must be 001–999, got 000');
    expect(reasonOf('11010100100100')).toBe(
      'sequence 00 denotes the community itself, not a unit grid (CJ/T 213)',
    );
  });

  it('rejects an invalid community part and other lengths', () => {
    expect(reasonOf('110101000001001')).toBe(
      'community part (digits 1–12): township part (digits 7–9) is 000; use stripDivisionPadding() on zero-padded 12-digit codes',
    );
    expect(reasonOf('1101010010010')).toBe(
      'a unit-grid code has 15 digits (GB/T 47678.3) or 14 digits (CJ/T 213), got 13',
    );
    expect(reasonOf('11010100100100A')).toBe('a unit-grid code must contain only digits');
  });

  it('formats and parses back, for both schemes', () => {
    fc.assert(
      fc.property(communityCode, fc.integer({ min: 1, max: 999 }), (community, sequence) => {
        const gb = formatGridCode(community, sequence);
        expect(parseGridCode(gb)).toEqual({
          ok: true,
          value: { code: gb, scheme: 'GB47678_15', communityCode: community, sequence },
        });
        if (sequence <= 99) {
          const legacy = formatGridCode(community, sequence, 'CJT213_14');
          expect(parseGridCode(legacy)).toMatchObject({ ok: true, value: { scheme: 'CJT213_14', sequence } });
        }
      }),
    );
  });

  it('refuses to format a sequence that does not fit', () => {
    expect(() => formatGridCode('110101001001', 0)).toThrow(RangeError);
    expect(() => formatGridCode('110101001001', 100, 'CJT213_14')).toThrow(RangeError);
    expect(() => formatGridCode('110101', 1)).toThrow(RangeError);
  });
});
