/**
 * What other modules read of the departments: a relation to join where a list shows the
 * responsible department's name (`left join ${departmentRelation(db)} d on d.id = …`). The table
 * stays this module's; callers never name it.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Each department's id and full name. */
export function departmentRelation(db: Kysely<DB>) {
  return db.selectFrom('departments').select(['id', 'name']);
}
