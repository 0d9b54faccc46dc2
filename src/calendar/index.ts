/**
 * The working-time calendar (工作日历): working days, working time and deadline arithmetic for
 * case time limits (时限), as pure functions with no I/O; and the district's calendar as
 * administrators keep it (day overrides, entered years: provider.ts, service.ts, repo.ts).
 * Rules: docs/domain/working-time.md.
 */
export {
  createWorkingCalendar,
  classifyDay,
  isWorkingDay,
  workingPeriodsOn,
  localDateOf,
  hasHolidaySchedule,
  type WorkingCalendar,
  type DayClassification,
  type DayReason,
} from './calendar.js';
export {
  DEFAULT_WORKING_CALENDAR_CONFIG,
  validateWorkingCalendarConfig,
  type WorkingCalendarConfig,
  type ResolvedCalendarConfig,
  type WorkingPeriodConfig,
  type DayOverride,
  type PublicHolidaySource,
} from './config.js';
export type { IsoWeekday } from './civil-date.js';
export { PUBLIC_HOLIDAY_DATA_YEARS } from './holidays.js';
export {
  holidayScheduleSource,
  unconfirmedYears,
  yearsBetween,
  type HolidayScheduleSource,
} from './coverage.js';
export {
  TIME_LIMIT_UNITS,
  MAX_LIMIT_MINUTES,
  basisOf,
  limitMinutes,
  type TimeLimit,
  type TimeLimitUnit,
  type TimeBasis,
} from './duration.js';
export type { Pause } from './pauses.js';
export {
  addWorkingTime,
  workingMinutesBetween,
  naturalMinutesBetween,
  elapsedMinutes,
} from './arithmetic.js';
export {
  trafficLight,
  overdueTier,
  deadlineStatus,
  DEFAULT_GREEN_MAX_PERCENT,
  DEFAULT_SEVERE_MULTIPLE,
  type TrafficLight,
  type OverdueTier,
  type DeadlineStatus,
} from './status.js';
export { CalendarError, type CalendarErrorCode, type CalendarConfigIssue } from './errors.js';
export { expandYearSchedule, type YearSchedule } from './year-schedule.js';
export { CalendarProvider } from './provider.js';
export {
  calendarBetween,
  enterYearSchedule,
  removeDayOverride,
  setDayOverride,
  type CalendarView,
} from './service.js';
export type { StoredOverride } from './repo.js';
