/**
 * 办件 — the applications module's door (docs/domain/applications.md): applications for service
 * items online and at the window, their lifecycle and clocks, 一件事 bundles, printable notices.
 */
export * from './model.js';
export type { ApplicationTables } from './tables.js';
export {
  actorKindOf,
  allowedActions,
  applicationClock,
  bundleProgress,
  decideAction,
  formValueErrors,
  formatNumber,
  parseNumber,
  TRANSITIONS,
  type ClockView,
  type LifecycleFacts,
} from './rules/index.js';
export type { ApplicationDeps } from './support.js';
export {
  applyOnline,
  correctApplication,
  listMine,
  prefillForMe,
  readMine,
  submitDraft,
  updateDraft,
  withdrawApplication,
  type OnlineApplication,
} from './citizen.js';
export {
  acceptApplication,
  approveExtension,
  approveHold,
  decideApplication,
  deliverApplication,
  endSpecialStep,
  holdApplication,
  listForStaff,
  markMaterials,
  readForStaff,
  registerAtWindow,
  rejectApplication,
  requestCorrection,
  requestExtension,
  resumeApplication,
  startReview,
  startSpecialStep,
  type WindowRegistration,
} from './staff.js';
export type { ApplicationSummary, ApplicationView } from './present.js';
export { renderNotice, NOTICE_KINDS, NOTICE_TITLES, type NoticeKind } from './notices.js';
export { sweepApplications, type ApplicationSweepReport } from './sweep.js';
export { applicationRoutes, applicationDepsOf } from './routes.js';
export { applicationsModule } from './module.js';
