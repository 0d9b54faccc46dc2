/** Row types of the HTTP layer's tables, composed into `DB` by src/db/schema.ts. */
import type { GeneratedTimestamp, Json } from '../db/columns.js';

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number;
  response_body: Json<unknown> | null;
  created_at: GeneratedTimestamp;
}

/** Shared rate-limit counters (migration 0024, src/http/rate-limit-store.ts). */
export interface RateLimitCountersTable {
  key: string;
  hits: number;
  resets_at: Date;
}

export interface HttpTables {
  idempotency_keys: IdempotencyKeysTable;
  rate_limit_counters: RateLimitCountersTable;
}
