/**
 * Fills the evaluation rollups after a bulk load: the generator writes history without the case
 * service, so the rollups the service keeps as cases move are rebuilt from that history with the
 * evaluation module's own bulk rebuild (src/evaluation/rollups.ts).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../src/db/schema.js';
import { rebuildRollups } from '../src/evaluation/index.js';

export async function rebuildEvaluationRollups(
  db: Kysely<DB>,
  timeZone: string,
  say: (message: string) => void,
): Promise<{ ms: number; rows: number }> {
  const started = performance.now();
  const report = await rebuildRollups(db, timeZone, { batchSize: 5000, onProgress: progress(started, say) });
  const rows = Object.values(report.rows).reduce((a, b) => a + b, 0);
  return { ms: performance.now() - started, rows };
}

/** A progress line every 10 s with the rate so far. */
export function progress(
  started: number,
  say: (message: string) => void = (m) => process.stderr.write(`${m}\n`),
): (done: number, total: number) => void {
  let last = 0;
  return (done, total) => {
    if (performance.now() - last < 10_000) return;
    last = performance.now();
    const rate = done / ((performance.now() - started) / 1000);
    say(
      `  rollups: ${done.toLocaleString('en')} / ${total.toLocaleString('en')} cases (${rate.toFixed(0)} /s)`,
    );
  };
}
