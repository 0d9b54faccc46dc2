/**
 * The evaluation registry (综合评价): indicators, scoring functions and weighted profiles, declared
 * as data and computed by pure functions. No database, no clock. Sources and marks ([V] seen,
 * [P] partly seen, [I] our choice) are in docs/domain/evaluation.md and standards.md §5.
 */

import { ACTOR_FACTS, CASE_FACTS } from './contributions.js';

/**
 * Base counts of one subject over a period: the rolled-up case and actor facts
 * (contributions.ts) and a few derived at read time (facts.ts): the region's unit grids and area,
 * the filings in an inspector's grids, and the kept filings and accurate dispatches.
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
export type Facts = Record<FactKey, number>;

/** Fills in the facts derived from others: 准确立案 (filings not voided) and 准确派遣 (1 − undone). */
export function deriveFacts(facts: Facts): Facts {
  facts.filings_kept = facts.filings - facts.filings_voided;
  facts.dispatches_accurate = Math.max(0, facts.dispatches - facts.dispatches_undone);
  return facts;
}

export const EVALUATION_OBJECTS = [
  'department',
  'region',
  'inspector',
  'operator',
  'shift_lead',
  'dispatcher',
] as const;
/** 评价对象 [V]: 部门, 区域, 岗位 (监督员, 受理员, 值班长, 派遣员). */
export type EvaluationObject = (typeof EVALUATION_OBJECTS)[number];

export interface Indicator {
  key: string;
  /** Chinese name as used in the sources. */
  name: string;
  object: EvaluationObject;
  numerator: FactKey;
  /** null for a plain count. */
  denominator: FactKey | null;
  /** rate = numerator / denominator; count = numerator; per_km2 / per_grid = numerator per unit. */
  kind: 'rate' | 'count' | 'per_km2' | 'per_grid';
  /**
   * The activity the indicator measures: when every one of these facts and the numerator are zero,
   * the subject did nothing it could be judged on and the indicator has no value. A rate's base is
   * its denominator; a count's is the work it is part of (a department's handling, a place's reports).
   */
  base: readonly FactKey[];
  better: 'higher' | 'lower';
  mark: 'V' | 'P' | 'I';
}

/** One tier: the score of values within the bound (≤ max for at_most, ≥ min for at_least). */
export interface Tier {
  bound: number;
  score: number;
}

export type Scoring =
  { kind: 'linear' } | { kind: 'tiered'; direction: 'at_most' | 'at_least'; tiers: readonly Tier[] };

export interface ProfileItem {
  indicator: Indicator;
  weight: number;
  scoring: Scoring;
}

export interface Profile {
  key: string;
  name: string;
  object: EvaluationObject;
  mark: 'V' | 'P' | 'I';
  /** Where it comes from: the national default, or a city's own. */
  origin: 'national' | 'city';
  items: readonly ProfileItem[];
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'E';

// ── Scoring ────────────────────────────────────────────────────────────────────────────────

/** The steps that recur in every tier table of §5.2 [V]. */
export const SCORE_STEPS = [100, 90, 75, 60, 40, 0] as const;

/** 部门 立案数分值 [P]: ≤50→100, ≤100→90, ≤200→75, ≤500→60, ≤1000→40, else 0. */
export const DEPARTMENT_FILED_TIERS: readonly Tier[] = [
  { bound: 50, score: 100 },
  { bound: 100, score: 90 },
  { bound: 200, score: 75 },
  { bound: 500, score: 60 },
  { bound: 1000, score: 40 },
  { bound: Infinity, score: 0 },
];

/** 区域 立案数分值, 一类区域 [P]: 0→100, 1–2→90, 3–4→75, 5–6→60, 7–8→40, ≥9→0. */
export const REGION_CLASS1_FILED_TIERS: readonly Tier[] = [
  { bound: 0, score: 100 },
  { bound: 2, score: 90 },
  { bound: 4, score: 75 },
  { bound: 6, score: 60 },
  { bound: 8, score: 40 },
  { bound: Infinity, score: 0 },
];

/** 区域 立案数分值, 二类区域 [P]: 0→100, 1–3→90, 4–5→75, 6–7→60, 8–9→40, ≥10→0. */
export const REGION_CLASS2_FILED_TIERS: readonly Tier[] = [
  { bound: 0, score: 100 },
  { bound: 3, score: 90 },
  { bound: 5, score: 75 },
  { bound: 7, score: 60 },
  { bound: 9, score: 40 },
  { bound: Infinity, score: 0 },
];

/** 受理员 受理数分值 [P]: ≥2001→100, 1201–2000→90, 501–1200→75, 301–500→60, 101–300→40, ≤100→0. */
export const OPERATOR_ACCEPTED_TIERS: readonly Tier[] = [
  { bound: 2001, score: 100 },
  { bound: 1201, score: 90 },
  { bound: 501, score: 75 },
  { bound: 301, score: 60 },
  { bound: 101, score: 40 },
  { bound: -Infinity, score: 0 },
];

/**
 * The indicator's value from facts, or null when there is nothing to judge: no activity (the
 * numerator and every base fact zero — a count of 0 overdue rounds means nothing for a department
 * that handled nothing), or a zero denominator.
 */
export function indicatorValue(indicator: Indicator, facts: Facts): number | null {
  const numerator = facts[indicator.numerator];
  if (numerator === 0 && indicator.base.every((fact) => facts[fact] === 0)) return null;
  if (indicator.denominator === null) return numerator;
  const denominator = facts[indicator.denominator];
  if (denominator === 0) return null;
  return numerator / denominator;
}

/** linear: 100 × rate (higher better) or 100 × (1 − rate) (lower better), clamped to 0–100. */
export function scoreLinear(rate: number, better: 'higher' | 'lower'): number {
  const clamped = Math.min(1, Math.max(0, rate));
  return 100 * (better === 'higher' ? clamped : 1 - clamped);
}

/** tiered: the first tier whose bound the value meets (at_most: value ≤ bound; at_least: value ≥ bound). */
export function scoreTiered(
  value: number,
  direction: 'at_most' | 'at_least',
  tiers: readonly Tier[],
): number {
  for (const tier of tiers) {
    if (direction === 'at_most' ? value <= tier.bound : value >= tier.bound) return tier.score;
  }
  return 0;
}

export function score(scoring: Scoring, value: number, better: 'higher' | 'lower'): number {
  return scoring.kind === 'linear'
    ? scoreLinear(value, better)
    : scoreTiered(value, scoring.direction, scoring.tiers);
}

/** A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E < 40 [V]. */
export function gradeOf(composite: number): Grade {
  if (composite >= 90) return 'A';
  if (composite >= 75) return 'B';
  if (composite >= 60) return 'C';
  if (composite >= 40) return 'D';
  return 'E';
}

/** Rounds to two decimals (scores are shown and graded at this precision). */
export function round2(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

export interface ItemResult {
  indicator: string;
  name: string;
  value: number | null;
  score: number | null;
  weight: number;
  /** score × weight / (sum of the weights of the items with a value). */
  weightedScore: number | null;
}

export interface ProfileResult {
  items: ItemResult[];
  composite: number | null;
  grade: Grade | null;
}

/**
 * Scores one subject's facts with a profile. An item without a value (no activity it measures, or
 * a zero denominator) has no score; the remaining weights are scaled up to 100 [I]. No item with a
 * value → no composite and no grade (无数据), never a full score for doing nothing.
 */
export function applyProfile(profile: Profile, facts: Facts): ProfileResult {
  const raw = profile.items.map((item) => {
    const value = indicatorValue(item.indicator, facts);
    return {
      item,
      value,
      score: value === null ? null : score(item.scoring, value, item.indicator.better),
    };
  });
  const present = raw.reduce((sum, r) => sum + (r.score === null ? 0 : r.item.weight), 0);
  const items: ItemResult[] = raw.map((r) => ({
    indicator: r.item.indicator.key,
    name: r.item.indicator.name,
    value: r.value,
    score: r.score,
    weight: r.item.weight,
    weightedScore: r.score === null ? null : (r.score * r.item.weight) / present,
  }));
  if (present === 0) return { items, composite: null, grade: null };
  const composite = round2(items.reduce((sum, i) => sum + (i.weightedScore ?? 0), 0));
  return { items, composite, grade: gradeOf(composite) };
}

/** Throws when a profile is malformed: weights not summing to 100, a foreign object, a duplicate. */
export function validateProfile(profile: Profile): void {
  const total = profile.items.reduce((sum, i) => sum + i.weight, 0);
  if (Math.abs(total - 100) > 1e-9)
    throw new Error(`profile ${profile.key}: weights sum to ${total}, not 100`);
  const seen = new Set<string>();
  for (const item of profile.items) {
    if (item.weight <= 0) throw new Error(`profile ${profile.key}: ${item.indicator.key} has weight ≤ 0`);
    if (item.indicator.object !== profile.object)
      throw new Error(`profile ${profile.key}: ${item.indicator.key} evaluates ${item.indicator.object}`);
    if (seen.has(item.indicator.key)) throw new Error(`profile ${profile.key}: ${item.indicator.key} twice`);
    seen.add(item.indicator.key);
    if (item.scoring.kind === 'tiered') {
      const { direction, tiers } = item.scoring;
      const ordered = tiers.every((tier, i) => {
        const previous = tiers[i - 1];
        if (!previous) return true;
        return direction === 'at_most' ? tier.bound > previous.bound : tier.bound < previous.bound;
      });
      if (!ordered) throw new Error(`profile ${profile.key}: ${item.indicator.key} tiers out of order`);
    }
  }
}

// ── Indicators ─────────────────────────────────────────────────────────────────────────────

function indicator(spec: Indicator): Indicator {
  return Object.freeze(spec);
}

const rate = (
  key: string,
  name: string,
  object: EvaluationObject,
  numerator: FactKey,
  denominator: FactKey,
  better: 'higher' | 'lower',
  mark: Indicator['mark'],
): Indicator =>
  indicator({ key, name, object, numerator, denominator, kind: 'rate', better, mark, base: [denominator] });

const count = (
  key: string,
  name: string,
  object: EvaluationObject,
  numerator: FactKey,
  better: 'higher' | 'lower',
  mark: Indicator['mark'],
  base: readonly FactKey[],
): Indicator =>
  indicator({ key, name, object, numerator, denominator: null, kind: 'count', better, mark, base });

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
  departmentFiled: count('department.filed', '立案数', 'department', 'filed', 'lower', 'P', DEPARTMENT_WORK),
  departmentToHandle: count(
    'department.to_handle',
    '应处置数',
    'department',
    'to_handle',
    'lower',
    'V',
    DEPARTMENT_WORK,
  ),
  departmentHandledOnTime: count(
    'department.handled_on_time',
    '按期处置数',
    'department',
    'handled_on_time',
    'higher',
    'V',
    DEPARTMENT_WORK,
  ),
  departmentOverdue: count(
    'department.overdue',
    '超期数',
    'department',
    'overdue',
    'lower',
    'V',
    DEPARTMENT_WORK,
  ),
  departmentReturns: count(
    'department.returns',
    '回退数',
    'department',
    'returns',
    'lower',
    'I',
    DEPARTMENT_WORK,
  ),
  departmentReworks: count(
    'department.reworks',
    '返工数',
    'department',
    'reworks',
    'lower',
    'V',
    DEPARTMENT_WORK,
  ),
  departmentExtensions: count(
    'department.extensions',
    '延期数',
    'department',
    'extensions',
    'lower',
    'V',
    DEPARTMENT_WORK,
  ),
  departmentSuspensions: count(
    'department.suspensions',
    '挂账数',
    'department',
    'suspensions',
    'lower',
    'V',
    DEPARTMENT_WORK,
  ),
  departmentCloseRate: rate(
    'department.close_rate',
    '结案率',
    'department',
    'closed',
    'to_close',
    'higher',
    'V',
  ),
  departmentOnTimeCloseRate: rate(
    'department.on_time_close_rate',
    '按期结案率',
    'department',
    'closed_on_time',
    'to_close',
    'higher',
    'V',
  ),
  departmentReworkRate: rate(
    'department.rework_rate',
    '返工率',
    'department',
    'reworks',
    'to_close',
    'lower',
    'V',
  ),
  departmentOnTimeHandleRate: rate(
    'department.on_time_handle_rate',
    '按期处置率',
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
    '日常处置率',
    'department',
    'handled_of_due',
    'to_handle',
    'higher',
    'V',
  ),
  departmentOnTimeHandleRateOfDue: rate(
    'department.on_time_handle_rate_of_due',
    '应处置按期完成率',
    'department',
    'handled_on_time_of_due',
    'to_handle',
    'higher',
    'V',
  ),
  departmentOverdueRate: rate(
    'department.overdue_rate',
    '超期待处置率',
    'department',
    'overdue',
    'to_handle',
    'lower',
    'P',
  ),
  departmentExtensionRate: rate(
    'department.extension_rate',
    '延期率',
    'department',
    'extensions',
    'to_handle',
    'lower',
    'P',
  ),
  // 区域 (街道、社区、单元网格)
  regionFiled: count('region.filed', '立案数', 'region', 'filed', 'lower', 'V', PLACE_WORK),
  regionSupervisionRate: rate(
    'region.supervision_rate',
    '监督举报率',
    'region',
    'filed_by_inspector',
    'filed',
    'higher',
    'P',
  ),
  regionFiledPerGrid: indicator({
    key: 'region.filed_per_grid',
    name: '立案数（每单元网格）',
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
    name: '立案数（每平方公里）',
    object: 'region',
    numerator: 'filed',
    denominator: 'area_km2',
    kind: 'per_km2',
    better: 'lower',
    mark: 'I',
    base: PLACE_WORK,
  }),
  regionCloseRate: rate('region.close_rate', '结案率', 'region', 'closed', 'to_close', 'higher', 'V'),
  regionOnTimeCloseRate: rate(
    'region.on_time_close_rate',
    '按期结案率',
    'region',
    'closed_on_time',
    'to_close',
    'higher',
    'V',
  ),
  // 监督员
  inspectorReports: count(
    'inspector.reports',
    '上报数',
    'inspector',
    'reports',
    'higher',
    'V',
    INSPECTOR_WORK,
  ),
  inspectorValidReports: count(
    'inspector.valid_reports',
    '有效上报数',
    'inspector',
    'valid_reports',
    'higher',
    'P',
    INSPECTOR_WORK,
  ),
  inspectorValidReportRate: rate(
    'inspector.valid_report_rate',
    '有效上报率',
    'inspector',
    'valid_reports',
    'reports',
    'higher',
    'P',
  ),
  inspectorMissedReportRate: rate(
    'inspector.missed_report_rate',
    '漏报率',
    'inspector',
    'grid_filed_by_others',
    'grid_filed',
    'lower',
    'P',
  ),
  inspectorOnTimeCheckRate: rate(
    'inspector.on_time_check_rate',
    '按时核实率',
    'inspector',
    'checks_on_time',
    'checks',
    'higher',
    'P',
  ),
  inspectorOnTimeVerifyRate: rate(
    'inspector.on_time_verify_rate',
    '按时核查率',
    'inspector',
    'verifications_on_time',
    'verifications',
    'higher',
    'P',
  ),
  // 受理员
  operatorAccepted: count('operator.accepted', '受理数', 'operator', 'reports', 'higher', 'P', OPERATOR_WORK),
  operatorCheckSendRate: rate(
    'operator.check_send_on_time_rate',
    '核实按时派发率',
    'operator',
    'check_tasks_sent_on_time',
    'check_tasks_sent',
    'higher',
    'P',
  ),
  operatorVerifySendRate: rate(
    'operator.verify_send_on_time_rate',
    '核查按时派发率',
    'operator',
    'verify_tasks_sent_on_time',
    'verify_tasks_sent',
    'higher',
    'P',
  ),
  // 值班长
  shiftLeadOnTimeFilingRate: rate(
    'shift_lead.on_time_filing_rate',
    '按时立案率',
    'shift_lead',
    'filings_on_time',
    'filings',
    'higher',
    'P',
  ),
  shiftLeadAccurateFilingRate: rate(
    'shift_lead.accurate_filing_rate',
    '准确立案率',
    'shift_lead',
    'filings_kept',
    'filings',
    'higher',
    'P',
  ),
  shiftLeadOnTimeClosingRate: rate(
    'shift_lead.on_time_closing_rate',
    '按时结案率',
    'shift_lead',
    'closings_on_time',
    'closings',
    'higher',
    'P',
  ),
  // 派遣员
  dispatcherDispatches: count(
    'dispatcher.dispatches',
    '派遣数',
    'dispatcher',
    'dispatches',
    'higher',
    'V',
    DISPATCHER_WORK,
  ),
  dispatcherOnTimeRate: rate(
    'dispatcher.on_time_dispatch_rate',
    '按时派遣率',
    'dispatcher',
    'dispatches_on_time',
    'dispatches',
    'higher',
    'P',
  ),
  dispatcherAccurateRate: rate(
    'dispatcher.accurate_dispatch_rate',
    '准确派遣率',
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

// ── Profiles ───────────────────────────────────────────────────────────────────────────────

const LINEAR: Scoring = { kind: 'linear' };

/** 部门 [P] (Unicom DeptEvaluateService): 立案数分值×10% + 结案率×30% + 按期结案率×30% + (1−返工率)×30%. */
export const DEPARTMENT_PROFILE: Profile = {
  key: 'department-unicom',
  name: '专业部门综合评价（国家标准默认，依联通 城市综合管理服务平台）',
  object: 'department',
  mark: 'P',
  origin: 'national',
  items: [
    {
      indicator: INDICATORS.departmentFiled,
      weight: 10,
      scoring: { kind: 'tiered', direction: 'at_most', tiers: DEPARTMENT_FILED_TIERS },
    },
    { indicator: INDICATORS.departmentCloseRate, weight: 30, scoring: LINEAR },
    { indicator: INDICATORS.departmentOnTimeCloseRate, weight: 30, scoring: LINEAR },
    { indicator: INDICATORS.departmentReworkRate, weight: 30, scoring: LINEAR },
  ],
};

/**
 * 成都金牛区 数字城管体征 [V] (standards §5.3), a city's own: 日常处置率×30 + 按期处置率×20 +
 * (1−返工率)×20 + (1−超期待处置率)×20 + (1−延期率)×10. Its 按期处置率 is our 应处置按期完成率; it
 * and the two lower-better rates are over 应处置数 as there; 超期待处置率 uses our 超期数 (rounds
 * gone overdue) [I].
 */
export const DEPARTMENT_JINNIU_PROFILE: Profile = {
  key: 'department-chengdu-jinniu',
  name: '专业部门体征评价（成都金牛区）',
  object: 'department',
  mark: 'P',
  origin: 'city',
  items: [
    { indicator: INDICATORS.departmentHandleRate, weight: 30, scoring: LINEAR },
    { indicator: INDICATORS.departmentOnTimeHandleRateOfDue, weight: 20, scoring: LINEAR },
    { indicator: INDICATORS.departmentReworkRate, weight: 20, scoring: LINEAR },
    { indicator: INDICATORS.departmentOverdueRate, weight: 20, scoring: LINEAR },
    { indicator: INDICATORS.departmentExtensionRate, weight: 10, scoring: LINEAR },
  ],
};

/**
 * 区域 [P]+[I]: 监督举报率×10% + 立案数分值×20% + 结案率×30% + 按期结案率×40%. The source code weighs
 * 按期结案率 at 10 % so its weights sum to 70 %; we take 40 % [I] (the only single change that sums
 * to 100). 结案率 is scored as the rate, not 100 − rate as the code does [I]. 立案数 is per unit
 * grid, scored with the 一类区域 table [I].
 */
export const REGION_PROFILE: Profile = {
  key: 'region-unicom',
  name: '区域综合评价（国家标准默认，依联通 城市综合管理服务平台，权重修正）',
  object: 'region',
  mark: 'I',
  origin: 'national',
  items: [
    { indicator: INDICATORS.regionSupervisionRate, weight: 10, scoring: LINEAR },
    {
      indicator: INDICATORS.regionFiledPerGrid,
      weight: 20,
      scoring: { kind: 'tiered', direction: 'at_most', tiers: REGION_CLASS1_FILED_TIERS },
    },
    { indicator: INDICATORS.regionCloseRate, weight: 30, scoring: LINEAR },
    { indicator: INDICATORS.regionOnTimeCloseRate, weight: 40, scoring: LINEAR },
  ],
};

/** 监督员 [P]: 有效上报率×40% + 漏报率分值×20% + 按时核实率×20% + 按时核查率×20% (PositionService). */
export const INSPECTOR_PROFILE: Profile = {
  key: 'inspector-unicom',
  name: '监督员岗位评价（国家标准默认，依联通 城市综合管理服务平台）',
  object: 'inspector',
  mark: 'P',
  origin: 'national',
  items: [
    { indicator: INDICATORS.inspectorValidReportRate, weight: 40, scoring: LINEAR },
    { indicator: INDICATORS.inspectorMissedReportRate, weight: 20, scoring: LINEAR },
    { indicator: INDICATORS.inspectorOnTimeCheckRate, weight: 20, scoring: LINEAR },
    { indicator: INDICATORS.inspectorOnTimeVerifyRate, weight: 20, scoring: LINEAR },
  ],
};

/** 受理员 [P]: 受理数分值×25% + 核实按时派发率×40% + 核查按时派发率×35% (the code's doubled 核实 term fixed). */
export const OPERATOR_PROFILE: Profile = {
  key: 'operator-unicom',
  name: '受理员岗位评价（国家标准默认，依联通 城市综合管理服务平台）',
  object: 'operator',
  mark: 'P',
  origin: 'national',
  items: [
    {
      indicator: INDICATORS.operatorAccepted,
      weight: 25,
      scoring: { kind: 'tiered', direction: 'at_least', tiers: OPERATOR_ACCEPTED_TIERS },
    },
    { indicator: INDICATORS.operatorCheckSendRate, weight: 40, scoring: LINEAR },
    { indicator: INDICATORS.operatorVerifySendRate, weight: 35, scoring: LINEAR },
  ],
};

/** 值班长 [P]: 按时立案率×25% + 准确立案率×40% + 按时结案率×35% (the SQL's first-term slip fixed). */
export const SHIFT_LEAD_PROFILE: Profile = {
  key: 'shift-lead-unicom',
  name: '值班长岗位评价（国家标准默认，依联通 城市综合管理服务平台）',
  object: 'shift_lead',
  mark: 'P',
  origin: 'national',
  items: [
    { indicator: INDICATORS.shiftLeadOnTimeFilingRate, weight: 25, scoring: LINEAR },
    { indicator: INDICATORS.shiftLeadAccurateFilingRate, weight: 40, scoring: LINEAR },
    { indicator: INDICATORS.shiftLeadOnTimeClosingRate, weight: 35, scoring: LINEAR },
  ],
};

/**
 * 派遣员 [P]+[I]: the source weighs 派遣数分值 20 %, 按时派遣率 40 %, 准确派遣率 40 %, but its 派遣数
 * tiers are not known (the SQL adds the raw count); we weigh the two rates 50/50 [I].
 */
export const DISPATCHER_PROFILE: Profile = {
  key: 'dispatcher-unicom',
  name: '派遣员岗位评价（国家标准默认，依联通 城市综合管理服务平台，权重修正）',
  object: 'dispatcher',
  mark: 'I',
  origin: 'national',
  items: [
    { indicator: INDICATORS.dispatcherOnTimeRate, weight: 50, scoring: LINEAR },
    { indicator: INDICATORS.dispatcherAccurateRate, weight: 50, scoring: LINEAR },
  ],
};

export const PROFILES: Readonly<Record<string, Profile>> = Object.freeze(
  Object.fromEntries(
    [
      DEPARTMENT_PROFILE,
      DEPARTMENT_JINNIU_PROFILE,
      REGION_PROFILE,
      INSPECTOR_PROFILE,
      OPERATOR_PROFILE,
      SHIFT_LEAD_PROFILE,
      DISPATCHER_PROFILE,
    ].map((p) => [p.key, p]),
  ),
);

/** The default profile of each object: the national one. */
export const DEFAULT_PROFILES: Readonly<Record<EvaluationObject, Profile>> = Object.freeze({
  department: DEPARTMENT_PROFILE,
  region: REGION_PROFILE,
  inspector: INSPECTOR_PROFILE,
  operator: OPERATOR_PROFILE,
  shift_lead: SHIFT_LEAD_PROFILE,
  dispatcher: DISPATCHER_PROFILE,
});

for (const profile of Object.values(PROFILES)) validateProfile(profile);

/** Chinese column headers of the base counts (exports). */
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
