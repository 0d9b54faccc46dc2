/**
 * What other modules read of the identity module: relations (Kysely subqueries with the columns it
 * offers) that callers join as aliased subqueries where a list or report needs the join, and small
 * reads for everything else. Its tables stay its own; callers never name them (docs/architecture.md).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Every account's id, display name, supervisor position and department id (`.as('u')`). */
export function staffNameRelation(db: Kysely<DB>) {
  return db.selectFrom('users').select(['id', 'display_name', 'position', 'department_id']);
}

/** A staff account's id, display name, role, post (岗位) and whether it is active. */
export function staffForReporting(db: Kysely<DB>) {
  return db.selectFrom('users').select(['id', 'display_name', 'role', 'position', 'active']);
}

/** The regions each staff account is bound to (its jurisdiction). */
export function staffRegionsForReporting(db: Kysely<DB>) {
  return db.selectFrom('user_regions').select(['user_id', 'region_code']);
}
