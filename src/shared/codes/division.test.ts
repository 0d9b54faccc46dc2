import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  divisionLevel,
  isWithinDivision,
  parentCode,
  parseDivisionCode,
  stripDivisionPadding,
} from './division.js';
import { communityCode } from './test-support.js';

function reasonOf(code: string): string {
  const result = parseDivisionCode(code);
  if (result.ok) throw new Error(`expected ${code} to be rejected`);
  return result.reason;
}

describe('administrative-division codes', () => {
  it('parses a county-level code (东城区)', () => {
    expect(parseDivisionCode('110101')).toEqual({
      ok: true,
      value: {
        code: '110101',
        level: 'district',
        provinceCode: '11',
        prefectureCode: '1101',
        countyCode: '110101',
        townshipCode: null,
        townshipKind: null,
        villageKind: null,
      },
    });
  });

  it('parses a township code and says what its number usually means', () => {
    expect(parseDivisionCode('110101001')).toMatchObject({
      ok: true,
      value: { level: 'street', townshipCode: '110101001', townshipKind: 'subdistrict', villageKind: null },
    });
    expect(parseDivisionCode('110112104')).toMatchObject({ ok: true, value: { townshipKind: 'town' } });
    expect(parseDivisionCode('110116213')).toMatchObject({ ok: true, value: { townshipKind: 'township' } });
    expect(parseDivisionCode('110105400')).toMatchObject({ ok: true, value: { townshipKind: 'other' } });
  });

  it('parses a village-level code and says what its number usually means', () => {
    expect(parseDivisionCode('110101001001')).toMatchObject({
      ok: true,
      value: {
        level: 'community',
        countyCode: '110101',
        townshipCode: '110101001',
        villageKind: 'residents',
      },
    });
    expect(parseDivisionCode('110112104201')).toMatchObject({
      ok: true,
      value: { villageKind: 'villagers' },
    });
    expect(parseDivisionCode('110112104400')).toMatchObject({ ok: true, value: { villageKind: 'special' } });
  });

  it('accepts townships directly under a prefecture-level city without counties (东莞)', () => {
    expect(parseDivisionCode('441900')).toMatchObject({ ok: true, value: { level: 'district' } });
    expect(parseDivisionCode('441900003001')).toMatchObject({ ok: true, value: { countyCode: '441900' } });
  });

  it('rejects province- and prefecture-level codes, unknown provinces, padding and bad lengths', () => {
    expect(reasonOf('110000')).toBe('110000 is a province-level code, not a county-level one');
    expect(reasonOf('440300')).toBe('440300 is a prefecture-level code, not a county-level one');
    expect(reasonOf('990101')).toBe('99 is not a province code (GB/T 2260)');
    expect(reasonOf('110101000')).toBe(
      'township part (digits 7–9) is 000; a county code is written with 6 digits',
    );
    expect(reasonOf('110101001000')).toBe(
      'village part (digits 10–12) is 000; use stripDivisionPadding() on zero-padded 12-digit codes',
    );
    expect(reasonOf('11010100')).toBe('a division code has 6, 9 or 12 digits, got 8');
    expect(reasonOf('11010a')).toBe('a division code must contain only digits');
  });

  it('strips the zero padding of statistical tables', () => {
    expect(stripDivisionPadding('110101000000')).toBe('110101');
    expect(stripDivisionPadding('110101001000')).toBe('110101001');
    expect(stripDivisionPadding('110101001001')).toBe('110101001001');
    expect(stripDivisionPadding('110101000')).toBe('110101');
    expect(stripDivisionPadding('abc')).toBe('abc');
  });

  it('gives the level and the parent one level up', () => {
    expect(divisionLevel('110101')).toBe('district');
    expect(divisionLevel('110101001')).toBe('street');
    expect(divisionLevel('110101001001')).toBe('community');
    expect(parentCode('110101001001')).toBe('110101001');
    expect(parentCode('110101001')).toBe('110101');
    expect(parentCode('110101')).toBeNull();
  });

  it('throws from divisionLevel and parentCode on an invalid code', () => {
    expect(() => divisionLevel('110000')).toThrow(RangeError);
    expect(() => parentCode('1101010010')).toThrow(RangeError);
  });

  it('tells whether one division lies within another', () => {
    expect(isWithinDivision('110101001001', '110101')).toBe(true);
    expect(isWithinDivision('110101001', '110101001')).toBe(true);
    expect(isWithinDivision('110102001001', '110101')).toBe(false);
  });

  it('walks any community up to its district through parents of the right level', () => {
    fc.assert(
      fc.property(communityCode, (code) => {
        const street = parentCode(code);
        expect(street).not.toBeNull();
        expect(divisionLevel(street!)).toBe('street');
        const district = parentCode(street!);
        expect(divisionLevel(district!)).toBe('district');
        expect(parentCode(district!)).toBeNull();
      }),
    );
  });
});
