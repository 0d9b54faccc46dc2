/**
 * 满意度评价 rules — pure. A reporter rates a report once, after it is closed, 1 (very
 * dissatisfied) to 5 (very satisfied), with an optional comment. A negative rating (1 or 2) may
 * ask for the case to be reopened, within the same window in which the shift lead may reopen it
 * (SHUZHI_REOPEN_WINDOW_DAYS, the workflow's `withinReopenWindow` guard), so the request can
 * still be granted when the supervision center reads it.
 */
import type { PublicStatus } from '../cases/index.js';
import type { FieldError } from '../shared/errors.js';

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;
/** Ratings at or below this are negative and may ask for a reopening. */
export const NEGATIVE_SCORE_MAX = 2;
export const COMMENT_MAX_LENGTH = 500;
const DAY_MS = 86_400_000;

export interface RatingFacts {
  publicStatus: PublicStatus;
  closedAt: Date | null;
  rated: boolean;
  now: Date;
  reopenWindowDays: number;
}

export interface RatingInput {
  score: number;
  comment?: string | null;
  requestReopen?: boolean;
  reason?: string | null;
}

export type RatingDecision =
  | { ok: true; requestReopen: boolean }
  | { ok: false; code: 'ALREADY_RATED' | 'RATING_NOT_OPEN' | 'REOPEN_WINDOW_PASSED'; detail: string }
  | { ok: false; code: 'VALIDATION_FAILED'; errors: FieldError[] };

export function withinReopenWindow(
  facts: Pick<RatingFacts, 'closedAt' | 'now' | 'reopenWindowDays'>,
): boolean {
  if (facts.closedAt === null) return false;
  const age = facts.now.getTime() - facts.closedAt.getTime();
  return age >= 0 && age <= facts.reopenWindowDays * DAY_MS;
}

export function canRate(facts: RatingFacts): boolean {
  return facts.publicStatus === 'closed' && !facts.rated;
}

export function canRequestReopen(facts: RatingFacts): boolean {
  return canRate(facts) && withinReopenWindow(facts);
}

/** Checks a rating against the report's facts: input problems first, then the report's state. */
export function decideRating(facts: RatingFacts, input: RatingInput): RatingDecision {
  const errors: FieldError[] = [];
  if (!Number.isInteger(input.score) || input.score < MIN_SCORE || input.score > MAX_SCORE)
    errors.push({ field: 'body.score', reason: `must be a whole number from ${MIN_SCORE} to ${MAX_SCORE}` });
  if (input.comment && [...input.comment].length > COMMENT_MAX_LENGTH)
    errors.push({ field: 'body.comment', reason: `must be at most ${COMMENT_MAX_LENGTH} characters` });
  if (input.reason && [...input.reason].length > COMMENT_MAX_LENGTH)
    errors.push({ field: 'body.reason', reason: `must be at most ${COMMENT_MAX_LENGTH} characters` });
  const requestReopen = input.requestReopen === true;
  if (requestReopen && Number.isInteger(input.score) && input.score > NEGATIVE_SCORE_MAX)
    errors.push({
      field: 'body.requestReopen',
      reason: `only a rating of ${NEGATIVE_SCORE_MAX} or less may ask for a reopening`,
    });
  if (!requestReopen && input.reason)
    errors.push({ field: 'body.reason', reason: 'give a reason only when asking for a reopening' });
  if (errors.length > 0) return { ok: false, code: 'VALIDATION_FAILED', errors };
  if (facts.rated) return { ok: false, code: 'ALREADY_RATED', detail: 'This report has already been rated' };
  if (facts.publicStatus !== 'closed')
    return {
      ok: false,
      code: 'RATING_NOT_OPEN',
      detail: `A report can be rated once it is closed; it is ${facts.publicStatus}`,
    };
  if (requestReopen && !withinReopenWindow(facts))
    return {
      ok: false,
      code: 'REOPEN_WINDOW_PASSED',
      detail: `A reopening can be asked for within ${facts.reopenWindowDays} days of closure`,
    };
  return { ok: true, requestReopen };
}
