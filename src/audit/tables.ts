/** Row type of the audit log (migration 0001), composed into `DB` by src/db/schema.ts. */
import type { Generated } from 'kysely';
import type { GeneratedTimestamp, Json } from '../db/columns.js';

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

export interface AuditTables {
  audit_log: AuditLogTable;
}
