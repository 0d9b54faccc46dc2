/**
 * Row types of the application tables (migration 0022), merged into `DB` (src/db/schema.ts) by the
 * module augmentation below.
 */
import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Json, Timestamp } from '../db/columns.js';
import type {
  ApplicationMaterial,
  ClockPause,
  CorrectionRecord,
  DecisionRecord,
  PendingRequest,
} from './model.js';

export interface ApplicationsTable {
  id: Generated<number>;
  number: string;
  parent_id: number | null;
  item_id: number;
  item_version_id: number;
  item_name: string;
  is_bundle: Generated<boolean>;
  department_id: number;
  channel: string;
  state: string;
  applicant_kind: string;
  applicant_citizen_id: number | null;
  applicant_legal_person_id: number | null;
  acting_citizen_id: number;
  acting_capacity: string;
  authorisation_id: number | null;
  /** Envelopes (src/reporters/crypto.ts), never plaintext. */
  applicant_name_enc: string;
  applicant_id_masked: string;
  contact_phone_enc: string | null;
  agent_name_enc: string | null;
  agent_relation: string | null;
  form_enc: string;
  materials: Json<ApplicationMaterial[]>;
  correction: Json<CorrectionRecord> | null;
  correction_used: Generated<boolean>;
  acceptance_number: string | null;
  submitted_at: Timestamp | null;
  accepted_at: Timestamp | null;
  acceptance_days: number;
  promised_days: number;
  legal_days: number;
  extension_days: Generated<number>;
  pauses: Json<ClockPause[]>;
  pending_hold: Json<PendingRequest> | null;
  pending_extension: Json<PendingRequest> | null;
  accept_due_at: Timestamp | null;
  due_at: Timestamp | null;
  light: Generated<string>;
  decision: Json<DecisionRecord> | null;
  delivered_at: Timestamp | null;
  closed_reason: string | null;
  closed_basis: string | null;
  registered_by_user_id: number | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface ApplicationEventsTable {
  id: Generated<number>;
  application_id: number;
  at: Timestamp;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_kind: 'applicant' | 'staff' | 'system';
  actor_user_id: number | null;
  actor_citizen_id: number | null;
  actor_name: string;
  note: string | null;
}

export interface ApplicationCountersTable {
  kind: string;
  day: string;
  last: number;
}

export interface ApplicationAlertsTable {
  application_id: number;
  clock: string;
  light: string;
  raised_at: Timestamp;
}

export interface ApplicationTables {
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  application_counters: ApplicationCountersTable;
  application_alerts: ApplicationAlertsTable;
}

declare module '../db/schema.js' {
  interface DB {
    applications: ApplicationsTable;
    application_events: ApplicationEventsTable;
    application_counters: ApplicationCountersTable;
    application_alerts: ApplicationAlertsTable;
  }
}
