/**
 * The indicators (评价指标) as data: what each one divides or counts, which way is better and how
 * sure we are of it. Names are the vocabulary's (INDICATOR_NAMES); scoring.ts computes them.
 * Sources and marks ([V] seen, [P] partly seen, [I] our choice): docs/domain/evaluation.md and
 * standards.md §5.
 */
import {
  INDICATOR_NAMES,
  type EvaluationObject,
  type FactKey,
  type Indicator,
  type IndicatorKey,
  type SourceMark,
} from './vocabulary.js';

/** An indicator named from the vocabulary (fields in the order the API has always shown them). */
function indicator({ key, ...spec }: Omit<Indicator, 'key' | 'name'> & { key: IndicatorKey }): Indicator {
  return Object.freeze({ key, name: INDICATOR_NAMES[key], ...spec });
}

const rate = (
  key: IndicatorKey,
  object: EvaluationObject,
  numerator: FactKey,
  denominator: FactKey,
  better: 'higher' | 'lower',
  mark: SourceMark,
): Indicator =>
  indicator({ key, object, numerator, denominator, kind: 'rate', better, mark, base: [denominator] });

const count = (
  key: IndicatorKey,
  object: EvaluationObject,
  numerator: FactKey,
  better: 'higher' | 'lower',
  mark: SourceMark,
  base: readonly FactKey[],
): Indicator => indicator({ key, object, numerator, denominator: null, kind: 'count', better, mark, base });

/**
 * The work a count is part of [I]. A department's counts are about its handling: cases dispatched
 * to it (应处置) or handled by it in the period. A place's are about the problems found there
 * (上报). A person's are about the work of their post.
 */
const DEPARTMENT_WORK: readonly FactKey[] = ['to_handle', 'handled'];
const PLACE_WORK: readonly FactKey[] = ['reported'];
const INSPECTOR_WORK: readonly FactKey[] = ['reports', 'checks', 'verifications'];
const OPERATOR_WORK: readonly FactKey[] = ['reports', 'check_tasks_sent', 'verify_tasks_sent'];
const DISPATCHER_WORK: readonly FactKey[] = ['dispatches'];

export const INDICATORS = {
  // 部门 (专业部门)
  departmentFiled: count('department.filed', 'department', 'filed', 'lower', 'P', DEPARTMENT_WORK),
  departmentToHandle: count('department.to_handle', 'department', 'to_handle', 'lower', 'V', DEPARTMENT_WORK),
  departmentHandledOnTime: count(
    'department.handled_on_time',
    'department',
    'handled_on_time',
    'higher',
    'V',
    DEPARTMENT_WORK,
  ),
  departmentOverdue: count('department.overdue', 'department', 'overdue', 'lower', 'V', DEPARTMENT_WORK),
  departmentReturns: count('department.returns', 'department', 'returns', 'lower', 'I', DEPARTMENT_WORK),
  departmentReworks: count('department.reworks', 'department', 'reworks', 'lower', 'V', DEPARTMENT_WORK),
  departmentExtensions: count(
    'department.extensions',
    'department',
    'extensions',
    'lower',
    'V',
    DEPARTMENT_WORK,
  ),
  departmentSuspensions: count(
    'department.suspensions',
    'department',
    'suspensions',
    'lower',
    'V',
    DEPARTMENT_WORK,
  ),
  departmentCloseRate: rate('department.close_rate', 'department', 'closed', 'to_close', 'higher', 'V'),
  departmentOnTimeCloseRate: rate(
    'department.on_time_close_rate',
    'department',
    'closed_on_time',
    'to_close',
    'higher',
    'V',
  ),
  departmentReworkRate: rate('department.rework_rate', 'department', 'reworks', 'to_close', 'lower', 'V'),
  departmentOnTimeHandleRate: rate(
    'department.on_time_handle_rate',
    'department',
    'handled_on_time',
    'handled',
    'higher',
    'V',
  ),
  // 日常处置率 and 应处置按期完成率 divide the 应处置 cohort by 应处置数: each dispatch adds at
  // most one to the numerator, so they stay within 100 % (handlings of the period over dispatches
  // of the period reached 130 %: issue #11 §5). 按期处置率 is about the handlings of the period.
  departmentHandleRate: rate(
    'department.handle_rate',
    'department',
    'handled_of_due',
    'to_handle',
    'higher',
    'V',
  ),
  departmentOnTimeHandleRateOfDue: rate(
    'department.on_time_handle_rate_of_due',
    'department',
    'handled_on_time_of_due',
    'to_handle',
    'higher',
    'V',
  ),
  departmentOverdueRate: rate('department.overdue_rate', 'department', 'overdue', 'to_handle', 'lower', 'P'),
  departmentExtensionRate: rate(
    'department.extension_rate',
    'department',
    'extensions',
    'to_handle',
    'lower',
    'P',
  ),
  // 区域 (街道、社区、单元网格)
  regionFiled: count('region.filed', 'region', 'filed', 'lower', 'V', PLACE_WORK),
  regionSupervisionRate: rate(
    'region.supervision_rate',
    'region',
    'filed_by_inspector',
    'filed',
    'higher',
    'P',
  ),
  regionFiledPerGrid: indicator({
    key: 'region.filed_per_grid',
    object: 'region',
    numerator: 'filed',
    denominator: 'grids',
    kind: 'per_grid',
    better: 'lower',
    mark: 'I',
    base: PLACE_WORK,
  }),
  regionFiledPerKm2: indicator({
    key: 'region.filed_per_km2',
    object: 'region',
    numerator: 'filed',
    denominator: 'area_km2',
    kind: 'per_km2',
    better: 'lower',
    mark: 'I',
    base: PLACE_WORK,
  }),
  regionCloseRate: rate('region.close_rate', 'region', 'closed', 'to_close', 'higher', 'V'),
  regionOnTimeCloseRate: rate(
    'region.on_time_close_rate',
    'region',
    'closed_on_time',
    'to_close',
    'higher',
    'V',
  ),
  // 监督员
  inspectorReports: count('inspector.reports', 'inspector', 'reports', 'higher', 'V', INSPECTOR_WORK),
  inspectorValidReports: count(
    'inspector.valid_reports',
    'inspector',
    'valid_reports',
    'higher',
    'P',
    INSPECTOR_WORK,
  ),
  inspectorValidReportRate: rate(
    'inspector.valid_report_rate',
    'inspector',
    'valid_reports',
    'reports',
    'higher',
    'P',
  ),
  inspectorMissedReportRate: rate(
    'inspector.missed_report_rate',
    'inspector',
    'grid_filed_by_others',
    'grid_filed',
    'lower',
    'P',
  ),
  inspectorOnTimeCheckRate: rate(
    'inspector.on_time_check_rate',
    'inspector',
    'checks_on_time',
    'checks',
    'higher',
    'P',
  ),
  inspectorOnTimeVerifyRate: rate(
    'inspector.on_time_verify_rate',
    'inspector',
    'verifications_on_time',
    'verifications',
    'higher',
    'P',
  ),
  // 受理员
  operatorAccepted: count('operator.accepted', 'operator', 'reports', 'higher', 'P', OPERATOR_WORK),
  operatorCheckSendRate: rate(
    'operator.check_send_on_time_rate',
    'operator',
    'check_tasks_sent_on_time',
    'check_tasks_sent',
    'higher',
    'P',
  ),
  operatorVerifySendRate: rate(
    'operator.verify_send_on_time_rate',
    'operator',
    'verify_tasks_sent_on_time',
    'verify_tasks_sent',
    'higher',
    'P',
  ),
  // 值班长
  shiftLeadOnTimeFilingRate: rate(
    'shift_lead.on_time_filing_rate',
    'shift_lead',
    'filings_on_time',
    'filings',
    'higher',
    'P',
  ),
  shiftLeadAccurateFilingRate: rate(
    'shift_lead.accurate_filing_rate',
    'shift_lead',
    'filings_kept',
    'filings',
    'higher',
    'P',
  ),
  shiftLeadOnTimeClosingRate: rate(
    'shift_lead.on_time_closing_rate',
    'shift_lead',
    'closings_on_time',
    'closings',
    'higher',
    'P',
  ),
  // 派遣员
  dispatcherDispatches: count(
    'dispatcher.dispatches',
    'dispatcher',
    'dispatches',
    'higher',
    'V',
    DISPATCHER_WORK,
  ),
  dispatcherOnTimeRate: rate(
    'dispatcher.on_time_dispatch_rate',
    'dispatcher',
    'dispatches_on_time',
    'dispatches',
    'higher',
    'P',
  ),
  dispatcherAccurateRate: rate(
    'dispatcher.accurate_dispatch_rate',
    'dispatcher',
    'dispatches_accurate',
    'dispatches',
    'higher',
    'P',
  ),
} as const satisfies Record<string, Indicator>;

/** Every indicator by key (for stored profiles and drill-down). */
export const INDICATORS_BY_KEY: ReadonlyMap<string, Indicator> = new Map(
  Object.values(INDICATORS).map((i) => [i.key, i]),
);

/** The indicators of one object, in declaration order (the columns of its table). */
export function indicatorsOf(object: EvaluationObject): Indicator[] {
  return Object.values(INDICATORS).filter((i) => i.object === object);
}
