/**
 * The pure rules of the Open311 view of a case: statuses and notes from the workflow, the update
 * statuses FixMyStreet understands, location rounding for sensitive classes, the duplicate
 * fingerprint and the reporter's name. No I/O; docs/api/open311.md documents every table here.
 */
import { createHash } from 'node:crypto';

/** Internal statuses Open311 reports as `closed`; every other status is `open`. */
export const CLOSED_STATUSES = ['closed', 'rejected', 'merged', 'cancelled'] as const;
/** Intake statuses: a batch service's request is not shown (its token does not resolve) while in one. */
export const INTAKE_STATUSES = ['reported', 'check_pending'] as const;

export function open311Status(status: string): 'open' | 'closed' {
  return (CLOSED_STATUSES as readonly string[]).includes(status) ? 'closed' : 'open';
}

/**
 * The note shown for the latest public-facing event of a case (`status_notes`), by action. Staff
 * notes and reasons are never shown: they may name people or internal matters.
 */
export const PUBLIC_NOTES: Readonly<Record<string, string>> = {
  report: '已受理，等待立案审核',
  'send-check': '已安排监督员现场核实',
  check: '现场核实完成，等待立案审核',
  file: '已立案，等待派遣',
  reject: '不予立案',
  merge: '与同一问题的其他案卷合并处理',
  dispatch: '已派遣至处置部门',
  accept: '处置部门已接收，正在处置',
  resume: '恢复处置',
  handle: '处置部门已反馈处置结果，等待核查',
  fail: '核查未通过，处置部门正在返工',
  pass: '核查通过，等待结案',
  close: '已结案',
  cancel: '已撤销',
  reopen: '已重新打开，继续处置',
};

/** The update statuses of FixMyStreet's servicerequestupdates (mySociety's extension), lower case. */
export const UPDATE_STATUSES = [
  'open',
  'closed',
  'fixed',
  'in_progress',
  'action_scheduled',
  'investigating',
  'duplicate',
  'not_councils_responsibility',
  'no_further_action',
  'internal_referral',
] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

export interface PublicUpdate {
  status: UpdateStatus;
  description: string;
}

/** A case event as the update rules see it. */
export interface EventFacts {
  action: string;
  toStatus: string;
  /** `changes.closure_type.after` of a close event. */
  closureType?: string | null;
}

/**
 * The public update an event of the case history makes, or null for events the public does not
 * see (the report itself, return and extension requests, escalation, citizen updates …).
 */
export function publicUpdate(event: EventFacts): PublicUpdate | null {
  const note = PUBLIC_NOTES[event.action];
  switch (event.action) {
    case 'send-check':
    case 'check':
      return { status: 'investigating', description: note! };
    case 'file':
    case 'reopen':
      return { status: 'open', description: note! };
    case 'reject':
      return { status: 'no_further_action', description: note! };
    case 'merge':
      return { status: 'duplicate', description: note! };
    case 'dispatch':
      return { status: 'action_scheduled', description: note! };
    case 'accept':
    case 'resume':
    case 'handle':
    case 'fail':
    case 'pass':
      return { status: 'in_progress', description: note! };
    case 'approve':
      // Only two approvals change what the public sees: a return (back to dispatch) and a suspension.
      if (event.toStatus === 'filed')
        return { status: 'internal_referral', description: '原处置部门退回，正在重新派遣' };
      if (event.toStatus === 'suspended')
        return { status: 'action_scheduled', description: '已挂账，待条件具备后处置' };
      return null;
    case 'close':
      return event.closureType === 'erroneous' || event.closureType === 'special'
        ? { status: 'closed', description: note! }
        : { status: 'fixed', description: note! };
    case 'cancel':
      return { status: 'closed', description: note! };
    default:
      return null;
  }
}

/** Actions that may make a public update (the SQL pre-filter of publicUpdate). */
export const UPDATE_ACTIONS = [
  'send-check',
  'check',
  'file',
  'reopen',
  'reject',
  'merge',
  'dispatch',
  'accept',
  'resume',
  'handle',
  'fail',
  'pass',
  'approve',
  'close',
  'cancel',
] as const;

/**
 * FixMyStreet's extended statuses a client may send with an update but this server never publishes:
 * `reopen` (the reporter says a closed report is not fixed), `cancelled` (the report was withdrawn
 * on the client) and `for_triage` (the client's staff put it back for triage).
 */
export const CLIENT_ONLY_STATUSES = ['reopen', 'cancelled', 'for_triage'] as const;
export type ClaimedStatus = UpdateStatus | (typeof CLIENT_ONLY_STATUSES)[number];

/** What clients may claim in a POSTed update (FixMyStreet sends upper case), normalised. */
export function parseClaimedStatus(value: string): ClaimedStatus | null {
  const normalized = value.trim().toLowerCase().replace(/\s+/g, '_');
  return ([...UPDATE_STATUSES, ...CLIENT_ONLY_STATUSES] as readonly string[]).includes(normalized)
    ? (normalized as ClaimedStatus)
    : null;
}

/**
 * What a claimed status asks of the workflow, which only staff move: `reopen` files a reopen
 * request (重新办理申请) for the shift lead when the case is closed (within the reopen window,
 * none pending); `cancelled` and `for_triage` mark the update as a withdrawal (撤回) or triage
 * (重新分拣) note for the supervision centre, which may then cancel or reclassify the case.
 * Other statuses are the client's view, kept with the update and changing nothing.
 */
export interface ClaimEffect {
  /** Leads the citizen's note, so the supervision centre sees what the client asked. */
  prefix: string | null;
  reopenRequest: boolean;
}

/** The note prefix of each client-only status: 申请重新办理, 报告人撤回 (withdrawal), 请求重新分拣 (triage). */
export const CLAIM_PREFIXES: Readonly<Record<(typeof CLIENT_ONLY_STATUSES)[number], string>> = {
  reopen: '【申请重新办理】',
  cancelled: '【报告人撤回】',
  for_triage: '【请求重新分拣】',
};

export function claimEffect(
  claimed: ClaimedStatus | null,
  kase: { status: string; closedAt: Date | null },
  now: Date,
  reopenWindowDays: number,
): ClaimEffect {
  const prefix =
    claimed !== null && claimed in CLAIM_PREFIXES
      ? CLAIM_PREFIXES[claimed as keyof typeof CLAIM_PREFIXES]
      : null;
  // Only a closed case is reopened (the workflow's `reopen`, within its window): a request for
  // anything else would be one the shift lead cannot accept.
  const reopenRequest =
    claimed === 'reopen' &&
    kase.status === 'closed' &&
    kase.closedAt !== null &&
    now.getTime() - kase.closedAt.getTime() <= reopenWindowDays * 86_400_000;
  return { prefix, reopenRequest };
}

/** Rounds a coordinate to `decimals` places (3 ≈ 110 m of latitude); 6 is the full public precision. */
export function roundCoordinate(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * The same report again: the service, the point to about a metre, the normalised text and the
 * device (its keyed index), hashed. Reports of the same key with the same fingerprint within the
 * duplicate window are one report.
 */
export function requestFingerprint(input: {
  serviceCode: string;
  lat: number;
  long: number;
  description: string;
  deviceIndex: string | null;
}): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        input.serviceCode,
        input.lat.toFixed(5),
        input.long.toFixed(5),
        input.description.replace(/\s+/g, ' ').trim(),
        input.deviceIndex ?? '',
      ]),
    )
    .digest('hex');
}

export function updateFingerprint(input: {
  caseId: number;
  description: string;
  mediaSha256: string;
}): string {
  return createHash('sha256')
    .update(JSON.stringify([input.caseId, input.description.replace(/\s+/g, ' ').trim(), input.mediaSha256]))
    .digest('hex');
}

const HAN = /\p{Script=Han}/u;

/**
 * The reporter's name from first_name and last_name: Chinese names are family name first without
 * a space (王 + 小明 → 王小明), others "first last". FixMyStreet sends `-` for an unknown last name.
 */
export function reporterName(firstName: string | undefined, lastName: string | undefined): string | null {
  const first = firstName?.trim() ?? '';
  const last = (lastName?.trim() ?? '').replace(/^-$/, '');
  if (!first && !last) return null;
  if (HAN.test(first) || HAN.test(last)) return `${last}${first}`;
  return [first, last].filter(Boolean).join(' ');
}

/** yes/true/1 → true, no/false/0 → false, anything else → null (a 400 for the caller). */
export function parseYesNo(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (['yes', 'true', '1', 'y'].includes(v)) return true;
  if (['no', 'false', '0', 'n', ''].includes(v)) return false;
  return null;
}
