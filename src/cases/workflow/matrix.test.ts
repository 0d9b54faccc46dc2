/**
 * Every status × action × role. The expectation below is written out again by hand (double entry):
 * a row added to or dropped from the table without changing this specification fails here.
 */
import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, CASE_STATUSES, OPEN_STATUSES, isOpenStatus } from './model.js';
import type { CaseAction, CaseStatus, WorkflowErrorCode } from './model.js';
import { allowedActions, decide } from './rules.js';
import { ACTOR_NAMES, ACTORS, aContext, validInput } from './test-support.js';
import type { ActorName } from './test-support.js';
import { TRANSITIONS } from './transitions.js';

/** Who, in the words; department and inspector rights hold only for the case's department and grid. */
type Who = 'staff' | 'shiftLead' | 'dispatcher' | 'department' | 'inspector' | 'leader';

const SPEC: readonly (readonly [CaseStatus, CaseAction, CaseStatus, readonly Who[]])[] = [
  ['reported', 'send-check', 'check_pending', ['staff']],
  ['reported', 'self-handle', 'self_handled', ['inspector']],
  ['reported', 'file', 'filed', ['shiftLead']],
  ['reported', 'reject', 'rejected', ['shiftLead']],
  ['reported', 'merge', 'merged', ['staff']],
  ['check_pending', 'check', 'reported', ['inspector']],
  ['check_pending', 'self-handle', 'self_handled', ['inspector']],
  ['self_handled', 'close', 'closed', ['shiftLead']],
  ['self_handled', 'file', 'filed', ['shiftLead']],
  ['self_handled', 'reject', 'rejected', ['shiftLead']],
  ['filed', 'dispatch', 'dispatched', ['dispatcher']],
  ['dispatched', 'accept', 'in_progress', ['department']],
  ['dispatched', 'return', 'return_requested', ['department']],
  ['return_requested', 'approve', 'filed', ['dispatcher']],
  ['return_requested', 'deny', 'dispatched', ['dispatcher']],
  ['in_progress', 'handle', 'handled', ['department']],
  ['in_progress', 'request-extension', 'extension_requested', ['department']],
  ['in_progress', 'request-suspension', 'suspension_requested', ['department']],
  ['extension_requested', 'approve', 'in_progress', ['dispatcher']],
  ['extension_requested', 'deny', 'in_progress', ['dispatcher']],
  ['suspension_requested', 'approve', 'suspended', ['dispatcher']],
  ['suspension_requested', 'deny', 'in_progress', ['dispatcher']],
  ['suspended', 'resume', 'in_progress', ['department', 'dispatcher']],
  ['handled', 'send-verify', 'verify_pending', ['staff']],
  ['verify_pending', 'pass', 'verified', ['inspector']],
  ['verify_pending', 'fail', 'in_progress', ['inspector']],
  ['verified', 'close', 'closed', ['shiftLead']],
  ['closed', 'reopen', 'filed', ['shiftLead']],
  ...OPEN_STATUSES.map((s) => [s, 'cancel', 'cancelled', ['shiftLead']] as const),
  ...OPEN_STATUSES.map((s) => [s, 'escalate', s, ['leader', 'dispatcher']] as const),
];

/** What each test actor counts as, and whether the case is in its department or grid. */
const PROFILE: Record<ActorName, { who: readonly Who[]; inScope: boolean }> = {
  admin: { who: [], inScope: true },
  operator: { who: ['staff'], inScope: true },
  shiftLead: { who: ['staff', 'shiftLead'], inScope: true },
  supervisorWithoutPosition: { who: [], inScope: true },
  dispatcher: { who: ['dispatcher'], inScope: true },
  handler: { who: ['department'], inScope: true },
  otherHandler: { who: ['department'], inScope: false },
  departmentLead: { who: ['department'], inScope: true },
  otherDepartmentLead: { who: ['department'], inScope: false },
  gridInspector: { who: ['inspector'], inScope: true },
  communityInspector: { who: ['inspector'], inScope: true },
  otherInspector: { who: ['inspector'], inScope: false },
  leader: { who: ['leader'], inScope: true },
};

const SCOPED: readonly Who[] = ['department', 'inspector'];

function expected(status: CaseStatus, action: CaseAction, actor: ActorName): WorkflowErrorCode | CaseStatus {
  const spec = SPEC.find(([from, a]) => from === status && a === action);
  if (spec === undefined) return 'CASE_ILLEGAL_ACTION';
  const [, , to, who] = spec;
  const matching = who.filter((w) => PROFILE[actor].who.includes(w));
  if (matching.length === 0) return 'CASE_FORBIDDEN_ROLE';
  const passes = matching.some((w) => !SCOPED.includes(w) || PROFILE[actor].inScope);
  return passes ? to : 'CASE_GUARD_FAILED';
}

describe('the transition table', () => {
  it('has exactly the rows of the specification', () => {
    const table = TRANSITIONS.map((t) => `${t.from} ${t.action} → ${t.to}`).sort();
    const spec = SPEC.map(([from, action, to]) => `${from} ${action} → ${to}`).sort();
    expect(table).toEqual(spec);
  });

  it('leaves rejected, merged and cancelled cases with no action at all', () => {
    for (const status of ['rejected', 'merged', 'cancelled'] as const) {
      expect(TRANSITIONS.filter((t) => t.from === status)).toEqual([]);
    }
  });

  it('lets every status except the terminal ones be left, so no open case is stuck', () => {
    for (const status of OPEN_STATUSES) {
      expect(TRANSITIONS.some((t) => t.from === status && t.to !== status)).toBe(true);
    }
  });
});

describe.each(CASE_STATUSES)('a %s case', (status) => {
  it.each(CASE_ACTIONS)('answers %s for every role exactly as the specification says', (action) => {
    for (const actor of ACTOR_NAMES) {
      const ctx = aContext(ACTORS[actor], { status });
      const want = expected(status, action, actor);
      const decision = decide(ctx, action, validInput(action, ctx));
      const allowed = allowedActions(ctx);
      const label = `${actor} ${action} on ${status}`;
      if (decision.ok) {
        expect(decision.to, label).toBe(want);
        expect(decision.from, label).toBe(status);
        expect(allowed, label).toContain(action);
      } else {
        expect(decision.code, label).toBe(want);
        expect(decision.allowed, label).toEqual(allowed);
        expect(allowed, label).not.toContain(action);
      }
    }
  });
});

describe('who may do what (spot checks)', () => {
  const refusal = (actor: ActorName, status: CaseStatus, action: CaseAction): string | undefined => {
    const ctx = aContext(ACTORS[actor], { status });
    const decision = decide(ctx, action, validInput(action, ctx));
    return decision.ok ? undefined : decision.code;
  };

  it('a department cannot file', () => {
    expect(refusal('handler', 'reported', 'file')).toBe('CASE_FORBIDDEN_ROLE');
    expect(refusal('departmentLead', 'reported', 'file')).toBe('CASE_FORBIDDEN_ROLE');
  });

  it('a dispatcher cannot close', () => {
    expect(refusal('dispatcher', 'verified', 'close')).toBe('CASE_FORBIDDEN_ROLE');
  });

  it('an inspector of another grid cannot check', () => {
    expect(refusal('otherInspector', 'check_pending', 'check')).toBe('CASE_GUARD_FAILED');
    expect(refusal('gridInspector', 'check_pending', 'check')).toBeUndefined();
  });

  it('an operator registers and sends tasks but neither files nor closes', () => {
    expect(refusal('operator', 'reported', 'send-check')).toBeUndefined();
    expect(refusal('operator', 'handled', 'send-verify')).toBeUndefined();
    expect(refusal('operator', 'reported', 'file')).toBe('CASE_FORBIDDEN_ROLE');
    expect(refusal('operator', 'verified', 'close')).toBe('CASE_FORBIDDEN_ROLE');
  });

  it('only the shift lead voids a case', () => {
    expect(refusal('shiftLead', 'in_progress', 'cancel')).toBeUndefined();
    expect(refusal('operator', 'in_progress', 'cancel')).toBe('CASE_FORBIDDEN_ROLE');
    expect(refusal('dispatcher', 'in_progress', 'cancel')).toBe('CASE_FORBIDDEN_ROLE');
  });

  it('a department of another case cannot handle it', () => {
    expect(refusal('otherHandler', 'in_progress', 'handle')).toBe('CASE_GUARD_FAILED');
  });

  it('a handler cannot approve its own extension request', () => {
    expect(refusal('handler', 'extension_requested', 'approve')).toBe('CASE_FORBIDDEN_ROLE');
  });

  it('a leader may only escalate', () => {
    for (const status of CASE_STATUSES) {
      const allowed = allowedActions(aContext(ACTORS.leader, { status }));
      expect(allowed).toEqual(isOpenStatus(status) ? ['escalate'] : []);
    }
  });

  it('neither the admin nor a supervisor without a position acts on cases', () => {
    for (const status of CASE_STATUSES) {
      expect(allowedActions(aContext(ACTORS.admin, { status }))).toEqual([]);
      expect(allowedActions(aContext(ACTORS.supervisorWithoutPosition, { status }))).toEqual([]);
    }
  });

  it('names the allowed actions when refusing', () => {
    const ctx = aContext(ACTORS.shiftLead, { status: 'reported' });
    const decision = decide(ctx, 'close', {});
    expect(decision).toMatchObject({
      ok: false,
      code: 'CASE_ILLEGAL_ACTION',
      allowed: ['send-check', 'file', 'reject', 'merge', 'cancel'],
    });
  });
});
