/**
 * Row types of the identity tables (migrations 0001, 0014), composed into `DB` by
 * src/db/schema.ts.
 */
import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Timestamp } from '../db/columns.js';
import type { StaffRole, SupervisorPosition } from './actor.js';
import type { ThrottleKind } from './throttle-rules.js';

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

/** Migration 0014: failed logins counted per account and per address (throttle.ts). */
export interface LoginThrottleTable {
  kind: ThrottleKind;
  key: string;
  failures: number;
  last_failure_at: Date | null;
  blocked_until: Date | null;
  last_success_at: Date | null;
}

export interface IdentityTables {
  users: UsersTable;
  user_regions: UserRegionsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_throttle: LoginThrottleTable;
}
