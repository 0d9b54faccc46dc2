/**
 * 脱敏 — masking personal identifiers for display. Presenters call these; the stored value is never
 * masked. Both functions accept any string (valid or not) and never reveal more than documented.
 */

/**
 * Keeps the first 4 and last 4 characters of an ID number and masks the rest:
 * `110101199003071234` → `1101**********1234`.
 *
 * First 4 shows only the prefecture (not the county); the birth date, which with the county is the
 * most identifying part, is always hidden. A legacy 15-digit number keeps its last 3 (the sequence)
 * because its 4th-last digit belongs to the birth date. Strings shorter than 15 characters are not
 * ID numbers we know how to mask partially, so they are masked completely.
 */
export function maskIdNumber(id: string): string {
  const chars = [...id];
  if (chars.length < 15) return '*'.repeat(chars.length);
  const tail = chars.length === 15 ? 3 : 4;
  return chars.slice(0, 4).join('') + '*'.repeat(chars.length - 4 - tail) + chars.slice(-tail).join('');
}

/**
 * Masks the four digits before the last four of a phone number: `13812345678` → `138****5678`,
 * `+8613812345678` → `+86138****5678`, `01065123456` → `010****3456`, `65123456` → `****3456`.
 * Spaces, dashes and brackets are dropped first. With 8 digits or fewer only the last 4 stay
 * visible, and with 4 or fewer nothing does.
 */
export function maskPhone(phone: string): string {
  const plus = phone.trimStart().startsWith('+') ? '+' : '';
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 4) return plus + '*'.repeat(digits.length);
  const visibleEnd = digits.slice(-4);
  const maskedLength = Math.min(4, digits.length - 4);
  const visibleStart = digits.slice(0, digits.length - 4 - maskedLength);
  return plus + visibleStart + '*'.repeat(maskedLength) + visibleEnd;
}
