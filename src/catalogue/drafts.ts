/**
 * The catalogue's draft use cases, one transaction each, audited: create a draft from the latest
 * version, edit it at its row version, discard it. Every saved draft passes the rules (a draft is
 * never invalid).
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { maxVisits } from './guide-validation.js';
import {
  deleteDraftRow,
  insertDraft,
  nextVersionNumber,
  updateDraftRow,
  type VersionContent,
} from './draft-repo.js';
import { lockItem } from './item-repo.js';
import { versionsOfItem, type VersionRecord } from './repo.js';
import { searchTextOf } from './search-text.js';
import { checkedContent, contentOf, type DraftPatch } from './input-checks.js';
import { conflict, getVersion, itemNotFound, lockedVersion, refuse } from './records.js';
import type { CatalogueClock } from './service.js';

/** 新建版本: a draft copied from the item's latest version (one draft at a time). */
export async function createDraft(
  db: Kysely<DB>,
  ctx: RequestContext,
  itemId: number,
): Promise<VersionRecord> {
  return inTransaction(db, async (tx) => {
    const item = await lockItem(tx, itemId);
    if (!item) throw itemNotFound(itemId);
    const versions = await versionsOfItem(tx, itemId);
    const draft = versions.find((v) => v.state === 'draft');
    if (draft)
      throw new DomainError(
        'CATALOGUE_DRAFT_EXISTS',
        `Item ${itemId} already has draft version ${draft.version}`,
        {
          draftId: draft.id,
        },
      );
    const latest = versions[0];
    if (!latest) throw itemNotFound(itemId);
    const content: VersionContent = {
      name: latest.name,
      aliases: latest.aliases,
      lifeEvents: latest.lifeEvents,
      // A new version starts when it is published unless the editor says otherwise.
      validFrom: null,
      validTo: null,
      guide: latest.guide,
      form: latest.form,
      bundleItemIds: latest.bundleItemIds,
      source: latest.source,
    };
    const derived = { searchText: searchTextOf(content), maxVisits: maxVisits(content.guide) };
    const number = await nextVersionNumber(tx, itemId);
    const id = await insertDraft(tx, itemId, number, content, derived);
    if (id === undefined)
      throw new DomainError('CATALOGUE_DRAFT_EXISTS', `Item ${itemId} already has a draft`);
    await recordAudit(tx, ctx, {
      action: 'catalogue.draft_create',
      targetType: 'catalogue_version',
      targetId: id,
      detail: { itemId, number, copiedFrom: latest.id },
    });
    return getVersion(tx, id);
  });
}

/** 修改草稿: replaces the given parts of a draft, at its row version. */
export async function updateDraft(
  db: Kysely<DB>,
  ctx: RequestContext,
  versionId: number,
  patch: DraftPatch,
  clock: CatalogueClock,
): Promise<VersionRecord> {
  return inTransaction(db, async (tx) => {
    const { item, version } = await lockedVersion(tx, versionId);
    refuse(version, 'edit');
    if (version.rowVersion !== patch.version)
      throw conflict('Version', versionId, version.rowVersion, patch.version);
    const { version: _version, ...changes } = patch;
    const merged = contentOf({
      name: changes.name ?? version.name,
      aliases: changes.aliases ?? version.aliases,
      lifeEvents: changes.lifeEvents ?? version.lifeEvents,
      validFrom: changes.validFrom !== undefined ? changes.validFrom : version.validFrom,
      validTo: changes.validTo !== undefined ? changes.validTo : version.validTo,
      guide: changes.guide ?? version.guide,
      form: changes.form ?? version.form,
      bundleItemIds: changes.bundleItemIds ?? version.bundleItemIds,
      source: changes.source !== undefined ? changes.source : version.source,
    });
    const checked = await checkedContent(tx, item, merged, clock.today, 'body');
    if (!(await updateDraftRow(tx, versionId, patch.version, checked.content, checked.derived)))
      throw conflict('Version', versionId, version.rowVersion, patch.version);
    await recordAudit(tx, ctx, {
      action: 'catalogue.draft_update',
      targetType: 'catalogue_version',
      targetId: versionId,
      detail: { itemId: item.id, fields: Object.keys(changes) },
    });
    return getVersion(tx, versionId);
  });
}

/** 删除草稿: a draft never published leaves no trace but the audit entry. */
export async function discardDraft(
  db: Kysely<DB>,
  ctx: RequestContext,
  versionId: number,
  rowVersion: number,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { item, version } = await lockedVersion(tx, versionId);
    refuse(version, 'discard');
    if (version.rowVersion !== rowVersion)
      throw conflict('Version', versionId, version.rowVersion, rowVersion);
    if ((await versionsOfItem(tx, item.id)).length === 1)
      throw new DomainError('CATALOGUE_ILLEGAL_ACTION', 'the only version of an item cannot be discarded');
    await deleteDraftRow(tx, versionId, rowVersion);
    await recordAudit(tx, ctx, {
      action: 'catalogue.draft_discard',
      targetType: 'catalogue_version',
      targetId: versionId,
      detail: { itemId: item.id, number: version.version },
    });
  });
}
