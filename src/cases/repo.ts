/** SQL of the cases module: loading a case with its class facts, and the class directory entry. */
import { sql, type Transaction, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { CaseStatus } from './workflow/index.js';
import './tables.js';

export interface CaseRow {
  id: number;
  number: string;
  source: string;
  kind: 'component' | 'matter';
  classification_id: number;
  class_standard: string;
  class_code: string;
  class_name: string;
  filing_condition: string;
  component_id: string | null;
  lng: number;
  lat: number;
  grid_code: string;
  community_code: string;
  street_code: string;
  district_code: string;
  address: string | null;
  description: string;
  urgency: 'normal' | 'urgent';
  status: CaseStatus;
  stage: string;
  department_id: number | null;
  suggested_department_id: number | null;
  routing_explanation: string | null;
  reported_by_user_id: number | null;
  check_result: string | null;
  duplicate_of: number | null;
  returns: number;
  reworks: number;
  extensions: number;
  suspensions: number;
  reopenings: number;
  escalations: number;
  escalated: boolean;
  handling_due_at: Date | null;
  handling_overdue: boolean;
  overdue_tier: 'on_time' | 'overdue' | 'severely_overdue';
  closure_type: string | null;
  closed_at: Date | null;
  reported_at: Date;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const CASE_COLUMNS = sql`c.id, c.number, c.source, c.kind, c.classification_id, k.standard as class_standard,
  k.code as class_code, k.name as class_name, c.filing_condition, c.component_id::text as component_id,
  ST_X(c.location) as lng, ST_Y(c.location) as lat, c.grid_code, c.community_code, c.street_code, c.district_code,
  c.address, c.description, c.urgency, c.status, c.stage, c.department_id, c.suggested_department_id,
  c.routing_explanation, c.reported_by_user_id, c.check_result, c.duplicate_of, c.returns, c.reworks, c.extensions,
  c.suspensions, c.reopenings, c.escalations, c.escalated, c.handling_due_at, c.handling_overdue, c.overdue_tier,
  c.closure_type, c.closed_at, c.reported_at, c.version, c.created_at, c.updated_at`;

/** One case; `forUpdate` locks its row for the rest of the transaction (two dispatchers: one wins). */
export async function loadCaseRow(
  db: Kysely<DB> | Transaction<DB>,
  id: number,
  forUpdate: boolean,
): Promise<CaseRow | null> {
  const result = await sql<CaseRow>`
    select ${CASE_COLUMNS} from cases c join classifications k on k.id = c.classification_id
    where c.id = ${id} ${forUpdate ? sql`for update of c` : sql``}`.execute(db);
  return result.rows[0] ?? null;
}

export interface ClassFacts {
  id: number;
  kind: 'component' | 'matter';
  standard: string;
  code: string;
  name: string;
  active: boolean;
}

export async function loadClass(db: Kysely<DB>, id: number): Promise<ClassFacts | null> {
  const row = await db
    .selectFrom('classifications')
    .select(['id', 'kind', 'standard', 'code', 'name', 'active'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ?? null;
}
