/**
 * 查询码 — the tracking code a reporter follows a public report with. It is the only key to the
 * public view (never the case id or number, which are sequential), so it must be unguessable; and
 * people read it aloud on the phone and type it on a keypad, so it is short and has no look-alike
 * characters.
 *
 * Format: 12 characters from a 30-symbol alphabet (digits 2–9 and the letters without I, L, O and
 * U, as in Crockford's base 32, which drops them for the same reason), 11 random and one
 * weighted mod-31 check character. About 30^11 × 30/31 ≈ 1.7 × 10^16 codes (54 bits); the check character catches every
 * single mistyped character and every swap of two neighbouring ones before the database is asked.
 * Input is accepted in any case, with spaces and dashes (`7KQM-2XR9-VH4D`).
 */
import { randomInt } from 'node:crypto';

export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_CODE_LENGTH = 12;
const N = TRACKING_ALPHABET.length;

function valueOf(char: string): number {
  return TRACKING_ALPHABET.indexOf(char);
}

/** The prime modulus of the check: one more than the alphabet, so weights and differences are invertible. */
const P = 31;
/** 12⁻¹ mod 31 (12 × 13 = 156 = 5 × 31 + 1): the weight of the check position, inverted. */
const INVERSE_CHECK_WEIGHT = 13;

/**
 * The check character of an 11-character `body`: Σ (position + 1) × value ≡ 0 (mod 31) over the
 * whole code. A mistyped character changes the sum by weight × difference and a swap of
 * neighbours by the difference itself, neither ≡ 0 mod the prime 31, so every single substitution
 * and every neighbouring swap is caught (Luhn mod N misses swaps such as "2Z" ↔ "Z2"). The check
 * value 30 has no symbol: such a body gets null and is never issued.
 */
export function checkCharacter(body: string): string | null {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (i + 1) * valueOf(body[i]!);
  const value = (((P - (sum % P)) % P) * INVERSE_CHECK_WEIGHT) % P;
  return TRACKING_ALPHABET[value] ?? null;
}

/** A new random tracking code (crypto-strong). */
export function newTrackingCode(random: (max: number) => number = randomInt): string {
  for (;;) {
    let body = '';
    for (let i = 0; i < TRACKING_CODE_LENGTH - 1; i++) body += TRACKING_ALPHABET[random(N)]!;
    const check = checkCharacter(body);
    if (check !== null) return body + check;
  }
}

/**
 * The canonical form of a typed code (upper case, separators removed), or null when it cannot be
 * a tracking code: wrong length, a character outside the alphabet, or a failing check character.
 */
export function parseTrackingCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== TRACKING_CODE_LENGTH) return null;
  for (const char of code) if (valueOf(char) < 0) return null;
  return checkCharacter(code.slice(0, -1)) === code.at(-1) ? code : null;
}

/** `7KQM2XR9VH4D` → `7KQM-2XR9-VH4D`, for reading aloud and printing. */
export function formatTrackingCode(code: string): string {
  return code.replace(/(.{4})(?!$)/g, '$1-');
}
