/**
 * 公开状态 — what a reporter sees of a case: six public statuses instead of the 17 internal ones,
 * and the automatic public notes written on the transitions a reporter cares about. Pure: no I/O.
 * The mapping table is documented in docs/api/citizens.md; internal reasons never become public
 * (a note shows the staff's `publicNote`, or a fixed sentence).
 */
import type { CaseAction, CaseStatus } from './workflow/index.js';

export const PUBLIC_STATUSES = [
  'received',
  'accepted',
  'in_progress',
  'resolved',
  'closed',
  'rejected',
] as const;
export type PublicStatus = (typeof PUBLIC_STATUSES)[number];

/**
 * The public status of an internal status. A merged report (合并) is shown with the status of the
 * case it was merged into (`mergedInto`); without it, as accepted (someone is on it).
 */
export const PUBLIC_STATUS_OF: Readonly<Record<CaseStatus, PublicStatus>> = {
  reported: 'received',
  check_pending: 'received',
  self_handled: 'resolved',
  filed: 'accepted',
  dispatched: 'accepted',
  return_requested: 'accepted',
  in_progress: 'in_progress',
  extension_requested: 'in_progress',
  suspension_requested: 'in_progress',
  suspended: 'in_progress',
  handled: 'resolved',
  verify_pending: 'resolved',
  verified: 'resolved',
  closed: 'closed',
  rejected: 'rejected',
  merged: 'accepted',
  cancelled: 'rejected',
};

export function publicStatusOf(status: CaseStatus, mergedInto: CaseStatus | null = null): PublicStatus {
  if (status === 'merged' && mergedInto !== null && mergedInto !== 'merged')
    return PUBLIC_STATUS_OF[mergedInto];
  return PUBLIC_STATUS_OF[status];
}

/** Fixed public sentences of the transitions that get an automatic note (zh, shown as written). */
export const AUTOMATIC_NOTES: Partial<Record<CaseAction | 'report', string>> = {
  report: '您的反映已收到，我们将尽快核实处理。',
  file: '您反映的问题已立案，将派遣责任单位处置。',
  merge: '您反映的问题已有其他市民反映，将合并处理。',
  accept: '责任单位已接收，正在处置。',
  'request-suspension': '该问题需要较长时间处置，处置期限可能顺延。',
  handle: '责任单位已处置完毕，正在核查处置结果。',
  fail: '核查未通过，责任单位将重新处置。',
  close: '您反映的问题已办结，欢迎对处置结果进行评价。',
  reject: '经审核，您反映的问题不予立案。',
  cancel: '该反映已撤销。',
  reopen: '您反映的问题已重新受理。',
};

/**
 * The automatic public note of a transition, or null when the reporter need not be told. A
 * `publicNote` the staff member wrote for this action is appended (for a rejection it is the
 * public reason); it is published even on transitions without a fixed sentence.
 */
export function automaticPublicNote(
  action: CaseAction | 'report',
  publicNote?: string | null,
): string | null {
  const fixed = AUTOMATIC_NOTES[action] ?? null;
  const extra = publicNote?.trim() || null;
  if (fixed && extra) return `${fixed}${extra}`;
  return fixed ?? extra;
}
