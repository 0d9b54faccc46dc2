/** The catalogue module's public door (政务服务事项目录). */
export * from './model.js';
export type { CatalogueTables } from './tables.js';
export type { ItemRecord } from './item-repo.js';
export { getItemVersion, currentPublishedVersion, asItemVersion, type VersionRecord } from './repo.js';
export {
  catalogueClock,
  createItem,
  updateItem,
  createDraft,
  updateDraft,
  discardDraft,
  publishVersion,
  retireVersion,
  getItem,
  getVersion,
  type CatalogueClock,
  type CreateItemInput,
  type DraftPatch,
  type ItemDetail,
  type ItemInput,
  type ItemPatch,
  type PublishInput,
  type VersionContentInput,
} from './service.js';
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
