/**
 * Pure validators for the identifiers the platform stores. Each `parse…` returns a
 * {@link CodeResult}; none does I/O. Algorithms, sources and confidence: docs/domain/codes.md.
 */
export { ok, fail, type CodeResult } from './result.js';
export {
  parseResidentId,
  residentIdCheckChar,
  upgradeLegacyResidentId,
  type ResidentId,
  type ResidentIdOptions,
} from './resident-id.js';
export { maskIdNumber, maskPhone } from './mask.js';
export {
  parseCreditCode,
  creditCodeCheckChar,
  parseOrganizationCode,
  organizationCodeCheckChar,
  CREDIT_CODE_ALPHABET,
  REGISTRATION_AUTHORITIES,
  type CreditCode,
  type CreditCodeOptions,
} from './credit-code.js';
export {
  parseDivisionCode,
  divisionLevel,
  parentCode,
  isWithinDivision,
  stripDivisionPadding,
  PREFECTURES_WITHOUT_COUNTIES,
  type DivisionCode,
  type DivisionLevel,
  type TownshipKind,
  type VillageKind,
} from './division.js';
export { PROVINCE_CODES } from './provinces.js';
export { parseGridCode, formatGridCode, type GridCode, type GridCodeScheme } from './grid-code.js';
export {
  parseComponentId,
  formatComponentId,
  parseMatterCode,
  type ComponentId,
  type MatterCode,
  type TypeCodeStandard,
} from './component-id.js';
