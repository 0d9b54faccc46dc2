/** The cases module's door: the only entry other modules use. */
// First: the public module's schemas read PUBLIC_STATUSES while they load, and the cases module
// loads the public module (a case's rating) before it is done loading itself.
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
