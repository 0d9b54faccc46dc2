/**
 * Row types of the Open311 tables (migrations 0007 and 0008), merged into the database interface by
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
  /** A batch service's request: its id is shown only once the case has left intake. */
  batch: ColumnType<boolean, boolean | undefined, boolean>;
  /** SHA-256 of service, rounded point, device and text: the same report retried within minutes. */
  fingerprint: string | null;
  /** Keyed blind index (src/reporters) of the client's device_id; never the id itself. */
  device_index: string | null;
  client_request_id: string | null;
}

export interface Open311ServiceRulesTable {
  standard: string;
  kind: 'component' | 'matter';
  code: string;
  type: 'realtime' | 'batch';
  sensitive: boolean;
  location_decimals: number;
  reason: string;
}

export interface Open311MediaTable {
  file_id: string;
  case_id: number;
  source: 'request' | 'update';
  created_at: GeneratedTimestamp;
}

export interface Open311UpdatesTable {
  case_event_id: number;
  case_id: number;
  api_key_id: number;
  client_update_id: string | null;
  fingerprint: string;
  media_url: string | null;
  created_at: GeneratedTimestamp;
}

declare module '../db/schema.js' {
  interface DB {
    open311_api_keys: Open311ApiKeysTable;
    open311_tokens: Open311TokensTable;
    open311_requests: Open311RequestsTable;
    open311_service_rules: Open311ServiceRulesTable;
    open311_media: Open311MediaTable;
    open311_updates: Open311UpdatesTable;
  }
}
