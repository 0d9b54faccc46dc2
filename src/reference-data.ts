/** National reference data and configuration defaults, loaded at every start (idempotent). */
import type { Kysely } from 'kysely';
import type { DB } from './db/schema.js';
import { MODULES } from './modules.js';
import { inTransaction } from './shared/transaction.js';

/** Every module's reference data, in the modules' order, in one transaction. */
export async function loadReferenceData(db: Kysely<DB>): Promise<void> {
  await inTransaction(db, async (tx) => {
    for (const module of MODULES) await module.referenceData?.(tx);
  });
}
