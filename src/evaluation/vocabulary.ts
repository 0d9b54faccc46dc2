/**
 * The vocabulary of evaluation (绩效评价): the base counts, who is evaluated, the indicators' ids
 * and names, comparisons and grades. Pure types and constants; no I/O — the web app imports this
 * file too (eslint.config.js, web/build.ts). Definitions and sources: docs/domain/evaluation.md.
 */

// ── Base counts (基础数据) ─────────────────────────────────────────────────────────────────────

/** Case facts, by place × class × department × local day (table eval_case_rollups). */
export const CASE_FACTS = [
  'reported',
  'self_handled',
  'filed',
  'filed_by_inspector',
  'filed_by_others',
  'to_close',
  'closed',
  'closed_on_time',
  'to_handle',
  'handled',
  'handled_on_time',
  'handled_late',
  'handled_of_due',
  'handled_on_time_of_due',
  'overdue',
  'returns',
  'reworks',
  'extensions',
  'suspensions',
] as const;
export type CaseFact = (typeof CASE_FACTS)[number];

/** Facts of people, by actor × local day (table eval_actor_rollups). */
export const ACTOR_FACTS = [
  'reports',
  'valid_reports',
  'checks',
  'checks_on_time',
  'verifications',
  'verifications_on_time',
  'check_tasks_sent',
  'check_tasks_sent_on_time',
  'verify_tasks_sent',
  'verify_tasks_sent_on_time',
  'filings',
  'filings_on_time',
  'filings_voided',
  'closings',
  'closings_on_time',
  'dispatches',
  'dispatches_on_time',
  'dispatches_undone',
] as const;
export type ActorFact = (typeof ACTOR_FACTS)[number];

/**
 * Base counts of one subject over a period: the rolled-up case and actor facts and a few derived
 * at read time: the region's unit grids and area, the filings in an inspector's grids, and the
 * kept filings and accurate dispatches.
 */
export const FACT_KEYS = [
  ...CASE_FACTS,
  ...ACTOR_FACTS,
  'grids',
  'area_km2',
  'grid_filed',
  'grid_filed_by_others',
  'filings_kept',
  'dispatches_accurate',
] as const;
export type FactKey = (typeof FACT_KEYS)[number];

/** Chinese names of the base counts (column headers of tables and exports). */
export const FACT_LABELS: Readonly<Record<FactKey, string>> = Object.freeze({
  reported: '上报数',
  self_handled: '自处置数',
  filed: '立案数',
  filed_by_inspector: '监督员立案数',
  filed_by_others: '其他渠道立案数',
  to_close: '应结案数',
  closed: '结案数',
  closed_on_time: '按期结案数',
  to_handle: '应处置数',
  handled: '处置数',
  handled_on_time: '按期处置数',
  handled_late: '超期处置数',
  handled_of_due: '应处置已处置数',
  handled_on_time_of_due: '应处置按期处置数',
  overdue: '超期数',
  returns: '回退数',
  reworks: '返工数',
  extensions: '延期数',
  suspensions: '挂账数',
  reports: '上报数',
  valid_reports: '有效上报数',
  checks: '核实数',
  checks_on_time: '按时核实数',
  verifications: '核查数',
  verifications_on_time: '按时核查数',
  check_tasks_sent: '发核实数',
  check_tasks_sent_on_time: '按时发核实数',
  verify_tasks_sent: '发核查数',
  verify_tasks_sent_on_time: '按时发核查数',
  filings: '立案数',
  filings_on_time: '按时立案数',
  filings_voided: '作废数',
  closings: '结案数',
  closings_on_time: '按时结案数',
  dispatches: '派遣数',
  dispatches_on_time: '按时派遣数',
  dispatches_undone: '回退及返工数',
  grids: '单元网格数',
  area_km2: '面积（平方公里）',
  grid_filed: '责任网格立案数',
  grid_filed_by_others: '漏报数',
  filings_kept: '准确立案数',
  dispatches_accurate: '准确派遣数',
});

// ── Who is evaluated ─────────────────────────────────────────────────────────────────────────

/** 评价对象 [V]: 部门, 区域, 岗位 (监督员, 受理员, 值班长, 派遣员): what a profile evaluates. */
export const EVALUATION_OBJECTS = [
  'department',
  'region',
  'inspector',
  'operator',
  'shift_lead',
  'dispatcher',
] as const;
export type EvaluationObject = (typeof EVALUATION_OBJECTS)[number];

/** The levels of places evaluated (and rolled up): street, community, unit grid. */
export const REGION_KINDS = ['street', 'community', 'grid'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];

/** The four posts (岗位) whose people are evaluated. */
export const PERSON_KINDS = ['inspector', 'operator', 'shift_lead', 'dispatcher'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/** Who is evaluated and ranked: departments, places of a level, or people in one post. */
export const SUBJECT_KINDS = ['department', ...REGION_KINDS, ...PERSON_KINDS] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** Chinese names of the subject kinds (titles of tables and exports). */
export const SUBJECT_KIND_NAMES: Readonly<Record<SubjectKind, string>> = Object.freeze({
  department: '专业部门',
  street: '街道',
  community: '社区',
  grid: '单元网格',
  inspector: '监督员',
  operator: '受理员',
  shift_lead: '值班长',
  dispatcher: '派遣员',
});

export function isRegionKind(kind: SubjectKind): kind is RegionKind {
  return kind === 'street' || kind === 'community' || kind === 'grid';
}

export function isPersonKind(kind: SubjectKind): kind is PersonKind {
  return kind === 'inspector' || kind === 'operator' || kind === 'shift_lead' || kind === 'dispatcher';
}

/** The object whose profiles evaluate a kind of subject: every level of place is a region. */
export function profileObjectOf(kind: SubjectKind): EvaluationObject {
  if (kind === 'department') return 'department';
  if (isRegionKind(kind)) return 'region';
  return kind;
}

// ── Indicators (指标) ──────────────────────────────────────────────────────────────────────────

/** rate = numerator / denominator; count = numerator; per_km2 / per_grid = numerator per unit. */
export type IndicatorKind = 'rate' | 'count' | 'per_km2' | 'per_grid';

/** How sure we are of a definition: [V] seen in a source, [P] partly seen, [I] our choice. */
export type SourceMark = 'V' | 'P' | 'I';

/** The ids of the indicators and their Chinese names as the sources use them (indicators.ts defines each). */
export const INDICATOR_NAMES = {
  // 部门 (专业部门)
  'department.filed': '立案数',
  'department.to_handle': '应处置数',
  'department.handled_on_time': '按期处置数',
  'department.overdue': '超期数',
  'department.returns': '回退数',
  'department.reworks': '返工数',
  'department.extensions': '延期数',
  'department.suspensions': '挂账数',
  'department.close_rate': '结案率',
  'department.on_time_close_rate': '按期结案率',
  'department.rework_rate': '返工率',
  'department.on_time_handle_rate': '按期处置率',
  'department.handle_rate': '日常处置率',
  'department.on_time_handle_rate_of_due': '应处置按期完成率',
  'department.overdue_rate': '超期待处置率',
  'department.extension_rate': '延期率',
  // 区域 (街道、社区、单元网格)
  'region.filed': '立案数',
  'region.supervision_rate': '监督举报率',
  'region.filed_per_grid': '立案数（每单元网格）',
  'region.filed_per_km2': '立案数（每平方公里）',
  'region.close_rate': '结案率',
  'region.on_time_close_rate': '按期结案率',
  // 监督员
  'inspector.reports': '上报数',
  'inspector.valid_reports': '有效上报数',
  'inspector.valid_report_rate': '有效上报率',
  'inspector.missed_report_rate': '漏报率',
  'inspector.on_time_check_rate': '按时核实率',
  'inspector.on_time_verify_rate': '按时核查率',
  // 受理员
  'operator.accepted': '受理数',
  'operator.check_send_on_time_rate': '核实按时派发率',
  'operator.verify_send_on_time_rate': '核查按时派发率',
  // 值班长
  'shift_lead.on_time_filing_rate': '按时立案率',
  'shift_lead.accurate_filing_rate': '准确立案率',
  'shift_lead.on_time_closing_rate': '按时结案率',
  // 派遣员
  'dispatcher.dispatches': '派遣数',
  'dispatcher.on_time_dispatch_rate': '按时派遣率',
  'dispatcher.accurate_dispatch_rate': '准确派遣率',
} as const satisfies Record<string, string>;
export type IndicatorKey = keyof typeof INDICATOR_NAMES;

export interface Indicator {
  key: string;
  /** Chinese name as used in the sources. */
  name: string;
  object: EvaluationObject;
  numerator: FactKey;
  /** null for a plain count. */
  denominator: FactKey | null;
  kind: IndicatorKind;
  /**
   * The activity the indicator measures: when every one of these facts and the numerator are zero,
   * the subject did nothing it could be judged on and the indicator has no value. A rate's base is
   * its denominator; a count's is the work it is part of (a department's handling, a place's reports).
   */
  base: readonly FactKey[];
  better: 'higher' | 'lower';
  mark: SourceMark;
}

// ── Comparisons and grades ───────────────────────────────────────────────────────────────────

/** 环比 (the previous month) and 同比 (the same period a year before). */
export const COMPARISONS = ['mom', 'yoy'] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type Grade = (typeof GRADES)[number];

/** The lowest composite of each grade [V]: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E below. */
export const GRADE_BANDS: ReadonlyArray<{ grade: Grade; min: number }> = Object.freeze([
  { grade: 'A', min: 90 },
  { grade: 'B', min: 75 },
  { grade: 'C', min: 60 },
  { grade: 'D', min: 40 },
  { grade: 'E', min: -Infinity },
]);
