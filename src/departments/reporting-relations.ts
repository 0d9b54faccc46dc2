/**
 * Departments as reporting (evaluation, analytics) reads them: a read relation — a Kysely
 * subquery that a report joins in its own statement, aliased (`.as('d')`), instead of naming the
 * table. PostgreSQL inlines it, so the plan is the one of a join on the table. The columns are the
 * contract.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** A department's id, name, 统一社会信用代码, region and whether it is active. */
export function departmentsForReporting(db: Kysely<DB>) {
  return db.selectFrom('departments').select(['id', 'name', 'credit_code', 'region_code', 'active']);
}
