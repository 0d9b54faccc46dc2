/** National reference data and configuration defaults, loaded at every start (idempotent). */
import type { Kysely } from 'kysely';
import { loadCaseDefaults } from './cases/index.js';
import { loadReferenceData as loadClassification } from './classification/index.js';
import type { DB } from './db/schema.js';
import { loadPublicCategories } from './public/index.js';
import { inTransaction } from './shared/transaction.js';

export async function loadReferenceData(db: Kysely<DB>): Promise<void> {
  await inTransaction(db, async (tx) => {
    await loadClassification(tx);
    await loadCaseDefaults(tx);
    await loadPublicCategories(tx);
  });
}
