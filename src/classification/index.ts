/** The classification module's door: the only entry other modules use. */
export { CODE_LENGTH, type ClassStandard } from './rules/index.js';
export { classificationRoutes } from './routes.js';
export { loadReferenceData } from './reference-data.js';
export { classFacts, classFactsRelation, type ClassFacts } from './lookups.js';
