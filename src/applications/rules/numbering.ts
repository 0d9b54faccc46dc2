/**
 * 申请编号 and 受理编号: a prefix, the civil day in the district's time zone and a gap-free
 * 6-digit sequence of that day — `SQ20261208000123` (application), `SL20261208000045` (acceptance
 * notice). Pure; the day's counter row is the repository's.
 */
export type NumberKind = 'SQ' | 'SL';

/** The highest sequence a day can number (6 digits). */
export const MAX_DAILY_SEQUENCE = 999_999;

const CIVIL_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` → `YYYYMMDD`; a malformed day is a programming error. */
export function compactDay(day: string): string {
  const match = CIVIL_DAY.exec(day);
  if (!match) throw new Error(`not a civil day: ${day}`);
  return `${match[1]}${match[2]}${match[3]}`;
}

export function formatNumber(kind: NumberKind, day: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_DAILY_SEQUENCE)
    throw new Error(`sequence ${sequence} is outside 1..${MAX_DAILY_SEQUENCE}`);
  return `${kind}${compactDay(day)}${String(sequence).padStart(6, '0')}`;
}

export interface ParsedNumber {
  kind: NumberKind;
  day: string;
  sequence: number;
}

/** Reads a number back, or null when it is not one. */
export function parseNumber(value: string): ParsedNumber | null {
  const match = /^(SQ|SL)(\d{4})(\d{2})(\d{2})(\d{6})$/.exec(value);
  if (!match) return null;
  const [, kind, y, m, d, seq] = match;
  const date = new Date(`${y}-${m}-${d}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${y}-${m}-${d}`) return null;
  const sequence = Number(seq);
  if (sequence < 1) return null;
  return { kind: kind as NumberKind, day: `${y}-${m}-${d}`, sequence };
}
