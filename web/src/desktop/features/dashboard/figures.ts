/**
 * The dashboard's figures: evaluation rows of a kind for a period (GET /evaluations reads the
 * daily rollups), their counts summed over the district, and the map's fill for a report count.
 */
import { api } from '../../../shared/api.js';
import type { Grade } from '../evaluation/labels.js';

export type FactKey =
  | 'reported'
  | 'filed'
  | 'handled'
  | 'handled_on_time'
  | 'overdue'
  | 'returns'
  | 'reworks'
  | 'closed'
  | 'closed_on_time';
export type Facts = Record<FactKey, number>;

export interface EvaluationRow {
  subject: string;
  name: string;
  facts: Facts;
  composite: number | null;
  grade: Grade | null;
  rank: number | null;
}

export function evaluate(
  object: 'department' | 'street' | 'community',
  from: string,
  to: string,
  signal?: AbortSignal,
) {
  return api
    .request<{ rows: EvaluationRow[] }>('GET', '/evaluations', { query: { object, from, to }, signal })
    .then((r) => r.rows);
}

/** The rows' counts summed (the district's, when the rows are its streets). */
export function sum(rows: EvaluationRow[] | undefined): Facts {
  const out: Facts = {
    reported: 0,
    filed: 0,
    handled: 0,
    handled_on_time: 0,
    overdue: 0,
    returns: 0,
    reworks: 0,
    closed: 0,
    closed_on_time: 0,
  };
  for (const r of rows ?? []) for (const k of Object.keys(out) as FactKey[]) out[k] += r.facts[k] ?? 0;
  return out;
}

/** 按期处置率 in percent; null when nothing was handled. */
export const onTimeRate = (f: Facts) => (f.handled ? (f.handled_on_time / f.handled) * 100 : null);

/** None, 1–5, 6–15, 16 and more reports. */
export const FILL = ['#f0f5ff', '#bad0ff', '#6e9cf5', '#1456b8'];
export function fillFor(n: number): string {
  return n === 0 ? FILL[0]! : n <= 5 ? FILL[1]! : n <= 15 ? FILL[2]! : FILL[3]!;
}

/** Ranked first to last; unranked rows after them. */
export const byRank = (a: EvaluationRow, b: EvaluationRow) => (a.rank ?? 99) - (b.rank ?? 99);
