/** The identity module's door: the only entry other modules use. */
export {
  authorize,
  can,
  grantOf,
  GRANT_SCOPE_NAMES,
  PERMISSIONS,
  POLICY,
  type GrantScope,
  type Permission,
} from './policy.js';
export {
  scopeOf,
  codeInScope,
  STAFF_ROLES,
  SUPERVISOR_POSITIONS,
  type Actor,
  type Scope,
  type StaffRole,
  type SupervisorPosition,
} from './actor.js';
export { activeStaffFor, unbindRegions, type StaffQuery } from './staff.js';
export {
  regionOrDepartmentPredicate,
  regionVisiblePredicate,
  regionPrefixPredicate,
} from './jurisdiction.js';
export { dummyPasswordHash, hashPassword, passwordProblems, verifyPassword } from './passwords.js';
export {
  assertNotThrottled,
  loginCounters,
  recordFailure,
  recordSuccess,
  purgeThrottle,
} from './throttle.js';
export { newToken, tokenHash } from './tokens.js';
export { loadActor, resolveToken, type ResolvedCredential } from './sessions.js';
export { identityRoutes } from './routes.js';
export { ensureFirstAdmin } from './bootstrap.js';
export { identityModule } from './module.js';
export { staffForReporting, staffRegionsForReporting, staffNameRelation } from './relations.js';
export type { IdentityTables } from './tables.js';
