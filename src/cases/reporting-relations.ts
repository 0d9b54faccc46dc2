/**
 * The case register as reporting (evaluation, analytics) reads it: read relations — Kysely
 * subqueries over the cases module's tables with the columns reports use — that a report joins
 * in its own statement, aliased (`.as('c')`), instead of naming the tables. Reports aggregate up to
 * millions of cases, so they stay one SQL statement; PostgreSQL inlines such a subquery, so the
 * plan is the one of a join on the table itself. The selected columns are the contract.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import './tables.js';

/** A case's place, class, department, state, component, report time and point. */
export function casesForReporting(db: Kysely<DB>) {
  return db
    .selectFrom('cases')
    .select([
      'id',
      'number',
      'source',
      'status',
      'closure_type',
      'classification_id',
      'department_id',
      'component_id',
      'grid_code',
      'community_code',
      'street_code',
      'reported_at',
      'location',
    ]);
}

/** The history of cases (append-only events): who did what, when, and what it changed. */
export function caseEventsForReporting(db: Kysely<DB>) {
  return db
    .selectFrom('case_events')
    .select(['id', 'case_id', 'at', 'actor_id', 'action', 'from_status', 'to_status', 'changes']);
}

/** The deadline clock rounds of cases, with their due instants as stored (pauses included). */
export function caseClocksForReporting(db: Kysely<DB>) {
  return db.selectFrom('case_clocks').select(['case_id', 'clock', 'round', 'started_at', 'due_at']);
}
