/**
 * A workflow action's request as the API receives it, turned into the facts the workflow table
 * decides on: the department to dispatch to (派遣: the suggestion unless another is chosen), the
 * case a duplicate is merged into (合并), and after-photos that are the actor's own uploads.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { departmentNames } from '../../departments/index.js';
import type { RequestContext } from '../../shared/context.js';
import { validationError } from '../../shared/errors.js';
import { checkPhotos } from '../checks.js';
import type { PointInput, Urgency } from '../deps.js';
import { loadCaseRow, type CaseRow } from '../repo.js';
import { visibleTo } from '../visibility.js';
import type { ActionInput, CaseAction } from '../workflow/index.js';

export interface ActionRequest {
  version: number;
  reason?: string;
  note?: string;
  departmentId?: number;
  checkResult?: 'confirmed' | 'not_found';
  afterPhotoIds?: string[];
  requestedDueAt?: string;
  targetCaseId?: number;
  closureType?: 'erroneous' | 'special';
  /** Shown to the reporter of a public case with this transition (for a rejection: the public reason). */
  publicNote?: string;
  /** file: the shift lead may correct the class, filing condition, urgency and location. */
  corrections?: {
    classificationId?: number;
    filingCondition?: string;
    urgency?: Urgency;
    location?: PointInput;
    address?: string;
  };
}

/** 派遣 — the department a dispatch sends the case to: the one chosen, else the suggested one. */
async function dispatchDepartment(
  tx: Transaction<DB>,
  row: CaseRow,
  request: Omit<ActionRequest, 'version'>,
): Promise<number> {
  const departmentId = request.departmentId ?? row.suggested_department_id;
  if (departmentId === null || departmentId === undefined) {
    throw validationError([
      {
        field: 'body.departmentId',
        reason: 'no routing rule suggests a department for this case: choose one',
      },
    ]);
  }
  const department = (await departmentNames(tx, [departmentId])).get(departmentId);
  if (!department || !department.active)
    throw validationError([{ field: 'body.departmentId', reason: `no active department ${departmentId}` }]);
  return departmentId;
}

/** 合并 — the open case in the actor's jurisdiction that a duplicate report joins, locked. */
async function mergeTarget(
  tx: Transaction<DB>,
  ctx: RequestContext,
  row: CaseRow,
  request: Omit<ActionRequest, 'version'>,
): Promise<NonNullable<ActionInput['mergeTarget']>> {
  if (request.targetCaseId === undefined)
    throw validationError([
      { field: 'body.targetCaseId', reason: 'name the open case this report duplicates' },
    ]);
  if (request.targetCaseId === row.id)
    throw validationError([{ field: 'body.targetCaseId', reason: 'a case cannot be merged into itself' }]);
  const target = await loadCaseRow(tx, request.targetCaseId, true);
  if (!target || !visibleTo(ctx, target))
    throw validationError([
      { field: 'body.targetCaseId', reason: `no case ${request.targetCaseId} in your jurisdiction` },
    ]);
  return { id: target.id, status: target.status };
}

/** The workflow's input of an action, with what it needs loaded and checked. */
export async function actionInput(
  tx: Transaction<DB>,
  ctx: RequestContext,
  row: CaseRow,
  action: CaseAction,
  request: Omit<ActionRequest, 'version'>,
): Promise<ActionInput> {
  const input: ActionInput = {
    ...(request.reason !== undefined ? { reason: request.reason } : {}),
    ...(request.note !== undefined ? { note: request.note } : {}),
    ...(request.checkResult !== undefined ? { checkResult: request.checkResult } : {}),
    ...(request.afterPhotoIds !== undefined ? { afterPhotoIds: request.afterPhotoIds } : {}),
    ...(request.requestedDueAt !== undefined ? { requestedDueAt: new Date(request.requestedDueAt) } : {}),
    ...(request.closureType !== undefined ? { closureType: request.closureType } : {}),
  };
  if (action === 'dispatch') input.departmentId = await dispatchDepartment(tx, row, request);
  if (action === 'merge') input.mergeTarget = await mergeTarget(tx, ctx, row, request);
  if (request.afterPhotoIds) await checkPhotos(tx, ctx, request.afterPhotoIds, 'body.afterPhotoIds');
  return input;
}
