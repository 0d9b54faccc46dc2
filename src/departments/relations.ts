/**
 * Read relations of the departments: Kysely subqueries other modules join instead of naming the
 * table (a module's tables are queried by that module alone; docs/architecture.md).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Departments as other modules join them, e.g. a component's competent department in a list. */
export function departmentRelation(db: Kysely<DB>) {
  return db
    .selectFrom('departments')
    .select(['id', 'credit_code', 'name', 'short_name', 'kind', 'region_code', 'active']);
}
