/**
 * What an applied action leaves behind, in its transaction: the after-photos it brought, its
 * history event (办理过程), the audit entry, the outbox and inbox signals, the automatic public
 * note of a public case, and for a merge (合并) a `merged-in` event on the case it joined.
 */
import type { Transaction } from 'kysely';
import { recordAudit } from '../../audit/index.js';
import type { DB } from '../../db/schema.js';
import type { RequestContext } from '../../shared/context.js';
import { recordTransitionNote } from '../public-notes.js';
import { addCasePhotos, insertCaseEvent, loadCaseRow, type CaseRow } from '../repo.js';
import { signalCaseChange } from '../signals.js';
import type { ActionInput, CaseAction, CaseEffect, CaseStatus } from '../workflow/index.js';
import type { Change } from './changes.js';
import type { ActionRequest } from './inputs.js';

export interface AppliedAction {
  /** The case as it was loaded, before the action. */
  row: CaseRow;
  action: CaseAction;
  to: CaseStatus;
  effects: readonly CaseEffect[];
  request: Omit<ActionRequest, 'version'>;
  input: ActionInput;
  changes: Record<string, Change>;
  now: Date;
}

/** 合并: the case a duplicate joined records it in its own history. */
async function recordMergedIn(
  tx: Transaction<DB>,
  ctx: RequestContext,
  duplicate: CaseRow,
  target: NonNullable<ActionInput['mergeTarget']>,
  now: Date,
): Promise<void> {
  await insertCaseEvent(tx, {
    caseId: Number(target.id),
    at: now,
    actor: ctx.actor,
    action: 'merged-in',
    fromStatus: target.status,
    toStatus: target.status,
    note: `重复案卷 ${duplicate.number} 已并入本案`,
    attachments: [],
    changes: {
      merged_case_id: { before: null, after: duplicate.id },
      merged_case_number: { before: null, after: duplicate.number },
    },
    effects: [],
  });
}

export async function recordAction(
  tx: Transaction<DB>,
  ctx: RequestContext,
  applied: AppliedAction,
): Promise<void> {
  const { row, action, request, input, now } = applied;
  const attachments = request.afterPhotoIds ?? [];
  await addCasePhotos(tx, row.id, attachments, 'after', ctx.actor, now, { ignoreLinked: true });
  await insertCaseEvent(tx, {
    caseId: row.id,
    at: now,
    actor: ctx.actor,
    action,
    fromStatus: row.status,
    toStatus: applied.to,
    reason: request.reason ?? null,
    note: request.note ?? null,
    attachments,
    changes: {
      ...applied.changes,
      ...(input.requestedDueAt
        ? { requested_due_at: { before: row.handling_due_at, after: input.requestedDueAt } }
        : {}),
    },
    effects: applied.effects,
  });
  await recordAudit(tx, ctx, {
    action: `case.${action}`,
    targetType: 'case',
    targetId: row.id,
    detail: { number: row.number, from: row.status, to: applied.to },
  });
  const after = (await loadCaseRow(tx, row.id, false))!;
  await signalCaseChange(tx, after, action, row.status, now);
  await recordTransitionNote(tx, after, action, {
    publicNote: request.publicNote ?? null,
    mergedInto: input.mergeTarget?.status ?? null,
    authorId: ctx.actor.id,
    at: now,
  });
  if (action === 'merge' && input.mergeTarget) await recordMergedIn(tx, ctx, row, input.mergeTarget, now);
}
