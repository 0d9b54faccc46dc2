/** The catalogue module's public door (政务服务事项目录). */
export * from './model.js';
export type { CatalogueTables } from './tables.js';
export type { ItemRecord } from './item-repo.js';
export { getItemVersion, currentPublishedVersion, asItemVersion, type VersionRecord } from './repo.js';
export {
  catalogueClock,
  createItem,
  updateItem,
  publishVersion,
  retireVersion,
  type CatalogueClock,
  type PublishInput,
} from './service.js';
export { createDraft, updateDraft, discardDraft } from './drafts.js';
export { getItem, getVersion, type ItemDetail } from './records.js';
export type {
  CreateItemInput,
  DraftPatch,
  ItemInput,
  ItemPatch,
  VersionContentInput,
} from './input-checks.js';
export { formAjv, formErrors, guideErrors, maxVisits, fewestVisits } from './guide-validation.js';
export { unionForm, unionMaterials } from './rules.js';
export {
  CHANNEL_LABELS,
  ITEM_KIND_LABELS,
  ITEM_LEVEL_LABELS,
  LIFE_EVENT_LABELS,
  SITUATION_LABELS,
  SUBJECT_LABELS,
  VERSION_STATE_LABELS,
  lifeEventLabel,
} from './labels.js';
export { searchItems, searchFacets, type SearchFilter, type SearchHit } from './search.js';
export { catalogueList, LIST_KINDS, LIST_TITLES, type ListKind } from './lists.js';
export { importCatalogue, exportCatalogue, type ImportResult } from './exchange.js';
export { documentToXlsx, xlsxToDocument } from './xlsx.js';
export { catalogueModule } from './module.js';
