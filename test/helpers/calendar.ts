/**
 * Builders for the calendar's tests: instants written in Beijing time, so tests read like the
 * case records they model and pass whatever the machine's time zone is.
 */
import {
  createWorkingCalendar,
  type Pause,
  type WorkingCalendar,
  type WorkingCalendarConfig,
} from '../../src/calendar/index.js';

/** `bj('2025-10-09 10:00')` → the instant 2025-10-09T10:00:00+08:00. Seconds optional. */
export function bj(local: string): Date {
  const [date, time = '00:00'] = local.split(' ');
  const withSeconds = time.length === 5 ? `${time}:00` : time;
  const instant = new Date(`${date ?? ''}T${withSeconds}+08:00`);
  if (Number.isNaN(instant.getTime())) throw new Error(`bad test instant "${local}"`);
  return instant;
}

/** Formats an instant as Beijing wall time `YYYY-MM-DD HH:MM` (with `:SS` when not whole minutes). */
export function fmt(instant: Date | null): string | null {
  if (instant === null) return null;
  const shifted = new Date(instant.getTime() + 8 * 3_600_000).toISOString();
  const seconds = shifted.slice(17, 23);
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}${seconds === '00.000' ? '' : `:${seconds}`}`;
}

/** A pause between two Beijing wall times; `to` omitted means still paused. */
export function pause(from: string, to?: string): Pause {
  return { from: bj(from), to: to === undefined ? null : bj(to) };
}

const defaultCalendar = createWorkingCalendar();

/** The default calendar (Asia/Shanghai, 09:00–12:00 and 13:30–17:30, Sat/Sun, chinese-days). */
export function beijing(config?: WorkingCalendarConfig): WorkingCalendar {
  return config === undefined ? defaultCalendar : createWorkingCalendar(config);
}
