/**
 * The applicants module's doors for the applications module: who applies for whom
 * (`resolveApplicant`), and the values a form pre-fills from (`applicantProfile`). Both join the
 * caller's transaction and audit nothing — the application that uses them records its own audit.
 */
import type { Kysely } from 'kysely';
import { citizenIdentities, citizenIdentity, type CitizenIdentity } from '../citizens/index.js';
import type { DB } from '../db/schema.js';
import type { KeyRing } from '../reporters/index.js';
import { maskIdNumber } from '../shared/codes/index.js';
import { DomainError } from '../shared/errors.js';
import type { ActingCapacity, ApplicantProfile, ApplicantRef } from './model.js';
import { authorisations, legalPerson, links } from './repo.js';
import { DEFAULT_APPLICANT_RULES, decideActing, type ApplicantRules, type Principal } from './rules.js';

export interface ResolveApplicantInput {
  /** Online: the logged-in citizen. At a window: the person at the counter (the applicant or their agent). */
  actingCitizenId: number;
  /** Who the application is for. */
  applicant: Principal;
  /** The item applied for and its parent items (主项 → 子项 → 办理项): an authorisation of any covers it. */
  itemIds: readonly number[];
  /** The day of the application in the district's time zone, `YYYY-MM-DD`. */
  on: string;
}

const LEVEL_HINT = '请到政务服务大厅窗口现场核验身份（第4级），或完成权威库核验（第3级）';

function identified(citizen: CitizenIdentity): { name: string; idNumber: string } {
  if (citizen.realName === null || citizen.idNumber === null)
    throw new DomainError(
      'APPLICANT_INCOMPLETE',
      `Citizen ${citizen.id} has not declared a real name and ID number (请先登记真实姓名和身份证号)`,
      { citizenId: citizen.id },
    );
  return { name: citizen.realName, idNumber: citizen.idNumber };
}

/**
 * Decides whether the acting citizen may apply for the applicant for these items on that day, and
 * in what capacity (self, legal representative, agent under authorisation N). Errors:
 * `APPLICANT_NOT_FOUND` (no such citizen), `LEGAL_PERSON_NOT_FOUND`, `APPLICANT_INCOMPLETE` (no real
 * name and ID number on record), `IDENTITY_LEVEL_TOO_LOW` (with `requiredLevel` and `currentLevel`),
 * `AUTHORISATION_REQUIRED` (with `reasons`, in Chinese: revoked, expired, not yet valid, item not covered).
 */
export async function resolveApplicant(
  db: Kysely<DB>,
  ring: KeyRing,
  input: ResolveApplicantInput,
  rules: ApplicantRules = DEFAULT_APPLICANT_RULES,
): Promise<ApplicantRef> {
  const acting = await citizenIdentity(db, ring, input.actingCitizenId);
  const actingIdentity = identified(acting);
  const decision = decideActing(
    {
      applicant: input.applicant,
      actingCitizenId: acting.id,
      actingLevel: acting.identityLevel,
      links:
        input.applicant.kind === 'legal_person'
          ? (await links(db, { citizenId: acting.id })).filter(
              (l) =>
                input.applicant.kind === 'legal_person' && l.legalPersonId === input.applicant.legalPersonId,
            )
          : [],
      authorisations: await authorisations(db, { agentCitizenId: acting.id }),
      itemIds: input.itemIds,
      on: input.on,
    },
    rules,
  );
  if (!decision.ok) {
    if (decision.code === 'IDENTITY_LEVEL_TOO_LOW')
      throw new DomainError(
        'IDENTITY_LEVEL_TOO_LOW',
        `${input.applicant.kind === 'legal_person' ? 'Acting for a legal person' : 'Acting for another person'} needs identity level ${decision.requiredLevel}; yours is ${acting.identityLevel} (${LEVEL_HINT})`,
        { requiredLevel: decision.requiredLevel, currentLevel: acting.identityLevel },
      );
    throw new DomainError('AUTHORISATION_REQUIRED', decision.reasons.join('；'), {
      reasons: decision.reasons,
    });
  }
  const actingCitizen = {
    citizenId: acting.id,
    name: actingIdentity.name,
    idNumberMasked: maskIdNumber(actingIdentity.idNumber),
    identityLevel: acting.identityLevel,
    capacity: decision.capacity satisfies ActingCapacity,
  };
  if (input.applicant.kind === 'person') {
    const applicant =
      input.applicant.citizenId === acting.id
        ? acting
        : await citizenIdentity(db, ring, input.applicant.citizenId);
    const { name, idNumber } = identified(applicant);
    return {
      kind: 'person',
      citizenId: applicant.id,
      legalPersonId: null,
      displayName: name,
      maskedId: maskIdNumber(idNumber),
      identityLevel: applicant.identityLevel,
      acting: actingCitizen,
      authorisationId: decision.authorisationId,
    };
  }
  const company = await legalPerson(db, ring, input.applicant.legalPersonId);
  return {
    kind: 'legal_person',
    citizenId: null,
    legalPersonId: company.id,
    displayName: company.name,
    maskedId: company.creditCode,
    legalPersonKind: company.kind,
    acting: actingCitizen,
    authorisationId: decision.authorisationId,
    representativeVerified: decision.representativeVerified,
  };
}

/**
 * The values a form field pre-fills from (FormFieldHint.prefill in src/catalogue/model.ts), in full:
 * `person.*` is the applicant for a person's application and the acting citizen (经办人) for a legal
 * person's; `legal_person.*` is null for a person's application. Callers show them only to the
 * applicant and the window, and audit the read with the application.
 */
export async function applicantProfile(
  db: Kysely<DB>,
  ring: KeyRing,
  ref: ApplicantRef,
): Promise<ApplicantProfile> {
  const personId = ref.kind === 'person' ? ref.citizenId : ref.acting.citizenId;
  const person = (await citizenIdentities(db, ring, [personId])).get(personId);
  const company = ref.kind === 'legal_person' ? await legalPerson(db, ring, ref.legalPersonId) : null;
  return {
    'person.name': person?.realName ?? null,
    'person.id_number': person?.idNumber ?? null,
    'person.phone': person?.phone ?? null,
    'legal_person.name': company?.name ?? null,
    'legal_person.credit_code': company?.creditCode ?? null,
    'legal_person.representative': company?.representativeName ?? null,
  };
}
