/**
 * Citizens' ratings as reporting (analytics) reads them: a read relation — a Kysely subquery that
 * a report joins in its own statement, aliased (`.as('r')`), instead of naming the table.
 * PostgreSQL inlines it, so the plan is the one of a join on the table. The columns are the
 * contract (never the citizen or the comment).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import './tables.js';

/** A rating's case, score (1–5), whether it asked to reopen the case, and when it was given. */
export function ratingsForReporting(db: Kysely<DB>) {
  return db.selectFrom('case_ratings').select(['case_id', 'score', 'request_reopen', 'created_at']);
}
