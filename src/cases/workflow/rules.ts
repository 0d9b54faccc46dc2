/**
 * The two questions the server asks the workflow: what may this caller do to this case now
 * (`allowedActions`, carried by every case response), and what happens if they do it (`decide`).
 * Pure: the context holds everything, including the time.
 */
import { GUARD_REFUSALS, GUARDS } from './guards.js';
import { inputProblems } from './inputs.js';
import { CASE_ACTIONS } from './model.js';
import type {
  ActionInput,
  CaseAction,
  CaseEffect,
  ClosureType,
  Decision,
  EffectSpec,
  GuardName,
  WorkflowActor,
  WorkflowContext,
} from './model.js';
import { findTransition } from './transitions.js';
import type { Permit, Transition } from './transitions.js';

type Evaluation =
  | { kind: 'illegal' }
  | { kind: 'forbidden'; transition: Transition }
  | { kind: 'guardFailed'; transition: Transition; failed: GuardName[] }
  | { kind: 'permitted'; transition: Transition };

function roleMatches(permit: Permit, actor: WorkflowActor): boolean {
  if (permit.role !== actor.role) return false;
  if (permit.positions === undefined) return true;
  return actor.position != null && permit.positions.includes(actor.position);
}

/** Table lookup, then role, then guards; the input is not needed yet. */
function evaluate(ctx: WorkflowContext, action: CaseAction): Evaluation {
  const transition = findTransition(ctx.case.status, action);
  if (transition === undefined) return { kind: 'illegal' };
  const permits = transition.permits.filter((permit) => roleMatches(permit, ctx.actor));
  if (permits.length === 0) return { kind: 'forbidden', transition };
  const failed = new Set<GuardName>(transition.guards.filter((guard) => !GUARDS[guard](ctx)));
  if (failed.size === 0) {
    for (const permit of permits) {
      const permitFailed = (permit.guards ?? []).filter((guard) => !GUARDS[guard](ctx));
      if (permitFailed.length === 0) return { kind: 'permitted', transition };
      for (const guard of permitFailed) failed.add(guard);
    }
  }
  return { kind: 'guardFailed', transition, failed: [...failed] };
}

/** The actions this caller may take on this case now, in the order of `CASE_ACTIONS`. */
export function allowedActions(ctx: WorkflowContext): CaseAction[] {
  return CASE_ACTIONS.filter((action) => evaluate(ctx, action).kind === 'permitted');
}

/**
 * The closure type (结案类型): 差错/特殊 when the shift lead chose it (with a reason), otherwise
 * 超时 when some handling round missed its deadline, otherwise 正常.
 */
export function closureTypeFor(ctx: WorkflowContext, input: ActionInput): ClosureType {
  if (input.closureType !== undefined) return input.closureType;
  return ctx.case.handlingOverdue ? 'overdue' : 'normal';
}

function present<T>(value: T | undefined, field: string): T {
  // Unreachable after input validation; a throw here is a bug in the table, not a user error.
  if (value === undefined) throw new Error(`Case workflow: ${field} was not validated as required`);
  return value;
}

function resolveEffect(spec: EffectSpec, ctx: WorkflowContext, input: ActionInput): CaseEffect[] {
  switch (spec.kind) {
    case 'clock':
    case 'stopAllClocks':
    case 'increment':
    case 'clearDepartment':
    case 'markEscalated':
    case 'clearClosure':
      return [spec];
    case 'assignDepartment':
      return [{ kind: 'assignDepartment', departmentId: present(input.departmentId, 'departmentId') }];
    case 'recordCheckResult':
      return [{ kind: 'recordCheckResult', result: present(input.checkResult, 'checkResult') }];
    case 'linkDuplicate':
      return [{ kind: 'linkDuplicate', targetCaseId: present(input.mergeTarget, 'mergeTarget').id }];
    case 'markHandlingOverdueIfLate': {
      const due = ctx.case.handlingDueAt;
      return due !== null && ctx.now.getTime() > due.getTime() ? [{ kind: 'markHandlingOverdue' }] : [];
    }
    case 'recordClosure':
      return [{ kind: 'recordClosure', closureType: closureTypeFor(ctx, input) }];
  }
}

function actorLabel(actor: WorkflowActor): string {
  return actor.role === 'supervisor' ? `supervisor (${actor.position ?? 'no position'})` : actor.role;
}

/**
 * Decide an action: the new status and the effects to apply, or a refusal whose code says why
 * (in this order: no such transition, wrong role, failed guard, invalid input) and which names
 * the actions the caller may take instead.
 */
export function decide(ctx: WorkflowContext, action: CaseAction, input: ActionInput = {}): Decision {
  const status = ctx.case.status;
  const evaluation = evaluate(ctx, action);
  switch (evaluation.kind) {
    case 'illegal':
      return {
        ok: false,
        code: 'CASE_ILLEGAL_ACTION',
        allowed: allowedActions(ctx),
        detail: `A ${status} case cannot take the action ${action}.`,
      };
    case 'forbidden':
      return {
        ok: false,
        code: 'CASE_FORBIDDEN_ROLE',
        allowed: allowedActions(ctx),
        detail: `A ${actorLabel(ctx.actor)} may not ${action} a ${status} case.`,
      };
    case 'guardFailed':
      return {
        ok: false,
        code: 'CASE_GUARD_FAILED',
        allowed: allowedActions(ctx),
        detail: `Cannot ${action} this case: ${evaluation.failed.map((g) => GUARD_REFUSALS[g]).join('; ')}.`,
        failedGuards: evaluation.failed,
      };
    case 'permitted': {
      const { transition } = evaluation;
      const problems = inputProblems(input, ctx, transition.requires, transition.optional);
      if (problems.length > 0) {
        return {
          ok: false,
          code: 'CASE_INPUT_INVALID',
          allowed: allowedActions(ctx),
          detail: `Cannot ${action} this case: ${problems.map((p) => `${p.field} ${p.reason}`).join('; ')}.`,
          invalidInputs: problems,
        };
      }
      return {
        ok: true,
        action,
        from: status,
        to: transition.to,
        effects: transition.effects.flatMap((spec) => resolveEffect(spec, ctx, input)),
      };
    }
  }
}
