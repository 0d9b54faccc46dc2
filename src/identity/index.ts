/** The identity module's door: the only entry other modules use. */
export { authorize } from './policy.js';
export { scopeOf, codeInScope, type Actor, type Scope } from './actor.js';
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
export { staffNameRelation } from './lookups.js';
