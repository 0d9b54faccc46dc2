/**
 * Test support for the workflow rules: builders for actors, cases and contexts, valid inputs per
 * action, and a small in-memory case that applies decisions the way the cases service will (the
 * clocks reduced to the handling deadline). Pure; imports no test framework.
 */
import { DEFAULT_WORKFLOW_CONFIG } from './model.js';
import { decide } from './rules.js';
import type { EffectSpec } from './model.js';
import type { Permit, Transition } from './transitions.js';
import type {
  ActionInput,
  CaseAction,
  CaseCounter,
  CaseId,
  CaseStatus,
  CheckResult,
  ClosureType,
  Decision,
  WorkflowActor,
  WorkflowCase,
  WorkflowConfig,
  WorkflowContext,
} from './model.js';

export const NOW = new Date('2026-03-02T02:00:00.000Z');
export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** District 110101, street …001, community …001001, unit grid …001001001 (prefix codes). */
export const DISTRICT = '110101';
export const COMMUNITY = '110101001001';
export const GRID = '110101001001001';
export const OTHER_GRID = '110101002003004';
export const DEPARTMENT = 7;
export const OTHER_DEPARTMENT = 8;

export const ACTORS = {
  admin: { role: 'admin' },
  operator: { role: 'supervisor', position: 'operator', regionCodes: [DISTRICT] },
  shiftLead: { role: 'supervisor', position: 'shift_lead', regionCodes: [DISTRICT] },
  supervisorWithoutPosition: { role: 'supervisor', position: null, regionCodes: [DISTRICT] },
  dispatcher: { role: 'dispatcher', regionCodes: [DISTRICT] },
  handler: { role: 'handler', departmentId: DEPARTMENT },
  otherHandler: { role: 'handler', departmentId: OTHER_DEPARTMENT },
  departmentLead: { role: 'department_lead', departmentId: DEPARTMENT },
  otherDepartmentLead: { role: 'department_lead', departmentId: OTHER_DEPARTMENT },
  gridInspector: { role: 'inspector', regionCodes: [GRID] },
  communityInspector: { role: 'inspector', regionCodes: [COMMUNITY] },
  otherInspector: { role: 'inspector', regionCodes: [OTHER_GRID] },
  leader: { role: 'leader', regionCodes: [DISTRICT] },
} as const satisfies Record<string, WorkflowActor>;
export type ActorName = keyof typeof ACTORS;
export const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

/** Statuses after dispatch carry the department; a closed case was closed a day ago. */
export function aCase(overrides: Partial<WorkflowCase> = {}): WorkflowCase {
  const status: CaseStatus = overrides.status ?? 'reported';
  const dispatched = !['reported', 'check_pending', 'self_handled', 'filed', 'rejected', 'merged'].includes(
    status,
  );
  return {
    id: 1,
    status,
    gridCode: GRID,
    departmentId: dispatched ? DEPARTMENT : null,
    closedAt: status === 'closed' ? new Date(NOW.getTime() - DAY_MS) : null,
    handlingDueAt: dispatched ? new Date(NOW.getTime() + DAY_MS) : null,
    handlingOverdue: false,
    ...overrides,
  };
}

export function aContext(
  actor: WorkflowActor,
  caseOverrides: Partial<WorkflowCase> = {},
  options: { now?: Date; config?: WorkflowConfig } = {},
): WorkflowContext {
  return {
    actor,
    case: aCase(caseOverrides),
    now: options.now ?? NOW,
    config: options.config ?? DEFAULT_WORKFLOW_CONFIG,
  };
}

/** An input that satisfies every requirement of the action (and nothing optional). */
export function validInput(action: CaseAction, ctx: WorkflowContext): ActionInput {
  switch (action) {
    case 'check':
      return { checkResult: 'confirmed' };
    case 'self-handle':
    case 'handle':
      return { note: 'Fixed.', afterPhotoIds: ['photo-1'] };
    case 'reject':
    case 'return':
    case 'deny':
    case 'fail':
    case 'cancel':
    case 'reopen':
      return { reason: 'Because.' };
    case 'merge':
      return { mergeTarget: { id: 99, status: 'in_progress' } };
    case 'dispatch':
      return { departmentId: DEPARTMENT };
    case 'request-extension':
      return { reason: 'Parts on order.', requestedDueAt: new Date(ctx.now.getTime() + 3 * DAY_MS) };
    case 'request-suspension':
      return { reason: 'Waiting for the owner.' };
    case 'escalate':
      return { note: 'Hurry.' };
    case 'send-check':
    case 'file':
    case 'accept':
    case 'approve':
    case 'resume':
    case 'send-verify':
    case 'pass':
    case 'close':
      return {};
  }
}

/** A case as the service would keep it: the rules' facts plus what the effects record. */
export interface SimulatedCase extends WorkflowCase {
  counters: Record<CaseCounter, number>;
  escalated: boolean;
  closureType: ClosureType | null;
  checkResult: CheckResult | null;
  mergedInto: CaseId | null;
  /** The date of the pending extension request. */
  requestedDueAt: Date | null;
  /** Handling time left when the case was suspended. */
  pausedRemainingMs: number | null;
}

/** The handling limit the simulation uses for every case (real limits come from the limit tables). */
export const SIMULATED_HANDLING_LIMIT_MS = 3 * DAY_MS;

export function aSimulatedCase(overrides: Partial<SimulatedCase> = {}): SimulatedCase {
  return {
    ...aCase({ status: 'reported' }),
    counters: { returns: 0, reworks: 0, extensions: 0, suspensions: 0, reopenings: 0, escalations: 0 },
    escalated: false,
    closureType: null,
    checkResult: null,
    mergedInto: null,
    requestedDueAt: null,
    pausedRemainingMs: null,
    ...overrides,
  };
}

/** Apply an accepted decision; the input is the one the decision was made on. */
export function applyDecision(
  current: SimulatedCase,
  decision: Decision,
  input: ActionInput,
  now: Date,
): SimulatedCase {
  if (!decision.ok) return current;
  const next: SimulatedCase = { ...current, counters: { ...current.counters }, status: decision.to };
  if (decision.action === 'request-extension') next.requestedDueAt = input.requestedDueAt ?? null;
  if (decision.action === 'deny') next.requestedDueAt = null;
  for (const effect of decision.effects) {
    switch (effect.kind) {
      case 'increment':
        next.counters[effect.counter] += 1;
        break;
      case 'assignDepartment':
        next.departmentId = effect.departmentId;
        break;
      case 'clearDepartment':
        next.departmentId = null;
        break;
      case 'recordCheckResult':
        next.checkResult = effect.result;
        break;
      case 'linkDuplicate':
        next.mergedInto = effect.targetCaseId;
        break;
      case 'markHandlingOverdue':
        next.handlingOverdue = true;
        break;
      case 'markEscalated':
        next.escalated = true;
        break;
      case 'recordClosure':
        next.closedAt = now;
        next.closureType = effect.closureType;
        break;
      case 'clearClosure':
        next.closedAt = null;
        next.closureType = null;
        break;
      case 'stopAllClocks':
        break;
      case 'clock':
        if (effect.clock !== 'handling') break;
        switch (effect.op) {
          case 'start':
            next.handlingDueAt = new Date(now.getTime() + SIMULATED_HANDLING_LIMIT_MS);
            break;
          case 'extend':
            next.handlingDueAt = next.requestedDueAt;
            next.requestedDueAt = null;
            break;
          case 'pause':
            next.pausedRemainingMs = (next.handlingDueAt?.getTime() ?? now.getTime()) - now.getTime();
            break;
          case 'resume':
            next.handlingDueAt = new Date(now.getTime() + (next.pausedRemainingMs ?? 0));
            next.pausedRemainingMs = null;
            break;
          case 'stop':
            break;
        }
        break;
    }
  }
  return next;
}

/** The rules' view of a simulated case. */
export function contextOf(
  current: SimulatedCase,
  actor: WorkflowActor,
  now: Date,
  config: WorkflowConfig = DEFAULT_WORKFLOW_CONFIG,
): WorkflowContext {
  const { id, status, gridCode, departmentId, closedAt, handlingDueAt, handlingOverdue } = current;
  return {
    actor,
    now,
    config,
    case: { id, status, gridCode, departmentId, closedAt, handlingDueAt, handlingOverdue },
  };
}

export interface Step {
  actor: ActorName;
  action: CaseAction;
  /** Replaces the action's valid input. */
  input?: ActionInput;
  /** Time that passes before the step, in ms. */
  after?: number;
}

/** Play steps from a case; every step must be accepted. Returns the final case and the time. */
export function play(
  start: SimulatedCase,
  steps: readonly Step[],
  options: { now?: Date; config?: WorkflowConfig } = {},
): { case: SimulatedCase; now: Date; decisions: Decision[] } {
  let current = start;
  let now = options.now ?? NOW;
  const decisions: Decision[] = [];
  for (const step of steps) {
    now = new Date(now.getTime() + (step.after ?? 0));
    const ctx = contextOf(current, ACTORS[step.actor], now, options.config);
    const input = step.input ?? validInput(step.action, ctx);
    const decision = decide(ctx, step.action, input);
    if (!decision.ok) {
      throw new Error(
        `${step.actor} ${step.action} on a ${current.status} case: ${decision.code} ${decision.detail}`,
      );
    }
    decisions.push(decision);
    current = applyDecision(current, decision, input, now);
  }
  return { case: current, now, decisions };
}

function renderPermits(permits: readonly Permit[]): string {
  const groups = new Map<string, string[]>();
  for (const permit of permits) {
    const who = permit.positions ? `${permit.role}: ${permit.positions.join(', ')}` : permit.role;
    const guards = (permit.guards ?? []).join(', ');
    groups.set(guards, [...(groups.get(guards) ?? []), who]);
  }
  return [...groups]
    .map(([guards, who]) => (guards ? `${who.join(', ')} (${guards})` : who.join(', ')))
    .join('; ');
}

function renderEffect(effect: EffectSpec): string {
  switch (effect.kind) {
    case 'clock':
      return `${effect.clock} clock ${effect.op}`;
    case 'increment':
      return `+1 ${effect.counter}`;
    case 'stopAllClocks':
    case 'clearDepartment':
    case 'markEscalated':
    case 'clearClosure':
    case 'assignDepartment':
    case 'recordCheckResult':
    case 'linkDuplicate':
    case 'markHandlingOverdueIfLate':
    case 'recordClosure':
      return effect.kind;
  }
}

/** A row of the transition table as docs/domain/case-workflow.md shows it (a test keeps them equal). */
export function renderTransitionRow(t: Transition, labels: { from?: string; to?: string } = {}): string {
  const inputs = [...t.requires, ...t.optional.map((f) => `${f}?`)];
  const cells = [
    labels.from ?? `\`${t.from}\``,
    `\`${t.action}\``,
    labels.to ?? `\`${t.to}\``,
    renderPermits(t.permits),
    t.guards.join(', ') || '—',
    inputs.join(', ') || '—',
    t.effects.map(renderEffect).join(', ') || '—',
  ];
  return `| ${cells.join(' | ')} |`;
}
