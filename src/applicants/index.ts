/**
 * 申请人 — applicants of government services (docs/domain/applicants.md). The doors the
 * applications module uses: `resolveApplicant` (who applies for whom, and may they) and
 * `applicantProfile` (form pre-fill values); the window's and the citizen's use cases; the pure rules.
 */
export * from './model.js';
export {
  AUTHORISATION_STATE_NAMES,
  DEFAULT_APPLICANT_RULES,
  authorisationProblem,
  authorisationState,
  coversItem,
  decideActing,
  kindOfCreditCode,
  type ActingDecision,
  type ApplicantRules,
  type AuthorisationFacts,
  type AuthorisationState,
  type Principal,
} from './rules.js';
export { applicantProfile, resolveApplicant, type ResolveApplicantInput } from './resolve.js';
export {
  authorisationsForWindow,
  grantAuthorisation,
  myAuthorisations,
  recordPaperAuthorisation,
  revokeAuthorisationAtWindow,
  revokeMyAuthorisation,
  type AgentRef,
  type GrantInput,
  type PaperAuthorisationInput,
} from './authorisations.js';
export type { LegalPersonInput } from './input-checks.js';
export {
  readLegalPerson,
  registerLegalPersonAtWindow,
  registerMyLegalPerson,
  type WindowLegalPersonInput,
} from './legal-persons.js';
export {
  declareMyIdentity,
  myApplicantProfile,
  readPerson,
  registerWalkInApplicant,
  verifyApplicantInPerson,
} from './persons.js';
export type {
  AuthorisationView,
  CitizenContext,
  LegalPersonView,
  LinkView,
  PersonView,
} from './presenters.js';
export { findApplicants, type ApplicantSearchResult } from './search.js';
export { applicantRoutes } from './routes.js';
export { applicantsModule } from './module.js';
