/**
 * Row types of the applicant tables (migration 0021), merged into the database interface by
 * declaration merging so the module owns its schema.
 */
import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from '../db/columns.js';
import type { AuthorisationChannel, AuthorisationKind, LegalPersonKind, LinkRelation } from './model.js';

export interface LegalPersonsTable {
  id: Generated<number>;
  credit_code: string;
  name: string;
  kind: LegalPersonKind;
  /** Envelopes from src/reporters/crypto.ts, never plaintext. */
  representative_name_enc: string;
  representative_id_number_enc: string;
  /** Blind index of the representative's ID number (the citizens' `resident_id:` index). */
  representative_id_index: string;
  address: string | null;
  phone_enc: string | null;
  registered_by_citizen_id: number | null;
  registered_by_user_id: number | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface LegalPersonLinksTable {
  legal_person_id: number;
  citizen_id: number;
  relation: LinkRelation;
  verified: Generated<boolean>;
  verified_at: Timestamp | null;
  verified_by: number | null;
  created_at: GeneratedTimestamp;
  ended_at: Timestamp | null;
}

export interface AuthorisationsTable {
  id: Generated<number>;
  kind: AuthorisationKind;
  principal_citizen_id: number | null;
  principal_legal_person_id: number | null;
  agent_citizen_id: number;
  all_items: boolean;
  /** `YYYY-MM-DD`. */
  valid_from: string;
  valid_to: string;
  document_file_id: string | null;
  note: string | null;
  channel: AuthorisationChannel;
  recorded_by_citizen_id: number | null;
  recorded_by_user_id: number | null;
  revoked_at: Timestamp | null;
  revoked_by_citizen_id: number | null;
  revoked_by_user_id: number | null;
  revoke_reason: string | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
}

export interface AuthorisationItemsTable {
  authorisation_id: number;
  item_id: number;
}

declare module '../db/schema.js' {
  interface DB {
    legal_persons: LegalPersonsTable;
    legal_person_links: LegalPersonLinksTable;
    authorisations: AuthorisationsTable;
    authorisation_items: AuthorisationItemsTable;
  }
}
