/** Row type of the idempotency keys (migration 0001), composed into `DB` by src/db/schema.ts. */
import type { GeneratedTimestamp, Json } from '../db/columns.js';

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number;
  response_body: Json<unknown> | null;
  created_at: GeneratedTimestamp;
}

export interface HttpTables {
  idempotency_keys: IdempotencyKeysTable;
}
