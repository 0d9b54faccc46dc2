/** Citizen accounts and sessions (市民账号): the citizen channel's identity, apart from staff identity. */
export {
  CITIZEN_TOKEN_PREFIX,
  getCitizen,
  loginCitizen,
  logoutCitizen,
  normalizeMobile,
  reencryptCitizens,
  registerCitizen,
  resolveCitizenToken,
  type Citizen,
  type CitizenCredential,
  type CitizenView,
} from './accounts.js';
export {
  IDENTITY_LEVELS,
  IDENTITY_LEVEL_NAMES,
  citizenIdentities,
  citizenIdentity,
  declareIdentity,
  findCitizenByPhone,
  findCitizensByIdNumber,
  parseIdNumber,
  realNameProblem,
  recordRegistryCheck,
  registerWalkIn,
  verifyIdentityInPerson,
  type CitizenIdentity,
  type DeclaredIdentity,
  type IdentityLevel,
  type WalkInInput,
} from './identity.js';
export { citizenRoutes } from './routes.js';
export { citizensModule } from './module.js';
