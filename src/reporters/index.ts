/** Reporter personal data: encryption, storage, masked and audited reads (docs/privacy.md). */
export {
  blindIndex,
  blindIndexCandidates,
  createKeyRing,
  decrypt,
  DecryptError,
  encrypt,
  envelopeKeyId,
  generateKeyEntry,
  isStale,
  KeyRingError,
  parseKeyRing,
  type DecryptFailure,
  type KeyRing,
} from './crypto.js';
export {
  casesReportedByPhone,
  maskEmail,
  maskName,
  normalizePhone,
  readReporter,
  reencryptAll,
  saveReporter,
  type ReencryptResult,
  type ReporterInput,
  type ReporterView,
  type SaveReporterOptions,
} from './service.js';
export { reporterRoutes, type ReporterRouteDeps } from './routes.js';
export { loadKeyRing } from './keys.js';
export { reportersModule } from './module.js';
