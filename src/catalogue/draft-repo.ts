/**
 * SQL writes of the catalogue's versions: numbering, inserting and editing drafts, discarding one,
 * and publication (closing an earlier validity, freezing, retiring), each guarded by the row version.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ApplicationForm, ServiceGuide } from './model.js';
import './tables.js';

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
