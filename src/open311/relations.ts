/**
 * What other modules read of the open311 module: relations (Kysely subqueries with the columns it
 * offers) that callers join as aliased subqueries where a list or report needs the join, and small
 * reads for everything else. Its tables stay its own; callers never name them (docs/architecture.md).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import './tables.js';

/** The reporting application's name of every case that came through Open311 (`case_id`, `name`). */
export function open311ApplicationRelation(db: Kysely<DB>) {
  return db
    .selectFrom('open311_requests as r')
    .innerJoin('open311_api_keys as k', 'k.id', 'r.api_key_id')
    .select(['r.case_id', 'k.name']);
}
