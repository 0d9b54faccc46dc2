/**
 * The form engine's check digits (web/src/shared/form/codes.ts) agree with the server's validators
 * (src/shared/codes) on generated numbers: a number one accepts, the other does too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckChar,
  organizationCodeCheckChar,
  parseResidentId,
  residentIdCheckChar,
} from '../../src/shared/codes/index.js';
import { creditCodeProblem, idNumberProblem, isIsoDate } from '../../web/src/shared/form/codes.js';

const TODAY = '2026-12-08';
const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));

describe('ID numbers (GB 11643)', () => {
  it('accepts exactly the check character the server computes', () => {
    fc.assert(
      fc.property(
        digits(3),
        fc.integer({ min: 1900, max: 2025 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.constantFrom(...'0123456789X'),
        (seq, y, m, d, check) => {
          const body = `110101${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}`;
          const number = body + check;
          const expected = residentIdCheckChar(body);
          expect(idNumberProblem(number, TODAY) === null).toBe(check === expected);
          expect(idNumberProblem(number, TODAY) === null).toBe(
            parseResidentId(number, { today: TODAY, acceptLegacy: false }).ok,
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses a birth date that is no day or lies ahead', () => {
    const of = (birth: string) => {
      const body = `110101${birth}001`;
      return body + residentIdCheckChar(body);
    };
    expect(idNumberProblem(of('20000229'), TODAY)).toBeNull();
    expect(idNumberProblem(of('19000229'), TODAY)).toBe('birth_date');
    expect(idNumberProblem(of('20261209'), TODAY)).toBe('birth_date');
    expect(idNumberProblem(of('17991231'), TODAY)).toBe('birth_date');
    expect(idNumberProblem('1101011985010100', TODAY)).toBe('shape');
  });
});

describe('credit codes (GB 32100)', () => {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  it('accepts exactly the check character the server computes', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9A-HJ-NPQRTUWXY]{8}$/),
        fc.constantFrom(...alphabet),
        (org8, check) => {
          const org = org8 + organizationCodeCheckChar(org8).replace(/[^0-9A-HJ-NPQRTUWXY]/, '0');
          const body = `91110101${org}`;
          expect(creditCodeProblem(body + check) === null).toBe(check === creditCodeCheckChar(body));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses letters outside the alphabet', () => {
    expect(creditCodeProblem('91110101T12345670I')).toBe('shape');
    expect(creditCodeProblem('9111010')).toBe('shape');
  });
});

describe('dates', () => {
  it('accepts real days only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-13-01')).toBe(false);
    expect(isIsoDate('2023-04-31')).toBe(false);
    expect(isIsoDate('2023-4-1')).toBe(false);
  });
});
