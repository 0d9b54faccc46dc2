/**
 * Which time limit applies: pure lookups over the configured limit tables.
 * Handling (处置时限) is per class × filing condition (立案条件) × urgency: a row whose condition
 * is the case's own beats a 'default' row, then the longest class-code prefix wins ('01001' beats
 * '01' beats ''), so a district can set one class apart without repeating the whole table.
 */
import type { TimeLimit, TimeLimitUnit } from '../../calendar/index.js';

export type Urgency = 'normal' | 'urgent';
export type StageClock = 'filing' | 'check' | 'dispatch' | 'verify' | 'closing';

export interface StageLimitRow {
  clock: StageClock;
  urgency: Urgency;
  amount: number;
  unit: TimeLimitUnit;
}

export interface HandlingLimitRow {
  kind: 'component' | 'matter';
  standard: string;
  classCodePrefix: string;
  condition: string;
  urgency: Urgency;
  amount: number;
  unit: TimeLimitUnit;
}

export interface HandlingQuery {
  kind: 'component' | 'matter';
  standard: string;
  classCode: string;
  condition: string;
  urgency: Urgency;
}

export function pickStageLimit(
  rows: readonly StageLimitRow[],
  clock: StageClock,
  urgency: Urgency,
): TimeLimit | null {
  const row = rows.find((r) => r.clock === clock && r.urgency === urgency);
  return row ? { amount: row.amount, unit: row.unit } : null;
}

export function pickHandlingLimit(
  rows: readonly HandlingLimitRow[],
  query: HandlingQuery,
): HandlingLimitRow | null {
  let best: HandlingLimitRow | null = null;
  let bestScore = -1;
  for (const row of rows) {
    if (row.kind !== query.kind || row.standard !== query.standard || row.urgency !== query.urgency) continue;
    if (!query.classCode.startsWith(row.classCodePrefix)) continue;
    const conditionMatches = row.condition === query.condition;
    if (!conditionMatches && row.condition !== 'default') continue;
    const score = (conditionMatches && query.condition !== 'default' ? 1000 : 0) + row.classCodePrefix.length;
    if (score > bestScore) {
      best = row;
      bestScore = score;
    }
  }
  return best;
}

/** The filing conditions a class offers (for the filing form): its own rows' conditions. */
export function conditionsFor(
  rows: readonly HandlingLimitRow[],
  query: Omit<HandlingQuery, 'condition' | 'urgency'>,
): string[] {
  const conditions = new Set<string>(['default']);
  for (const row of rows) {
    if (
      row.kind === query.kind &&
      row.standard === query.standard &&
      query.classCode.startsWith(row.classCodePrefix)
    ) {
      conditions.add(row.condition);
    }
  }
  return [...conditions];
}
