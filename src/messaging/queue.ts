/**
 * The outbox as a queue, for its consumer (src/webhooks): claim the events not yet fanned out,
 * mark them fanned out, and delete old ones no consumer still needs. Claims lock the rows with
 * `FOR UPDATE SKIP LOCKED`, so several processes share the work without waiting for each other.
 */
import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

export interface ClaimedEvent {
  id: number;
  topic: string;
  payload: Record<string, unknown>;
}

/** The oldest `limit` events not yet fanned out, locked until the caller's transaction ends. */
export async function claimEventsToFanOut(tx: Transaction<DB>, limit: number): Promise<ClaimedEvent[]> {
  return tx
    .selectFrom('outbox')
    .select(['id', 'topic', 'payload'])
    .where('fanned_out_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Stamps `fanned_out_at` on the events, so no later claim takes them again. */
export async function markFannedOut(db: Kysely<DB>, eventIds: readonly number[]): Promise<void> {
  if (eventIds.length === 0) return;
  await db
    .updateTable('outbox')
    .set({ fanned_out_at: sql<Date>`now()` })
    .where('id', 'in', [...eventIds])
    .execute();
}

export interface PruneEvents {
  /** Events fanned out before this moment may go. */
  fannedOutBefore: Date;
  /** At most this many per call (oldest first). */
  limit: number;
  /** True for an event a consumer still needs (given its id as a column); such events stay. */
  stillNeeded: (eventId: Expression<number>) => Expression<SqlBool>;
}

/** Deletes old fanned-out events no consumer still needs; returns how many went. */
export async function pruneFannedOutEvents(db: Kysely<DB>, prune: PruneEvents): Promise<number> {
  const result = await db
    .deleteFrom('outbox')
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('outbox as o')
        .select('o.id')
        .where('o.fanned_out_at', '<', prune.fannedOutBefore)
        .where((inner) => inner.not(prune.stillNeeded(inner.ref('o.id'))))
        .orderBy('o.id')
        .limit(prune.limit),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
