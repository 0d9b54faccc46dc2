import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../../identity/index.js';
import {
  ACTOR_KINDS,
  APPLICATION_ACTIONS,
  APPLICATION_STATES,
  type ActorKind,
  type ApplicationState,
} from '../model.js';
import {
  actorKindOf,
  allowedActions,
  decideAction,
  extensionProblem,
  OPEN_STATES,
  TRANSITIONS,
  type LifecycleFacts,
} from './lifecycle.js';

const facts = (state: ApplicationState, extra: Partial<LifecycleFacts> = {}): LifecycleFacts => ({
  state,
  correctionUsed: false,
  isBundle: false,
  isChild: false,
  promisedDays: 5,
  legalDays: 20,
  extensionDays: 0,
  pendingHold: false,
  pendingExtension: false,
  ...extra,
});

/** The facts under which an action's guard passes, so the table alone decides. */
const passing = (action: (typeof APPLICATION_ACTIONS)[number], state: ApplicationState): LifecycleFacts =>
  facts(state, {
    promisedDays: action === 'instant' ? 0 : 5,
    isBundle: action === 'complete_bundle',
    pendingHold: action === 'approve_hold',
    pendingExtension: action === 'approve_extension',
  });

describe('the application lifecycle table', () => {
  it('allows exactly what the table says, for every action × actor × state', () => {
    for (const action of APPLICATION_ACTIONS)
      for (const actor of ACTOR_KINDS)
        for (const state of APPLICATION_STATES) {
          const t = TRANSITIONS[action];
          const decision = decideAction(action, actor, passing(action, state));
          const expected = t.from.includes(state) && t.by.includes(actor);
          expect(decision.ok, `${action} by ${actor} in ${state}`).toBe(expected);
          if (decision.ok) expect(decision.to).toBe(t.to ?? state);
          else if (!t.from.includes(state)) expect(decision.code).toBe('APPLICATION_ILLEGAL_ACTION');
          else expect(decision.code).toBe('APPLICATION_FORBIDDEN_ROLE');
        }
  });

  it('runs the demo path: submit → correction → correct → accept → review → decide → deliver', () => {
    let state: ApplicationState = 'draft';
    const steps: [(typeof APPLICATION_ACTIONS)[number], ActorKind][] = [
      ['submit', 'applicant'],
      ['request_correction', 'window'],
      ['correct', 'applicant'],
      ['accept', 'window'],
      ['start_review', 'handler'],
      ['decide', 'lead'],
      ['deliver', 'window'],
    ];
    let correctionUsed = false;
    for (const [action, actor] of steps) {
      const decision = decideAction(action, actor, facts(state, { correctionUsed }));
      expect(decision, action).toMatchObject({ ok: true });
      if (decision.ok) state = decision.to;
      if (action === 'request_correction') correctionUsed = true;
    }
    expect(state).toBe('delivered');
  });

  it('asks for the correction once: a second 一次性告知 is refused with its own code', () => {
    expect(decideAction('request_correction', 'window', facts('submitted'))).toEqual({
      ok: true,
      to: 'correction_requested',
    });
    expect(
      decideAction('request_correction', 'window', facts('submitted', { correctionUsed: true })),
    ).toMatchObject({
      ok: false,
      code: 'APPLICATION_CORRECTION_ALREADY_USED',
    });
  });

  it('decides on the spot only items promising 0 days, never a bundle', () => {
    expect(decideAction('instant', 'window', facts('submitted', { promisedDays: 0 }))).toEqual({
      ok: true,
      to: 'decided',
    });
    for (const extra of [
      { promisedDays: 1 },
      { promisedDays: 0, isBundle: true },
      { promisedDays: 0, isChild: true },
    ])
      expect(decideAction('instant', 'window', facts('submitted', extra))).toMatchObject({
        ok: false,
        code: 'APPLICATION_NOT_INSTANT',
      });
  });

  it('needs the department lead to approve a hold or an extension, and something to approve', () => {
    expect(decideAction('approve_hold', 'handler', facts('in_review', { pendingHold: true }))).toMatchObject({
      code: 'APPLICATION_FORBIDDEN_ROLE',
    });
    expect(decideAction('approve_hold', 'lead', facts('in_review', { pendingHold: true }))).toEqual({
      ok: true,
      to: 'on_hold',
    });
    expect(decideAction('approve_hold', 'lead', facts('in_review'))).toMatchObject({
      code: 'APPLICATION_ILLEGAL_ACTION',
    });
    expect(
      decideAction('approve_extension', 'handler', facts('in_review', { pendingExtension: true })),
    ).toMatchObject({
      code: 'APPLICATION_FORBIDDEN_ROLE',
    });
    expect(decideAction('approve_extension', 'lead', facts('in_review', { pendingExtension: true }))).toEqual(
      {
        ok: true,
        to: 'in_review',
      },
    );
    expect(decideAction('approve_extension', 'admin', facts('in_review'))).toMatchObject({ ok: false });
  });

  it('extends once, and not while a request waits', () => {
    expect(decideAction('request_extension', 'handler', facts('in_review'))).toMatchObject({ ok: true });
    expect(
      decideAction('request_extension', 'handler', facts('in_review', { extensionDays: 10 })),
    ).toMatchObject({
      ok: false,
    });
    expect(
      decideAction('request_extension', 'handler', facts('in_review', { pendingExtension: true })),
    ).toMatchObject({
      ok: false,
    });
  });

  it('accepts a bundle as a whole and reviews its children, not the bundle', () => {
    const bundle = (state: ApplicationState) => facts(state, { isBundle: true });
    const child = (state: ApplicationState) => facts(state, { isChild: true });
    expect(decideAction('accept', 'window', bundle('submitted'))).toMatchObject({ ok: true });
    for (const action of ['accept', 'reject', 'mark_materials', 'request_correction'] as const)
      expect(decideAction(action, 'window', child('submitted')), action).toMatchObject({ ok: false });
    for (const action of ['start_review', 'decide', 'request_hold', 'request_extension'] as const)
      expect(
        decideAction(action, 'handler', bundle(action === 'start_review' ? 'accepted' : 'in_review')),
      ).toMatchObject({
        ok: false,
      });
    expect(decideAction('complete_bundle', 'system', bundle('in_review'))).toEqual({
      ok: true,
      to: 'decided',
    });
    expect(decideAction('complete_bundle', 'system', facts('in_review'))).toMatchObject({ ok: false });
    expect(decideAction('withdraw', 'applicant', child('accepted'))).toMatchObject({ ok: false });
    expect(decideAction('withdraw', 'applicant', bundle('in_review'))).toMatchObject({ ok: true });
  });

  it('lets the applicant withdraw before the decision only', () => {
    for (const state of APPLICATION_STATES)
      expect(decideAction('withdraw', 'applicant', facts(state)).ok, state).toBe(OPEN_STATES.includes(state));
  });

  it('lists the allowed actions of a view from the same table', () => {
    expect(allowedActions('window', facts('submitted'))).toEqual([
      'mark_materials',
      'accept',
      'reject',
      'request_correction',
    ]);
    expect(allowedActions('window', facts('submitted', { promisedDays: 0 }))).toContain('instant');
    expect(allowedActions('applicant', facts('draft'))).toEqual(['save', 'submit', 'withdraw']);
    expect(allowedActions('handler', facts('in_review'))).toEqual([
      'start_special_step',
      'request_hold',
      'request_extension',
      'decide',
    ]);
    expect(allowedActions('system', facts('in_review', { isBundle: true }))).toEqual([]);
    fc.assert(
      fc.property(fc.constantFrom(...ACTOR_KINDS), fc.constantFrom(...APPLICATION_STATES), (actor, state) => {
        for (const action of allowedActions(actor, facts(state)))
          expect(decideAction(action, actor, facts(state)).ok).toBe(true);
      }),
    );
  });

  it('names every staff role’s part: the window, the department’s handler and lead, admin; others none', () => {
    expect(Object.fromEntries(STAFF_ROLES.map((r) => [r, actorKindOf(r)]))).toEqual({
      admin: 'admin',
      supervisor: null,
      dispatcher: null,
      handler: 'handler',
      department_lead: 'lead',
      inspector: null,
      leader: null,
      window_clerk: 'window',
    });
  });

  it('checks an extension: whole days from 1 to 10 (行政许可法 第四十二条)', () => {
    expect(extensionProblem(1)).toBeNull();
    expect(extensionProblem(10)).toBeNull();
    expect(extensionProblem(11)).toMatch(/10/);
    expect(extensionProblem(0)).not.toBeNull();
    expect(extensionProblem(2.5)).not.toBeNull();
    expect(extensionProblem(15, 15)).toBeNull();
  });
});
