/**
 * Check digits the form engine verifies before sending, so a mistyped number is caught at the
 * field rather than after a round trip. The server's full validators are src/shared/codes
 * (resident-id.ts, credit-code.ts), which the web may not import; test/web/form-codes.test.ts
 * checks these against them on generated numbers.
 */

/** ISO 7064 MOD 11-2 weights of GB 11643 for the 17 body digits: 2^(18−i) mod 11. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** Why an 18-character 公民身份号码 is wrong, or null when it is well formed (GB 11643-1999). */
export function idNumberProblem(value: string, today: string): 'shape' | 'birth_date' | 'check' | null {
  if (!/^\d{17}[\dXx]$/.test(value)) return 'shape';
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (y < 1800 || !isCalendarDate(y, m, d) || birth > today) return 'birth_date';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === value[17]!.toUpperCase() ? null : 'check';
}

/** The 31 characters of a 统一社会信用代码 (no I, O, S, V, Z); index = value. */
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Why a 统一社会信用代码 is wrong, or null (GB 32100-2015 shape and check character). */
export function creditCodeProblem(value: string): 'shape' | 'check' | null {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) return 'shape';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(value[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31] === value[17] ? null : 'check';
}

/** A mainland mobile number: 11 digits starting 13–19 (the server's pattern). */
export function isMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return d <= days[m - 1]!;
}

/** `YYYY-MM-DD` naming a real day (RFC 3339 full-date, as Ajv's `date` format checks it). */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** A plain e-mail address shape (what Ajv's `email` format accepts, loosely). */
export function isEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
