/**
 * Read relations of the outbox: Kysely subqueries other modules join instead of naming the
 * table (a module's tables are queried by that module alone; docs/architecture.md, ADR-2).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Outbox events as a consumer joins them: `innerJoin(outboxEventRelation(db).as('o'), …)`. */
export function outboxEventRelation(db: Kysely<DB>) {
  return db
    .selectFrom('outbox')
    .select(['id', 'topic', 'aggregate_type', 'aggregate_id', 'payload', 'occurred_at', 'fanned_out_at']);
}
