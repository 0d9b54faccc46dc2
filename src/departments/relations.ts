/**
 * What other modules read of the departments: a relation to join where a list shows a department
 * (`left join ${departmentRelation(db)} d on d.id = …`, or `selectFrom(departmentRelation(db).as('d'))`).
 * The table stays this module's; callers never name it (docs/architecture.md).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Departments with the columns other modules show or match on. */
export function departmentRelation(db: Kysely<DB>) {
  return db
    .selectFrom('departments')
    .select(['id', 'credit_code', 'name', 'short_name', 'kind', 'region_code', 'active']);
}
