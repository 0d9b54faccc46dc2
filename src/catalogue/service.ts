/**
 * The catalogue's item and publication use cases, one transaction each, audited: create an item
 * with its first draft, change an unpublished item, publish, retire (drafts are edited in drafts.ts).
 * Publishing checks again only what depends on the day: validity and a bundle's children.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { localDayHour } from '../shared/local-time.js';
import { inTransaction } from '../shared/transaction.js';
import { closeValidity, insertDraft, markPublished, markRetired, publishedPeriods } from './draft-repo.js';
import { insertItem, lockItem, updateItemRow } from './item-repo.js';
import { findVersionRecord, versionsOfItem, type VersionRecord } from './repo.js';
import { planPublication } from './rules.js';
import {
  checkedContent,
  checkedItem,
  contentOf,
  type CreateItemInput,
  type ItemPatch,
} from './input-checks.js';
import {
  conflict,
  getItem,
  getVersion,
  itemNotFound,
  lockedVersion,
  refuse,
  type ItemDetail,
} from './records.js';

/** When things happen: the civil day (Asia/Shanghai by default) and the instant. */
export interface CatalogueClock {
  today: string;
  now: Date;
}

/** The clock at `now` in the deployment's time zone. */
export function catalogueClock(now: Date, timeZone: string): CatalogueClock {
  return { today: localDayHour(now, timeZone).day, now };
}

/** 新建事项: an item and its first draft, together. */
export async function createItem(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: CreateItemInput,
  clock: CatalogueClock,
): Promise<ItemDetail> {
  return inTransaction(db, async (tx) => {
    const draft = contentOf(input.draft);
    const isBundle = draft.bundleItemIds.length > 0;
    const fields = await checkedItem(tx, input, isBundle, null, 'body');
    const checked = await checkedContent(tx, fields, draft, clock.today, 'body.draft');
    const id = await insertItem(tx, fields);
    if (id === undefined)
      throw new DomainError('ALREADY_EXISTS', 'An item with these codes was just created');
    await insertDraft(tx, id, 1, checked.content, checked.derived);
    await recordAudit(tx, ctx, {
      action: 'catalogue.item_create',
      targetType: 'catalogue_item',
      targetId: id,
      detail: { ...fields, name: checked.content.name },
    });
    return getItem(tx, id);
  });
}

/** Changes an item's codes, place or 实施机关 — only before any version was published. */
export async function updateItem(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: number,
  patch: ItemPatch,
): Promise<ItemDetail> {
  return inTransaction(db, async (tx) => {
    const current = await lockItem(tx, id);
    if (!current) throw itemNotFound(id);
    if (current.version !== patch.version) throw conflict('Item', id, current.version, patch.version);
    if (
      (await publishedPeriods(tx, id)).length > 0 ||
      (await versionsOfItem(tx, id)).some((v) => v.state !== 'draft')
    )
      throw new DomainError(
        'CATALOGUE_ITEM_FIXED',
        '事项已发布，编码和实施机关不可修改 the item has been published: its codes and implementing organ are fixed',
      );
    const { version: _version, ...changes } = patch;
    const fields = await checkedItem(tx, { ...current, ...changes }, current.isBundle, id, 'body');
    if (!(await updateItemRow(tx, id, patch.version, fields)))
      throw conflict('Item', id, current.version, patch.version);
    await recordAudit(tx, ctx, {
      action: 'catalogue.item_update',
      targetType: 'catalogue_item',
      targetId: id,
      detail: changes,
    });
    return getItem(tx, id);
  });
}

export interface PublishInput {
  version: number;
  /** Defaults to the draft's validFrom, else today. */
  validFrom?: string | null;
  validTo?: string | null;
}

/**
 * 发布: freezes a draft. Its validity may not overlap another published version's; an earlier one
 * still running is closed the day before (rules.ts planPublication). A bundle's form and materials
 * are recomputed from its children's versions published today.
 */
export async function publishVersion(
  db: Kysely<DB>,
  ctx: RequestContext,
  versionId: number,
  input: PublishInput,
  clock: CatalogueClock,
): Promise<VersionRecord> {
  return inTransaction(db, async (tx) => {
    const { item, version } = await lockedVersion(tx, versionId);
    refuse(version, 'publish');
    if (version.rowVersion !== input.version)
      throw conflict('Version', versionId, version.rowVersion, input.version);
    const validFrom = (input.validFrom !== undefined ? input.validFrom : version.validFrom) ?? clock.today;
    const validTo = input.validTo !== undefined ? input.validTo : version.validTo;
    const checked = await checkedContent(tx, item, { ...version, validFrom, validTo }, clock.today, 'body');
    const plan = planPublication({ validFrom, validTo }, await publishedPeriods(tx, item.id));
    if ('conflict' in plan) {
      const other = await findVersionRecord(tx, plan.conflict);
      throw new DomainError(
        'CATALOGUE_VALIDITY_OVERLAP',
        `有效期与第 ${other?.version ?? '?'} 版重叠 the validity overlaps version ${other?.version ?? plan.conflict} (${other?.validFrom} – ${other?.validTo ?? '…'})`,
        {
          errors: [
            { field: 'body.validFrom', reason: `overlaps version ${other?.version ?? plan.conflict}` },
          ],
        },
      );
    }
    for (const close of plan.close) await closeValidity(tx, close.id, close.validTo);
    if (!(await markPublished(tx, versionId, input.version, checked.content, checked.derived, clock.now)))
      throw conflict('Version', versionId, version.rowVersion, input.version);
    await recordAudit(tx, ctx, {
      action: 'catalogue.publish',
      targetType: 'catalogue_version',
      targetId: versionId,
      detail: { itemId: item.id, number: version.version, validFrom, validTo, closed: plan.close },
    });
    return getVersion(tx, versionId);
  });
}

/** 废止: a published version stops being offered; applications made under it keep it. */
export async function retireVersion(
  db: Kysely<DB>,
  ctx: RequestContext,
  versionId: number,
  rowVersion: number,
  clock: CatalogueClock,
): Promise<VersionRecord> {
  return inTransaction(db, async (tx) => {
    const { item, version } = await lockedVersion(tx, versionId);
    refuse(version, 'retire');
    if (version.rowVersion !== rowVersion)
      throw conflict('Version', versionId, version.rowVersion, rowVersion);
    if (!(await markRetired(tx, versionId, rowVersion, clock.now)))
      throw conflict('Version', versionId, version.rowVersion, rowVersion);
    await recordAudit(tx, ctx, {
      action: 'catalogue.retire',
      targetType: 'catalogue_version',
      targetId: versionId,
      detail: { itemId: item.id, number: version.version },
    });
    return getVersion(tx, versionId);
  });
}
