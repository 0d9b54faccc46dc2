/**
 * SQL of the departments module. Departments are reference data every staff account may read,
 * so no jurisdiction predicate applies here; writes are admin-only (identity/policy.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { ClassKind, ClassStandard } from '../classification/index.js';
import type { DB } from '../db/schema.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import type { DepartmentKind } from './kinds.js';
import type { Responsibility } from './responsibility.js';

export interface DepartmentRecord {
  id: number;
  creditCode: string | null;
  name: string;
  shortName: string | null;
  kind: DepartmentKind;
  regionCode: string | null;
  phone: string | null;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ResponsibilityRecord {
  kind: ClassKind;
  standard: ClassStandard;
  classCodePrefix: string;
  regionCode: string;
}

export interface DepartmentFilter {
  kind?: DepartmentKind;
  active?: boolean;
  regionCode?: string;
  q?: string;
  cursor?: string;
  limit: number;
}

export interface DepartmentFields {
  creditCode: string | null;
  name: string;
  shortName: string | null;
  kind: DepartmentKind;
  regionCode: string | null;
  phone: string | null;
  active: boolean;
}

function toRecord(row: {
  id: number;
  credit_code: string | null;
  name: string;
  short_name: string | null;
  kind: string;
  region_code: string | null;
  phone: string | null;
  active: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
}): DepartmentRecord {
  return {
    id: row.id,
    creditCode: row.credit_code,
    name: row.name,
    shortName: row.short_name,
    // The CHECK constraint of migration 0002 keeps the column inside the fixed list.
    kind: row.kind as DepartmentKind,
    regionCode: row.region_code,
    phone: row.phone,
    active: row.active,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findDepartment(db: Kysely<DB>, id: number): Promise<DepartmentRecord | undefined> {
  const row = await db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** Whether a department of this id exists, active or not (a reference to it is valid). */
export async function departmentExists(db: Kysely<DB>, id: number): Promise<boolean> {
  const row = await db.selectFrom('departments').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/** One department as other modules resolve references to it (by id, credit code or name). */
export interface DepartmentSummary {
  id: number;
  name: string;
  shortName: string | null;
  creditCode: string | null;
  active: boolean;
}

/** Every department, active or not, unordered. */
export async function listDepartmentSummaries(db: Kysely<DB>): Promise<DepartmentSummary[]> {
  const rows = await db
    .selectFrom('departments')
    .select(['id', 'name', 'short_name', 'credit_code', 'active'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    creditCode: r.credit_code,
    active: r.active,
  }));
}

/** Ordered by id; `q` matches the name, the short name or the start of the credit code. */
export async function listDepartmentRecords(
  db: Kysely<DB>,
  filter: DepartmentFilter,
): Promise<Page<DepartmentRecord>> {
  let query = db.selectFrom('departments').selectAll();
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active);
  if (filter.regionCode) query = query.where('region_code', 'like', `${filter.regionCode}%`);
  if (filter.q) {
    const q = filter.q.replace(/[\\%_]/g, '\\$&');
    query = query.where((eb) =>
      eb.or([
        eb('name', 'ilike', `%${q}%`),
        eb('short_name', 'ilike', `%${q}%`),
        eb('credit_code', 'like', `${q.toUpperCase()}%`),
      ]),
    );
  }
  if (filter.cursor) query = query.where('id', '>', decodeCursor(filter.cursor, ['serial'])[0]);
  const rows = await query
    .orderBy('id')
    .limit(filter.limit + 1)
    .execute();
  return toPage(rows, filter.limit, toRecord, (row) => [row.id]);
}

/** The taken values among a department's unique fields, ignoring `exceptId`. */
export async function takenFields(
  db: Kysely<DB>,
  fields: { name: string; creditCode: string | null },
  exceptId: number | null,
): Promise<{ name: boolean; creditCode: boolean }> {
  const rows = await db
    .selectFrom('departments')
    .select(['name', 'credit_code'])
    .where((eb) =>
      eb.or([
        eb('name', '=', fields.name),
        ...(fields.creditCode ? [eb('credit_code', '=', fields.creditCode)] : []),
      ]),
    )
    .where('id', '!=', exceptId ?? 0)
    .execute();
  return {
    name: rows.some((r) => r.name === fields.name),
    creditCode: fields.creditCode !== null && rows.some((r) => r.credit_code === fields.creditCode),
  };
}

/** Inserts a department; undefined when a unique field was taken concurrently. */
export async function insertDepartment(
  db: Kysely<DB>,
  fields: DepartmentFields,
): Promise<number | undefined> {
  const row = await db
    .insertInto('departments')
    .values({
      credit_code: fields.creditCode,
      name: fields.name,
      short_name: fields.shortName,
      kind: fields.kind,
      region_code: fields.regionCode,
      phone: fields.phone,
      active: fields.active,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Updates at `version`, bumping it; false when the version was stale. */
export async function updateDepartmentRow(
  db: Kysely<DB>,
  id: number,
  version: number,
  fields: DepartmentFields,
): Promise<boolean> {
  const result = await db
    .updateTable('departments')
    .set({
      credit_code: fields.creditCode,
      name: fields.name,
      short_name: fields.shortName,
      kind: fields.kind,
      region_code: fields.regionCode,
      phone: fields.phone,
      active: fields.active,
      version: sql<number>`version + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Bumps the version of a department whose responsibilities change; false when stale. */
export async function bumpDepartmentVersion(db: Kysely<DB>, id: number, version: number): Promise<boolean> {
  const result = await db
    .updateTable('departments')
    .set({ version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function responsibilitiesOf(
  db: Kysely<DB>,
  departmentId: number,
): Promise<ResponsibilityRecord[]> {
  const rows = await db
    .selectFrom('department_responsibilities')
    .select(['kind', 'standard', 'class_code_prefix', 'region_code'])
    .where('department_id', '=', departmentId)
    .orderBy('kind')
    .orderBy('standard')
    .orderBy('class_code_prefix')
    .orderBy('region_code')
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    // Kept inside the list by the CHECK constraint of migration 0002.
    standard: r.standard as ClassStandard,
    classCodePrefix: r.class_code_prefix,
    regionCode: r.region_code,
  }));
}

export async function replaceResponsibilities(
  db: Kysely<DB>,
  departmentId: number,
  responsibilities: readonly ResponsibilityRecord[],
): Promise<void> {
  await db.deleteFrom('department_responsibilities').where('department_id', '=', departmentId).execute();
  if (responsibilities.length === 0) return;
  await db
    .insertInto('department_responsibilities')
    .values(
      responsibilities.map((r) => ({
        department_id: departmentId,
        kind: r.kind,
        standard: r.standard,
        class_code_prefix: r.classCodePrefix,
        region_code: r.regionCode,
      })),
    )
    .execute();
}

/** Every responsibility, of active departments only unless told otherwise (for case routing). */
export async function loadResponsibilities(
  db: Kysely<DB>,
  options: { includeInactive?: boolean } = {},
): Promise<Responsibility[]> {
  let query = db
    .selectFrom('department_responsibilities as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select(['r.department_id', 'r.kind', 'r.standard', 'r.class_code_prefix', 'r.region_code']);
  if (!options.includeInactive) query = query.where('d.active', '=', true);
  const rows = await query.orderBy('r.id').execute();
  return rows.map((r) => ({
    departmentId: r.department_id,
    kind: r.kind,
    standard: r.standard,
    classCodePrefix: r.class_code_prefix,
    regionCode: r.region_code,
  }));
}
