import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parseResidentId, residentIdCheckChar, upgradeLegacyResidentId } from './resident-id.js';
import { TODAY, birthDate, countyCode, digits, mutateAt } from './test-support.js';

const today = TODAY;

function reasonOf(input: string, opts: { today?: string; acceptLegacy?: boolean } = {}): string {
  const result = parseResidentId(input, { today, ...opts });
  if (result.ok) throw new Error(`expected ${input} to be rejected`);
  return result.reason;
}

describe('GB 11643-1999 resident ID number', () => {
  it('accepts the example printed in the standard and reads its fields', () => {
    const result = parseResidentId('11010519491231002X', { today });
    expect(result).toEqual({
      ok: true,
      value: {
        number: '11010519491231002X',
        addressCode: '110105',
        provinceCode: '11',
        birthDate: '1949-12-31',
        sequence: '002',
        sex: 'female',
        checkChar: 'X',
        legacyNumber: null,
      },
    });
  });

  it('accepts a birth year in the 1800s and reads an odd sequence as male', () => {
    const result = parseResidentId('440524188001010014', { today });
    expect(result.ok && result.value).toMatchObject({ birthDate: '1880-01-01', sex: 'male' });
  });

  it('computes the ISO 7064 MOD 11-2 check character, including X and 0', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
    // Σ = 0 → S mod 11 = 0 → '1'
    expect(residentIdCheckChar('00000000000000000')).toBe('1');
    expect(() => residentIdCheckChar('1234')).toThrow(RangeError);
  });

  it('names the expected check character when it is wrong', () => {
    expect(reasonOf('110105194912310021')).toBe('check character should be X, got 1');
  });

  it('accepts a lowercase x and returns it in capitals', () => {
    const result = parseResidentId('11010519491231002x', { today });
    expect(result.ok && result.value.number).toBe('11010519491231002X');
  });

  it('rejects wrong lengths and non-digits with a reason', () => {
    expect(reasonOf('1101051949123100')).toBe(
      'a resident ID number has 18 characters (or 15 digits), got 16',
    );
    expect(reasonOf('11010519491231002XX')).toMatch(/got 19/);
    expect(reasonOf('1101051949123100AX')).toBe('characters 1–17 of a resident ID number must be digits');
    expect(reasonOf('11010519491231002Y')).toBe('check character must be a digit or X, got Y');
  });

  it('rejects an address code without a province prefix', () => {
    const body = '99010519491231002';
    expect(reasonOf(body + residentIdCheckChar(body))).toBe(
      'address code 990105 does not start with a province code',
    );
  });

  it('accepts the 830000 address code of Taiwan residence permits', () => {
    const body = '83000019900101001';
    expect(parseResidentId(body + residentIdCheckChar(body), { today }).ok).toBe(true);
  });

  it('rejects impossible birth dates, years before 1800 and births after today', () => {
    const withCheck = (body: string): string => body + residentIdCheckChar(body);
    expect(reasonOf(withCheck('11010519900230001'))).toBe('birth date 19900230 is not a calendar date');
    expect(reasonOf(withCheck('11010519000229001'))).toBe('birth date 19000229 is not a calendar date');
    expect(parseResidentId(withCheck('11010520000229001'), { today }).ok).toBe(true);
    expect(reasonOf(withCheck('11010517991231001'))).toBe('birth year 1799 is before 1800');
    expect(reasonOf(withCheck('11010520250701001'))).toBe(
      'birth date 2025-07-01 is after today (2025-06-30)',
    );
    expect(parseResidentId(withCheck('11010520250630001'), { today }).ok).toBe(true);
  });

  it('throws when the caller passes an invalid today', () => {
    expect(() => parseResidentId('11010519491231002X', { today: '2025-02-30' })).toThrow(RangeError);
    expect(() => parseResidentId('11010519491231002X', { today: '20250101' })).toThrow(RangeError);
  });

  describe('legacy 15-digit numbers', () => {
    it('upgrades by inserting 19 and appending the check character', () => {
      expect(upgradeLegacyResidentId('110105491231002')).toEqual({ ok: true, value: '11010519491231002X' });
      const result = parseResidentId('110105491231002', { today });
      expect(result.ok && result.value).toMatchObject({
        number: '11010519491231002X',
        legacyNumber: '110105491231002',
      });
    });

    it('rejects an impossible date and non-digits', () => {
      expect(reasonOf('110105490230002')).toBe('birth date 19490230 is not a calendar date');
      expect(upgradeLegacyResidentId('11010549123100X')).toEqual({
        ok: false,
        reason: 'a legacy resident ID number is 15 digits',
      });
    });

    it('can be refused', () => {
      expect(reasonOf('110105491231002', { acceptLegacy: false })).toBe(
        'a resident ID number has 18 characters, got 15',
      );
    });
  });

  describe('generated vectors', () => {
    const validBody = fc
      .tuple(countyCode, birthDate, digits(3))
      .map(([address, birth, sequence]) => address + birth + sequence);

    it('accepts every body with its computed check character and reads sex from the sequence', () => {
      fc.assert(
        fc.property(validBody, (body) => {
          const result = parseResidentId(body + residentIdCheckChar(body), { today });
          expect(result.ok).toBe(true);
          if (result.ok) expect(result.value.sex).toBe(Number(body[16]) % 2 === 1 ? 'male' : 'female');
        }),
        { numRuns: 2000 },
      );
    });

    it('rejects every single-character substitution', () => {
      fc.assert(
        fc.property(validBody, fc.integer({ min: 0, max: 17 }), fc.nat(), (body, index, shift) => {
          const valid = body + residentIdCheckChar(body);
          const alphabet = index === 17 ? '0123456789X' : '0123456789';
          expect(parseResidentId(mutateAt(valid, index, alphabet, shift), { today }).ok).toBe(false);
        }),
        { numRuns: 2000 },
      );
    });

    it('rejects every swap of two different adjacent digits', () => {
      fc.assert(
        fc.property(validBody, fc.integer({ min: 0, max: 15 }), (body, i) => {
          fc.pre(body[i] !== body[i + 1]);
          const valid = body + residentIdCheckChar(body);
          const swapped = valid.slice(0, i) + valid[i + 1]! + valid[i]! + valid.slice(i + 2);
          expect(parseResidentId(swapped, { today }).ok).toBe(false);
        }),
        { numRuns: 2000 },
      );
    });
  });
});
