/**
 * Row types of the citizen tables (migration 0009), merged into the database interface by
 * declaration merging so the module owns its schema.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CitizensTable {
  id: Generated<number>;
  /** Envelopes from src/reporters/crypto.ts, never plaintext. */
  phone_enc: string;
  /** Blind index `<keyId>:<mac>` of the normalised phone number. */
  phone_index: string;
  id_number_enc: string | null;
  display_name: string | null;
  password_hash: string;
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface CitizenSessionsTable {
  token_hash: string;
  citizen_id: number;
  csrf_token: string;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
}

declare module '../db/schema.js' {
  interface DB {
    citizens: CitizensTable;
    citizen_sessions: CitizenSessionsTable;
  }
}
