/**
 * Random walks from a new report: most steps pick an action someone may take (so walks reach
 * deep states), the others any actor and action (so refusals are exercised too).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS, CASE_COUNTERS, CASE_STATUSES } from './model.js';
import type { CaseAction } from './model.js';
import { allowedActions, decide } from './rules.js';
import {
  ACTOR_NAMES,
  ACTORS,
  DAY_MS,
  NOW,
  aSimulatedCase,
  applyDecision,
  contextOf,
  validInput,
} from './test-support.js';
import type { ActorName, SimulatedCase } from './test-support.js';
import { findTransition } from './transitions.js';

const CONFIG = { reopenWindowDays: 10 };

const stepArb = fc.record({
  guided: fc.oneof(fc.constant(true), fc.constant(true), fc.constant(true), fc.constant(false)),
  pick: fc.nat(),
  actor: fc.constantFrom(...ACTOR_NAMES),
  action: fc.constantFrom(...CASE_ACTIONS),
  after: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 * DAY_MS })),
});
type RandomStep = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

interface Observation {
  before: SimulatedCase;
  after: SimulatedCase;
  action: CaseAction;
  actor: ActorName;
  accepted: boolean;
  now: Date;
}

function walk(steps: readonly RandomStep[]): Observation[] {
  let current = aSimulatedCase();
  let now = NOW;
  const seen: Observation[] = [];
  for (const step of steps) {
    now = new Date(now.getTime() + step.after);
    let actor = step.actor;
    let action = step.action;
    if (step.guided) {
      // One option per action, whoever may take it. Voiding is open almost everywhere; picked as
      // often as the rest it would end most walks early.
      const options = new Map<CaseAction, ActorName>();
      for (const name of ACTOR_NAMES) {
        for (const a of allowedActions(contextOf(current, ACTORS[name], now, CONFIG))) {
          if (!options.has(a) && (a !== 'cancel' || step.pick % 20 === 0)) options.set(a, name);
        }
      }
      const chosen = [...options][step.pick % Math.max(options.size, 1)];
      if (chosen !== undefined) [action, actor] = chosen;
    }
    const ctx = contextOf(current, ACTORS[actor], now, CONFIG);
    const input = validInput(action, ctx);
    const decision = decide(ctx, action, input);
    const next = applyDecision(current, decision, input, now);
    seen.push({ before: current, after: next, action, actor, accepted: decision.ok, now });
    current = next;
  }
  return seen;
}

const walks = fc.array(stepArb, { minLength: 1, maxLength: 80 });

describe('random action sequences from a new report', () => {
  it('only ever take transitions of the table, and only into known statuses', () => {
    fc.assert(
      fc.property(walks, (steps) => {
        for (const o of walk(steps)) {
          expect(CASE_STATUSES).toContain(o.after.status);
          if (o.accepted) {
            expect(findTransition(o.before.status, o.action)?.to).toBe(o.after.status);
          } else {
            expect(o.after).toBe(o.before);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reopen a closed case only within the window after its closure', () => {
    fc.assert(
      fc.property(walks, (steps) => {
        for (const o of walk(steps)) {
          if (o.action !== 'reopen' || !o.accepted) continue;
          expect(o.before.status).toBe('closed');
          const closedAt = o.before.closedAt?.getTime() ?? Number.NaN;
          expect(o.now.getTime() - closedAt).toBeLessThanOrEqual(CONFIG.reopenWindowDays * DAY_MS);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never decrease a counter, and raise one by at most one per step', () => {
    fc.assert(
      fc.property(walks, (steps) => {
        for (const o of walk(steps)) {
          for (const counter of CASE_COUNTERS) {
            const delta = o.after.counters[counter] - o.before.counters[counter];
            expect(delta).toBeGreaterThanOrEqual(0);
            expect(delta).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('agree with allowedActions: a valid input is accepted exactly when the action is allowed', () => {
    fc.assert(
      fc.property(walks, (steps) => {
        for (const o of walk(steps)) {
          const ctx = contextOf(o.before, ACTORS[o.actor], o.now, CONFIG);
          expect(allowedActions(ctx).includes(o.action)).toBe(o.accepted);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('reach every status and take every action in some walk (the generator is not stuck at the start)', () => {
    const statuses = new Set<string>();
    const actions = new Set<string>();
    fc.assert(
      fc.property(walks, (steps) => {
        for (const o of walk(steps)) {
          statuses.add(o.after.status);
          if (o.accepted) actions.add(o.action);
        }
      }),
      { numRuns: 300, seed: 20260302 },
    );
    expect([...statuses].sort()).toEqual([...CASE_STATUSES].sort());
    expect([...actions].sort()).toEqual([...CASE_ACTIONS].sort());
  });
});
