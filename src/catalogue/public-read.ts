/**
 * The public item page: the version in force today with its whole 办事指南, where the item sits in
 * the tree, and a bundle's children; and an item's version history (drafts are not public).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { departmentNames } from '../departments/index.js';
import { DomainError } from '../shared/errors.js';
import { maxVisits } from './guide-validation.js';
import { ITEM_KIND_LABELS, VERSION_STATE_LABELS, lifeEventLabel } from './labels.js';
import {
  currentPublishedRecord,
  currentPublishedRecords,
  findVersionRecord,
  versionsOfItem,
  type VersionRecord,
} from './repo.js';

export async function publicItem(db: Kysely<DB>, itemId: number, today: string) {
  const version = await currentPublishedRecord(db, itemId, today);
  if (!version)
    throw new DomainError('CATALOGUE_ITEM_NOT_FOUND', `No service item ${itemId} is offered today`);
  return presentPublic(db, version, today);
}

/** A published or retired version by id (an applicant reads the guide their application was made under). */
export async function publicVersion(db: Kysely<DB>, versionId: number, today: string) {
  const version = await findVersionRecord(db, versionId);
  if (!version || version.state === 'draft')
    throw new DomainError('CATALOGUE_VERSION_NOT_FOUND', `No published service item version ${versionId}`);
  return presentPublic(db, version, today);
}

async function presentPublic(db: Kysely<DB>, version: VersionRecord, today: string) {
  const childRows = await db
    .selectFrom('catalogue_items')
    .select(['id', 'level', 'situation'])
    .where('parent_id', '=', version.itemId)
    .orderBy('id')
    .execute();
  const related = [
    ...childRows.map((c) => c.id),
    ...version.bundleItemIds,
    ...(version.parentId ? [version.parentId] : []),
  ];
  const current = await currentPublishedRecords(db, related, today);
  const names = await departmentNames(db, [
    version.departmentId,
    ...[...current.values()].map((v) => v.departmentId),
  ]);
  const departments = new Map([...names].map(([id, d]) => [id, d.name]));
  const parent = version.parentId ? current.get(version.parentId) : undefined;
  return {
    itemId: version.itemId,
    versionId: version.id,
    version: version.version,
    validFrom: version.validFrom,
    validTo: version.validTo,
    name: version.name,
    aliases: version.aliases,
    basicCode: version.basicCode,
    implementationCode: version.implementationCode,
    kind: version.kind,
    kindLabel: ITEM_KIND_LABELS[version.kind],
    level: version.level,
    situation: version.situation,
    department: { id: version.departmentId, name: departments.get(version.departmentId) ?? '' },
    implementingOrgCreditCode: version.implementingOrgCreditCode,
    competentDepartment: version.competentDepartment,
    lifeEvents: version.lifeEvents.map((value) => ({ value, label: lifeEventLabel(value) })),
    guide: version.guide,
    form: version.form,
    atMostOneVisit: maxVisits(version.guide) <= 1,
    applicable: childRows.length === 0,
    parent: parent ? { itemId: parent.itemId, name: parent.name } : null,
    children: childRows.flatMap((c) => {
      const v = current.get(c.id);
      return v ? [{ itemId: c.id, name: v.name, level: v.level, situation: v.situation }] : [];
    }),
    bundleItems: version.bundleItemIds.flatMap((id) => {
      const v = current.get(id);
      return v ? [{ itemId: id, name: v.name, departmentName: departments.get(v.departmentId) ?? '' }] : [];
    }),
    publishedAt: version.publishedAt,
  };
}

export async function publicVersions(db: Kysely<DB>, itemId: number) {
  const versions = (await versionsOfItem(db, itemId)).filter((v) => v.state !== 'draft');
  if (versions.length === 0)
    throw new DomainError('CATALOGUE_ITEM_NOT_FOUND', `No published service item ${itemId}`);
  return versions.map((v) => ({
    versionId: v.id,
    version: v.version,
    state: v.state,
    stateLabel: VERSION_STATE_LABELS[v.state],
    name: v.name,
    validFrom: v.validFrom,
    validTo: v.validTo,
    publishedAt: v.publishedAt,
    retiredAt: v.retiredAt,
  }));
}
