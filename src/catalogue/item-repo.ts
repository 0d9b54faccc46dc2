/**
 * SQL of the catalogue's items (事项): reads by id or basic code, the row lock that serialises an
 * item's writers, taken codes, inserts and updates, and the editor's list with each item's latest
 * version.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import type { DB } from '../db/schema.js';
import type { ItemKind, ItemLevel, ItemSituation, VersionState } from './model.js';
import './tables.js';
import type { CatalogueItemsTable } from './tables.js';

/** The stable part of an item (事项), as stored. */
export interface ItemRecord {
  id: number;
  basicCode: string;
  implementationCode: string;
  kind: ItemKind;
  level: ItemLevel;
  parentId: number | null;
  situation: ItemSituation | null;
  isBundle: boolean;
  departmentId: number;
  implementingOrgCreditCode: string;
  competentDepartment: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ItemFields {
  basicCode: string;
  implementationCode: string;
  kind: ItemKind;
  level: ItemLevel;
  parentId: number | null;
  situation: ItemSituation | null;
  isBundle: boolean;
  departmentId: number;
  implementingOrgCreditCode: string;
  competentDepartment: string;
}

function toItem(row: Selectable<CatalogueItemsTable>): ItemRecord {
  return {
    id: row.id,
    basicCode: row.basic_code,
    implementationCode: row.implementation_code,
    // CHECK constraints of migration 0020 keep these inside their lists.
    kind: row.kind as ItemKind,
    level: row.level as ItemLevel,
    parentId: row.parent_id,
    situation: row.situation as ItemSituation | null,
    isBundle: row.is_bundle,
    departmentId: row.department_id,
    implementingOrgCreditCode: row.implementing_org_credit_code,
    competentDepartment: row.competent_department,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findItem(db: Kysely<DB>, id: number): Promise<ItemRecord | null> {
  const row = await db.selectFrom('catalogue_items').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toItem(row) : null;
}

/** Locks an item row for the rest of the transaction: its versions change one writer at a time. */
export async function lockItem(db: Kysely<DB>, id: number): Promise<ItemRecord | null> {
  const row = await db
    .selectFrom('catalogue_items')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ? toItem(row) : null;
}

export async function findItemsByIds(
  db: Kysely<DB>,
  ids: readonly number[],
): Promise<Map<number, ItemRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('catalogue_items')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, toItem(r)]));
}

export async function itemIdsByBasicCode(
  db: Kysely<DB>,
  codes: readonly string[],
): Promise<Map<string, ItemRecord>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('catalogue_items')
    .selectAll()
    .where('basic_code', 'in', [...codes])
    .execute();
  return new Map(rows.map((r) => [r.basic_code, toItem(r)]));
}

export async function hasChildren(db: Kysely<DB>, itemId: number): Promise<boolean> {
  const row = await db
    .selectFrom('catalogue_items')
    .select('id')
    .where('parent_id', '=', itemId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Which codes are already taken by other items. */
export async function takenCodes(
  db: Kysely<DB>,
  codes: { basicCode: string; implementationCode: string },
  exceptId: number | null,
): Promise<{ basicCode: boolean; implementationCode: boolean }> {
  const rows = await db
    .selectFrom('catalogue_items')
    .select(['basic_code', 'implementation_code'])
    .where((eb) =>
      eb.or([
        eb('basic_code', '=', codes.basicCode),
        eb('implementation_code', '=', codes.implementationCode),
      ]),
    )
    .where('id', '!=', exceptId ?? 0)
    .execute();
  return {
    basicCode: rows.some((r) => r.basic_code === codes.basicCode),
    implementationCode: rows.some((r) => r.implementation_code === codes.implementationCode),
  };
}

function itemValues(fields: ItemFields) {
  return {
    basic_code: fields.basicCode,
    implementation_code: fields.implementationCode,
    kind: fields.kind,
    level: fields.level,
    parent_id: fields.parentId,
    situation: fields.situation,
    is_bundle: fields.isBundle,
    department_id: fields.departmentId,
    implementing_org_credit_code: fields.implementingOrgCreditCode,
    competent_department: fields.competentDepartment,
  };
}

/** Inserts an item; undefined when a code was taken concurrently. */
export async function insertItem(db: Kysely<DB>, fields: ItemFields): Promise<number | undefined> {
  const row = await db
    .insertInto('catalogue_items')
    .values(itemValues(fields))
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Updates an item at `version`; false when stale. */
export async function updateItemRow(
  db: Kysely<DB>,
  id: number,
  version: number,
  fields: ItemFields,
): Promise<boolean> {
  const result = await db
    .updateTable('catalogue_items')
    .set({ ...itemValues(fields), version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** An item with its latest version, for the editor's list. */
export interface ItemListRow {
  id: number;
  basicCode: string;
  implementationCode: string;
  kind: ItemKind;
  level: ItemLevel;
  parentId: number | null;
  isBundle: boolean;
  departmentId: number;
  latestVersionId: number;
  latestVersion: number;
  latestState: VersionState;
  name: string;
  hasDraft: boolean;
}

/** Items by id with their latest version; `q` matches the latest name or a code, `state` the latest state. */
export async function listItemRecords(
  db: Kysely<DB>,
  filter: { q?: string; state?: VersionState; cursor?: string; limit: number },
): Promise<Page<ItemListRow>> {
  let query = db
    .selectFrom('catalogue_items as i')
    .innerJoin('catalogue_item_versions as v', (join) =>
      join.onRef('v.item_id', '=', 'i.id').on('v.number', '=', (eb) =>
        eb
          .selectFrom('catalogue_item_versions as w')
          .select((w) => w.fn.max('w.number').as('n'))
          .whereRef('w.item_id', '=', 'i.id'),
      ),
    )
    .select([
      'i.id',
      'i.basic_code',
      'i.implementation_code',
      'i.kind',
      'i.level',
      'i.parent_id',
      'i.is_bundle',
      'i.department_id',
      'v.id as version_id',
      'v.number',
      'v.state',
      'v.name',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('catalogue_item_versions as d')
            .select('d.id')
            .whereRef('d.item_id', '=', 'i.id')
            .where('d.state', '=', 'draft'),
        )
        .as('has_draft'),
    );
  if (filter.state) query = query.where('v.state', '=', filter.state);
  if (filter.q) {
    const q = filter.q.replace(/[\\%_]/g, '\\$&');
    query = query.where((eb) =>
      eb.or([
        eb('v.name', 'ilike', `%${q}%`),
        eb('i.basic_code', 'like', `${q.toUpperCase()}%`),
        eb('i.implementation_code', 'like', `${q.toUpperCase()}%`),
      ]),
    );
  }
  if (filter.cursor) query = query.where('i.id', '>', decodeCursor(filter.cursor, ['serial'])[0]);
  const rows = await query
    .orderBy('i.id')
    .limit(filter.limit + 1)
    .execute();
  return toPage(
    rows,
    filter.limit,
    (r) => ({
      id: r.id,
      basicCode: r.basic_code,
      implementationCode: r.implementation_code,
      kind: r.kind as ItemKind,
      level: r.level as ItemLevel,
      parentId: r.parent_id,
      isBundle: r.is_bundle,
      departmentId: r.department_id,
      latestVersionId: r.version_id,
      latestVersion: r.number,
      latestState: r.state as VersionState,
      name: r.name,
      hasDraft: Boolean(r.has_draft),
    }),
    (r) => [r.id],
  );
}
