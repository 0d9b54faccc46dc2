/**
 * Row types of the case tables (migration 0003), merged into the database interface by
 * declaration merging so the module owns its schema.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface StageLimitsTable {
  clock: string;
  urgency: string;
  amount: number;
  unit: string;
  source: string;
}

export interface HandlingLimitsTable {
  id: Generated<number>;
  kind: 'component' | 'matter';
  standard: string;
  class_code_prefix: string;
  condition: Generated<string>;
  condition_text: string | null;
  urgency: string;
  amount: number;
  unit: string;
  closing_condition: string | null;
  source: string;
}

export interface RoutingRulesTable {
  id: Generated<number>;
  position: number;
  name: string;
  kind: 'component' | 'matter' | null;
  standard: string | null;
  class_code_prefix: string | null;
  region_code: string | null;
  use_component_owner: Generated<boolean>;
  department_id: number | null;
  active: Generated<boolean>;
  version: Generated<number>;
}

export interface CaseNumberCountersTable {
  district_code: string;
  day: string;
  last: number;
}

export interface CasesTable {
  id: Generated<number>;
  number: string;
  source: string;
  kind: 'component' | 'matter';
  classification_id: number;
  filing_condition: Generated<string>;
  component_id: string | null;
  location: ColumnType<string, string, string>;
  grid_code: string;
  community_code: string;
  street_code: string;
  district_code: string;
  address: string | null;
  description: string;
  urgency: 'normal' | 'urgent';
  status: string;
  stage: string;
  department_id: number | null;
  suggested_department_id: number | null;
  routing_explanation: string | null;
  reported_by_user_id: number | null;
  check_result: string | null;
  duplicate_of: number | null;
  returns: Generated<number>;
  reworks: Generated<number>;
  extensions: Generated<number>;
  suspensions: Generated<number>;
  reopenings: Generated<number>;
  escalations: Generated<number>;
  escalated: Generated<boolean>;
  handling_due_at: Timestamp | null;
  handling_overdue: Generated<boolean>;
  overdue_tier: Generated<'on_time' | 'overdue' | 'severely_overdue'>;
  closure_type: string | null;
  closed_at: Timestamp | null;
  reported_at: GeneratedTimestamp;
  version: Generated<number>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface CaseClocksTable {
  case_id: number;
  clock: string;
  round: number;
  started_at: Timestamp;
  limit_amount: number;
  limit_unit: string;
  due_at: Timestamp | null;
  pauses: Json<Array<{ from: string; to: string | null }>>;
  stopped_at: Timestamp | null;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: number;
  at: GeneratedTimestamp;
  actor_id: number | null;
  actor_name: string | null;
  actor_role: string | null;
  action: string;
  from_status: string | null;
  to_status: string;
  reason: string | null;
  note: string | null;
  attachments: Json<string[]>;
  changes: Json<Record<string, { before: unknown; after: unknown }>>;
  effects: Json<unknown[]>;
}

export interface CasePhotosTable {
  case_id: number;
  file_id: string;
  phase: 'before' | 'after';
  added_by: number | null;
  added_at: GeneratedTimestamp;
}

export interface CaseDeadlineAlertsTable {
  case_id: number;
  clock: string;
  round: number;
  level: 'near' | 'overdue' | 'severely_overdue';
  raised_at: GeneratedTimestamp;
}

declare module '../db/schema.js' {
  interface DB {
    stage_limits: StageLimitsTable;
    handling_limits: HandlingLimitsTable;
    routing_rules: RoutingRulesTable;
    case_number_counters: CaseNumberCountersTable;
    cases: CasesTable;
    case_clocks: CaseClocksTable;
    case_events: CaseEventsTable;
    case_photos: CasePhotosTable;
    case_deadline_alerts: CaseDeadlineAlertsTable;
  }
}
