/**
 * The vocabulary of the case workflow (案卷流程): statuses, actions, stages, the context the rules
 * read and the decisions they return. Pure types and constants; no I/O. The reasoning behind each
 * list, with its sources, is in docs/domain/case-workflow.md.
 */

/**
 * Where a case (案卷) stands. Statuses name the work that is waiting, so "who has the ball" is
 * always readable from the status alone. Sources: eGova `eventStateId` and Unicom `Event.sts`
 * (docs/standards.md §4.3); the split below is ours [I].
 */
export const CASE_STATUSES = [
  /** 上报/登记 — registered (by an inspector, an operator or a citizen), awaiting the filing decision. */
  'reported',
  /** 核实任务已发 — an operator sent a check task; an inspector of the grid must confirm the report on site. */
  'check_pending',
  /** 自处理 — an inspector fixed it on the spot; awaiting the shift lead's review (close, or file normally). */
  'self_handled',
  /** 立案 — filed by the shift lead; awaiting dispatch by the command center. */
  'filed',
  /** 派遣 — sent to a department; awaiting its acceptance (or its return request). */
  'dispatched',
  /** 回退申请 — the department asks to give the case back ("not ours"); awaiting the dispatcher. */
  'return_requested',
  /** 处置中 — accepted by the department and being handled. */
  'in_progress',
  /** 延期申请 — the department asks for a later handling deadline; the clock keeps running. */
  'extension_requested',
  /** 挂账/缓办申请 — the department asks to suspend the case; the clock keeps running until approval. */
  'suspension_requested',
  /** 挂账 — suspended with the command center's approval; the handling clock is paused. */
  'suspended',
  /** 处理反馈 — the department reported it handled (note and after-photos); awaiting verification. */
  'handled',
  /** 核查任务已发 — an operator sent a verify task to an inspector of the grid. */
  'verify_pending',
  /** 核查通过 — the inspector confirmed the handling; awaiting closure by the shift lead. */
  'verified',
  /** 结案 — closed, with a closure type; may be reopened within the configured window. */
  'closed',
  /** 不予立案 — the shift lead declined to file the report (terminal). */
  'rejected',
  /** 合并 — a duplicate, merged into another open case (terminal). */
  'merged',
  /** 撤销/作废 — voided by the shift lead with a reason (terminal). */
  'cancelled',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * The statuses as clerks name them (待立案, 处置中 …): in exports printed from the server and,
 * through web/src/shared/labels.ts, in the web app, so a table and a screen say the same.
 */
export const CASE_STATUS_NAMES: Readonly<Record<CaseStatus, string>> = {
  reported: '待立案',
  check_pending: '待核实',
  self_handled: '自处理待审',
  filed: '待派遣',
  dispatched: '待接收',
  return_requested: '回退申请',
  in_progress: '处置中',
  extension_requested: '延期申请',
  suspension_requested: '挂账申请',
  suspended: '已挂账',
  handled: '已处置待核查',
  verify_pending: '核查中',
  verified: '核查通过待结案',
  closed: '已结案',
  rejected: '不予立案',
  merged: '已合并',
  cancelled: '已作废',
};

/** Statuses no action leaves except `reopen` from `closed`. */
export const TERMINAL_STATUSES = [
  'closed',
  'rejected',
  'merged',
  'cancelled',
] as const satisfies readonly CaseStatus[];
export type TerminalStatus = (typeof TERMINAL_STATUSES)[number];
export type OpenStatus = Exclude<CaseStatus, TerminalStatus>;
export const OPEN_STATUSES: readonly OpenStatus[] = CASE_STATUSES.filter(
  (s): s is OpenStatus => !isTerminalStatus(s),
);

export function isTerminalStatus(status: CaseStatus): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly CaseStatus[]).includes(status);
}

export function isOpenStatus(status: CaseStatus): status is OpenStatus {
  return !isTerminalStatus(status);
}

/** The status every new case starts in; creation itself is the cases service's job, not a transition. */
export const INITIAL_STATUS = 'reported' satisfies CaseStatus;

/**
 * What a caller may ask of a case. The names are the API's (`POST /cases/{id}/actions/{action}`).
 * Three are ours beyond the list, because the roles split needs them (docs/standards.md §4.2):
 * `send-check` (受理员 发核实), `send-verify` (受理员 发核查) and `self-handle` (监督员 自处理).
 */
export const CASE_ACTIONS = [
  /** 发核实 — an operator asks an inspector of the grid to confirm a report on site. */
  'send-check',
  /** 核实 — the inspector answers the check: confirmed or not found. */
  'check',
  /** 自处理 — an inspector fixed a small problem on the spot and reports it handled. */
  'self-handle',
  /** 立案 — the shift lead files the report as a case (may correct class, location, urgency). */
  'file',
  /** 不予立案 — the shift lead declines to file, with a reason. */
  'reject',
  /** 合并 — a duplicate report joins an open case. */
  'merge',
  /** 派遣 — the command center sends a filed case to the responsible department. */
  'dispatch',
  /** 接收 — the department takes the case on; handling starts. */
  'accept',
  /** 回退 — the department asks to give the case back ("not ours"), with a reason. */
  'return',
  /** 处理反馈 — the department reports the case handled, with a note and after-photos. */
  'handle',
  /** 延期申请 — the department asks for a later handling deadline. */
  'request-extension',
  /** 挂账/缓办申请 — the department asks to suspend the case (the clock stops once approved). */
  'request-suspension',
  /** 审批通过 — the dispatcher approves the pending return, extension or suspension request. */
  'approve',
  /** 审批不通过 — the dispatcher denies the pending request, with a reason. */
  'deny',
  /** 挂账恢复 — a suspended case resumes; the handling clock restarts. */
  'resume',
  /** 核查 — a verify task to an inspector of the grid, sent by an operator. */
  'send-verify',
  /** 核查通过 — the inspector confirms the handling on site. */
  'pass',
  /** 核查不通过 — the handling is not good enough: rework (返工) by the department, with a reason. */
  'fail',
  /** 结案 — the shift lead closes the case; the closure type is recorded. */
  'close',
  /** 撤销/作废 — the shift lead voids an open case, with a reason. */
  'cancel',
  /** 重新打开 — the shift lead reopens a closed case within the configured window. */
  'reopen',
  /** 督办 — a leader or the command center escalates an open case, with a note (a flag, not a status). */
  'escalate',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/**
 * The seven stages of the closed loop (闭环), as the issue lists them: 信息收集, 立案, 派遣, 处置,
 * 反馈, 核查, 结案. The standards' own list (docs/standards.md §4.1) joins 核查结案 into one step
 * and adds 综合评价 (evaluation), which is the evaluation module's, not a case status.
 */
export const STAGES = [
  /** 信息收集 — report, registration, on-site check. */
  'collection',
  /** 立案 (案卷建立) — the filing decision. */
  'filing',
  /** 派遣 (任务派遣) — sending the case to a department. */
  'dispatch',
  /** 处置 (任务处理) — the department's handling. */
  'handling',
  /** 处理反馈 — the handling result reported back. */
  'feedback',
  /** 核查 — on-site verification of the handling. */
  'verification',
  /** 结案 — closure. */
  'closure',
] as const;
export type Stage = (typeof STAGES)[number];

/** Staff roles; the same union as the identity module's `StaffRole` (src/identity/actor.ts; restated because the web imports this file, and assigning an `Actor` to `RuleActor` makes the compiler check the two agree). Citizens are not staff. */
export type StaffRole =
  | 'admin'
  | 'supervisor'
  | 'dispatcher'
  | 'handler'
  | 'department_lead'
  | 'inspector'
  | 'leader'
  | 'window_clerk';
/** 受理员 (operator) or 值班长 (shift lead): the two positions of a supervision-center supervisor. */
export type SupervisorPosition = 'operator' | 'shift_lead';

/**
 * The caller, as far as the rules need it. The identity module's `Actor` fits this shape.
 * `regionCodes` are prefixes: a code covers every region and grid below it (src/identity/actor.ts),
 * so an inspector bound to a grid or a community is responsible for every case located inside it.
 */
export interface WorkflowActor {
  role: StaffRole;
  position?: SupervisorPosition | null;
  departmentId?: number | null;
  regionCodes?: readonly string[];
}

export type CaseId = number | string;

/** The facts of a case the rules read. The cases service loads them; the rules never query. */
export interface WorkflowCase {
  id: CaseId;
  status: CaseStatus;
  /** The unit grid (单元网格) the case is located in; region codes are its prefixes. */
  gridCode: string;
  /** The responsible department (专业部门), set by dispatch, cleared when a return is approved or on reopen. */
  departmentId: number | null;
  /** When the case was last closed; null unless closed. */
  closedAt: Date | null;
  /** The current handling deadline (处置时限), already moved by approved extensions and suspensions. */
  handlingDueAt: Date | null;
  /** Sticky: some round of handling was reported after its deadline (decides 超时结案). */
  handlingOverdue: boolean;
}

/** Settings of the workflow, validated once at start with the rest of the configuration. */
export interface WorkflowConfig {
  /** How long after closure a case may still be reopened, in natural days (24 h each). */
  reopenWindowDays: number;
}

/** A default the lead may change; the window is our choice, not a standard [I]. */
export const DEFAULT_WORKFLOW_CONFIG: WorkflowConfig = { reopenWindowDays: 30 };

export interface WorkflowContext {
  actor: WorkflowActor;
  case: WorkflowCase;
  now: Date;
  config: WorkflowConfig;
}

/** The inspector's answer to a check task (核实). */
export type CheckResult = 'confirmed' | 'not_found';

/**
 * Closure types (结案类型), eGova's archive types 1–4 (docs/standards.md §4.3): normal and overdue
 * are computed; erroneous and special are chosen by the shift lead, with a reason.
 */
export const CLOSURE_TYPES = ['normal', 'overdue', 'erroneous', 'special'] as const;
export type ClosureType = (typeof CLOSURE_TYPES)[number];
export type ExplicitClosureType = Extract<ClosureType, 'erroneous' | 'special'>;

/**
 * The inputs an action may carry, one bag for all actions; the transition table says which are
 * required. The route's schema checks the JSON shape; these rules check meaning.
 */
export interface ActionInput {
  reason?: string;
  note?: string;
  /** dispatch: the responsible department. */
  departmentId?: number;
  /** check: the on-site result. */
  checkResult?: CheckResult;
  /** handle, self-handle: stored photo ids taken after the handling. */
  afterPhotoIds?: readonly string[];
  /** request-extension: the handling deadline asked for. */
  requestedDueAt?: Date;
  /** merge: the case the duplicate joins, as the service loaded it. */
  mergeTarget?: { id: CaseId; status: CaseStatus };
  /** close: 差错/特殊结案 chosen explicitly (needs a reason); absent means computed. */
  closureType?: ExplicitClosureType;
}
export type InputField = keyof ActionInput;

/** Counters kept on a case, for evaluation (绩效评价). They only ever increase. */
export const CASE_COUNTERS = [
  'returns',
  'reworks',
  'extensions',
  'suspensions',
  'reopenings',
  'escalations',
] as const;
export type CaseCounter = (typeof CASE_COUNTERS)[number];

/**
 * Deadline clocks, each named after the step that stops it: `filing` runs from registration to the
 * filing decision, `check` during a check task, `dispatch` until dispatch, `handling` from dispatch
 * until the department's feedback, `verify` from the feedback until the inspector's result, and
 * `closing` until the shift lead closes. Limits are configuration data (docs/standards.md §4.4).
 */
export const CASE_CLOCKS = ['filing', 'check', 'dispatch', 'handling', 'verify', 'closing'] as const;
export type CaseClock = (typeof CASE_CLOCKS)[number];
/** The clocks as clerks name them, for what the server itself writes (history notes, exports). */
export const CASE_CLOCK_NAMES: Readonly<Record<CaseClock, string>> = {
  filing: '立案时限',
  check: '核实时限',
  dispatch: '派遣时限',
  handling: '处置时限',
  verify: '核查时限',
  closing: '结案时限',
};
/** `extend` moves the handling deadline to the approved request's date; `pause`/`resume` bracket a suspension. */
export type ClockOp = 'start' | 'stop' | 'pause' | 'resume' | 'extend';

/** What the service must do besides setting the new status; one history event records them all. */
export type CaseEffect =
  | { kind: 'clock'; clock: CaseClock; op: ClockOp }
  | { kind: 'stopAllClocks' }
  | { kind: 'increment'; counter: CaseCounter }
  | { kind: 'assignDepartment'; departmentId: number }
  | { kind: 'clearDepartment' }
  | { kind: 'recordCheckResult'; result: CheckResult }
  | { kind: 'linkDuplicate'; targetCaseId: CaseId }
  | { kind: 'markHandlingOverdue' }
  | { kind: 'markEscalated' }
  | { kind: 'recordClosure'; closureType: ClosureType }
  | { kind: 'clearClosure' };

/**
 * An effect as the table states it. Those that need the input or the clock are resolved by `decide`:
 * the department and check result come from the input, `markHandlingOverdueIfLate` compares `now`
 * with the handling deadline, and `recordClosure` computes the closure type.
 */
export type EffectSpec =
  | Extract<
      CaseEffect,
      { kind: 'clock' | 'stopAllClocks' | 'increment' | 'clearDepartment' | 'markEscalated' | 'clearClosure' }
    >
  | { kind: 'assignDepartment' }
  | { kind: 'recordCheckResult' }
  | { kind: 'linkDuplicate' }
  | { kind: 'markHandlingOverdueIfLate' }
  | { kind: 'recordClosure' };

/**
 * Named conditions on the context that a transition may require beyond the actor's role
 * (guards.ts holds their definitions).
 */
export const GUARD_NAMES = ['actorCoversCaseGrid', 'actorInCaseDepartment', 'withinReopenWindow'] as const;
export type GuardName = (typeof GUARD_NAMES)[number];

/** Stable error codes of a refused action, in the order the rules check them. */
export type WorkflowErrorCode =
  'CASE_ILLEGAL_ACTION' | 'CASE_FORBIDDEN_ROLE' | 'CASE_GUARD_FAILED' | 'CASE_INPUT_INVALID';

export interface InputProblem {
  field: InputField;
  reason: string;
}

export type Decision =
  | {
      ok: true;
      action: CaseAction;
      from: CaseStatus;
      /** Equal to `from` for `escalate`. */
      to: CaseStatus;
      effects: readonly CaseEffect[];
    }
  | {
      ok: false;
      code: WorkflowErrorCode;
      /** What this caller may do to this case now (the problem names them). */
      allowed: readonly CaseAction[];
      detail: string;
      failedGuards?: readonly GuardName[];
      invalidInputs?: readonly InputProblem[];
    };

/** 来源 — where a case came from; walk_in is 来访 (a resident at the supervision centre's counter). */
export const CASE_SOURCES = [
  'inspector',
  'public',
  'hotline',
  'walk_in',
  'sensor',
  'video',
  'leader',
  'other',
] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/** The sources as clerks name them, in exports and (through web/src/shared/labels.ts) on screen. */
export const CASE_SOURCE_NAMES: Readonly<Record<CaseSource, string>> = {
  inspector: '监督员上报',
  public: '公众举报',
  hotline: '12345热线',
  walk_in: '来访',
  sensor: '物联感知',
  video: '视频巡查',
  leader: '领导批示',
  other: '其他',
};

/** Who acted on a case, as a reader should see them (办理过程; built by cases/timeline.ts). */
export type TimelineActor =
  | {
      kind: 'staff';
      id: number;
      /** 姓名: the account's display name. */
      name: string | null;
      /** The role then (岗位 label in the web): inspector, supervisor, dispatcher … */
      role: string | null;
      /** 受理员 / 值班长 for supervisors. */
      position: string | null;
      /** 部门 of the account, if it belongs to one. */
      department: string | null;
    }
  | { kind: 'citizen' }
  /** A system reporting through Open311 (e.g. FixMyStreet), named as its API key was named. */
  | { kind: 'open311'; application: string | null }
  | { kind: 'system' };

/** What the system itself recorded, as facts rather than text; the web writes the sentence. */
export type TimelineDetail =
  /** 超时: a deadline clock went past its limit, by `overdueMinutes` working minutes (if known). */
  | { kind: 'deadline_overdue'; clock: CaseClock | null; overdueMinutes: number | null }
  /** 自动督办: a clock reached three times its limit and the case was escalated. */
  | { kind: 'deadline_escalation'; clock: CaseClock | null }
  /** 并入重复案卷: a duplicate report was merged into this case. */
  | { kind: 'merged_in'; caseNumber: string | null };
