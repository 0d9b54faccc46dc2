/**
 * SQL reads of the catalogue's versions: one by id, an item's versions, the published version in
 * force on a day, and the reads other modules use (`getItemVersion`, `currentPublishedVersion`).
 * The catalogue is public reference data, so no jurisdiction predicate applies; writes are for
 * administrators (identity/policy.ts) and live in item-repo.ts and draft-repo.ts.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ItemKind, ItemLevel, ItemSituation, ItemVersion, VersionState } from './model.js';
import './tables.js';

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
