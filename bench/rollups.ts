/**
 * Fills the evaluation rollups after a bulk load: the generator writes history without the case
 * service, so the rollups the service keeps as cases move are rebuilt from that history with the
 * evaluation module's own rebuild (src/evaluation). Returns null when this checkout has none.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema.js';

type Rebuild = (
  db: Kysely<DB>,
  timeZone: string,
  options?: { batchSize?: number; onProgress?: (done: number, total: number) => void },
) => Promise<{ cases: number; rows: Record<string, number> }>;

export async function rebuildEvaluationRollups(
  db: Kysely<DB>,
  timeZone: string,
  say: (message: string) => void,
): Promise<{ ms: number; rows: number } | null> {
  // A computed specifier: the bench keeps working (without rollups) in a checkout that has none.
  const specifier = '../src/evaluation/index.js';
  let evaluation: { rebuildRollups?: Rebuild };
  try {
    evaluation = (await import(specifier)) as { rebuildRollups?: Rebuild };
  } catch {
    return null;
  }
  if (typeof evaluation.rebuildRollups !== 'function') return null;
  const started = performance.now();
  let last = 0;
  const report = await evaluation.rebuildRollups(db, timeZone, {
    batchSize: 5000,
    onProgress: (done, total) => {
      if (performance.now() - last < 10_000) return;
      last = performance.now();
      say(`  rollups: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} cases`);
    },
  });
  const rows = Object.values(report.rows).reduce((a, b) => a + b, 0);
  return { ms: performance.now() - started, rows };
}
