import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  CREDIT_CODE_ALPHABET,
  REGISTRATION_AUTHORITIES,
  creditCodeCheckChar,
  organizationCodeCheckChar,
  parseCreditCode,
  parseOrganizationCode,
} from './credit-code.js';
import { charsFrom, digits, mutateAt } from './test-support.js';

/** Codes copied from published business licences (public enterprise data). */
const LICENCE_CODES = [
  '91330100716105852F',
  '914403001922038216',
  '91110000600037341L',
  '9144030071526726XG',
  '91440300708461136T',
];

/** Builds a valid code from its parts, computing both check characters. */
function buildCreditCode(authority: string, category: string, division: string, orgBody: string): string {
  const body = authority + category + division + orgBody + organizationCodeCheckChar(orgBody);
  return body + creditCodeCheckChar(body);
}

function reasonOf(input: string, strictCategories = false): string {
  const result = parseCreditCode(input, { strictCategories });
  if (result.ok) throw new Error(`expected ${input} to be rejected`);
  return result.reason;
}

describe('GB 32100-2015 unified social credit code', () => {
  it('accepts codes printed on published business licences', () => {
    for (const code of LICENCE_CODES) {
      expect(parseCreditCode(code).ok, code).toBe(true);
    }
  });

  it('reads authority, category, division and organization code', () => {
    expect(parseCreditCode('91330100716105852F')).toEqual({
      ok: true,
      value: {
        code: '91330100716105852F',
        registrationAuthority: { code: '9', name: '工商' },
        category: { code: '1', name: '企业' },
        divisionCode: '330100',
        organizationCode: '716105852',
        checkChar: 'F',
      },
    });
  });

  it('accepts lowercase letters and returns capitals', () => {
    const result = parseCreditCode('9144030071526726xg');
    expect(result.ok && result.value.code).toBe('9144030071526726XG');
  });

  it('names the expected check character when it is wrong', () => {
    expect(reasonOf('91330100716105852E')).toBe('check character should be F, got E');
  });

  it('rejects the letters I, O, S, V and Z, wrong lengths and a non-numeric division part', () => {
    expect(reasonOf('91330100716105852O')).toBe(
      'character 18 (O) is not allowed; letters I, O, S, V and Z are never used',
    );
    expect(reasonOf('9133010071610585')).toBe('a unified social credit code has 18 characters, got 16');
    expect(reasonOf('9133A100716105852F')).toBe('characters 3–8 (division code) must be digits');
  });

  it('rejects a code whose overall check is right but whose embedded organization code is not', () => {
    const body = '91330100' + '716105853';
    const code = body + creditCodeCheckChar(body);
    expect(reasonOf(code)).toBe('embedded organization code (GB 11714): check character should be 2, got 3');
  });

  it('accepts unknown authority or category codes unless asked to be strict', () => {
    const unknownAuthority = buildCreditCode('B', '1', '110000', '12345678');
    const unknownCategory = buildCreditCode('9', '9', '110000', '12345678');
    expect(parseCreditCode(unknownAuthority)).toMatchObject({
      ok: true,
      value: { registrationAuthority: { code: 'B', name: null }, category: { code: '1', name: null } },
    });
    expect(parseCreditCode(unknownCategory)).toMatchObject({ ok: true, value: { category: { name: null } } });
    expect(reasonOf(unknownAuthority, true)).toBe('registration authority B is not a known code');
    expect(reasonOf(unknownCategory, true)).toBe('category 9 is not a known category of authority 9 (工商)');
    expect(
      parseCreditCode(buildCreditCode('5', '3', '110000', '12345678'), { strictCategories: true }),
    ).toMatchObject({
      ok: true,
      value: { registrationAuthority: { name: '民政' }, category: { name: '基金会' } },
    });
  });

  it('only uses alphabet characters in the authority table', () => {
    for (const [authority, { categories }] of Object.entries(REGISTRATION_AUTHORITIES)) {
      expect(CREDIT_CODE_ALPHABET).toContain(authority);
      for (const category of Object.keys(categories)) expect(CREDIT_CODE_ALPHABET).toContain(category);
    }
  });

  describe('generated vectors', () => {
    const validCode = fc
      .tuple(charsFrom(CREDIT_CODE_ALPHABET, 2), digits(6), charsFrom(CREDIT_CODE_ALPHABET, 8))
      .map(([head, division, orgBody]) => buildCreditCode(head[0]!, head[1]!, division, orgBody));

    it('accepts every body with its computed check characters', () => {
      fc.assert(
        fc.property(validCode, (code) => {
          expect(parseCreditCode(code).ok).toBe(true);
        }),
        { numRuns: 2000 },
      );
    });

    it('rejects every single-character substitution', () => {
      fc.assert(
        fc.property(validCode, fc.integer({ min: 0, max: 17 }), fc.nat(), (code, index, shift) => {
          const alphabet = index >= 2 && index < 8 ? '0123456789' : CREDIT_CODE_ALPHABET;
          expect(parseCreditCode(mutateAt(code, index, alphabet, shift)).ok).toBe(false);
        }),
        { numRuns: 2000 },
      );
    });

    it('rejects every swap of two different adjacent characters', () => {
      fc.assert(
        fc.property(validCode, fc.integer({ min: 0, max: 16 }), (code, i) => {
          fc.pre(code[i] !== code[i + 1]);
          const swapped = code.slice(0, i) + code[i + 1]! + code[i]! + code.slice(i + 2);
          expect(parseCreditCode(swapped).ok).toBe(false);
        }),
        { numRuns: 2000 },
      );
    });
  });
});

describe('GB 11714 organization code', () => {
  it('computes the check character with 10 → X and 11 → 0', () => {
    expect(organizationCodeCheckChar('71610585')).toBe('2');
    expect(organizationCodeCheckChar('71526726')).toBe('X');
    // Σ = 0 → 11 − 0 = 11 → '0'
    expect(organizationCodeCheckChar('00000000')).toBe('0');
  });

  it('accepts the dashed form printed on old certificates', () => {
    expect(parseOrganizationCode('71610585-2')).toEqual({ ok: true, value: '716105852' });
    expect(parseOrganizationCode('71526726-x')).toEqual({ ok: true, value: '71526726X' });
  });

  it('rejects a wrong check character or shape', () => {
    expect(parseOrganizationCode('716105853')).toEqual({
      ok: false,
      reason: 'check character should be 2, got 3',
    });
    expect(parseOrganizationCode('7161058')).toMatchObject({ ok: false });
  });

  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

  it('rejects every substitution whose character values differ by other than a multiple of 11', () => {
    fc.assert(
      fc.property(charsFrom(alphabet, 8), fc.integer({ min: 0, max: 8 }), fc.nat(), (body, index, shift) => {
        const code = body + organizationCodeCheckChar(body);
        expect(parseOrganizationCode(code).ok).toBe(true);
        const mutated = mutateAt(code, index, index === 8 ? '0123456789X' : alphabet, shift);
        fc.pre(index === 8 || (parseInt(mutated[index]!, 36) - parseInt(code[index]!, 36)) % 11 !== 0);
        expect(parseOrganizationCode(mutated).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('cannot see a substitution of values 11 apart (0 ↔ B), which the credit-code check does catch', () => {
    const body = '01610585';
    const check = organizationCodeCheckChar(body);
    expect(organizationCodeCheckChar('B1610585')).toBe(check);
    const credit = buildCreditCode('9', '1', '330100', body);
    expect(parseCreditCode(credit.replace(body + check, 'B1610585' + check)).ok).toBe(false);
  });
});
