import { assertIsoDate, compactToIsoDate } from './calendar-date.js';
import { PROVINCE_CODES } from './provinces.js';
import { fail, ok, type CodeResult } from './result.js';

/**
 * 公民身份号码 — citizen identity number, GB 11643-1999:
 * 6-digit address code (地址码, GB/T 2260 at the time of issue) + 8-digit birth date (出生日期码)
 * + 3-digit sequence (顺序码; odd = male, even = female) + 1 check character (校验码).
 */
export interface ResidentId {
  /** The 18-character number, upgraded when the input was a legacy 15-digit one. */
  number: string;
  addressCode: string;
  provinceCode: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  sequence: string;
  sex: 'male' | 'female';
  checkChar: string;
  /** The original input when it was a 15-digit number issued before 1999, else null. */
  legacyNumber: string | null;
}

export interface ResidentIdOptions {
  /** Today's calendar date, `YYYY-MM-DD`, in the caller's time zone: no one is born after it. */
  today: string;
  /** Accept 15-digit numbers and upgrade them (default true). */
  acceptLegacy?: boolean;
}

/** W_i = 2^(18−i) mod 11: the ISO 7064 MOD 11-2 weights for 17 body digits. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for S mod 11 = 0, 1, …, 10. */
const CHECK_CHARS = '10X98765432';
/** Birth years before this are treated as typing errors (an assumption, not in the standard). */
const EARLIEST_BIRTH_YEAR = 1800;

/** ISO 7064 MOD 11-2 check character of 17 digits. Throws RangeError on anything else. */
export function residentIdCheckChar(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new RangeError('the body of a resident ID number is 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/**
 * Upgrades a 15-digit number (6 address + YYMMDD + 3 sequence, issued 1984–1999) to 18 characters:
 * insert `19` before the year and append the check character. Only the calendar date is checked.
 */
export function upgradeLegacyResidentId(legacy: string): CodeResult<string> {
  if (!/^\d{15}$/.test(legacy)) return fail('a legacy resident ID number is 15 digits');
  if (compactToIsoDate(`19${legacy.slice(6, 12)}`) === null) {
    return fail(`birth date 19${legacy.slice(6, 12)} is not a calendar date`);
  }
  const body = `${legacy.slice(0, 6)}19${legacy.slice(6)}`;
  return ok(body + residentIdCheckChar(body));
}

/**
 * Validates a resident ID number. A lowercase `x` check character is accepted and returned as `X`;
 * no other normalisation is done (trim input before calling).
 */
export function parseResidentId(input: string, options: ResidentIdOptions): CodeResult<ResidentId> {
  assertIsoDate(options.today, 'today');
  let number = input;
  let legacyNumber: string | null = null;

  if (input.length === 15 && options.acceptLegacy !== false) {
    const upgraded = upgradeLegacyResidentId(input);
    if (!upgraded.ok) return upgraded;
    number = upgraded.value;
    legacyNumber = input;
  } else if (input.length !== 18) {
    const expected = options.acceptLegacy === false ? '18 characters' : '18 characters (or 15 digits)';
    return fail(`a resident ID number has ${expected}, got ${input.length}`);
  } else {
    number = input.slice(0, 17) + input.slice(17).toUpperCase();
  }

  const body = number.slice(0, 17);
  const checkChar = number.slice(17);
  if (!/^\d{17}$/.test(body)) return fail('characters 1–17 of a resident ID number must be digits');
  if (!/^[\dX]$/.test(checkChar)) return fail(`check character must be a digit or X, got ${checkChar}`);
  const expected = residentIdCheckChar(body);
  if (checkChar !== expected) return fail(`check character should be ${expected}, got ${checkChar}`);

  const provinceCode = number.slice(0, 2);
  // 83 is not in GB/T 2260: 830000 is the address code of 台湾居民居住证 numbers.
  if (!PROVINCE_CODES.has(provinceCode) && provinceCode !== '83') {
    return fail(`address code ${number.slice(0, 6)} does not start with a province code`);
  }

  const birthDate = compactToIsoDate(number.slice(6, 14));
  if (birthDate === null) return fail(`birth date ${number.slice(6, 14)} is not a calendar date`);
  if (Number(birthDate.slice(0, 4)) < EARLIEST_BIRTH_YEAR) {
    return fail(`birth year ${birthDate.slice(0, 4)} is before ${EARLIEST_BIRTH_YEAR}`);
  }
  if (birthDate > options.today) return fail(`birth date ${birthDate} is after today (${options.today})`);

  const sequence = number.slice(14, 17);
  return ok({
    number,
    addressCode: number.slice(0, 6),
    provinceCode,
    birthDate,
    sequence,
    sex: Number(sequence[2]) % 2 === 1 ? 'male' : 'female',
    checkChar,
    legacyNumber,
  });
}
