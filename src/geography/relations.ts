/**
 * Read relations of the regions: Kysely subqueries other modules join instead of naming the table
 * (a module's tables are queried by that module alone; docs/architecture.md). Geometry columns
 * are raw PostGIS values, for spatial predicates inside the caller's query.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Regions of every level (district → street → community → grid) with their shape. */
export function regionRelation(db: Kysely<DB>) {
  return db.selectFrom('regions').select(['code', 'name', 'short_name', 'level', 'parent_code', 'geom']);
}
