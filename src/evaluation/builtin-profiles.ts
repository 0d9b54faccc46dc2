/**
 * The built-in evaluation profiles (评价方案) as data: the national defaults per object and a city's
 * own, with the tier tables they score counts by. An administrator may add or override profiles
 * (profiles.ts); every one is validated like these. Sources and marks ([V] seen, [P] partly seen,
 * [I] our choice): docs/domain/evaluation.md and standards.md §5.
 */
import { INDICATORS } from './indicators.js';
import { validateProfile, type Profile, type Scoring, type Tier } from './scoring.js';
import type { EvaluationObject } from './vocabulary.js';

// ── Tier tables ────────────────────────────────────────────────────────────────────────────

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
