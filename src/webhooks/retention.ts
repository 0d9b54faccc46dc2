/**
 * Retention of the outbox and the delivery log: events fanned out longer ago than the retention
 * period, none of whose deliveries is still open (pending or failed), are deleted with their
 * deliveries and attempts (ON DELETE CASCADE). The audit log, not the outbox, is the record of
 * what happened; the outbox is a queue.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export const DEFAULT_RETENTION_DAYS = 30;

export async function pruneOutbox(
  db: Kysely<DB>,
  options: { retentionDays?: number; now?: Date; batchSize?: number } = {},
): Promise<number> {
  const retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const cutoff = new Date((options.now ?? new Date()).getTime() - retentionDays * 86_400_000);
  const batchSize = options.batchSize ?? 1000;
  const result = await db
    .deleteFrom('outbox')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox as o')
        .select('o.id')
        .where('o.fanned_out_at', '<', cutoff)
        .where((inner) =>
          inner.not(
            inner.exists(
              inner
                .selectFrom('webhook_deliveries as d')
                .select(sql`1`.as('one'))
                .whereRef('d.outbox_id', '=', 'o.id')
                .where('d.status', 'in', ['pending', 'failed']),
            ),
          ),
        )
        .orderBy('o.id')
        .limit(batchSize),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
