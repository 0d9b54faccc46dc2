/**
 * Guards: named conditions on the context, checked after the actor's role has matched. They read
 * only the context, so `allowedActions` can evaluate them without an input.
 */
import type { GuardName, WorkflowContext } from './model.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The inspector (监督员/网格员) is responsible for the case's unit grid: one of their region codes
 * is a prefix of the grid code, the identity module's jurisdiction rule (src/identity/actor.ts).
 * Check (核实), verify (核查) and self-handling (自处理) are on-site work in one's own grids.
 */
function actorCoversCaseGrid({ actor, case: c }: WorkflowContext): boolean {
  return (actor.regionCodes ?? []).some((code) => code !== '' && c.gridCode.startsWith(code));
}

/** The actor belongs to the department the case was dispatched to (the 处置单位). */
function actorInCaseDepartment({ actor, case: c }: WorkflowContext): boolean {
  return c.departmentId !== null && actor.departmentId != null && actor.departmentId === c.departmentId;
}

/** The case was closed no longer ago than the configured reopen window. */
function withinReopenWindow({ case: c, now, config }: WorkflowContext): boolean {
  if (c.closedAt === null) return false;
  return now.getTime() - c.closedAt.getTime() <= config.reopenWindowDays * DAY_MS;
}

export const GUARDS: Readonly<Record<GuardName, (ctx: WorkflowContext) => boolean>> = {
  actorCoversCaseGrid,
  actorInCaseDepartment,
  withinReopenWindow,
};

/** What each guard requires, for documentation. */
export const GUARD_DESCRIPTIONS: Readonly<Record<GuardName, string>> = {
  actorCoversCaseGrid: "the inspector's regions include the case's grid",
  actorInCaseDepartment: "the actor belongs to the case's responsible department",
  withinReopenWindow: 'the case was closed within the reopen window',
};

/** Why a failed guard refuses, for the problem's detail. */
export const GUARD_REFUSALS: Readonly<Record<GuardName, string>> = {
  actorCoversCaseGrid: "the case's grid is outside your regions",
  actorInCaseDepartment: "the case is not your department's",
  withinReopenWindow: 'the reopen window after closure has passed',
};
