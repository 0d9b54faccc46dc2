/** How far the outbox's fan-out is behind (/metrics, through the webhooks module's figures). */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface OutboxBacklog {
  /** Events written and not yet fanned out to webhook deliveries. */
  pending: number;
  /** Age of the oldest of them in seconds; 0 when none waits. */
  oldestSeconds: number;
}

/** One index scan of `outbox_pending_idx` (the rows the fan-out job has left to do). */
export async function outboxBacklog(db: Kysely<DB>): Promise<OutboxBacklog> {
  const { rows } = await sql<{ pending: number; oldest: number | null }>`
    select count(*)::int as pending,
      extract(epoch from (now() - min(occurred_at)))::float8 as oldest
    from outbox where fanned_out_at is null`.execute(db);
  const row = rows[0];
  return { pending: row?.pending ?? 0, oldestSeconds: Math.max(0, row?.oldest ?? 0) };
}
