/**
 * The case workflow as data: every allowed `from × action → to`, who may do it, under which
 * guards, with which inputs and effects. Anything not in this table is refused. The roles follow
 * the split of duties in Unicom `EventConstant` and eGova (docs/standards.md §4.2); the exact rows
 * are ours where marked [I] in docs/domain/case-workflow.md, which mirrors this file.
 */
import { OPEN_STATUSES } from './model.js';
import type {
  CaseAction,
  CaseClock,
  CaseStatus,
  ClockOp,
  EffectSpec,
  GuardName,
  InputField,
  OpenStatus,
  StaffRole,
  SupervisorPosition,
} from './model.js';

/** One way to be allowed: a role, optionally narrowed to positions, with the guards that role must pass. */
export interface Permit {
  role: StaffRole;
  /** For supervisors: the positions allowed. A supervisor without a position matches no permit that lists some. */
  positions?: readonly SupervisorPosition[];
  guards?: readonly GuardName[];
}

export interface Transition {
  from: CaseStatus;
  action: CaseAction;
  to: CaseStatus;
  permits: readonly Permit[];
  /** Guards every permitted actor must pass. */
  guards: readonly GuardName[];
  /** Inputs that must be present and valid. */
  requires: readonly InputField[];
  /** Inputs checked only when present. */
  optional: readonly InputField[];
  effects: readonly EffectSpec[];
}

/** 受理员 work: registering, sending check and verify tasks, merging duplicates. A shift lead may do it too. */
const SUPERVISION_STAFF: Permit = { role: 'supervisor', positions: ['operator', 'shift_lead'] };
/** 值班长: files, closes and approves voiding (作废审批). */
const SHIFT_LEAD: Permit = { role: 'supervisor', positions: ['shift_lead'] };
/** 派遣员: dispatches and approves returns, extensions and suspensions. */
const DISPATCHER: Permit = { role: 'dispatcher' };
/** 专业部门: handlers and their lead, of the case's responsible department only. */
const DEPARTMENT: readonly Permit[] = [
  { role: 'handler', guards: ['actorInCaseDepartment'] },
  { role: 'department_lead', guards: ['actorInCaseDepartment'] },
];
/** 监督员/网格员 of the case's grid. */
const INSPECTOR: Permit = { role: 'inspector', guards: ['actorCoversCaseGrid'] };
/** 领导: read-only except escalation. */
const LEADER: Permit = { role: 'leader' };

const clock = (name: CaseClock, op: ClockOp): EffectSpec => ({ kind: 'clock', clock: name, op });

interface RowOptions {
  guards?: readonly GuardName[];
  requires?: readonly InputField[];
  optional?: readonly InputField[];
  effects?: readonly EffectSpec[];
}

function row(
  from: CaseStatus,
  action: CaseAction,
  to: CaseStatus,
  permits: readonly Permit[],
  options: RowOptions = {},
): Transition {
  return {
    from,
    action,
    to,
    permits,
    guards: options.guards ?? [],
    requires: options.requires ?? [],
    optional: options.optional ?? [],
    effects: options.effects ?? [],
  };
}

const HANDLING_FEEDBACK = ['note', 'afterPhotoIds'] as const satisfies readonly InputField[];

/** 立案 from a report or a refused self-handling: the filing clock stops, the dispatch clock starts. */
const FILE_EFFECTS: readonly EffectSpec[] = [clock('filing', 'stop'), clock('dispatch', 'start')];

/** 自处理: the inspector's fix replaces filing; the shift lead's review runs on the closing clock. */
const SELF_HANDLE_EFFECTS: readonly EffectSpec[] = [clock('filing', 'stop'), clock('closing', 'start')];

/** 结案: the closure type is computed (or chosen, with a reason) and every clock stops. */
const CLOSE_OPTIONS: RowOptions = {
  optional: ['closureType'],
  effects: [{ kind: 'recordClosure' }, { kind: 'stopAllClocks' }],
};

const FLOW: readonly Transition[] = [
  // 信息收集 → 立案
  row('reported', 'send-check', 'check_pending', [SUPERVISION_STAFF], { effects: [clock('check', 'start')] }),
  row('reported', 'self-handle', 'self_handled', [INSPECTOR], {
    requires: HANDLING_FEEDBACK,
    effects: SELF_HANDLE_EFFECTS,
  }),
  row('reported', 'file', 'filed', [SHIFT_LEAD], { effects: FILE_EFFECTS }),
  row('reported', 'reject', 'rejected', [SHIFT_LEAD], {
    requires: ['reason'],
    effects: [{ kind: 'stopAllClocks' }],
  }),
  row('reported', 'merge', 'merged', [SUPERVISION_STAFF], {
    requires: ['mergeTarget'],
    effects: [{ kind: 'linkDuplicate' }, { kind: 'stopAllClocks' }],
  }),
  // 核实: the answer goes back to the supervision center, which then files, rejects or merges.
  row('check_pending', 'check', 'reported', [INSPECTOR], {
    requires: ['checkResult'],
    effects: [{ kind: 'recordCheckResult' }, clock('check', 'stop')],
  }),
  row('check_pending', 'self-handle', 'self_handled', [INSPECTOR], {
    requires: HANDLING_FEEDBACK,
    effects: [clock('check', 'stop'), ...SELF_HANDLE_EFFECTS],
  }),
  // 自处理审核: accepting the fix closes the case; refusing it files the case for normal handling.
  row('self_handled', 'close', 'closed', [SHIFT_LEAD], CLOSE_OPTIONS),
  row('self_handled', 'file', 'filed', [SHIFT_LEAD], {
    effects: [clock('closing', 'stop'), clock('dispatch', 'start')],
  }),
  row('self_handled', 'reject', 'rejected', [SHIFT_LEAD], {
    requires: ['reason'],
    effects: [{ kind: 'stopAllClocks' }],
  }),
  // 派遣: the department's handling clock starts at dispatch, so time spent before accepting counts.
  row('filed', 'dispatch', 'dispatched', [DISPATCHER], {
    requires: ['departmentId'],
    effects: [{ kind: 'assignDepartment' }, clock('dispatch', 'stop'), clock('handling', 'start')],
  }),
  row('dispatched', 'accept', 'in_progress', DEPARTMENT),
  // 回退: possible only before handling starts (from `dispatched`), approved by the dispatcher.
  row('dispatched', 'return', 'return_requested', DEPARTMENT, { requires: ['reason'] }),
  row('return_requested', 'approve', 'filed', [DISPATCHER], {
    effects: [
      { kind: 'increment', counter: 'returns' },
      { kind: 'clearDepartment' },
      clock('handling', 'stop'),
      clock('dispatch', 'start'),
    ],
  }),
  row('return_requested', 'deny', 'dispatched', [DISPATCHER], { requires: ['reason'] }),
  // 处置
  row('in_progress', 'handle', 'handled', DEPARTMENT, {
    requires: HANDLING_FEEDBACK,
    effects: [{ kind: 'markHandlingOverdueIfLate' }, clock('handling', 'stop'), clock('verify', 'start')],
  }),
  row('in_progress', 'request-extension', 'extension_requested', DEPARTMENT, {
    requires: ['reason', 'requestedDueAt'],
  }),
  row('extension_requested', 'approve', 'in_progress', [DISPATCHER], {
    effects: [{ kind: 'increment', counter: 'extensions' }, clock('handling', 'extend')],
  }),
  row('extension_requested', 'deny', 'in_progress', [DISPATCHER], { requires: ['reason'] }),
  row('in_progress', 'request-suspension', 'suspension_requested', DEPARTMENT, { requires: ['reason'] }),
  row('suspension_requested', 'approve', 'suspended', [DISPATCHER], {
    effects: [{ kind: 'increment', counter: 'suspensions' }, clock('handling', 'pause')],
  }),
  row('suspension_requested', 'deny', 'in_progress', [DISPATCHER], { requires: ['reason'] }),
  row('suspended', 'resume', 'in_progress', [...DEPARTMENT, DISPATCHER], {
    effects: [clock('handling', 'resume')],
  }),
  // 核查: the verify clock started at the feedback, so the operator's delay in sending counts too.
  row('handled', 'send-verify', 'verify_pending', [SUPERVISION_STAFF]),
  row('verify_pending', 'pass', 'verified', [INSPECTOR], {
    effects: [clock('verify', 'stop'), clock('closing', 'start')],
  }),
  // 返工: straight back to the department (it already accepted), with a new handling deadline.
  row('verify_pending', 'fail', 'in_progress', [INSPECTOR], {
    requires: ['reason'],
    effects: [{ kind: 'increment', counter: 'reworks' }, clock('verify', 'stop'), clock('handling', 'start')],
  }),
  // 结案: only after verification passed.
  row('verified', 'close', 'closed', [SHIFT_LEAD], CLOSE_OPTIONS),
  row('closed', 'reopen', 'filed', [SHIFT_LEAD], {
    guards: ['withinReopenWindow'],
    requires: ['reason'],
    effects: [
      { kind: 'increment', counter: 'reopenings' },
      { kind: 'clearClosure' },
      { kind: 'clearDepartment' },
      clock('dispatch', 'start'),
    ],
  }),
];

/** 撤销/作废: the shift lead voids any open case, with a reason. */
const CANCEL: readonly Transition[] = OPEN_STATUSES.map((from: OpenStatus) =>
  row(from, 'cancel', 'cancelled', [SHIFT_LEAD], {
    requires: ['reason'],
    effects: [{ kind: 'stopAllClocks' }],
  }),
);

/** 督办: a flag on any open case, set by a leader or the command center; the status does not change. */
const ESCALATE: readonly Transition[] = OPEN_STATUSES.map((from: OpenStatus) =>
  row(from, 'escalate', from, [LEADER, DISPATCHER], {
    requires: ['note'],
    effects: [{ kind: 'markEscalated' }, { kind: 'increment', counter: 'escalations' }],
  }),
);

/** The whole table. At most one row per `from × action`, so the target status never depends on the actor. */
export const TRANSITIONS: readonly Transition[] = Object.freeze([...FLOW, ...CANCEL, ...ESCALATE]);

const INDEX = new Map<string, Transition>(TRANSITIONS.map((t) => [`${t.from}:${t.action}`, t]));
if (INDEX.size !== TRANSITIONS.length)
  throw new Error('Case workflow table has two rows for one from × action');

/** The row for this status and action, if the action is legal from there at all. */
export function findTransition(from: CaseStatus, action: CaseAction): Transition | undefined {
  return INDEX.get(`${from}:${action}`);
}
