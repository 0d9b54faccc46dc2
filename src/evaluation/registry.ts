/**
 * The evaluation registry (综合评价): indicators, scoring functions and weighted profiles, declared
 * as data and computed by pure functions. No database, no clock. Sources and marks ([V] seen,
 * [P] partly seen, [I] our choice) are in docs/domain/evaluation.md and standards.md §5.
 */

/** Base counts computed over the case history for one subject and period (see facts.ts). */
export const FACT_KEYS = [
  'reported',
  'filed',
  'filed_by_inspector',
  'to_handle',
  'handled',
  'handled_on_time',
  'handled_late',
  'overdue_open',
  'returns',
  'reworks',
  'extensions',
  'suspensions',
  'to_close',
  'closed',
  'closed_on_time',
  'grids',
] as const;
export type FactKey = (typeof FACT_KEYS)[number];
export type Facts = Record<FactKey, number>;

export type EvaluationObject =
  'department' | 'region' | 'inspector' | 'dispatcher' | 'shift_lead' | 'operator';

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

/** The indicator's value from facts: null when the denominator is zero (nothing to measure). */
export function indicatorValue(indicator: Indicator, facts: Facts): number | null {
  const numerator = facts[indicator.numerator];
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
 * Scores one subject's facts with a profile. An item whose rate has a zero denominator has no
 * value and no score; the remaining weights are scaled up to 100 [I]. No item with a value → no
 * composite and no grade.
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

export const INDICATORS = {
  departmentFiled: indicator({
    key: 'department.filed',
    name: '立案数',
    object: 'department',
    numerator: 'filed',
    denominator: null,
    kind: 'count',
    better: 'lower',
    mark: 'P',
  }),
  departmentCloseRate: indicator({
    key: 'department.close_rate',
    name: '结案率',
    object: 'department',
    numerator: 'closed',
    denominator: 'to_close',
    kind: 'rate',
    better: 'higher',
    mark: 'V',
  }),
  departmentOnTimeCloseRate: indicator({
    key: 'department.on_time_close_rate',
    name: '按期结案率',
    object: 'department',
    numerator: 'closed_on_time',
    denominator: 'to_close',
    kind: 'rate',
    better: 'higher',
    mark: 'V',
  }),
  departmentReworkRate: indicator({
    key: 'department.rework_rate',
    name: '返工率',
    object: 'department',
    numerator: 'reworks',
    denominator: 'to_close',
    kind: 'rate',
    better: 'lower',
    mark: 'V',
  }),
  departmentOnTimeHandleRate: indicator({
    key: 'department.on_time_handle_rate',
    name: '按期处置率',
    object: 'department',
    numerator: 'handled_on_time',
    denominator: 'handled',
    kind: 'rate',
    better: 'higher',
    mark: 'V',
  }),
  regionSupervisionRate: indicator({
    key: 'region.supervision_rate',
    name: '监督举报率',
    object: 'region',
    numerator: 'filed_by_inspector',
    denominator: 'filed',
    kind: 'rate',
    better: 'higher',
    mark: 'P',
  }),
  regionFiledPerGrid: indicator({
    key: 'region.filed_per_grid',
    name: '立案数（每单元网格）',
    object: 'region',
    numerator: 'filed',
    denominator: 'grids',
    kind: 'per_grid',
    better: 'lower',
    mark: 'I',
  }),
  regionCloseRate: indicator({
    key: 'region.close_rate',
    name: '结案率',
    object: 'region',
    numerator: 'closed',
    denominator: 'to_close',
    kind: 'rate',
    better: 'higher',
    mark: 'V',
  }),
  regionOnTimeCloseRate: indicator({
    key: 'region.on_time_close_rate',
    name: '按期结案率',
    object: 'region',
    numerator: 'closed_on_time',
    denominator: 'to_close',
    kind: 'rate',
    better: 'higher',
    mark: 'V',
  }),
} as const satisfies Record<string, Indicator>;

// ── Profiles ───────────────────────────────────────────────────────────────────────────────

const LINEAR: Scoring = { kind: 'linear' };

/** 部门 [P] (Unicom DeptEvaluateService): 立案数分值×10% + 结案率×30% + 按期结案率×30% + (1−返工率)×30%. */
export const DEPARTMENT_PROFILE: Profile = {
  key: 'department-unicom',
  name: '专业部门综合评价（联通 城市综合管理服务平台）',
  object: 'department',
  mark: 'P',
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
 * 区域 [P]+[I]: 监督举报率×10% + 立案数分值×20% + 结案率×30% + 按期结案率×40%. The source code weighs
 * 按期结案率 at 10 % so its weights sum to 70 %; we take 40 % [I] (the only single change that sums
 * to 100). 结案率 is scored as the rate, not 100 − rate as the code does [I]. 立案数 is per unit
 * grid, scored with the 一类区域 table [I].
 */
export const REGION_PROFILE: Profile = {
  key: 'region-unicom',
  name: '区域综合评价（联通 城市综合管理服务平台，权重修正）',
  object: 'region',
  mark: 'I',
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

export const PROFILES: Readonly<Record<string, Profile>> = Object.freeze({
  [DEPARTMENT_PROFILE.key]: DEPARTMENT_PROFILE,
  [REGION_PROFILE.key]: REGION_PROFILE,
});

for (const profile of Object.values(PROFILES)) validateProfile(profile);
