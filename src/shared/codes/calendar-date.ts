/**
 * Civil (calendar) dates as `YYYY-MM-DD` strings. Identifier rules compare dates, not instants, so a
 * string avoids every time-zone question: the caller decides what "today" is (Asia/Shanghai for us).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 2:
      return isLeapYear(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

/** True when year/month/day name a day of the proleptic Gregorian calendar. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** `YYYYMMDD` digits → `YYYY-MM-DD`, or null when the digits are not a calendar date. */
export function compactToIsoDate(yyyymmdd: string): string | null {
  if (!/^\d{8}$/.test(yyyymmdd)) return null;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (!isCalendarDate(year, month, day)) return null;
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/** Throws when a caller passes something that is not a `YYYY-MM-DD` calendar date. */
export function assertIsoDate(value: string, name: string): void {
  const m = ISO_DATE.exec(value);
  if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw new RangeError(`${name} must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
}
