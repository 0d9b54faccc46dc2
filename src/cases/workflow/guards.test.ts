import { describe, expect, it } from 'vitest';
import { GUARDS } from './guards.js';
import { decide } from './rules.js';
import {
  ACTORS,
  COMMUNITY,
  DAY_MS,
  DEPARTMENT,
  DISTRICT,
  GRID,
  NOW,
  OTHER_DEPARTMENT,
  OTHER_GRID,
  aContext,
} from './test-support.js';

describe('actorCoversCaseGrid', () => {
  const covers = (regionCodes: readonly string[] | undefined): boolean =>
    GUARDS.actorCoversCaseGrid(aContext({ role: 'inspector', regionCodes }, { gridCode: GRID }));

  it('holds for an inspector bound to the grid itself', () => expect(covers([GRID])).toBe(true));
  it('holds for an inspector bound to the community or district containing the grid', () => {
    expect(covers([COMMUNITY])).toBe(true);
    expect(covers([OTHER_GRID, DISTRICT])).toBe(true);
  });
  it('fails for an inspector of another grid', () => expect(covers([OTHER_GRID])).toBe(false));
  it('fails for an inspector bound to no region', () => {
    expect(covers([])).toBe(false);
    expect(covers(undefined)).toBe(false);
  });
  it('does not treat a blank region code as covering everything', () => expect(covers([''])).toBe(false));
});

describe('actorInCaseDepartment', () => {
  const inDepartment = (actorDepartment: number | null | undefined, caseDepartment: number | null): boolean =>
    GUARDS.actorInCaseDepartment(
      aContext({ role: 'handler', departmentId: actorDepartment }, { departmentId: caseDepartment }),
    );

  it("holds for a member of the case's department", () =>
    expect(inDepartment(DEPARTMENT, DEPARTMENT)).toBe(true));
  it('fails for a member of another department', () =>
    expect(inDepartment(OTHER_DEPARTMENT, DEPARTMENT)).toBe(false));
  it('fails for an account without a department', () => {
    expect(inDepartment(null, DEPARTMENT)).toBe(false);
    expect(inDepartment(undefined, DEPARTMENT)).toBe(false);
  });
  it('fails when the case has no department, even for an account without one', () => {
    expect(inDepartment(null, null)).toBe(false);
  });
});

describe('withinReopenWindow', () => {
  const closedAgo = (ms: number | null, reopenWindowDays = 30): boolean =>
    GUARDS.withinReopenWindow(
      aContext(
        ACTORS.shiftLead,
        { status: 'closed', closedAt: ms === null ? null : new Date(NOW.getTime() - ms) },
        { config: { reopenWindowDays } },
      ),
    );

  it('holds a day after closure', () => expect(closedAgo(DAY_MS)).toBe(true));
  it('holds at the last instant of the window', () => expect(closedAgo(30 * DAY_MS)).toBe(true));
  it('fails one millisecond after the window', () => expect(closedAgo(30 * DAY_MS + 1)).toBe(false));
  it('follows the configured window', () => {
    expect(closedAgo(8 * DAY_MS, 7)).toBe(false);
    expect(closedAgo(6 * DAY_MS, 7)).toBe(true);
  });
  it('with a window of zero, allows no reopening once time has passed', () => {
    expect(closedAgo(1, 0)).toBe(false);
  });
  it('fails for a case without a closure date', () => expect(closedAgo(null)).toBe(false));
});

describe('a failed guard refuses with its name', () => {
  it('refuses a reopening after the window', () => {
    const ctx = aContext(ACTORS.shiftLead, {
      status: 'closed',
      closedAt: new Date(NOW.getTime() - 31 * DAY_MS),
    });
    expect(decide(ctx, 'reopen', { reason: 'It is back.' })).toMatchObject({
      ok: false,
      code: 'CASE_GUARD_FAILED',
      failedGuards: ['withinReopenWindow'],
      allowed: [],
    });
  });

  it('refuses a handler of another department, naming the department guard', () => {
    const ctx = aContext(ACTORS.otherHandler, { status: 'dispatched' });
    const decision = decide(ctx, 'accept');
    expect(decision).toMatchObject({
      ok: false,
      code: 'CASE_GUARD_FAILED',
      failedGuards: ['actorInCaseDepartment'],
    });
    expect(decision.ok ? '' : decision.detail).toContain('not your department');
  });

  it('lets a dispatcher resume a suspended case where a handler of another department may not', () => {
    expect(decide(aContext(ACTORS.dispatcher, { status: 'suspended' }), 'resume').ok).toBe(true);
    expect(decide(aContext(ACTORS.otherHandler, { status: 'suspended' }), 'resume')).toMatchObject({
      code: 'CASE_GUARD_FAILED',
    });
  });
});
