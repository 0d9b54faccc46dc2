import { describe, expect, it } from 'vitest';
import { PUBLIC_STATUSES, type PublicStatus } from '../cases/public-status.js';
import {
  canRate,
  canRequestReopen,
  decideRating,
  withinReopenWindow,
  type RatingFacts,
} from './rating-rules.js';

const NOW = new Date('2026-05-20T10:00:00+08:00');
const DAY = 86_400_000;

function facts(overrides: Partial<RatingFacts> = {}): RatingFacts {
  return {
    publicStatus: 'closed',
    closedAt: new Date(NOW.getTime() - 2 * DAY),
    rated: false,
    now: NOW,
    reopenWindowDays: 30,
    ...overrides,
  };
}

describe('rating rules', () => {
  it.each(PUBLIC_STATUSES)('a %s report may be rated only when closed', (status: PublicStatus) => {
    const f = facts({ publicStatus: status, closedAt: status === 'closed' ? facts().closedAt : null });
    expect(canRate(f)).toBe(status === 'closed');
    const decision = decideRating(f, { score: 4 });
    if (status === 'closed') expect(decision).toEqual({ ok: true, requestReopen: false });
    else expect(decision).toMatchObject({ ok: false, code: 'RATING_NOT_OPEN' });
  });

  it('allows one rating per report', () => {
    expect(canRate(facts({ rated: true }))).toBe(false);
    expect(canRequestReopen(facts({ rated: true }))).toBe(false);
    expect(decideRating(facts({ rated: true }), { score: 5 })).toMatchObject({
      ok: false,
      code: 'ALREADY_RATED',
    });
  });

  it.each([1, 2, 3, 4, 5])('accepts a score of %i', (score) => {
    expect(decideRating(facts(), { score, comment: '很快' })).toEqual({ ok: true, requestReopen: false });
  });

  it.each([0, 6, -1, 2.5, Number.NaN])('refuses a score of %s naming body.score', (score) => {
    expect(decideRating(facts(), { score })).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'body.score' }],
    });
  });

  it('lets only a rating of 1 or 2 ask for a reopening', () => {
    for (const score of [1, 2, 3, 4, 5]) {
      const decision = decideRating(facts(), { score, requestReopen: true, reason: '垃圾又堆起来了' });
      if (score <= 2) expect(decision).toEqual({ ok: true, requestReopen: true });
      else expect(decision).toMatchObject({ ok: false, errors: [{ field: 'body.requestReopen' }] });
    }
  });

  it('takes a reason only with a reopening request', () => {
    expect(decideRating(facts(), { score: 1, reason: '没处理' })).toMatchObject({
      ok: false,
      errors: [{ field: 'body.reason' }],
    });
  });

  it('refuses over-long comments and reasons', () => {
    const long = '长'.repeat(501);
    expect(decideRating(facts(), { score: 1, comment: long })).toMatchObject({
      errors: [{ field: 'body.comment' }],
    });
    expect(decideRating(facts(), { score: 1, requestReopen: true, reason: long })).toMatchObject({
      errors: [{ field: 'body.reason' }],
    });
  });

  it('asks for a reopening only within the reopen window after closure', () => {
    const at = (days: number) => facts({ closedAt: new Date(NOW.getTime() - days * DAY) });
    expect(canRequestReopen(at(29.9))).toBe(true);
    expect(canRequestReopen(at(30))).toBe(true);
    expect(canRequestReopen(at(30.01))).toBe(false);
    expect(decideRating(at(31), { score: 1, requestReopen: true })).toMatchObject({
      ok: false,
      code: 'REOPEN_WINDOW_PASSED',
    });
    // A late rating without a reopening request is still welcome.
    expect(decideRating(at(31), { score: 1 })).toEqual({ ok: true, requestReopen: false });
    expect(withinReopenWindow({ closedAt: null, now: NOW, reopenWindowDays: 30 })).toBe(false);
    expect(canRequestReopen(facts({ reopenWindowDays: 0 }))).toBe(false);
  });

  it('checks the input before the state, so a bad request is always a 400', () => {
    expect(decideRating(facts({ publicStatus: 'in_progress', rated: true }), { score: 9 })).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });
});
