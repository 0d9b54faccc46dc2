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
  declareMyIdentity,
  findApplicants,
  grantAuthorisation,
  myApplicantProfile,
  myAuthorisations,
  readLegalPerson,
  readPerson,
  recordPaperAuthorisation,
  registerLegalPersonAtWindow,
  registerMyLegalPerson,
  registerWalkInApplicant,
  revokeAuthorisationAtWindow,
  revokeMyAuthorisation,
  verifyApplicantInPerson,
  type AgentRef,
  type ApplicantSearchResult,
  type AuthorisationView,
  type CitizenContext,
  type GrantInput,
  type LegalPersonInput,
  type LegalPersonView,
  type LinkView,
  type PaperAuthorisationInput,
  type PersonView,
  type WindowLegalPersonInput,
} from './service.js';
export { applicantRoutes } from './routes.js';
export { applicantsModule } from './module.js';
