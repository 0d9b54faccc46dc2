/**
 * Staff accounts (admin only): create, list, read, update with optimistic locking, reset the
 * password (a reset or a deactivation ends the account's sessions and API tokens for good).
 * Jurisdiction bindings must name existing regions; a department role needs a department; the
 * 受理员/值班长 position applies to supervisors only.
 */
import { inTransaction } from '../shared/transaction.js';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { departmentExists } from '../departments/index.js';
import { existingRegionCodes } from '../geography/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError, validationError, type FieldError } from '../shared/errors.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import type { StaffRole, SupervisorPosition } from './actor.js';
import { revokeCredentials, type Revoked } from './credentials.js';
import { hashPassword, passwordProblems } from './passwords.js';

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: StaffRole;
  position: SupervisorPosition | null;
  departmentId: number | null;
  regionCodes: string[];
  active: boolean;
  mustChangePassword: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  role: StaffRole;
  position?: SupervisorPosition | null;
  departmentId?: number | null;
  regionCodes: string[];
  mustChangePassword?: boolean;
}

export interface UserPatch {
  version: number;
  displayName?: string;
  role?: StaffRole;
  position?: SupervisorPosition | null;
  departmentId?: number | null;
  regionCodes?: string[];
  active?: boolean;
}

const DEPARTMENT_ROLES: readonly StaffRole[] = ['handler', 'department_lead'];

async function checkBindings(
  db: Kysely<DB>,
  fields: {
    role: StaffRole;
    position: SupervisorPosition | null;
    departmentId: number | null;
    regionCodes: string[];
  },
): Promise<void> {
  const errors: FieldError[] = [];
  if (fields.position !== null && fields.role !== 'supervisor') {
    errors.push({ field: 'body.position', reason: 'applies to the supervisor role only' });
  }
  if (fields.role === 'supervisor' && fields.position === null) {
    errors.push({ field: 'body.position', reason: 'a supervisor needs a position: operator or shift_lead' });
  }
  if (DEPARTMENT_ROLES.includes(fields.role) && fields.departmentId === null) {
    errors.push({ field: 'body.departmentId', reason: `the ${fields.role} role needs a department` });
  }
  if (fields.departmentId !== null) {
    if (!(await departmentExists(db, fields.departmentId)))
      errors.push({ field: 'body.departmentId', reason: `no department ${fields.departmentId}` });
  }
  if (fields.role !== 'admin' && fields.regionCodes.length === 0 && fields.departmentId === null) {
    errors.push({
      field: 'body.regionCodes',
      reason: 'a staff account needs at least one region or a department',
    });
  }
  if (fields.regionCodes.length > 0) {
    const known = await existingRegionCodes(db, fields.regionCodes);
    fields.regionCodes.forEach((code, i) => {
      if (!known.has(code)) errors.push({ field: `body.regionCodes.${i}`, reason: `no region ${code}` });
    });
  }
  if (errors.length > 0) throw validationError(errors);
}

async function present(db: Kysely<DB>, ids: number[]): Promise<UserView[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('users').selectAll().where('id', 'in', ids).orderBy('id').execute();
  const regions = await db
    .selectFrom('user_regions')
    .selectAll()
    .where('user_id', 'in', ids)
    .orderBy('region_code')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    position: row.position,
    departmentId: row.department_id,
    regionCodes: regions.filter((r) => r.user_id === row.id).map((r) => r.region_code),
    active: row.active,
    mustChangePassword: row.must_change_password,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

export async function getUser(db: Kysely<DB>, id: number): Promise<UserView> {
  const [user] = await present(db, [id]);
  if (!user) throw new DomainError('USER_NOT_FOUND', `No user ${id}`);
  return user;
}

export async function createUser(db: Kysely<DB>, ctx: RequestContext, input: UserInput): Promise<UserView> {
  const problem = passwordProblems(input.password);
  if (problem) throw validationError([{ field: 'body.password', reason: problem }]);
  const fields = {
    role: input.role,
    position: input.position ?? null,
    departmentId: input.departmentId ?? null,
    regionCodes: [...new Set(input.regionCodes)],
  };
  await checkBindings(db, fields);
  const passwordHash = await hashPassword(input.password);
  const id = await inTransaction(db, async (tx) => {
    const row = await tx
      .insertInto('users')
      .values({
        username: input.username,
        display_name: input.displayName,
        password_hash: passwordHash,
        role: fields.role,
        position: fields.position,
        department_id: fields.departmentId,
        must_change_password: input.mustChangePassword ?? false,
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row)
      throw new DomainError('ALREADY_EXISTS', `The username ${input.username} is taken`, {
        errors: [{ field: 'body.username', reason: 'is taken' }],
      });
    if (fields.regionCodes.length > 0) {
      await tx
        .insertInto('user_regions')
        .values(fields.regionCodes.map((code) => ({ user_id: row.id, region_code: code })))
        .execute();
    }
    await recordAudit(tx, ctx, {
      action: 'user.create',
      targetType: 'user',
      targetId: row.id,
      detail: {
        username: input.username,
        role: fields.role,
        regionCodes: fields.regionCodes,
        departmentId: fields.departmentId,
      },
    });
    return row.id;
  });
  return getUser(db, id);
}

export async function updateUser(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: number,
  patch: UserPatch,
): Promise<UserView> {
  const current = await getUser(db, id);
  const fields = {
    role: patch.role ?? current.role,
    position: patch.position !== undefined ? patch.position : current.position,
    departmentId: patch.departmentId !== undefined ? patch.departmentId : current.departmentId,
    regionCodes: patch.regionCodes ? [...new Set(patch.regionCodes)] : current.regionCodes,
  };
  if (patch.role && patch.role !== 'supervisor' && patch.position === undefined) fields.position = null;
  await checkBindings(db, fields);
  await inTransaction(db, async (tx) => {
    const result = await tx
      .updateTable('users')
      .set({
        display_name: patch.displayName ?? current.displayName,
        role: fields.role,
        position: fields.position,
        department_id: fields.departmentId,
        active: patch.active ?? current.active,
        version: sql<number>`version + 1`,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .where('version', '=', patch.version)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) {
      throw new DomainError('VERSION_CONFLICT', `User ${id} is at another version than ${patch.version}`, {
        currentVersion: (await getUser(tx, id)).version,
      });
    }
    if (patch.regionCodes) {
      await tx.deleteFrom('user_regions').where('user_id', '=', id).execute();
      if (fields.regionCodes.length > 0) {
        await tx
          .insertInto('user_regions')
          .values(fields.regionCodes.map((code) => ({ user_id: id, region_code: code })))
          .execute();
      }
    }
    // A changed jurisdiction must not keep old sessions alive (they carry the old scope). A
    // deactivation ends the API tokens too, for good: re-activating must not bring them back.
    let revoked: Revoked | null = null;
    if (patch.active === false) revoked = await revokeCredentials(tx, id);
    else if (patch.role || patch.regionCodes || patch.departmentId !== undefined)
      revoked = await revokeCredentials(tx, id, { apiTokens: false });
    await recordAudit(tx, ctx, {
      action: 'user.update',
      targetType: 'user',
      targetId: id,
      detail: { ...patch, ...(revoked ? { revoked } : {}) },
    });
  });
  return getUser(db, id);
}

/** An administrator sets a staff account's password (常为重置 — usually a reset). */
export async function setPassword(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: number,
  password: string,
  mustChange: boolean,
): Promise<void> {
  const problem = passwordProblems(password);
  if (problem) throw validationError([{ field: 'body.password', reason: problem }]);
  const passwordHash = await hashPassword(password);
  await inTransaction(db, async (tx) => {
    const result = await tx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        must_change_password: mustChange,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new DomainError('USER_NOT_FOUND', `No user ${id}`);
    // A reset means the old password may be known to someone else: whatever it let them create —
    // sessions and personal API tokens — ends with it.
    const revoked = await revokeCredentials(tx, id);
    await recordAudit(tx, ctx, {
      action: 'user.password_set',
      targetType: 'user',
      targetId: id,
      detail: { revoked },
    });
  });
}

export interface UserFilter {
  role?: StaffRole;
  departmentId?: number;
  q?: string;
  cursor?: string;
  limit: number;
}

export async function listUsers(db: Kysely<DB>, filter: UserFilter): Promise<Page<UserView>> {
  let query = db.selectFrom('users').select('id');
  if (filter.role) query = query.where('role', '=', filter.role);
  if (filter.departmentId !== undefined) query = query.where('department_id', '=', filter.departmentId);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
    query = query.where((eb) =>
      eb.or([eb('username', 'ilike', pattern), eb('display_name', 'ilike', pattern)]),
    );
  }
  if (filter.cursor) {
    const [lastId] = decodeCursor(filter.cursor, ['serial']);
    query = query.where('id', '>', lastId);
  }
  const rows = await query
    .orderBy('id')
    .limit(filter.limit + 1)
    .execute();
  const page = toPage(
    rows,
    filter.limit,
    (row) => row.id,
    (row) => [row.id],
  );
  return { items: await present(db, page.items), nextCursor: page.nextCursor };
}
