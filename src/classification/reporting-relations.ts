/**
 * Classes as reporting (evaluation, analytics) reads them: a read relation — a Kysely subquery
 * that a report joins in its own statement, aliased (`.as('k')`), instead of naming the table.
 * PostgreSQL inlines it, so the plan is the one of a join on the table. The columns are the contract.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** A class's id, code and name. */
export function classesForReporting(db: Kysely<DB>) {
  return db.selectFrom('classifications').select(['id', 'code', 'name']);
}
