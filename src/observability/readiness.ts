/**
 * Liveness and readiness (docs/observability.md). Live: the process answers at all (a load balancer
 * or systemd restarts it otherwise). Ready: it can serve requests — the database answers, every
 * migration this build ships is applied with the same content, and this process has loaded the
 * national reference data. A load balancer sends traffic only to ready processes.
 */
import { sql } from 'kysely';
import { pendingMigrations, type Database } from '../db/index.js';

export type CheckName = 'database' | 'migrations' | 'referenceData';

export interface CheckResult {
  ok: boolean;
  /** What is wrong, in a sentence an operator can act on (absent when ok). */
  detail?: string;
}

export type Readiness = Record<CheckName, CheckResult>;

/** A database that does not answer within this time counts as unreachable. */
const DATABASE_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export async function checkReadiness(
  database: Database,
  referenceDataLoaded: () => boolean,
): Promise<Readiness> {
  const reference: CheckResult = referenceDataLoaded()
    ? { ok: true }
    : { ok: false, detail: 'national reference data not loaded by this process yet' };
  try {
    await withTimeout(sql`select 1`.execute(database.db), DATABASE_TIMEOUT_MS);
  } catch (error) {
    return {
      database: { ok: false, detail: `database unreachable: ${(error as Error).message}` },
      migrations: { ok: false, detail: 'not checked: the database is unreachable' },
      referenceData: reference,
    };
  }
  let migrations: CheckResult;
  try {
    const pending = await withTimeout(pendingMigrations(database.db), DATABASE_TIMEOUT_MS);
    migrations =
      pending.length === 0
        ? { ok: true }
        : {
            ok: false,
            detail: `migrations not applied: ${pending.join(', ')} (run \`shuzhi migrate\`)`,
          };
  } catch (error) {
    migrations = { ok: false, detail: `migrations not readable: ${(error as Error).message}` };
  }
  return { database: { ok: true }, migrations, referenceData: reference };
}
