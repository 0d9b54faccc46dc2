/**
 * Workflow actions on a case (check, file, dispatch, handle, merge, close …), one transaction each:
 * lock the case, ask the pure workflow table (src/cases/workflow) for a decision, apply its
 * effects (effects.ts), write the case, and record the action (record.ts). A refused action is a
 * problem naming the actions allowed now.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { trackRollups } from '../../evaluation/index.js';
import type { RequestContext } from '../../shared/context.js';
import { DomainError } from '../../shared/errors.js';
import { inTransaction } from '../../shared/transaction.js';
import { nowOf, type CaseServiceDeps } from '../deps.js';
import { loadCaseRow, updateCase, type CaseRow } from '../repo.js';
import { visibleTo } from '../visibility.js';
import {
  DEFAULT_WORKFLOW_CONFIG,
  allowedActions,
  decide,
  stageOf,
  type ActionInput,
  type CaseAction,
  type WorkflowContext,
} from '../workflow/index.js';
import { ChangeSet } from './changes.js';
import { correctAndRoute } from './corrections.js';
import { applyEffects } from './effects.js';
import { actionInput, type ActionRequest } from './inputs.js';
import { recordAction } from './record.js';

function workflowContext(
  deps: CaseServiceDeps,
  ctx: RequestContext,
  row: CaseRow,
  now: Date,
): WorkflowContext {
  return {
    actor: ctx.actor,
    case: {
      id: row.id,
      status: row.status,
      gridCode: row.grid_code,
      departmentId: row.department_id,
      closedAt: row.closed_at,
      handlingDueAt: row.handling_due_at,
      handlingOverdue: row.handling_overdue,
    },
    now,
    config: deps.workflow ?? DEFAULT_WORKFLOW_CONFIG,
  };
}

/** What this actor may do to this case now. */
export function allowedActionsFor(deps: CaseServiceDeps, ctx: RequestContext, row: CaseRow): CaseAction[] {
  return allowedActions(workflowContext(deps, ctx, row, nowOf(deps)));
}

/** Performs a workflow action on a case: one transaction, or a problem naming the allowed actions. */
export async function performAction(
  db: Kysely<DB>,
  deps: CaseServiceDeps,
  ctx: RequestContext,
  caseId: number,
  action: CaseAction,
  request: ActionRequest,
): Promise<void> {
  await inTransaction(db, (tx) => applyAction(tx, deps, ctx, caseId, action, request, request.version));
}

/** The case locked for the action, if the actor may see it and it is at the version they read. */
async function lockCase(
  tx: Transaction<DB>,
  ctx: RequestContext,
  caseId: number,
  expectedVersion: number | null,
): Promise<CaseRow> {
  const row = await loadCaseRow(tx, caseId, true);
  if (!row || !visibleTo(ctx, row))
    throw new DomainError('NOT_FOUND', `No case ${caseId} in your jurisdiction`);
  if (expectedVersion !== null && row.version !== expectedVersion) {
    throw new DomainError(
      'VERSION_CONFLICT',
      `Case ${row.number} is at version ${row.version}, not ${expectedVersion}`,
      { currentVersion: row.version },
    );
  }
  return row;
}

/** The workflow table's decision, or the problem it names. */
function decideOrRefuse(context: WorkflowContext, action: CaseAction, input: ActionInput) {
  const decision = decide(context, action, input);
  if (!decision.ok) {
    throw new DomainError(
      decision.code,
      `${decision.detail.replace(/\.?$/, '.')} Allowed now: ${decision.allowed.join(', ') || 'none'}.`,
      {
        allowedActions: [...decision.allowed],
        ...(decision.failedGuards ? { failedGuards: [...decision.failedGuards] } : {}),
        ...(decision.invalidInputs
          ? { errors: decision.invalidInputs.map((p) => ({ field: `body.${p.field}`, reason: p.reason })) }
          : {}),
      },
    );
  }
  return decision;
}

/**
 * Applies an action inside the caller's transaction; `expectedVersion` null skips the version
 * check (intake's own 自处理 step right after registering the case).
 */
export async function applyAction(
  tx: Transaction<DB>,
  deps: CaseServiceDeps,
  ctx: RequestContext,
  caseId: number,
  action: CaseAction,
  request: Omit<ActionRequest, 'version'>,
  expectedVersion: number | null,
): Promise<void> {
  const now = nowOf(deps);
  const row = await lockCase(tx, ctx, caseId, expectedVersion);
  // Evaluation rollups: what the case counts for now; settled after its event (src/evaluation/rollups.ts).
  const rollups = await trackRollups(tx, row.id, deps.timeZone);
  const input = await actionInput(tx, ctx, row, action, request);
  const decision = decideOrRefuse(workflowContext(deps, ctx, row, now), action, input);

  const changes = new ChangeSet();
  changes.change('status', row.status, decision.to);
  changes.change('stage', row.stage, stageOf(decision.to));
  const subject = await correctAndRoute(tx, deps, ctx, row, action, request.corrections, changes);
  await applyEffects(tx, deps, action, decision.effects, { row, changes, subject, now });
  await updateCase(tx, row.id, changes.set, changes.counters, now);

  await recordAction(tx, ctx, {
    row,
    action,
    to: decision.to,
    effects: decision.effects,
    request,
    input,
    changes: changes.history(row),
    now,
  });
  await rollups.settle();
}
