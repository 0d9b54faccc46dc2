/**
 * Read relations of the classification directory: Kysely subqueries other modules join instead
 * of naming the table (a module's tables are queried by that module alone; docs/architecture.md).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Classes as other modules join them, e.g. a component's class in a list. */
export function classificationRelation(db: Kysely<DB>) {
  return db
    .selectFrom('classifications')
    .select(['id', 'standard', 'kind', 'major_code', 'major_name', 'code', 'name', 'active']);
}
