/**
 * What an action changes on a case, collected as its effects are applied: the columns to write
 * and, for the history, each change's before and after. Counters are raised in SQL (repo.ts).
 */
import type { CaseRow } from '../repo.js';
import type { CaseCounter } from '../workflow/index.js';

export type Change = { before: unknown; after: unknown };

export class ChangeSet {
  private readonly changes: Record<string, Change> = {};
  private readonly columns: Record<string, unknown> = {};
  private readonly raised: Partial<Record<CaseCounter, number>> = {};

  /** Records a column's new value; an unchanged value is no change. */
  change(field: string, before: unknown, after: unknown): void {
    if (before === after) return;
    this.changes[field] = { before, after };
    this.columns[field] = after;
  }

  /** Records a change for the history only: its column is written apart (the location, a geometry). */
  record(field: string, before: unknown, after: unknown): void {
    this.changes[field] = { before, after };
  }

  /** The value a column will have after the action: the changed one, else the case's. */
  valueOf<K extends keyof CaseRow>(row: CaseRow, field: K): CaseRow[K] {
    return field in this.columns ? (this.columns[field] as CaseRow[K]) : row[field];
  }

  increment(counter: CaseCounter): void {
    this.raised[counter] = (this.raised[counter] ?? 0) + 1;
  }

  /** The columns to set. */
  get set(): Readonly<Record<string, unknown>> {
    return this.columns;
  }

  /** How much each counter rises. */
  get counters(): Readonly<Record<string, number>> {
    return this.raised;
  }

  /** The history's record of the changes: the columns, then each counter from its value on `row`. */
  history(row: CaseRow): Record<string, Change> {
    const counters = Object.entries(this.raised).map(([counter, n]): [string, Change] => [
      counter,
      { before: row[counter as CaseCounter], after: Number(row[counter as CaseCounter]) + n },
    ]);
    return { ...this.changes, ...Object.fromEntries(counters) };
  }
}
