/**
 * Open311 facts other modules show: which application (API key, as it was named) reported a
 * case, as a relation to join, so a case history names it in the same statement.
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
