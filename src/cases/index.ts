/** The cases module's door: the only entry other modules use. */
// Pure vocabulary first: modules that the services below load (evaluation → public) read it while
// this door is still loading (an import cycle through the doors; test/architecture.test.ts loads
// every door first in turn).
export { publicStatusOf, PUBLIC_STATUSES, type PublicStatus } from './public-status.js';
export {
  performAction,
  reportCase,
  addCitizenUpdate,
  visibleTo,
  type ActionRequest,
  type CaseServiceDeps,
  type Urgency,
} from './service.js';
export { loadCaseRow } from './repo.js';
export { CASE_STATUS_NAMES, type CaseAction, type CaseStatus } from './workflow/index.js';
export { sweepDeadlines } from './sweep.js';
export { caseRoutes } from './routes.js';
export { caseAdminRoutes } from './admin-routes.js';
export { registerCasePhotoAccess } from './photo-access.js';
export { publicNoteRoutes } from './public-notes-routes.js';
export {
  mergeTargetStatus,
  PUBLIC_NOTE_MAX_LENGTH,
  expectedCompletion,
  listPublicNotes,
} from './public-notes.js';
export { loadCaseDefaults } from './reference-data.js';
export { CaseRefParam, resolveCaseRef } from './case-ref.js';
export { casesModule } from './module.js';
export {
  caseEventRelation,
  caseNumberOf,
  casePhotoRelation,
  caseRelation,
  listAfterPhotos,
} from './channel-reads.js';
export { recordChannelNote } from './channel-notes.js';
export { casesForReporting, caseEventsForReporting, caseClocksForReporting } from './reporting-relations.js';
