/**
 * Regions as reporting (evaluation, analytics) reads them: a read relation — a Kysely subquery
 * that a report joins in its own statement, aliased (`.as('g')`), instead of naming the table.
 * PostgreSQL inlines it, so the plan is the one of a join on the table. The columns are the contract.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** A region's code, name, level (district, street, community, grid), area and centroid. */
export function regionsForReporting(db: Kysely<DB>) {
  return db.selectFrom('regions').select(['code', 'name', 'level', 'area_m2', 'centroid']);
}
