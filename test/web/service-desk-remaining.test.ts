/** The window's and the department's remaining working days (web/src/desktop/features/service-desk/remaining.ts). */
import { describe, expect, it } from 'vitest';
import { addDays, workingDaysLeft } from '../../web/src/desktop/features/service-desk/remaining.js';

/** Mondays to Fridays work, but for the given holidays; weekend days in `workdays` work (调休). */
function calendar(holidays: string[] = [], workdays: string[] = []) {
  return (date: string) => {
    if (holidays.includes(date)) return false;
    if (workdays.includes(date)) return true;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
}

describe('addDays', () => {
  it('crosses months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-08', 0)).toBe('2026-12-08');
  });
});

describe('workingDaysLeft', () => {
  // 2026-12-07 is a Monday.
  it('is 0 on the due date', () => {
    expect(workingDaysLeft('2026-12-09', '2026-12-09', calendar())).toBe(0);
  });

  it('counts the working days after today up to and including the due date', () => {
    expect(workingDaysLeft('2026-12-07', '2026-12-08', calendar())).toBe(1);
    expect(workingDaysLeft('2026-12-07', '2026-12-11', calendar())).toBe(4);
    // Over a weekend: Friday to the next Tuesday is 2 working days.
    expect(workingDaysLeft('2026-12-11', '2026-12-15', calendar())).toBe(2);
  });

  it('skips holidays and counts adjusted working days (调休)', () => {
    const cal = calendar(['2026-12-09'], ['2026-12-12']);
    expect(workingDaysLeft('2026-12-07', '2026-12-14', cal)).toBe(5);
  });

  it('is negative by the working days past the due date', () => {
    expect(workingDaysLeft('2026-12-14', '2026-12-11', calendar())).toBe(-1);
    expect(workingDaysLeft('2026-12-16', '2026-12-10', calendar())).toBe(-4);
  });

  it('is 0 when only rest days lie between (due on Saturday, read on Friday)', () => {
    expect(workingDaysLeft('2026-12-11', '2026-12-12', calendar())).toBe(0);
  });

  it('says nothing (null) when the calendar does not know a date it needs', () => {
    const known = calendar();
    const partial = (date: string) => (date > '2026-12-10' ? null : known(date));
    expect(workingDaysLeft('2026-12-07', '2026-12-14', partial)).toBeNull();
    expect(workingDaysLeft('2026-12-07', '2026-12-09', partial)).toBe(2);
  });
});
