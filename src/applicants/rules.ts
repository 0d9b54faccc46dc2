/**
 * The rules of acting for an applicant, pure (docs/domain/applicants.md):
 * - a citizen applies for themselves at any identity level;
 * - acting for another person needs an authorisation of that person to the acting citizen, not
 *   revoked, valid on the day, covering the item (all items, or the item or one of its parent items);
 * - acting for a legal person needs identity level ≥ 3 [I, configurable] and either a legal
 *   representative link to it or an authorisation of it covering the item as above;
 * - the legal person's kind must agree with its credit code where the code tells (GB 32100-2015:
 *   registration authority 9 = 市场监管 → 企业 / 个体工商户, 5 = 民政 → 社会组织, 1 = 机构编制 → 机关事业单位).
 */
import { parseCreditCode } from '../shared/codes/index.js';
import type { ActingCapacity, IdentityLevel, LegalPersonKind, LinkRelation } from './model.js';

/** Thresholds that are our design, not a cited norm: configuration with these defaults. */
export interface ApplicantRules {
  /** Lowest identity level that may act for a legal person (issue 13 §2: "level ≥ 3 to act for a company"). */
  legalPersonMinLevel: IdentityLevel;
  /** Lowest identity level that may act for another person under an authorisation. */
  agentMinLevel: IdentityLevel;
  /** Longest an authorisation may run, in days (委托期限), counted from its first day. */
  maxAuthorisationDays: number;
}

export const DEFAULT_APPLICANT_RULES: ApplicantRules = {
  legalPersonMinLevel: 3,
  agentMinLevel: 2,
  maxAuthorisationDays: 366 * 3,
};

export type Principal =
  { kind: 'person'; citizenId: number } | { kind: 'legal_person'; legalPersonId: number };

/** An authorisation as the rules see it. Dates are `YYYY-MM-DD` in the district's time zone. */
export interface AuthorisationFacts {
  id: number;
  principal: Principal;
  agentCitizenId: number;
  allItems: boolean;
  itemIds: readonly number[];
  validFrom: string;
  validTo: string;
  revoked: boolean;
}

export type AuthorisationState = 'pending' | 'active' | 'expired' | 'revoked';

export const AUTHORISATION_STATE_NAMES: Readonly<Record<AuthorisationState, string>> = {
  pending: '未生效',
  active: '有效',
  expired: '已过期',
  revoked: '已撤销',
};

/** The state of an authorisation on day `on`. */
export function authorisationState(
  a: Pick<AuthorisationFacts, 'validFrom' | 'validTo' | 'revoked'>,
  on: string,
): AuthorisationState {
  if (a.revoked) return 'revoked';
  if (on < a.validFrom) return 'pending';
  if (on > a.validTo) return 'expired';
  return 'active';
}

/** Whether the authorisation's scope covers an item given as the item and its parent items. */
export function coversItem(
  a: Pick<AuthorisationFacts, 'allItems' | 'itemIds'>,
  itemIds: readonly number[],
): boolean {
  return a.allItems || itemIds.some((id) => a.itemIds.includes(id));
}

/** Why an authorisation does not let its agent act, or null when it does. */
export function authorisationProblem(
  a: AuthorisationFacts,
  request: { principal: Principal; agentCitizenId: number; itemIds: readonly number[]; on: string },
): string | null {
  if (a.agentCitizenId !== request.agentCitizenId) return '受托人不是本人';
  if (!samePrincipal(a.principal, request.principal)) return '委托人不是该申请人';
  const state = authorisationState(a, request.on);
  if (state === 'revoked') return `授权委托 ${a.id} 已撤销`;
  if (state === 'pending') return `授权委托 ${a.id} 自 ${a.validFrom} 起生效`;
  if (state === 'expired') return `授权委托 ${a.id} 已于 ${a.validTo} 到期`;
  if (!coversItem(a, request.itemIds)) return `授权委托 ${a.id} 的范围不包含该事项`;
  return null;
}

export function samePrincipal(a: Principal, b: Principal): boolean {
  return a.kind === 'person'
    ? b.kind === 'person' && a.citizenId === b.citizenId
    : b.kind === 'legal_person' && a.legalPersonId === b.legalPersonId;
}

export interface LinkFacts {
  relation: LinkRelation;
  verified: boolean;
  ended: boolean;
}

export interface ActingQuestion {
  applicant: Principal;
  actingCitizenId: number;
  actingLevel: IdentityLevel;
  /** The acting citizen's links to the applicant (a legal person); ignored for a person. */
  links: readonly LinkFacts[];
  /** Authorisations naming the acting citizen as agent (any principal, any state). */
  authorisations: readonly AuthorisationFacts[];
  /** The item applied for and its parent items (主项 → 子项 → 办理项). */
  itemIds: readonly number[];
  /** The day of the application, `YYYY-MM-DD`. */
  on: string;
}

export type ActingDecision =
  | { ok: true; capacity: ActingCapacity; authorisationId: number | null; representativeVerified: boolean }
  | { ok: false; code: 'AUTHORISATION_REQUIRED'; reasons: string[] }
  | { ok: false; code: 'IDENTITY_LEVEL_TOO_LOW'; requiredLevel: IdentityLevel };

/** Whether, and in what capacity, the acting citizen may apply for the applicant. */
export function decideActing(
  q: ActingQuestion,
  rules: ApplicantRules = DEFAULT_APPLICANT_RULES,
): ActingDecision {
  if (q.applicant.kind === 'person' && q.applicant.citizenId === q.actingCitizenId)
    return { ok: true, capacity: 'self', authorisationId: null, representativeVerified: false };
  const requiredLevel = q.applicant.kind === 'legal_person' ? rules.legalPersonMinLevel : rules.agentMinLevel;
  if (q.actingLevel < requiredLevel) return { ok: false, code: 'IDENTITY_LEVEL_TOO_LOW', requiredLevel };
  if (q.applicant.kind === 'legal_person') {
    const representative = q.links.find((l) => l.relation === 'legal_representative' && !l.ended);
    if (representative)
      return {
        ok: true,
        capacity: 'legal_representative',
        authorisationId: null,
        representativeVerified: representative.verified,
      };
  }
  const request = { principal: q.applicant, agentCitizenId: q.actingCitizenId, itemIds: q.itemIds, on: q.on };
  const reasons: string[] = [];
  // The newest valid authorisation wins, so the one recorded last is the one an application cites.
  for (const a of [...q.authorisations].sort((x, y) => y.id - x.id)) {
    if (!samePrincipal(a.principal, q.applicant) || a.agentCitizenId !== q.actingCitizenId) continue;
    const problem = authorisationProblem(a, request);
    if (problem === null)
      return { ok: true, capacity: 'agent', authorisationId: a.id, representativeVerified: false };
    reasons.push(problem);
  }
  if (reasons.length === 0) reasons.push('没有该申请人给您的授权委托');
  return { ok: false, code: 'AUTHORISATION_REQUIRED', reasons };
}

/**
 * The kind a credit code's registration authority and category imply, or null when the code does
 * not tell (other authorities, or an invalid code — validated elsewhere).
 */
export function kindOfCreditCode(code: string): LegalPersonKind | null {
  const parsed = parseCreditCode(code);
  if (!parsed.ok) return null;
  const { registrationAuthority, category } = parsed.value;
  switch (registrationAuthority.code) {
    case '9':
      if (category.code === '2') return 'individual_business';
      return category.code === '1' || category.code === '3' ? 'enterprise' : null;
    case '5':
      return 'social_organization';
    case '1':
      return 'public_institution';
    default:
      return null;
  }
}

/** Validation of an authorisation's period and scope; field errors named like the request body. */
export function authorisationInputProblems(
  input: { validFrom: string; validTo: string; allItems: boolean; itemIds: readonly number[] },
  today: string,
  rules: ApplicantRules = DEFAULT_APPLICANT_RULES,
): Array<{ field: string; reason: string }> {
  const errors: Array<{ field: string; reason: string }> = [];
  if (input.validTo < input.validFrom)
    errors.push({ field: 'body.validTo', reason: '截止日期不能早于开始日期' });
  else if (input.validTo < today) errors.push({ field: 'body.validTo', reason: '截止日期已过' });
  else if (daysBetween(input.validFrom, input.validTo) + 1 > rules.maxAuthorisationDays)
    errors.push({ field: 'body.validTo', reason: `委托期限不能超过 ${rules.maxAuthorisationDays} 天` });
  if (input.allItems && input.itemIds.length > 0)
    errors.push({ field: 'body.itemIds', reason: '授权全部事项时不列事项' });
  if (!input.allItems && input.itemIds.length === 0)
    errors.push({ field: 'body.itemIds', reason: '请列出授权办理的事项，或选择全部事项' });
  if (new Set(input.itemIds).size !== input.itemIds.length)
    errors.push({ field: 'body.itemIds', reason: '事项重复' });
  return errors;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
