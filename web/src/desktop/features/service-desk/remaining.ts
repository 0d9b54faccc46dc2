/**
 * Remaining working days of an application's clock, as the window and the department read them:
 * the API gives the due instant and the traffic light (src/applications/rules/clock.ts computes
 * both on the working calendar); the count of working days left is taken here from the same
 * calendar (GET /calendar), so a clerk reads "剩余 3 个工作日" rather than a date to work out.
 * Pure: civil dates (YYYY-MM-DD) in, a signed count out.
 */

/** The civil date `n` days after `date` (YYYY-MM-DD; UTC arithmetic, no time zone involved). */
export function addDays(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/**
 * Working days from `today` to `due`: positive = that many working days after today up to and
 * including the due date (0 = due today, or no working day left before it); negative = overdue by
 * that many working days (those after the due date up to and including today). `isWorking` says
 * whether a date is a working day; `null` when a date outside the known calendar is needed.
 */
export function workingDaysLeft(
  today: string,
  due: string,
  isWorking: (date: string) => boolean | null,
): number | null {
  if (due === today) return 0;
  const forward = due > today;
  const [from, to] = forward ? [today, due] : [due, today];
  let count = 0;
  // Bounded: a clock never spans more than a few hundred days (法定时限 + extension + pauses).
  for (let day = addDays(from, 1), i = 0; day <= to && i < 3660; day = addDays(day, 1), i++) {
    const working = isWorking(day);
    if (working === null) return null;
    if (working) count++;
  }
  return forward ? count : -count;
}
