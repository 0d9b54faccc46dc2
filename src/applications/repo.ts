/**
 * The only SQL on the application tables. Rows come back as records with parsed JSON; personal
 * data stays in envelopes here (the service decrypts what a caller may see).
 */
import { sql, type Insertable, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor, GrantScope } from '../identity/index.js';
import { decodeCursor } from '../shared/pagination.js';
import type { ApplicationState } from './model.js';
import { formatNumber, type NumberKind } from './rules/numbering.js';
import type { ApplicationsTable } from './tables.js';
import './tables.js';

export type ApplicationRow = Selectable<ApplicationsTable>;

/** Where a staff member's reads and writes reach: everything, or their own department. */
export type StaffReach = { kind: 'all' } | { kind: 'department'; departmentId: number | null };

export function reachOf(actor: Actor, scope: GrantScope): StaffReach {
  return scope === 'department' ? { kind: 'department', departmentId: actor.departmentId } : { kind: 'all' };
}

function base(db: Kysely<DB>) {
  return db.selectFrom('applications').selectAll();
}

/** One application, locked for the transaction when `lock`; null when absent or outside the reach. */
export async function findApplication(
  db: Kysely<DB>,
  id: number,
  options: { lock?: boolean; reach?: StaffReach; citizenId?: number } = {},
): Promise<ApplicationRow | null> {
  let query = base(db).where('id', '=', id);
  const reach = options.reach;
  if (reach?.kind === 'department') {
    if (reach.departmentId === null) return null;
    query = query.where('department_id', '=', reach.departmentId);
  }
  if (options.citizenId !== undefined) {
    const citizenId = options.citizenId;
    query = query.where((eb) =>
      eb.or([eb('acting_citizen_id', '=', citizenId), eb('applicant_citizen_id', '=', citizenId)]),
    );
  }
  if (options.lock) query = query.forUpdate();
  return (await query.executeTakeFirst()) ?? null;
}

export async function childrenOf(db: Kysely<DB>, parentId: number, lock = false): Promise<ApplicationRow[]> {
  let query = base(db).where('parent_id', '=', parentId).orderBy('id');
  if (lock) query = query.forUpdate();
  return query.execute();
}

export async function insertApplication(
  tx: Transaction<DB>,
  values: Insertable<ApplicationsTable>,
): Promise<number> {
  const { id } = await tx.insertInto('applications').values(values).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Writes the changes and bumps the version; the caller checked the version it read. */
export async function updateApplication(
  tx: Transaction<DB>,
  id: number,
  changes: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await tx
    .updateTable('applications')
    .set({ ...changes, version: sql`version + 1`, updated_at: now })
    .where('id', '=', id)
    .execute();
}

export interface EventInput {
  applicationId: number;
  at: Date;
  action: string;
  fromState: ApplicationState | null;
  toState: ApplicationState;
  actor:
    | { kind: 'applicant'; citizenId: number; name: string }
    | { kind: 'staff'; userId: number | null; name: string }
    | { kind: 'system'; name: string };
  note: string | null;
}

export async function insertEvent(tx: Transaction<DB>, event: EventInput): Promise<void> {
  await tx
    .insertInto('application_events')
    .values({
      application_id: event.applicationId,
      at: event.at,
      action: event.action,
      from_state: event.fromState,
      to_state: event.toState,
      actor_kind: event.actor.kind,
      actor_user_id: event.actor.kind === 'staff' && event.actor.userId ? event.actor.userId : null,
      actor_citizen_id: event.actor.kind === 'applicant' ? event.actor.citizenId : null,
      actor_name: event.actor.name,
      note: event.note,
    })
    .execute();
}

export async function eventsOf(db: Kysely<DB>, applicationId: number) {
  return db
    .selectFrom('application_events')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}

/**
 * The next number of the day: the counter row is locked until commit, so numbers are gap-free
 * and taken last in a use case (docs/architecture.md ADR-6).
 */
export async function nextNumber(tx: Transaction<DB>, kind: NumberKind, day: string): Promise<string> {
  const compact = day.replaceAll('-', '');
  const { last } = await tx
    .insertInto('application_counters')
    .values({ kind, day: compact, last: 1 })
    .onConflict((oc) => oc.columns(['kind', 'day']).doUpdateSet({ last: sql`application_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return formatNumber(kind, day, last);
}

export interface StaffListFilter {
  state?: ApplicationState;
  itemId?: number;
  departmentId?: number;
  overdue?: boolean;
  light?: string;
  q?: string;
  from?: Date;
  to?: Date;
  sort: 'newest' | 'oldest';
  cursor?: string;
  limit: number;
}

export async function listApplications(
  db: Kysely<DB>,
  reach: StaffReach,
  filter: StaffListFilter,
): Promise<{ rows: ApplicationRow[]; total: number }> {
  if (reach.kind === 'department' && reach.departmentId === null) return { rows: [], total: 0 };
  let query = base(db);
  if (reach.kind === 'department') query = query.where('department_id', '=', reach.departmentId!);
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.itemId) query = query.where('item_id', '=', filter.itemId);
  if (filter.departmentId) query = query.where('department_id', '=', filter.departmentId);
  if (filter.overdue) query = query.where('light', '=', 'red');
  if (filter.light) query = query.where('light', '=', filter.light);
  if (filter.q) {
    const q = filter.q.toUpperCase();
    query = query.where((eb) => eb.or([eb('number', '=', q), eb('acceptance_number', '=', q)]));
  }
  if (filter.from) query = query.where('created_at', '>=', filter.from);
  if (filter.to) query = query.where('created_at', '<', filter.to);
  const { total } = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  if (filter.cursor) {
    const [id] = decodeCursor(filter.cursor, ['bigserial'] as const);
    query = query.where('id', filter.sort === 'newest' ? '<' : '>', id);
  }
  const rows = await query
    .orderBy('id', filter.sort === 'newest' ? 'desc' : 'asc')
    .limit(filter.limit + 1)
    .execute();
  return { rows, total: Number(total) };
}

export async function listForCitizen(
  db: Kysely<DB>,
  citizenId: number,
  filter: { state?: ApplicationState; cursor?: string; limit: number },
): Promise<ApplicationRow[]> {
  let query = base(db)
    .where('parent_id', 'is', null)
    .where((eb) =>
      eb.or([eb('acting_citizen_id', '=', citizenId), eb('applicant_citizen_id', '=', citizenId)]),
    );
  if (filter.state) query = query.where('state', '=', filter.state);
  if (filter.cursor) {
    const [id] = decodeCursor(filter.cursor, ['bigserial'] as const);
    query = query.where('id', '<', id);
  }
  return query
    .orderBy('id', 'desc')
    .limit(filter.limit + 1)
    .execute();
}

/** Applications whose clock runs (acceptance or decision), for the sweep. */
export async function runningApplications(db: Kysely<DB>): Promise<ApplicationRow[]> {
  return base(db).where('state', 'in', ['submitted', 'accepted', 'in_review']).orderBy('id').execute();
}

/** Raises an alert once; false when it was raised before. */
export async function raiseAlert(
  tx: Transaction<DB>,
  applicationId: number,
  clock: 'acceptance' | 'decision',
  light: 'yellow' | 'red',
  at: Date,
): Promise<boolean> {
  const row = await tx
    .insertInto('application_alerts')
    .values({ application_id: applicationId, clock, light, raised_at: at })
    .onConflict((oc) => oc.columns(['application_id', 'clock', 'light']).doNothing())
    .returning('application_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether a file is a material of an application the citizen acts in or applies by. */
export async function citizenSeesMaterial(
  db: Kysely<DB>,
  citizenId: number,
  fileId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('applications')
    .select('id')
    .where(sql<boolean>`materials @> ${JSON.stringify([{ fileId }])}::jsonb`)
    .where((eb) =>
      eb.or([eb('acting_citizen_id', '=', citizenId), eb('applicant_citizen_id', '=', citizenId)]),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether a file is a material of an application the staff member reaches. */
export async function staffSeesMaterial(db: Kysely<DB>, reach: StaffReach, fileId: string): Promise<boolean> {
  if (reach.kind === 'department' && reach.departmentId === null) return false;
  let query = db
    .selectFrom('applications')
    .select('id')
    .where(sql<boolean>`materials @> ${JSON.stringify([{ fileId }])}::jsonb`);
  if (reach.kind === 'department') query = query.where('department_id', '=', reach.departmentId!);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}
