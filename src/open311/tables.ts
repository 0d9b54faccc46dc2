/**
 * Row types of the Open311 tables (migration 0007), merged into the database interface by
 * declaration merging so the module owns its schema.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | undefined, string>;

export interface Open311ApiKeysTable {
  id: Generated<number>;
  name: string;
  /** SHA-256 hex of the key (src/identity/tokens.ts); the key itself is shown once. */
  key_hash: string;
  /** The key's first characters, to tell keys apart in lists. */
  prefix: string;
  created_at: GeneratedTimestamp;
  revoked_at: Timestamp | null;
}

export interface Open311TokensTable {
  token: string;
  case_id: number | null;
  created_at: GeneratedTimestamp;
}

export interface Open311RequestsTable {
  case_id: number;
  api_key_id: number;
  media_url: string | null;
  attributes: Json<Record<string, string | string[]>>;
  created_at: GeneratedTimestamp;
}

declare module '../db/schema.js' {
  interface DB {
    open311_api_keys: Open311ApiKeysTable;
    open311_tokens: Open311TokensTable;
    open311_requests: Open311RequestsTable;
  }
}
