/** fast-check generators shared by the code tests (test-only; not exported from index.ts). */
import fc from 'fast-check';

import { daysInMonth } from './calendar-date.js';
import { PROVINCE_CODES } from './provinces.js';

export const TODAY = '2025-06-30';

export function digits(length: number): fc.Arbitrary<string> {
  return fc
    .array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length })
    .map((d) => d.join(''));
}

export function charsFrom(alphabet: string, length: number): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...alphabet), { minLength: length, maxLength: length })
    .map((c) => c.join(''));
}

/** A county-level code that is never a province or prefecture code (digits 3–6 non-zero pairs). */
export const countyCode: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...PROVINCE_CODES), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }))
  .map(([p, pref, county]) => p + String(pref).padStart(2, '0') + String(county).padStart(2, '0'));

/** 3 digits other than 000. */
export const nonZero3: fc.Arbitrary<string> = fc
  .integer({ min: 1, max: 999 })
  .map((n) => String(n).padStart(3, '0'));

export const communityCode: fc.Arbitrary<string> = fc
  .tuple(countyCode, nonZero3, nonZero3)
  .map(([county, township, village]) => county + township + village);

/** A `YYYYMMDD` birth date between 1800-01-01 and {@link TODAY}. */
export const birthDate: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 1800, max: 2025 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 31 }),
  )
  .map(([y, m, d]) => {
    const month = y === 2025 ? Math.min(m, 6) : m;
    const day = Math.min(d, daysInMonth(y, month));
    return `${y}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  });

/** Replaces the character at `index` by a different one from `alphabet`. */
export function mutateAt(code: string, index: number, alphabet: string, shift: number): string {
  const current = alphabet.indexOf(code[index]!);
  const replacement = alphabet[(current + 1 + (shift % (alphabet.length - 1))) % alphabet.length]!;
  return code.slice(0, index) + replacement + code.slice(index + 1);
}
