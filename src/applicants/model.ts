/**
 * 申请人 — who applies for a government service and for whom: citizens (自然人) at an identity level,
 * legal persons (法人) by their unified social credit code with their legal representative and
 * agents, and authorisations (授权委托: 委托 / 代办) letting one citizen act for another person or a
 * legal person. Pure types and word lists, no I/O. Sources: the shared research digest services.md §2, issue 13
 * §2, docs/domain/applicants.md.
 */
import type { IdentityLevel } from '../citizens/index.js';

export type { IdentityLevel };

/** 法人类别: 企业 / 社会组织 / 个体工商户 / 机关事业单位. */
export const LEGAL_PERSON_KINDS = [
  'enterprise',
  'social_organization',
  'individual_business',
  'public_institution',
] as const;
export type LegalPersonKind = (typeof LEGAL_PERSON_KINDS)[number];
export const LEGAL_PERSON_KIND_NAMES: Readonly<Record<LegalPersonKind, string>> = {
  enterprise: '企业',
  social_organization: '社会组织',
  individual_business: '个体工商户',
  public_institution: '机关事业单位',
};

/** How a citizen is tied to a legal person. */
export const LINK_RELATIONS = ['legal_representative', 'agent'] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];
export const LINK_RELATION_NAMES: Readonly<Record<LinkRelation, string>> = {
  legal_representative: '法定代表人（负责人、经营者）',
  agent: '经办人',
};

/** 委托 (the agent acts in the principal's name) or 代办 (the agent runs the errand for the principal). */
export const AUTHORISATION_KINDS = ['entrust', 'proxy'] as const;
export type AuthorisationKind = (typeof AUTHORISATION_KINDS)[number];
export const AUTHORISATION_KIND_NAMES: Readonly<Record<AuthorisationKind, string>> = {
  entrust: '委托',
  proxy: '代办',
};

/** Where an authorisation was put on record. */
export const AUTHORISATION_CHANNELS = ['online', 'window'] as const;
export type AuthorisationChannel = (typeof AUTHORISATION_CHANNELS)[number];

/** The two kinds of applicant (the catalogue's 服务对象, src/catalogue/model.ts SUBJECT_KINDS). */
export type ApplicantKind = 'person' | 'legal_person';

/** In what capacity the acting citizen applies. */
export const ACTING_CAPACITIES = ['self', 'legal_representative', 'agent'] as const;
export type ActingCapacity = (typeof ACTING_CAPACITIES)[number];

/** The citizen who acts: online, the logged-in citizen; at a window, the person at the counter. */
export interface ActingCitizen {
  citizenId: number;
  name: string;
  /** 110101********1234 */
  idNumberMasked: string;
  identityLevel: IdentityLevel;
  capacity: ActingCapacity;
}

/**
 * Who an application is made by and for, as `resolveApplicant` decided it. The applications module
 * stores the ids and shows the names; the masked number is what any screen may show.
 */
export type ApplicantRef =
  | {
      kind: 'person';
      citizenId: number;
      legalPersonId: null;
      /** The applicant's real name. */
      displayName: string;
      /** The applicant's resident ID number, masked. */
      maskedId: string;
      identityLevel: IdentityLevel;
      acting: ActingCitizen;
      /** The authorisation the agent acts under, or null when the applicant acts. */
      authorisationId: number | null;
    }
  | {
      kind: 'legal_person';
      citizenId: null;
      legalPersonId: number;
      /** The legal person's registered name. */
      displayName: string;
      /** The unified social credit code: a public register number, shown in full. */
      maskedId: string;
      legalPersonKind: LegalPersonKind;
      acting: ActingCitizen;
      authorisationId: number | null;
      /** Whether a window saw the licence (or a registry confirmed) that the representative is on record. */
      representativeVerified: boolean;
    };

/** The profile paths a form field may pre-fill from (src/catalogue/model.ts FormFieldHint.prefill). */
export const PREFILL_KEYS = [
  'person.name',
  'person.id_number',
  'person.phone',
  'legal_person.name',
  'legal_person.credit_code',
  'legal_person.representative',
] as const;
export type PrefillKey = (typeof PREFILL_KEYS)[number];
export type ApplicantProfile = Readonly<Record<PrefillKey, string | null>>;
