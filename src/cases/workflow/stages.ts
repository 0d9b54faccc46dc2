/**
 * Which of the seven stages (七个环节) a status belongs to: the stage whose step produced it.
 * A filed case is in 立案 until dispatched, a handled one in 反馈 until verification starts.
 * Terminal statuses sit in the stage that ended the case: 不予立案 and 合并 in 立案, 作废 in 结案 [I].
 */
import type { CaseStatus, Stage } from './model.js';

export const STAGE_OF_STATUS: Readonly<Record<CaseStatus, Stage>> = {
  reported: 'collection',
  check_pending: 'collection',
  self_handled: 'feedback',
  filed: 'filing',
  rejected: 'filing',
  merged: 'filing',
  dispatched: 'dispatch',
  return_requested: 'dispatch',
  in_progress: 'handling',
  extension_requested: 'handling',
  suspension_requested: 'handling',
  suspended: 'handling',
  handled: 'feedback',
  verify_pending: 'verification',
  verified: 'verification',
  closed: 'closure',
  cancelled: 'closure',
};

export function stageOf(status: CaseStatus): Stage {
  return STAGE_OF_STATUS[status];
}
