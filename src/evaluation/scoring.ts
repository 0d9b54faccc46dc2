/**
 * The evaluation's formulas (综合评价): an indicator's value from a subject's base counts, its score
 * (linear or by tiers), the weighted composite of a profile and its grade. Pure functions: no
 * database, no clock. The indicators and profiles they apply are data (indicators.ts,
 * builtin-profiles.ts); sources in docs/domain/evaluation.md and standards.md §5.
 */
import {
  GRADE_BANDS,
  type EvaluationObject,
  type FactKey,
  type Grade,
  type Indicator,
  type SourceMark,
} from './vocabulary.js';

export type Facts = Record<FactKey, number>;

/** Fills in the facts derived from others: 准确立案 (filings not voided) and 准确派遣 (1 − undone). */
export function deriveFacts(facts: Facts): Facts {
  facts.filings_kept = facts.filings - facts.filings_voided;
  facts.dispatches_accurate = Math.max(0, facts.dispatches - facts.dispatches_undone);
  return facts;
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
  mark: SourceMark;
  /** Where it comes from: the national default, or a city's own. */
  origin: 'national' | 'city';
  items: readonly ProfileItem[];
}

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

/** The grade of a composite by the vocabulary's bands: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, E < 40 [V]. */
export function gradeOf(composite: number): Grade {
  return GRADE_BANDS.find((band) => composite >= band.min)?.grade ?? 'E';
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
