/**
 * Singleton jobs across processes: `withJobLock` runs `work` in a transaction that first takes
 * the transaction-scoped advisory lock `pg_try_advisory_xact_lock(hashtext(name))`. When another
 * process (or connection) holds it, nothing runs and `{ ran: false }` comes back at once — the
 * holder is doing the work. The lock ends with the transaction (commit, rollback or a lost
 * connection), so a crashed process never leaves it behind.
 *
 * `work` receives the transaction and must do all its queries through it: on the embedded
 * database there is one connection, held by this transaction until it ends, so a query through
 * the outer `db` would wait for ever. On PGlite calls are serialised anyway (one connection);
 * the lock matters on PostgreSQL with several processes.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

export type JobLockResult<T> = { ran: true; value: T } | { ran: false };

export async function withJobLock<T>(
  db: Kysely<DB>,
  name: string,
  work: (tx: Transaction<DB>) => Promise<T>,
): Promise<JobLockResult<T>> {
  if (db.isTransaction) {
    throw new Error('withJobLock opens its own transaction; call it with the database, not a transaction');
  }
  return db.transaction().execute(async (tx) => {
    const { rows } = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_xact_lock(hashtext(${name})) as locked`.execute(tx);
    if (rows[0]?.locked !== true) return { ran: false } as const;
    return { ran: true, value: await work(tx) } as const;
  });
}
