/**
 * Staff accounts as reporting (evaluation, analytics) reads them: read relations — Kysely
 * subqueries that a report joins in its own statement, aliased (`.as('u')`), instead of naming the
 * tables. PostgreSQL inlines them, so the plan is the one of a join on the tables. The columns are
 * the contract (never a credential).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** A staff account's id, display name, role, post (岗位) and whether it is active. */
export function staffForReporting(db: Kysely<DB>) {
  return db.selectFrom('users').select(['id', 'display_name', 'role', 'position', 'active']);
}

/** The regions each staff account is bound to (its jurisdiction). */
export function staffRegionsForReporting(db: Kysely<DB>) {
  return db.selectFrom('user_regions').select(['user_id', 'region_code']);
}
