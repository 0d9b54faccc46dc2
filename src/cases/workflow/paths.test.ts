import { describe, expect, it } from 'vitest';
import { decide } from './rules.js';
import {
  ACTORS,
  DAY_MS,
  DEPARTMENT,
  HOUR_MS,
  NOW,
  OTHER_DEPARTMENT,
  aSimulatedCase,
  contextOf,
  play,
} from './test-support.js';

describe('whole paths through the workflow', () => {
  it('declines a report that the on-site check did not find (不予立案)', () => {
    const { case: c } = play(aSimulatedCase(), [
      { actor: 'operator', action: 'send-check' },
      { actor: 'gridInspector', action: 'check', input: { checkResult: 'not_found' } },
      { actor: 'shiftLead', action: 'reject', input: { reason: 'Nothing there.' } },
    ]);
    expect(c).toMatchObject({ status: 'rejected', checkResult: 'not_found', departmentId: null });
  });

  it('merges a duplicate report into the open case', () => {
    const { case: c } = play(aSimulatedCase({ id: 5 }), [
      { actor: 'operator', action: 'merge', input: { mergeTarget: { id: 4, status: 'dispatched' } } },
    ]);
    expect(c).toMatchObject({ status: 'merged', mergedInto: 4 });
  });

  it('runs the long way round: return, extension, rework, closure and a reopening', () => {
    const { case: c, now } = play(aSimulatedCase(), [
      { actor: 'operator', action: 'send-check' },
      { actor: 'communityInspector', action: 'check', input: { checkResult: 'confirmed' }, after: HOUR_MS },
      { actor: 'shiftLead', action: 'file' },
      { actor: 'dispatcher', action: 'dispatch', input: { departmentId: OTHER_DEPARTMENT } },
      { actor: 'otherHandler', action: 'return', input: { reason: 'Not our street lights.' } },
      { actor: 'dispatcher', action: 'approve' },
      { actor: 'dispatcher', action: 'dispatch', input: { departmentId: DEPARTMENT } },
      { actor: 'handler', action: 'accept' },
      {
        actor: 'departmentLead',
        action: 'request-extension',
        input: { reason: 'Parts on order.', requestedDueAt: new Date(NOW.getTime() + 10 * DAY_MS) },
      },
      { actor: 'dispatcher', action: 'approve' },
      { actor: 'handler', action: 'handle', after: 4 * DAY_MS },
      { actor: 'operator', action: 'send-verify' },
      { actor: 'gridInspector', action: 'fail', input: { reason: 'Lamp still dark.' } },
      { actor: 'handler', action: 'handle', after: DAY_MS },
      { actor: 'operator', action: 'send-verify' },
      { actor: 'gridInspector', action: 'pass' },
      { actor: 'shiftLead', action: 'close' },
      { actor: 'shiftLead', action: 'reopen', input: { reason: 'Dark again.' }, after: 2 * DAY_MS },
    ]);
    expect(c).toMatchObject({
      status: 'filed',
      departmentId: null,
      closedAt: null,
      counters: { returns: 1, extensions: 1, reworks: 1, reopenings: 1, suspensions: 0, escalations: 0 },
      handlingOverdue: false,
    });
    expect(now.getTime() - NOW.getTime()).toBe(HOUR_MS + 7 * DAY_MS);
  });

  it('closes as overdue (超时结案) when the department reported after its deadline', () => {
    const { case: c } = play(aSimulatedCase({ status: 'filed' }), [
      { actor: 'dispatcher', action: 'dispatch' },
      { actor: 'handler', action: 'accept' },
      { actor: 'handler', action: 'handle', after: 4 * DAY_MS },
      { actor: 'operator', action: 'send-verify' },
      { actor: 'gridInspector', action: 'pass' },
      { actor: 'shiftLead', action: 'close' },
    ]);
    expect(c).toMatchObject({ status: 'closed', closureType: 'overdue', handlingOverdue: true });
  });

  it('stops the handling clock while suspended (挂账), so a long suspension is not overdue', () => {
    const { case: c } = play(aSimulatedCase({ status: 'filed' }), [
      { actor: 'dispatcher', action: 'dispatch' },
      { actor: 'handler', action: 'accept', after: DAY_MS },
      { actor: 'handler', action: 'request-suspension', input: { reason: 'Road works first.' } },
      { actor: 'dispatcher', action: 'approve' },
      { actor: 'handler', action: 'resume', after: 20 * DAY_MS },
      { actor: 'handler', action: 'handle', after: DAY_MS },
      { actor: 'operator', action: 'send-verify' },
      { actor: 'gridInspector', action: 'pass' },
      { actor: 'shiftLead', action: 'close' },
    ]);
    expect(c).toMatchObject({ closureType: 'normal', counters: { suspensions: 1 } });
  });

  it('sends a denied return back to the department, which must then accept it', () => {
    const { case: c } = play(aSimulatedCase({ status: 'filed' }), [
      { actor: 'dispatcher', action: 'dispatch' },
      { actor: 'handler', action: 'return', input: { reason: 'Not ours.' } },
      { actor: 'dispatcher', action: 'deny', input: { reason: 'It is: see the component list.' } },
      { actor: 'handler', action: 'accept' },
    ]);
    expect(c).toMatchObject({ status: 'in_progress', departmentId: DEPARTMENT, counters: { returns: 0 } });
  });

  it('closes an inspector’s self-handling (自处理) after the shift lead’s review', () => {
    const { case: c } = play(aSimulatedCase(), [
      { actor: 'gridInspector', action: 'self-handle' },
      { actor: 'shiftLead', action: 'close' },
    ]);
    expect(c).toMatchObject({ status: 'closed', closureType: 'normal' });
  });

  it('files a self-handling the shift lead does not accept, for normal dispatch', () => {
    const { case: c } = play(aSimulatedCase(), [
      { actor: 'operator', action: 'send-check' },
      { actor: 'gridInspector', action: 'self-handle' },
      { actor: 'shiftLead', action: 'file' },
      { actor: 'dispatcher', action: 'dispatch' },
    ]);
    expect(c).toMatchObject({ status: 'dispatched', departmentId: DEPARTMENT });
  });

  it('escalates (督办) without moving the case, and voids (作废) it later', () => {
    const { case: c } = play(aSimulatedCase({ status: 'filed' }), [
      { actor: 'leader', action: 'escalate', input: { note: 'Residents complain.' } },
      { actor: 'dispatcher', action: 'escalate', input: { note: 'Second reminder.' } },
      { actor: 'shiftLead', action: 'cancel', input: { reason: 'Filed twice by mistake.' } },
    ]);
    expect(c).toMatchObject({ status: 'cancelled', escalated: true, counters: { escalations: 2 } });
  });

  it('refuses to reopen once the window has passed', () => {
    const { case: closed, now } = play(aSimulatedCase({ status: 'verified' }), [
      { actor: 'shiftLead', action: 'close' },
    ]);
    const later = new Date(now.getTime() + 31 * DAY_MS);
    expect(decide(contextOf(closed, ACTORS.shiftLead, later), 'reopen', { reason: 'Again.' })).toMatchObject({
      ok: false,
      code: 'CASE_GUARD_FAILED',
    });
  });
});
