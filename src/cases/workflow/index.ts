/**
 * The case workflow rules (案卷流程规则): the state machine as a table, and the pure functions the
 * cases service and routes use. The module's only door; see docs/domain/case-workflow.md.
 */
export {
  CASE_ACTIONS,
  CASE_CLOCKS,
  CASE_CLOCK_NAMES,
  CASE_COUNTERS,
  CASE_SOURCES,
  CASE_SOURCE_NAMES,
  CASE_STATUSES,
  CASE_STATUS_NAMES,
  CLOSURE_TYPES,
  DEFAULT_WORKFLOW_CONFIG,
  GUARD_NAMES,
  INITIAL_STATUS,
  OPEN_STATUSES,
  STAGES,
  TERMINAL_STATUSES,
  isOpenStatus,
  isTerminalStatus,
} from './model.js';
export type {
  ActionInput,
  CaseAction,
  CaseClock,
  CaseCounter,
  CaseEffect,
  CaseSource,
  CaseId,
  CaseStatus,
  CheckResult,
  ClockOp,
  ClosureType,
  Decision,
  EffectSpec,
  ExplicitClosureType,
  GuardName,
  InputField,
  InputProblem,
  OpenStatus,
  Stage,
  StaffRole,
  SupervisorPosition,
  TerminalStatus,
  TimelineActor,
  TimelineDetail,
  WorkflowActor,
  WorkflowCase,
  WorkflowConfig,
  WorkflowContext,
  WorkflowErrorCode,
} from './model.js';
export { GUARDS, GUARD_DESCRIPTIONS, GUARD_REFUSALS } from './guards.js';
export { TRANSITIONS, findTransition } from './transitions.js';
export type { Permit, Transition } from './transitions.js';
export { STAGE_OF_STATUS, stageOf } from './stages.js';
export { allowedActions, closureTypeFor, decide } from './rules.js';
