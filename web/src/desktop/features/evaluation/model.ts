/**
 * GET /evaluations as the page reads it, the profiles and indicators in force
 * (GET /evaluation-profiles), and an indicator's value computed from a row's counts.
 */
import { api } from '../../../shared/api.js';
import { formatPercent } from '../../../shared/format.js';
import type { FactKey, Grade } from './labels.js';

export interface IndicatorDef {
  key: string;
  name: string;
  object: string;
  numerator: FactKey;
  denominator: FactKey | null;
  kind: 'rate' | 'count' | 'per_km2' | 'per_grid';
  better: 'higher' | 'lower';
}
interface ProfileDef {
  key: string;
  name: string;
  object: string;
  origin: string;
}
interface ItemResult {
  indicator: string;
  name: string;
  value: number | null;
  score: number | null;
  weight: number;
}
export interface EvaluationRow {
  subject: string;
  name: string;
  facts: Partial<Record<FactKey, number>>;
  items: ItemResult[];
  composite: number | null;
  grade: Grade | null;
  rank: number | null;
  previous?: { composite: number | null; grade: Grade | null; rank: number | null };
  change?: number | null;
}
export interface Evaluation {
  profile: { key: string; name: string };
  compare: { kind: 'mom' | 'yoy'; from: string; to: string } | null;
  rows: EvaluationRow[];
}

let profiles: Promise<{ profiles: ProfileDef[]; indicators: IndicatorDef[] }> | null = null;
/** Profiles and indicators in force (configuration: read once per page load). */
export function loadProfiles() {
  profiles ??= api
    .get<{ profiles: ProfileDef[]; indicators: IndicatorDef[] }>('/evaluation-profiles')
    .catch((e: unknown) => {
      profiles = null;
      throw e;
    });
  return profiles;
}

/** The indicator's value from the row's facts: null when there is nothing to measure. */
export function valueOf(indicator: IndicatorDef, facts: EvaluationRow['facts']): number | null {
  const num = facts[indicator.numerator] ?? 0;
  if (indicator.denominator === null) return num;
  const den = facts[indicator.denominator] ?? 0;
  return den === 0 ? null : num / den;
}

export function formatIndicator(indicator: IndicatorDef, value: number | null): string {
  if (value === null) return '—';
  if (indicator.kind === 'rate') return formatPercent(value);
  return indicator.kind === 'count' ? String(value) : value.toFixed(2);
}
