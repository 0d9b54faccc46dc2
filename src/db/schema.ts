/**
 * Row types of the tables, for Kysely. Geometry columns are never selected raw: queries convert
 * them with ST_AsGeoJSON, so they are typed as opaque strings here.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in (DEFAULT now()). */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Geometry = ColumnType<string, string, string>;
type Json<T> = ColumnType<T, string, string>;

export type RegionLevel = 'district' | 'street' | 'community' | 'grid';

export interface RegionsTable {
  code: string;
  name: string;
  short_name: string | null;
  level: RegionLevel;
  parent_code: string | null;
  code_scheme: string;
  geom: Geometry;
  area_m2: number;
  centroid: Geometry;
  synthetic: Generated<boolean>;
  source: string | null;
  land_use_code: string | null;
  management_level: string | null;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface GeographyRevisionTable {
  id: Generated<boolean>;
  revision: number;
  changed_at: GeneratedTimestamp;
}

export type ClassKind = 'component' | 'matter';

export interface ClassificationsTable {
  id: Generated<number>;
  standard: string;
  kind: ClassKind;
  major_code: string;
  major_name: string;
  code: string;
  name: string;
  confidence: string;
  source_note: string | null;
  is_extension: Generated<boolean>;
  public_name: string | null;
  help_text: string | null;
  active: Generated<boolean>;
  /** Added by migration 0002. */
  version: Generated<number>;
}

export interface ClassificationCrosswalkTable {
  from_id: number;
  to_id: number;
  match: 'exact' | 'renamed';
  note: string | null;
}

export interface DepartmentsTable {
  id: Generated<number>;
  credit_code: string | null;
  name: string;
  short_name: string | null;
  kind: string;
  region_code: string | null;
  phone: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface DepartmentResponsibilitiesTable {
  id: Generated<number>;
  department_id: number;
  kind: ClassKind;
  standard: string;
  class_code_prefix: string;
  region_code: string;
}

export type ComponentStatus = 'intact' | 'damaged' | 'lost' | 'abandoned' | 'removed';
export type ComponentDataSource = 'surveyed' | 'topographic_map' | 'basic_geodata' | 'other';

export interface ComponentsTable {
  id: string;
  identifier: string;
  classification_id: number;
  name: string;
  geom: Geometry;
  grid_code: string | null;
  community_code: string | null;
  street_code: string | null;
  district_code: string;
  competent_department_id: number;
  owner_department_id: number | null;
  maintainer_department_id: number | null;
  status: ComponentStatus;
  initial_date: string;
  changed_date: string | null;
  data_source: ComponentDataSource | null;
  remarks: string | null;
  attributes: Json<Record<string, unknown>>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

/** Migration 0002: the last sequence given out per component-identifier prefix (county + type code). */
export interface ComponentIdentifierSequencesTable {
  prefix: string;
  last_value: number;
}

export type StaffRole =
  'admin' | 'supervisor' | 'dispatcher' | 'handler' | 'department_lead' | 'inspector' | 'leader';
export type SupervisorPosition = 'operator' | 'shift_lead';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: StaffRole;
  position: SupervisorPosition | null;
  department_id: number | null;
  active: Generated<boolean>;
  must_change_password: Generated<boolean>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface UserRegionsTable {
  user_id: number;
  region_code: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
  client_ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  prefix: string;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: GeneratedTimestamp;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  client_ip: string | null;
  request_id: string | null;
  detail: Json<Record<string, unknown>>;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  status_code: number;
  response_body: Json<unknown> | null;
  created_at: GeneratedTimestamp;
}

// ── Messaging (migration 0005): outbox, notifications, webhooks ─────────────────────────────

export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: Json<Record<string, unknown>>;
  occurred_at: GeneratedTimestamp;
  fanned_out_at: Timestamp | null;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: string;
  title: string;
  body: Generated<string>;
  case_id: string | null;
  link: string | null;
  created_at: GeneratedTimestamp;
  read_at: Timestamp | null;
}

export interface WebhookSubscriptionsTable {
  id: Generated<number>;
  name: string;
  url: string;
  secret: string;
  topics: string[];
  department_id: number | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'dead';

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  subscription_id: number;
  outbox_id: number;
  status: ColumnType<WebhookDeliveryStatus, WebhookDeliveryStatus | undefined, WebhookDeliveryStatus>;
  attempts: Generated<number>;
  next_attempt_at: GeneratedTimestamp;
  lease_id: string | null;
  last_status_code: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  delivered_at: Timestamp | null;
  created_at: GeneratedTimestamp;
}

export interface WebhookDeliveryAttemptsTable {
  id: Generated<number>;
  delivery_id: number;
  attempted_at: Timestamp;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export interface DB {
  regions: RegionsTable;
  geography_revision: GeographyRevisionTable;
  classifications: ClassificationsTable;
  classification_crosswalk: ClassificationCrosswalkTable;
  departments: DepartmentsTable;
  department_responsibilities: DepartmentResponsibilitiesTable;
  components: ComponentsTable;
  component_identifier_sequences: ComponentIdentifierSequencesTable;
  users: UsersTable;
  user_regions: UserRegionsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeysTable;
  // Messaging (0005)
  outbox: OutboxTable;
  notifications: NotificationsTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_delivery_attempts: WebhookDeliveryAttemptsTable;
}

// ── Migration 0004: uploaded files (src/files) ───────────────────────────────────────────────

/** Bytes as written (Buffer is a Uint8Array) and as read (pg: Buffer, PGlite: Uint8Array). */
type Bytes = ColumnType<Uint8Array, Uint8Array, never>;

export interface FilesTable {
  id: string;
  purpose: string;
  content_type: string;
  byte_size: number;
  width: number | null;
  height: number | null;
  sha256: string;
  data: Bytes;
  thumbnail: ColumnType<Uint8Array | null, Uint8Array | null, never>;
  thumbnail_byte_size: number | null;
  thumbnail_width: number | null;
  thumbnail_height: number | null;
  thumbnail_sha256: string | null;
  original_name: string | null;
  created_by_user_id: number | null;
  created_at: GeneratedTimestamp;
}

/** Declaration merging keeps this module's table out of the shared interface above. */
export interface DB {
  files: FilesTable;
}
