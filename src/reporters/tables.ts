/**
 * Row type of the reporters table (migrations 0006, 0008), merged into the database interface by
 * declaration merging so the module owns its schema.
 */
import type { ColumnType } from 'kysely';

type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type GeneratedBoolean = ColumnType<boolean, boolean | undefined, boolean>;

export interface CaseReportersTable {
  case_id: number;
  /** Envelopes from src/reporters/crypto.ts, never plaintext. */
  name_enc: string | null;
  phone_enc: string | null;
  /** Blind index `<keyId>:<mac>` of the normalised phone number. */
  phone_index: string | null;
  id_number_enc: string | null;
  /** E-mail address (Open311 `email`), an envelope like the others (migration 0008). */
  email_enc: string | null;
  contact_consent: GeneratedBoolean;
  anonymous: GeneratedBoolean;
  created_at: GeneratedTimestamp;
}

declare module '../db/schema.js' {
  interface DB {
    case_reporters: CaseReportersTable;
  }
}
