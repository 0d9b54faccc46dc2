import { describe, expect, it } from 'vitest';
import type { Actor } from '../../identity/actor.js';
import { CASE_STATUSES, STAGES } from './model.js';
import type { ActionInput, CaseAction, CaseStatus, Decision, WorkflowActor } from './model.js';
import { allowedActions, decide } from './rules.js';
import { stageOf } from './stages.js';
import { ACTORS, DAY_MS, DEPARTMENT, NOW, aContext, validInput } from './test-support.js';
import type { ActorName } from './test-support.js';

function tryAction(actor: ActorName, status: CaseStatus, action: CaseAction, input: ActionInput): Decision {
  return decide(aContext(ACTORS[actor], { status }), action, input);
}

describe('required inputs', () => {
  const cases: [ActorName, CaseStatus, CaseAction, ActionInput, string][] = [
    ['shiftLead', 'reported', 'reject', {}, 'reason'],
    ['shiftLead', 'reported', 'reject', { reason: '   ' }, 'reason'],
    ['handler', 'dispatched', 'return', {}, 'reason'],
    ['dispatcher', 'extension_requested', 'deny', {}, 'reason'],
    ['shiftLead', 'in_progress', 'cancel', {}, 'reason'],
    ['gridInspector', 'verify_pending', 'fail', {}, 'reason'],
    ['shiftLead', 'closed', 'reopen', {}, 'reason'],
    ['leader', 'in_progress', 'escalate', {}, 'note'],
    ['dispatcher', 'filed', 'dispatch', {}, 'departmentId'],
    ['dispatcher', 'filed', 'dispatch', { departmentId: 0 }, 'departmentId'],
    ['gridInspector', 'check_pending', 'check', {}, 'checkResult'],
    ['handler', 'in_progress', 'handle', { note: 'Done.' }, 'afterPhotoIds'],
    ['handler', 'in_progress', 'handle', { note: 'Done.', afterPhotoIds: [] }, 'afterPhotoIds'],
    ['handler', 'in_progress', 'handle', { afterPhotoIds: ['p'] }, 'note'],
    ['gridInspector', 'reported', 'self-handle', { note: 'Fixed.' }, 'afterPhotoIds'],
    ['handler', 'in_progress', 'request-extension', { reason: 'Parts.' }, 'requestedDueAt'],
    [
      'handler',
      'in_progress',
      'request-extension',
      { reason: 'Parts.', requestedDueAt: new Date(NOW.getTime() - 1) },
      'requestedDueAt',
    ],
    ['handler', 'in_progress', 'request-suspension', {}, 'reason'],
    ['operator', 'reported', 'merge', {}, 'mergeTarget'],
    ['operator', 'reported', 'merge', { mergeTarget: { id: 1, status: 'in_progress' } }, 'mergeTarget'],
    ['operator', 'reported', 'merge', { mergeTarget: { id: 2, status: 'closed' } }, 'mergeTarget'],
    ['shiftLead', 'verified', 'close', { closureType: 'special' }, 'closureType'],
    ['shiftLead', 'verified', 'close', { closureType: 'normal' } as unknown as ActionInput, 'closureType'],
  ];

  it.each(cases)('%s %s → %s with %o is refused for %s', (actor, status, action, input, field) => {
    const decision = tryAction(actor, status, action, input);
    expect(decision).toMatchObject({ ok: false, code: 'CASE_INPUT_INVALID' });
    expect(decision.ok ? [] : decision.invalidInputs?.map((p) => p.field)).toContain(field);
  });

  it('accepts the valid input of every permitted action', () => {
    const ctx = aContext(ACTORS.shiftLead, { status: 'reported' });
    expect(decide(ctx, 'reject', validInput('reject', ctx)).ok).toBe(true);
  });

  it('checks the role before the input, so a stranger learns nothing about required fields', () => {
    expect(tryAction('handler', 'reported', 'reject', {})).toMatchObject({ code: 'CASE_FORBIDDEN_ROLE' });
  });
});

describe('effects', () => {
  it('dispatch assigns the department and starts the handling clock', () => {
    expect(tryAction('dispatcher', 'filed', 'dispatch', { departmentId: DEPARTMENT })).toEqual({
      ok: true,
      action: 'dispatch',
      from: 'filed',
      to: 'dispatched',
      effects: [
        { kind: 'assignDepartment', departmentId: DEPARTMENT },
        { kind: 'clock', clock: 'dispatch', op: 'stop' },
        { kind: 'clock', clock: 'handling', op: 'start' },
      ],
    });
  });

  it('an approved return counts, frees the department and restarts dispatch', () => {
    const decision = tryAction('dispatcher', 'return_requested', 'approve', {});
    expect(decision).toMatchObject({ ok: true, to: 'filed' });
    expect(decision.ok && decision.effects).toEqual([
      { kind: 'increment', counter: 'returns' },
      { kind: 'clearDepartment' },
      { kind: 'clock', clock: 'handling', op: 'stop' },
      { kind: 'clock', clock: 'dispatch', op: 'start' },
    ]);
  });

  it('an approved suspension pauses the handling clock and resuming restarts it', () => {
    const approve = tryAction('dispatcher', 'suspension_requested', 'approve', {});
    expect(approve.ok && approve.effects).toContainEqual({ kind: 'clock', clock: 'handling', op: 'pause' });
    const resume = tryAction('handler', 'suspended', 'resume', {});
    expect(resume.ok && resume.effects).toEqual([{ kind: 'clock', clock: 'handling', op: 'resume' }]);
  });

  it('an approved extension counts and moves the deadline', () => {
    const decision = tryAction('dispatcher', 'extension_requested', 'approve', {});
    expect(decision.ok && decision.effects).toEqual([
      { kind: 'increment', counter: 'extensions' },
      { kind: 'clock', clock: 'handling', op: 'extend' },
    ]);
  });

  it('a denied request changes nothing but the status', () => {
    for (const status of ['extension_requested', 'suspension_requested', 'return_requested'] as const) {
      const decision = tryAction('dispatcher', status, 'deny', { reason: 'No.' });
      expect(decision.ok && decision.effects).toEqual([]);
    }
  });

  it('a failed verification counts a rework and gives the department a new deadline', () => {
    const decision = tryAction('gridInspector', 'verify_pending', 'fail', { reason: 'Still broken.' });
    expect(decision).toMatchObject({ ok: true, to: 'in_progress' });
    expect(decision.ok && decision.effects).toEqual([
      { kind: 'increment', counter: 'reworks' },
      { kind: 'clock', clock: 'verify', op: 'stop' },
      { kind: 'clock', clock: 'handling', op: 'start' },
    ]);
  });

  it('escalation flags the case without changing its status', () => {
    const decision = tryAction('leader', 'suspended', 'escalate', { note: 'Why so long?' });
    expect(decision).toEqual({
      ok: true,
      action: 'escalate',
      from: 'suspended',
      to: 'suspended',
      effects: [{ kind: 'markEscalated' }, { kind: 'increment', counter: 'escalations' }],
    });
  });

  it('records the check result and the merge target', () => {
    const check = tryAction('gridInspector', 'check_pending', 'check', { checkResult: 'not_found' });
    expect(check.ok && check.effects).toContainEqual({ kind: 'recordCheckResult', result: 'not_found' });
    const merge = tryAction('operator', 'reported', 'merge', {
      mergeTarget: { id: 42, status: 'dispatched' },
    });
    expect(merge.ok && merge.effects).toContainEqual({ kind: 'linkDuplicate', targetCaseId: 42 });
  });

  it('marks the handling overdue when the feedback comes after the deadline, not before', () => {
    const feedback = validInput('handle', aContext(ACTORS.handler));
    const late = decide(
      aContext(ACTORS.handler, { status: 'in_progress', handlingDueAt: new Date(NOW.getTime() - 1) }),
      'handle',
      feedback,
    );
    expect(late.ok && late.effects).toContainEqual({ kind: 'markHandlingOverdue' });
    const onTime = decide(
      aContext(ACTORS.handler, { status: 'in_progress', handlingDueAt: NOW }),
      'handle',
      feedback,
    );
    expect(onTime.ok && onTime.effects).not.toContainEqual({ kind: 'markHandlingOverdue' });
  });
});

describe('closure types (结案类型)', () => {
  const closeWith = (handlingOverdue: boolean, input: ActionInput) => {
    const decision = decide(
      aContext(ACTORS.shiftLead, { status: 'verified', handlingOverdue }),
      'close',
      input,
    );
    return decision.ok ? decision.effects.find((e) => e.kind === 'recordClosure') : decision.code;
  };

  it('is normal (正常) when the handling met its deadlines', () => {
    expect(closeWith(false, {})).toEqual({ kind: 'recordClosure', closureType: 'normal' });
  });
  it('is overdue (超时) when a handling deadline was missed', () => {
    expect(closeWith(true, {})).toEqual({ kind: 'recordClosure', closureType: 'overdue' });
  });
  it('is erroneous (差错) or special (特殊) only when the shift lead chooses it with a reason', () => {
    expect(closeWith(true, { closureType: 'special', reason: 'Historic problem.' })).toEqual({
      kind: 'recordClosure',
      closureType: 'special',
    });
    expect(closeWith(false, { closureType: 'erroneous', reason: 'Wrong class.' })).toEqual({
      kind: 'recordClosure',
      closureType: 'erroneous',
    });
    expect(closeWith(false, { closureType: 'erroneous' })).toBe('CASE_INPUT_INVALID');
  });
  it('closes an accepted self-handling as normal', () => {
    const decision = decide(aContext(ACTORS.shiftLead, { status: 'self_handled' }), 'close', {});
    expect(decision.ok && decision.effects).toContainEqual({ kind: 'recordClosure', closureType: 'normal' });
  });
});

describe('stages (七个环节)', () => {
  it('places every status in one of the seven stages, and every stage holds a status', () => {
    const used = new Set(CASE_STATUSES.map(stageOf));
    expect([...used].sort()).toEqual([...STAGES].sort());
  });
  it('puts handling sub-states in 处置 and a filed case in 立案', () => {
    expect(stageOf('suspended')).toBe('handling');
    expect(stageOf('extension_requested')).toBe('handling');
    expect(stageOf('filed')).toBe('filing');
    expect(stageOf('handled')).toBe('feedback');
  });
});

describe('the context', () => {
  it("accepts the identity module's Actor as the workflow actor", () => {
    const actor: Actor = {
      id: 1,
      username: 'li',
      displayName: 'Li',
      role: 'supervisor',
      position: 'shift_lead',
      departmentId: null,
      regionCodes: ['110101'],
    };
    const asWorkflowActor: WorkflowActor = actor;
    expect(allowedActions(aContext(asWorkflowActor, { status: 'reported' }))).toContain('file');
  });

  it('does not read the wall clock: the same context gives the same answer at any time', () => {
    const ctx = aContext(ACTORS.shiftLead, {
      status: 'closed',
      closedAt: new Date(NOW.getTime() - 29 * DAY_MS),
    });
    expect(allowedActions(ctx)).toEqual(['reopen']);
  });
});
