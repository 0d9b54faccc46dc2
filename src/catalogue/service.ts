/**
 * The catalogue's write use cases, one transaction each, audited: create an item with its first
 * draft, change an unpublished item, create / edit / discard a draft, publish, retire. Every saved
 * version passes the rules (a draft is never invalid, so publishing checks only what depends on the
 * day: validity and a bundle's children).
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import { departmentExists } from '../departments/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError, validationError, type FieldError } from '../shared/errors.js';
import { localDayHour } from '../shared/local-time.js';
import { inTransaction } from '../shared/transaction.js';
import { formErrors, guideErrors, lifeEventErrors, maxVisits } from './guide-validation.js';
import type { ItemKind, ItemLevel, ItemSituation } from './model.js';
import {
  closeValidity,
  deleteDraftRow,
  insertDraft,
  markPublished,
  markRetired,
  nextVersionNumber,
  publishedPeriods,
  updateDraftRow,
  type DerivedColumns,
  type VersionContent,
} from './draft-repo.js';
import {
  findItem,
  findItemsByIds,
  insertItem,
  lockItem,
  takenCodes,
  updateItemRow,
  type ItemFields,
  type ItemRecord,
} from './item-repo.js';
import { currentPublishedRecords, findVersionRecord, versionsOfItem, type VersionRecord } from './repo.js';
import {
  basicCodeProblem,
  bundleChildErrors,
  implementationCodeProblem,
  implementingOrgProblem,
  nextVersionState,
  planPublication,
  refusedActionReason,
  treeErrors,
  unionForm,
  unionMaterials,
  type BundleChild,
  type VersionAction,
} from './rules.js';
import { searchTextOf } from './search-text.js';

export interface ItemInput {
  basicCode: string;
  implementationCode: string;
  kind: ItemKind;
  level: ItemLevel;
  parentId: number | null;
  situation: ItemSituation | null;
  departmentId: number;
  implementingOrgCreditCode: string;
  competentDepartment: string;
}

export type ItemPatch = Partial<ItemInput> & { version: number };

export interface VersionContentInput {
  name: string;
  aliases?: string[];
  lifeEvents: string[];
  validFrom?: string | null;
  validTo?: string | null;
  guide: VersionContent['guide'];
  form: VersionContent['form'];
  bundleItemIds?: number[];
  source?: string | null;
}

export interface CreateItemInput extends ItemInput {
  draft: VersionContentInput;
}

export type DraftPatch = Partial<VersionContentInput> & { version: number };

/** When things happen: the civil day (Asia/Shanghai by default) and the instant. */
export interface CatalogueClock {
  today: string;
  now: Date;
}

/** The clock at `now` in the deployment's time zone. */
export function catalogueClock(now: Date, timeZone: string): CatalogueClock {
  return { today: localDayHour(now, timeZone).day, now };
}

export interface ItemDetail extends ItemRecord {
  versions: VersionRecord[];
}

const itemNotFound = (id: number) => new DomainError('CATALOGUE_ITEM_NOT_FOUND', `No service item ${id}`);
const versionNotFound = (id: number) =>
  new DomainError('CATALOGUE_VERSION_NOT_FOUND', `No service item version ${id}`);

function conflict(what: string, id: number, current: number, given: number): DomainError {
  return new DomainError('VERSION_CONFLICT', `${what} ${id} is at version ${current}, not ${given}`, {
    currentVersion: current,
  });
}

export async function getItem(db: Kysely<DB>, id: number): Promise<ItemDetail> {
  const item = await findItem(db, id);
  if (!item) throw itemNotFound(id);
  return { ...item, versions: await versionsOfItem(db, id) };
}

export async function getVersion(db: Kysely<DB>, id: number): Promise<VersionRecord> {
  const version = await findVersionRecord(db, id);
  if (!version) throw versionNotFound(id);
  return version;
}

/** Normalises the item's fields and throws naming every bad one (400) or a taken code (409). */
async function checkedItem(
  db: Kysely<DB>,
  input: ItemInput,
  isBundle: boolean,
  exceptId: number | null,
  at: string,
): Promise<ItemFields> {
  const errors: FieldError[] = [];
  const basicCode = input.basicCode.trim().toUpperCase();
  const implementationCode = input.implementationCode.trim().toUpperCase();
  const basicProblem = basicCodeProblem(basicCode);
  if (basicProblem) errors.push({ field: `${at}.basicCode`, reason: basicProblem });
  const implementationProblem = implementationCodeProblem(implementationCode);
  if (implementationProblem)
    errors.push({ field: `${at}.implementationCode`, reason: implementationProblem });
  const credit = implementingOrgProblem(input.implementingOrgCreditCode);
  if ('reason' in credit) errors.push({ field: `${at}.implementingOrgCreditCode`, reason: credit.reason });
  if (input.competentDepartment.trim() === '')
    errors.push({ field: `${at}.competentDepartment`, reason: '不能为空 must not be empty' });
  if (!(await departmentExists(db, input.departmentId)))
    errors.push({ field: `${at}.departmentId`, reason: `no department ${input.departmentId}` });
  let parent: ItemRecord | null = null;
  if (input.parentId !== null) {
    parent = await findItem(db, input.parentId);
    if (!parent) errors.push({ field: `${at}.parentId`, reason: `no item ${input.parentId}` });
    else if (parent.id === exceptId)
      errors.push({ field: `${at}.parentId`, reason: 'an item is not its own parent' });
  }
  const treeProblems = treeErrors(
    { level: input.level, situation: input.situation, isBundle },
    input.parentId === null ? null : parent,
    at,
  ).map((e) => (e.field === `${at}.parent` ? { ...e, field: `${at}.parentId` } : e));
  if (input.parentId === null || parent) errors.push(...treeProblems);
  if (errors.length > 0) throw validationError(errors);
  const fields: ItemFields = {
    basicCode,
    implementationCode,
    kind: input.kind,
    level: input.level,
    parentId: input.parentId,
    situation: input.situation,
    isBundle,
    departmentId: input.departmentId,
    implementingOrgCreditCode: 'code' in credit ? credit.code : input.implementingOrgCreditCode,
    competentDepartment: input.competentDepartment.trim(),
  };
  const taken = await takenCodes(db, fields, exceptId);
  const conflicts: FieldError[] = [];
  if (taken.basicCode)
    conflicts.push({ field: `${at}.basicCode`, reason: 'another item has this basic code' });
  if (taken.implementationCode)
    conflicts.push({
      field: `${at}.implementationCode`,
      reason: 'another item has this implementation code',
    });
  if (conflicts.length > 0)
    throw new DomainError('ALREADY_EXISTS', conflicts.map((c) => `${c.field}: ${c.reason}`).join('; '), {
      errors: conflicts,
    });
  return fields;
}

function contentOf(input: VersionContentInput): VersionContent {
  return {
    name: input.name.trim(),
    aliases: (input.aliases ?? []).map((a) => a.trim()).filter((a) => a !== ''),
    lifeEvents: input.lifeEvents,
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
    guide: input.guide,
    form: input.form,
    bundleItemIds: input.bundleItemIds ?? [],
    source: input.source ?? null,
  };
}

/**
 * Checks a version's content for its item and, for a bundle, replaces its form and materials by
 * the union of its children's current published versions on `today`. Throws naming every problem.
 */
async function checkedContent(
  db: Kysely<DB>,
  item: Pick<ItemFields, 'kind' | 'isBundle'>,
  content: VersionContent,
  today: string,
  at: string,
): Promise<{ content: VersionContent; derived: DerivedColumns }> {
  const errors: FieldError[] = [];
  if (content.name === '') errors.push({ field: `${at}.name`, reason: '不能为空 must not be empty' });
  errors.push(...lifeEventErrors(content.lifeEvents, `${at}.lifeEvents`));
  if (content.validFrom !== null && content.validTo !== null && content.validTo < content.validFrom)
    errors.push({ field: `${at}.validTo`, reason: 'ends before validFrom' });
  let final = content;
  if (item.isBundle) {
    const children = await bundleChildren(db, content.bundleItemIds, today);
    const childErrors = bundleChildErrors(content.bundleItemIds, children, `${at}.bundleItemIds`);
    errors.push(...childErrors);
    if (childErrors.length === 0) {
      const published = content.bundleItemIds.map((id) => {
        const child = children.get(id)!;
        return { name: child.name, ...child.published! };
      });
      const union = unionForm(published, `${at}.form.schema.properties`);
      if ('errors' in union) errors.push(...union.errors);
      else
        final = {
          ...content,
          form: union.form,
          guide: { ...content.guide, materials: unionMaterials(published) },
        };
    }
  } else if (content.bundleItemIds.length > 0) {
    errors.push({ field: `${at}.bundleItemIds`, reason: 'only a bundle item lists child items' });
  }
  errors.push(...guideErrors(final.guide, item.kind, `${at}.guide`));
  if (!item.isBundle || errors.length === 0) errors.push(...formErrors(final.form, `${at}.form`));
  if (errors.length > 0) throw validationError(errors);
  return { content: final, derived: { searchText: searchTextOf(final), maxVisits: maxVisits(final.guide) } };
}

async function bundleChildren(
  db: Kysely<DB>,
  ids: readonly number[],
  today: string,
): Promise<Map<number, BundleChild>> {
  const items = await findItemsByIds(db, ids);
  const published = await currentPublishedRecords(db, ids, today);
  const children = new Map<number, BundleChild>();
  for (const [id, item] of items) {
    const version = published.get(id);
    children.set(id, {
      itemId: id,
      name: version?.name ?? item.basicCode,
      isBundle: item.isBundle,
      published: version ? { form: version.form, materials: version.guide.materials } : null,
    });
  }
  return children;
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

function refuse(version: VersionRecord, action: VersionAction): void {
  if (nextVersionState(version.state, action) !== null) return;
  throw new DomainError(
    version.state === 'published' && action === 'edit'
      ? 'CATALOGUE_VERSION_FROZEN'
      : 'CATALOGUE_ILLEGAL_ACTION',
    refusedActionReason(version.state, action),
    { state: version.state, action },
  );
}

async function lockedVersion(
  tx: Kysely<DB>,
  versionId: number,
): Promise<{ item: ItemRecord; version: VersionRecord }> {
  const found = await findVersionRecord(tx, versionId);
  if (!found) throw versionNotFound(versionId);
  const item = await lockItem(tx, found.itemId);
  if (!item) throw itemNotFound(found.itemId);
  // Re-read under the item's lock: a concurrent publish of the same item has finished by now.
  const version = await findVersionRecord(tx, versionId);
  if (!version) throw versionNotFound(versionId);
  return { item, version };
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
