/**
 * Typed errors of the working-time calendar. Codes are stable: the HTTP layer maps them once to
 * problem+json, and callers may branch on `code`.
 */

export type CalendarErrorCode =
  /** The calendar configuration is invalid; `issues` names every problem. */
  | 'CALENDAR_INVALID_CONFIG'
  /** A local date is not a real `YYYY-MM-DD` date, or an instant is an invalid `Date`. */
  | 'CALENDAR_INVALID_DATE'
  /** A time limit has an unknown unit, a negative, non-finite or absurdly large amount. */
  | 'CALENDAR_INVALID_DURATION'
  /** A pause (挂账/缓办) ends before it starts, or has an invalid instant. */
  | 'CALENDAR_INVALID_PAUSE'
  /** A negative or non-finite elapsed time or limit was given to a status function. */
  | 'CALENDAR_INVALID_ARGUMENT';

/** One problem found in a calendar configuration. `path` points into the configuration object. */
export interface CalendarConfigIssue {
  path: string;
  code:
    | 'BAD_TIME_ZONE'
    | 'BAD_TIME'
    | 'EMPTY_PERIOD'
    | 'PERIODS_UNORDERED'
    | 'PERIODS_OVERLAP'
    | 'NO_WORKING_PERIODS'
    | 'BAD_WEEKDAY'
    | 'DUPLICATE_WEEKDAY'
    | 'NO_WORKING_WEEKDAY'
    | 'BAD_DATE'
    | 'BAD_OVERRIDE_KIND'
    | 'DUPLICATE_OVERRIDE'
    | 'BAD_HOLIDAY_SOURCE';
  message: string;
}

export class CalendarError extends Error {
  override readonly name = 'CalendarError';

  constructor(
    readonly code: CalendarErrorCode,
    message: string,
    readonly issues: readonly CalendarConfigIssue[] = [],
  ) {
    super(message);
  }
}
