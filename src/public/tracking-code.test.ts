import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCharacter,
  formatTrackingCode,
  newTrackingCode,
  parseTrackingCode,
  TRACKING_ALPHABET,
  TRACKING_CODE_LENGTH,
} from './tracking-code.js';

const body = fc
  .array(fc.constantFrom(...TRACKING_ALPHABET), {
    minLength: TRACKING_CODE_LENGTH - 1,
    maxLength: TRACKING_CODE_LENGTH - 1,
  })
  .map((chars) => chars.join(''))
  .filter((b) => checkCharacter(b) !== null);
const code = body.map((b) => b + checkCharacter(b)!);

describe('tracking codes', () => {
  it('use 30 unambiguous symbols: digits 2–9 and letters without I, L, O, U', () => {
    expect(TRACKING_ALPHABET).toHaveLength(30);
    expect(new Set(TRACKING_ALPHABET).size).toBe(30);
    for (const lookAlike of ['0', '1', 'I', 'L', 'O', 'U'])
      expect(TRACKING_ALPHABET).not.toContain(lookAlike);
    expect(TRACKING_ALPHABET).toMatch(/^[2-9A-HJKMNP-TV-Z]+$/);
  });

  it('are 12 characters that parse back to themselves, with a valid check character', () => {
    for (let i = 0; i < 2000; i++) {
      const c = newTrackingCode();
      expect(c).toMatch(/^[2-9A-HJKMNP-TV-Z]{12}$/);
      expect(parseTrackingCode(c)).toBe(c);
    }
  });

  it('are spread over the whole alphabet in every position (crypto random)', () => {
    const seen = Array.from({ length: TRACKING_CODE_LENGTH - 1 }, () => new Set<string>());
    for (let i = 0; i < 3000; i++) {
      const c = newTrackingCode();
      for (let p = 0; p < TRACKING_CODE_LENGTH - 1; p++) seen[p]!.add(c[p]!);
    }
    for (const position of seen) expect(position.size).toBe(30);
  });

  it('does not repeat in 20,000 draws', () => {
    const codes = new Set(Array.from({ length: 20_000 }, () => newTrackingCode()));
    expect(codes.size).toBe(20_000);
  });

  it('accept lower case, spaces and dashes as typed or read aloud', () => {
    fc.assert(
      fc.property(code, (c) => {
        expect(parseTrackingCode(formatTrackingCode(c))).toBe(c);
        expect(parseTrackingCode(c.toLowerCase())).toBe(c);
        expect(parseTrackingCode(` ${c.slice(0, 4)} ${c.slice(4, 8)} ${c.slice(8)} `)).toBe(c);
      }),
    );
  });

  it('formats in groups of four', () => {
    expect(formatTrackingCode('7KQM2XR9VH4D')).toBe('7KQM-2XR9-VH4D');
  });

  it('catch every single mistyped character', () => {
    fc.assert(
      fc.property(code, fc.nat(TRACKING_CODE_LENGTH - 1), fc.nat(28), (c, position, shift) => {
        const original = TRACKING_ALPHABET.indexOf(c[position]!);
        const wrong = TRACKING_ALPHABET[(original + 1 + shift) % 30]!;
        const typo = c.slice(0, position) + wrong + c.slice(position + 1);
        expect(parseTrackingCode(typo)).toBeNull();
      }),
    );
  });

  it('catch every swap of two different neighbouring characters', () => {
    fc.assert(
      fc.property(code, fc.nat(TRACKING_CODE_LENGTH - 2), (c, i) => {
        fc.pre(c[i] !== c[i + 1]);
        const swapped = c.slice(0, i) + c[i + 1]! + c[i]! + c.slice(i + 2);
        expect(parseTrackingCode(swapped)).toBeNull();
      }),
    );
  });

  it.each([
    ['too short', '7KQM2XR9VH4'],
    ['too long', '7KQM2XR9VH4DA'],
    ['a look-alike letter', 'OKQM2XR9VH4D'],
    ['a case id', '12345'],
    ['empty', ''],
  ])('refuse %s', (_what, input) => {
    expect(parseTrackingCode(input)).toBeNull();
  });
});
