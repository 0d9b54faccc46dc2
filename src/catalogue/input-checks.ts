/**
 * The inputs of the catalogue's write use cases and their checks: an item's fields (codes, place,
 * 实施机关, taken codes) and a version's content (guide, form, life events, validity, a bundle's
 * children, whose published forms and materials a bundle takes as its own). Each check throws naming
 * every bad field at once.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { departmentExists } from '../departments/index.js';
import { DomainError, validationError, type FieldError } from '../shared/errors.js';
import { formErrors, guideErrors, lifeEventErrors, maxVisits } from './guide-validation.js';
import type { ItemKind, ItemLevel, ItemSituation } from './model.js';
import { type DerivedColumns, type VersionContent } from './draft-repo.js';
import { findItem, findItemsByIds, takenCodes, type ItemFields, type ItemRecord } from './item-repo.js';
import { currentPublishedRecords } from './repo.js';
import {
  basicCodeProblem,
  bundleChildErrors,
  implementationCodeProblem,
  implementingOrgProblem,
  treeErrors,
  unionForm,
  unionMaterials,
  type BundleChild,
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

/** Normalises the item's fields and throws naming every bad one (400) or a taken code (409). */
export async function checkedItem(
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

export function contentOf(input: VersionContentInput): VersionContent {
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
export async function checkedContent(
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
