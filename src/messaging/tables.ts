/** Row type of the outbox (migration 0005), composed into `DB` by src/db/schema.ts. */
import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Json, Timestamp } from '../db/columns.js';

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Json<Record<string, unknown>>;
  occurred_at: GeneratedTimestamp;
  fanned_out_at: Timestamp | null;
}

export interface MessagingTables {
  outbox: OutboxTable;
}
