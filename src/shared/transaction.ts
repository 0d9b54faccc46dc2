import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * Runs `work` in a transaction, joining the caller's when there is one: a use case is one
 * transaction whether it is called alone or inside an idempotent request.
 */
export function inTransaction<T>(db: Kysely<DB>, work: (tx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<DB>);
  return db.transaction().execute(work);
}
