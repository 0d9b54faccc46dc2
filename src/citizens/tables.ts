/**
 * Row types of the citizen tables (migrations 0009, 0021), merged into the database interface by
 * declaration merging so the module owns its schema.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CitizensTable {
  id: Generated<number>;
  /** Envelopes from src/reporters/crypto.ts, never plaintext. Null for a walk-in record without a phone. */
  phone_enc: string | null;
  /** Blind index `<keyId>:<mac>` of the normalised phone number: the login key of an account (null for a walk-in record). */
  phone_index: string | null;
  id_number_enc: string | null;
  display_name: string | null;
  /** Null for a walk-in record registered at a window (migration 0021): it cannot log in. */
  password_hash: string | null;
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  /** Migration 0021: 实名 (an envelope), the blind index of the ID number, the identity level. */
  real_name_enc: string | null;
  id_number_index: string | null;
  identity_level: Generated<IdentityLevel>;
  identity_verified_at: Timestamp | null;
  identity_verified_by: number | null;
  identity_registry: string | null;
  registered_by_user_id: number | null;
  version: Generated<number>;
}

/** 2 self-declared, 3 checked against a registry, 4 verified in person at a window (docs/domain/applicants.md). */
export type IdentityLevel = 2 | 3 | 4;

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
