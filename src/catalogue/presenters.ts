/**
 * What the catalogue administrators' routes answer: an item with its versions, a version with the
 * editor's fields, a list row with its labels — built field by field, never a row as stored.
 */
import { ITEM_KIND_LABELS, VERSION_STATE_LABELS } from './labels.js';
import type { ItemListRow } from './item-repo.js';
import type { VersionRecord } from './repo.js';
import type { ItemDetail } from './records.js';

export function presentVersion(v: VersionRecord) {
  return {
    id: v.id,
    itemId: v.itemId,
    version: v.version,
    state: v.state,
    stateLabel: VERSION_STATE_LABELS[v.state],
    validFrom: v.validFrom,
    validTo: v.validTo,
    name: v.name,
    aliases: v.aliases,
    basicCode: v.basicCode,
    implementationCode: v.implementationCode,
    kind: v.kind,
    level: v.level,
    situation: v.situation,
    departmentId: v.departmentId,
    implementingOrgCreditCode: v.implementingOrgCreditCode,
    competentDepartment: v.competentDepartment,
    lifeEvents: v.lifeEvents,
    guide: v.guide,
    form: v.form,
    bundleItemIds: v.bundleItemIds,
    publishedAt: v.publishedAt,
    retiredAt: v.retiredAt,
    source: v.source,
    rowVersion: v.rowVersion,
  };
}

export function presentItem(item: ItemDetail) {
  return {
    id: item.id,
    basicCode: item.basicCode,
    implementationCode: item.implementationCode,
    kind: item.kind,
    kindLabel: ITEM_KIND_LABELS[item.kind],
    level: item.level,
    parentId: item.parentId,
    situation: item.situation,
    isBundle: item.isBundle,
    departmentId: item.departmentId,
    implementingOrgCreditCode: item.implementingOrgCreditCode,
    competentDepartment: item.competentDepartment,
    version: item.version,
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
    versions: item.versions.map(presentVersion),
  };
}

export function presentListRow(row: ItemListRow) {
  return {
    ...row,
    kindLabel: ITEM_KIND_LABELS[row.kind],
    latestStateLabel: VERSION_STATE_LABELS[row.latestState],
  };
}
