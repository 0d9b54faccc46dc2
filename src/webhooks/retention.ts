/**
 * Retention of the outbox and the delivery log: events fanned out longer ago than the retention
 * period, none of whose deliveries is still open (pending or failed), are deleted with their
 * deliveries and attempts (ON DELETE CASCADE). The audit log, not the outbox, is the record of
 * what happened; the outbox is a queue.
 */
import { expressionBuilder, sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { pruneFannedOutEvents } from '../messaging/index.js';

export const DEFAULT_RETENTION_DAYS = 30;

export async function pruneOutbox(
  db: Kysely<DB>,
  options: { retentionDays?: number; now?: Date; batchSize?: number } = {},
): Promise<number> {
  const retentionDays = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const cutoff = new Date((options.now ?? new Date()).getTime() - retentionDays * 86_400_000);
  const batchSize = options.batchSize ?? 1000;
  const deliveries = expressionBuilder<DB, never>();
  return pruneFannedOutEvents(db, {
    fannedOutBefore: cutoff,
    limit: batchSize,
    stillNeeded: (eventId) =>
      deliveries.exists(
        deliveries
          .selectFrom('webhook_deliveries as d')
          .select(sql`1`.as('one'))
          .where('d.outbox_id', '=', eventId)
          .where('d.status', 'in', ['pending', 'failed']),
      ),
  });
}
