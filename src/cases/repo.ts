/**
 * SQL of the case loop's use cases: loading a case with its class facts, and writing a case, its
 * photos and its append-only history events. The class facts come from the classification
 * module's relation (its door), joined in the same statement.
 */
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../identity/index.js';
import { classFactsRelation } from '../classification/index.js';
import type { DB } from '../db/schema.js';
import type { CaseSource, CaseStatus, CheckResult, ClosureType, Stage } from './workflow/index.js';
import './tables.js';

export interface CaseRow {
  id: number;
  number: string;
  source: CaseSource;
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
  stage: Stage;
  department_id: number | null;
  suggested_department_id: number | null;
  routing_explanation: string | null;
  reported_by_user_id: number | null;
  check_result: CheckResult | null;
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
  closure_type: ClosureType | null;
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

/** The cases and class facts CASE_COLUMNS reads: `cases c` joined with its class as `k`. */
export function casesWithClass(db: Kysely<DB>) {
  return sql`cases c join ${classFactsRelation(db)} k on k.id = c.classification_id`;
}

/** One case; `forUpdate` locks its row for the rest of the transaction (two dispatchers: one wins). */
export async function loadCaseRow(
  db: Kysely<DB> | Transaction<DB>,
  id: number,
  forUpdate: boolean,
): Promise<CaseRow | null> {
  const result = await sql<CaseRow>`
    select ${CASE_COLUMNS} from ${casesWithClass(db)}
    where c.id = ${id} ${forUpdate ? sql`for update of c` : sql``}`.execute(db);
  return result.rows[0] ?? null;
}

type Point = { lng: number; lat: number };
const pointOf = (p: Point) => sql<string>`ST_SetSRID(ST_MakePoint(${p.lng}, ${p.lat}), 4326)`;

/** Writes a new case at a WGS 84 point; returns its id. */
export async function insertCase(
  db: Kysely<DB>,
  values: Omit<Insertable<DB['cases']>, 'location'>,
  point: Point,
): Promise<number> {
  const inserted = await db
    .insertInto('cases')
    .values({ ...values, location: pointOf(point) as unknown as string })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

export async function setCaseNumber(db: Kysely<DB>, id: number, number: string): Promise<void> {
  await db.updateTable('cases').set({ number }).where('id', '=', id).execute();
}

export async function moveCase(db: Kysely<DB>, id: number, point: Point): Promise<void> {
  await sql`update cases set location = ${pointOf(point)} where id = ${id}`.execute(db);
}

/**
 * Writes an action's changes: the changed columns, the counters raised by `n` each (in SQL, so
 * concurrent sweeps never lose one), and the next version.
 */
export async function updateCase(
  db: Kysely<DB>,
  id: number,
  set: Readonly<Record<string, unknown>>,
  counters: Readonly<Record<string, number>>,
  now: Date,
): Promise<void> {
  await db
    .updateTable('cases')
    .set({
      ...(set as object),
      ...Object.fromEntries(
        Object.entries(counters).map(([counter, n]) => [counter, sql`${sql.ref(counter)} + ${n}`]),
      ),
      version: sql<number>`version + 1`,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** Links uploaded files to a case as its before or after photos; a photo linked already is kept once. */
export async function addCasePhotos(
  db: Kysely<DB>,
  caseId: number,
  fileIds: readonly string[],
  phase: 'before' | 'after',
  addedBy: Pick<Actor, 'id'>,
  at: Date,
  options: { ignoreLinked?: boolean } = {},
): Promise<void> {
  if (fileIds.length === 0) return;
  const insert = db.insertInto('case_photos').values(
    fileIds.map((file) => ({
      case_id: caseId,
      file_id: file,
      phase,
      added_by: addedBy.id || null,
      added_at: at,
    })),
  );
  await (
    options.ignoreLinked ? insert.onConflict((oc) => oc.columns(['case_id', 'file_id']).doNothing()) : insert
  ).execute();
}

/** One history event (办理过程) as the use cases write it; the actor is the account that acted. */
export interface CaseEventInput {
  caseId: number;
  at: Date;
  actor: Pick<Actor, 'id' | 'username' | 'role'>;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  reason?: string | null;
  note: string | null;
  attachments: readonly string[];
  changes: Readonly<Record<string, { before: unknown; after: unknown }>>;
  effects: readonly unknown[];
}

/** Appends a history event; returns its id. */
export async function insertCaseEvent(db: Kysely<DB>, event: CaseEventInput): Promise<number> {
  const inserted = await db
    .insertInto('case_events')
    .values({
      case_id: event.caseId,
      at: event.at,
      actor_id: event.actor.id || null,
      actor_name: event.actor.username,
      actor_role: event.actor.role,
      action: event.action,
      from_status: event.fromStatus,
      to_status: event.toStatus,
      ...(event.reason !== undefined ? { reason: event.reason } : {}),
      note: event.note,
      attachments: JSON.stringify(event.attachments),
      changes: JSON.stringify(event.changes),
      effects: JSON.stringify(event.effects),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** The deadline asked for by the latest extension request (request-extension event) of a case. */
export async function requestedDueAt(db: Kysely<DB>, caseId: number): Promise<Date | null> {
  const event = await db
    .selectFrom('case_events')
    .select('changes')
    .where('case_id', '=', caseId)
    .where('action', '=', 'request-extension')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const requested = (event?.changes as unknown as Record<string, { after: unknown }> | undefined)
    ?.requested_due_at?.after;
  return typeof requested === 'string' ? new Date(requested) : null;
}
