/** The classification module's door: the only entry other modules use. */
export { CODE_LENGTH, type ClassKind, type ClassStandard } from './rules/index.js';
export { classificationRoutes } from './routes.js';
export { loadReferenceData } from './reference-data.js';
export { classificationModule } from './module.js';
export {
  classRelation,
  listClassKeys,
  classesForReporting,
  classFacts,
  classFactsRelation,
  type ClassFacts,
} from './relations.js';
export { listClassSummaries, type ClassSummary } from './service.js';
export type { ClassificationTables } from './tables.js';
