/**
 * SQL of the catalogue: items, their versions, and the reads other modules use
 * (`getItemVersion`, `currentPublishedVersion`). The catalogue is public reference data, so no
 * jurisdiction predicate applies; writes are for administrators (identity/policy.ts).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import type { DB } from '../db/schema.js';
import type {
  ApplicationForm,
  ItemKind,
  ItemLevel,
  ItemSituation,
  ItemVersion,
  ServiceGuide,
  VersionState,
} from './model.js';
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

/** A version with what the editor needs beyond the contract: its row version and provenance. */
export interface VersionRecord extends ItemVersion {
  /** Optimistic-locking version of the row (not the version number). */
  rowVersion: number;
  isBundle: boolean;
  parentId: number | null;
  source: string | null;
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
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

/** What a version holds; the service derives the search columns from it. */
export interface VersionContent {
  name: string;
  aliases: string[];
  lifeEvents: string[];
  validFrom: string | null;
  validTo: string | null;
  guide: ServiceGuide;
  form: ApplicationForm;
  bundleItemIds: number[];
  source: string | null;
}

export interface DerivedColumns {
  searchText: string;
  maxVisits: number;
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

function versionQuery(db: Kysely<DB>) {
  return db
    .selectFrom('catalogue_item_versions as v')
    .innerJoin('catalogue_items as i', 'i.id', 'v.item_id')
    .select([
      'v.id',
      'v.item_id',
      'v.number',
      'v.state',
      'v.valid_from',
      'v.valid_to',
      'v.name',
      'v.aliases',
      'v.life_events',
      'v.guide',
      'v.form',
      'v.bundle_item_ids',
      'v.source',
      'v.published_at',
      'v.retired_at',
      'v.version as row_version',
      'v.created_at',
      'v.updated_at',
      'i.basic_code',
      'i.implementation_code',
      'i.kind',
      'i.level',
      'i.parent_id',
      'i.situation',
      'i.is_bundle',
      'i.department_id',
      'i.implementing_org_credit_code',
      'i.competent_department',
    ]);
}

type VersionRow = Awaited<ReturnType<ReturnType<typeof versionQuery>['executeTakeFirstOrThrow']>>;

function toVersion(row: VersionRow): VersionRecord {
  return {
    id: row.id,
    itemId: row.item_id,
    version: row.number,
    state: row.state as VersionState,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    name: row.name,
    aliases: row.aliases,
    basicCode: row.basic_code,
    implementationCode: row.implementation_code,
    kind: row.kind as ItemKind,
    level: row.level as ItemLevel,
    situation: row.situation as ItemSituation | null,
    departmentId: row.department_id,
    implementingOrgCreditCode: row.implementing_org_credit_code,
    competentDepartment: row.competent_department,
    lifeEvents: row.life_events,
    guide: row.guide,
    form: row.form,
    bundleItemIds: row.bundle_item_ids,
    publishedAt: row.published_at ? row.published_at.toISOString() : null,
    rowVersion: row.row_version,
    isBundle: row.is_bundle,
    parentId: row.parent_id,
    source: row.source,
    retiredAt: row.retired_at ? row.retired_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Strips the editor's fields: the contract shape applications keep. */
export function asItemVersion(record: VersionRecord): ItemVersion {
  const {
    rowVersion: _rowVersion,
    isBundle: _isBundle,
    parentId: _parentId,
    source: _source,
    retiredAt: _retiredAt,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    ...version
  } = record;
  return version;
}

export async function findVersionRecord(db: Kysely<DB>, versionId: number): Promise<VersionRecord | null> {
  const row = await versionQuery(db).where('v.id', '=', versionId).executeTakeFirst();
  return row ? toVersion(row) : null;
}

/** A version by id, in any state: an application reads the version it was made under. */
export async function getItemVersion(db: Kysely<DB>, versionId: number): Promise<ItemVersion | null> {
  const record = await findVersionRecord(db, versionId);
  return record ? asItemVersion(record) : null;
}

/** The published version of an item in force on a civil day (YYYY-MM-DD), or null. */
export async function currentPublishedVersion(
  db: Kysely<DB>,
  itemId: number,
  onDate: string,
): Promise<ItemVersion | null> {
  const record = await currentPublishedRecord(db, itemId, onDate);
  return record ? asItemVersion(record) : null;
}

export async function currentPublishedRecord(
  db: Kysely<DB>,
  itemId: number,
  onDate: string,
): Promise<VersionRecord | null> {
  const row = await versionQuery(db)
    .where('v.item_id', '=', itemId)
    .where('v.state', '=', 'published')
    .where('v.valid_from', '<=', onDate)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>=', onDate)]))
    .executeTakeFirst();
  return row ? toVersion(row) : null;
}

/** The current published versions of several items on a day (bundles read their children). */
export async function currentPublishedRecords(
  db: Kysely<DB>,
  itemIds: readonly number[],
  onDate: string,
): Promise<Map<number, VersionRecord>> {
  if (itemIds.length === 0) return new Map();
  const rows = await versionQuery(db)
    .where('v.item_id', 'in', [...itemIds])
    .where('v.state', '=', 'published')
    .where('v.valid_from', '<=', onDate)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>=', onDate)]))
    .execute();
  return new Map(rows.map((r) => [r.item_id, toVersion(r)]));
}

export async function versionsOfItem(db: Kysely<DB>, itemId: number): Promise<VersionRecord[]> {
  const rows = await versionQuery(db).where('v.item_id', '=', itemId).orderBy('v.number', 'desc').execute();
  return rows.map(toVersion);
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

function contentValues(content: VersionContent, derived: DerivedColumns) {
  return {
    valid_from: content.validFrom,
    valid_to: content.validTo,
    name: content.name,
    aliases: content.aliases,
    life_events: content.lifeEvents,
    subjects: content.guide.subjects,
    channels: content.guide.channels,
    max_visits: derived.maxVisits,
    guide: JSON.stringify(content.guide),
    form: JSON.stringify(content.form),
    bundle_item_ids: content.bundleItemIds,
    source: content.source,
    search_text: derived.searchText,
  };
}

export async function nextVersionNumber(db: Kysely<DB>, itemId: number): Promise<number> {
  const row = await db
    .selectFrom('catalogue_item_versions')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return (row?.n ?? 0) + 1;
}

export async function insertDraft(
  db: Kysely<DB>,
  itemId: number,
  number: number,
  content: VersionContent,
  derived: DerivedColumns,
): Promise<number | undefined> {
  const row = await db
    .insertInto('catalogue_item_versions')
    .values({ item_id: itemId, number, state: 'draft', ...contentValues(content, derived) })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Rewrites a draft at its row version; false when stale or no longer a draft. */
export async function updateDraftRow(
  db: Kysely<DB>,
  id: number,
  version: number,
  content: VersionContent,
  derived: DerivedColumns,
): Promise<boolean> {
  const result = await db
    .updateTable('catalogue_item_versions')
    .set({ ...contentValues(content, derived), version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteDraftRow(db: Kysely<DB>, id: number, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('catalogue_item_versions')
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function publishedPeriods(
  db: Kysely<DB>,
  itemId: number,
): Promise<{ id: number; validFrom: string; validTo: string | null }[]> {
  const rows = await db
    .selectFrom('catalogue_item_versions')
    .select(['id', 'valid_from', 'valid_to'])
    .where('item_id', '=', itemId)
    .where('state', '=', 'published')
    .execute();
  return rows.map((r) => ({ id: r.id, validFrom: r.valid_from!, validTo: r.valid_to }));
}

export async function closeValidity(db: Kysely<DB>, id: number, validTo: string): Promise<void> {
  await db
    .updateTable('catalogue_item_versions')
    .set({ valid_to: validTo, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Publishes a draft at its row version with its final content; false when stale. */
export async function markPublished(
  db: Kysely<DB>,
  id: number,
  version: number,
  content: VersionContent,
  derived: DerivedColumns,
  at: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('catalogue_item_versions')
    .set({
      ...contentValues(content, derived),
      state: 'published',
      published_at: at,
      version: sql<number>`version + 1`,
      updated_at: at,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', '=', 'draft')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function markRetired(db: Kysely<DB>, id: number, version: number, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('catalogue_item_versions')
    .set({ state: 'retired', retired_at: at, version: sql<number>`version + 1`, updated_at: at })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', '=', 'published')
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
