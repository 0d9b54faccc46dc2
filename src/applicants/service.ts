/**
 * Use cases of the applicants module, one transaction each: a citizen's own identity, legal persons
 * and authorisations (online), and the window's: finding applicants by ID number or credit code,
 * registering walk-in people, verifying identity in person, registering legal persons and recording
 * paper authorisations. Every read of personal data by staff writes an audit entry in the same
 * transaction (docs/privacy.md §Applicants); roles granted `applicants:read` as `masked` see names
 * and numbers masked and may not ask for them in full.
 */
import type { Kysely } from 'kysely';
import { recordAudit, type AuditContext } from '../audit/index.js';
import {
  IDENTITY_LEVEL_NAMES,
  citizenIdentities,
  citizenIdentity,
  declareIdentity,
  findCitizenByPhone,
  findCitizensByIdNumber,
  normalizeMobile,
  parseIdNumber,
  realNameProblem,
  registerWalkIn,
  verifyIdentityInPerson,
  type CitizenIdentity,
  type IdentityLevel,
} from '../citizens/index.js';
import type { DB } from '../db/schema.js';
import { materialsNotAttachableBy } from '../files/index.js';
import { authorize } from '../identity/index.js';
import { maskName, type KeyRing } from '../reporters/index.js';
import { maskIdNumber, maskPhone, parseCreditCode } from '../shared/codes/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError, validationError, type FieldError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import {
  AUTHORISATION_KIND_NAMES,
  LEGAL_PERSON_KIND_NAMES,
  LINK_RELATION_NAMES,
  type AuthorisationChannel,
  type AuthorisationKind,
  type LegalPersonKind,
  type LinkRelation,
} from './model.js';
import {
  authorisation,
  authorisations,
  insertAuthorisation,
  insertLegalPerson,
  isRecordedRepresentative,
  legalPerson,
  legalPersonIdByCreditCode,
  legalPersons,
  links,
  lockCreditCode,
  revokeAuthorisationRow,
  upsertLink,
  type AuthorisationRecord,
  type LegalPersonRecord,
} from './repo.js';
import {
  AUTHORISATION_STATE_NAMES,
  DEFAULT_APPLICANT_RULES,
  authorisationInputProblems,
  authorisationState,
  kindOfCreditCode,
  type ApplicantRules,
  type AuthorisationState,
  type Principal,
} from './rules.js';

/** A citizen's request: who, from where. Citizens are not staff and have no `Actor`. */
export interface CitizenContext {
  citizenId: number;
  clientIp: string | null;
  requestId: string | null;
}

const citizenAudit = (cc: CitizenContext): AuditContext => ({
  actor: { id: 0, username: `citizen:${cc.citizenId}` },
  clientIp: cc.clientIp,
  requestId: cc.requestId,
});

/** How much of a person's data a view shows. */
type Exposure = 'full' | 'owner' | 'masked';

export interface PersonView {
  citizenId: number;
  realName: string | null;
  idNumber: string | null;
  phone: string | null;
  /** True when names and numbers are masked. */
  masked: boolean;
  identityLevel: IdentityLevel;
  identityLevelName: string;
  identityVerifiedAt: Date | null;
  identityRegistry: string | null;
  /** False for a walk-in record registered at a window (no login). */
  hasAccount: boolean;
  version: number;
}

function personView(c: CitizenIdentity, exposure: Exposure): PersonView {
  const masked = exposure === 'masked';
  const hideNumbers = exposure !== 'full';
  return {
    citizenId: c.id,
    realName: c.realName === null || !masked ? c.realName : maskName(c.realName),
    idNumber: c.idNumber === null || !hideNumbers ? c.idNumber : maskIdNumber(c.idNumber),
    phone: c.phone === null || !hideNumbers ? c.phone : maskPhone(c.phone),
    masked: hideNumbers,
    identityLevel: c.identityLevel,
    identityLevelName: IDENTITY_LEVEL_NAMES[c.identityLevel],
    identityVerifiedAt: c.identityVerifiedAt,
    identityRegistry: c.identityRegistry,
    hasAccount: c.hasAccount,
    version: c.version,
  };
}

export interface LegalPersonView {
  id: number;
  creditCode: string;
  name: string;
  kind: LegalPersonKind;
  kindName: string;
  representativeName: string;
  representativeIdNumber: string;
  address: string | null;
  phone: string | null;
  masked: boolean;
  version: number;
  createdAt: Date;
}

function legalPersonView(p: LegalPersonRecord, exposure: Exposure): LegalPersonView {
  const hideNumbers = exposure !== 'full';
  return {
    id: p.id,
    creditCode: p.creditCode,
    name: p.name,
    kind: p.kind,
    kindName: LEGAL_PERSON_KIND_NAMES[p.kind],
    representativeName: exposure === 'masked' ? maskName(p.representativeName) : p.representativeName,
    representativeIdNumber: hideNumbers ? maskIdNumber(p.representativeIdNumber) : p.representativeIdNumber,
    address: p.address,
    phone: p.phone === null || !hideNumbers ? p.phone : maskPhone(p.phone),
    masked: hideNumbers,
    version: p.version,
    createdAt: p.createdAt,
  };
}

export interface LinkView {
  legalPersonId: number;
  legalPersonName: string;
  creditCode: string;
  citizenId: number;
  relation: LinkRelation;
  relationName: string;
  verified: boolean;
  since: Date;
}

export interface AuthorisationView {
  id: number;
  kind: AuthorisationKind;
  kindName: string;
  principal:
    | { kind: 'person'; citizenId: number; name: string | null }
    | { kind: 'legal_person'; legalPersonId: number; name: string; creditCode: string };
  agent: { citizenId: number; name: string | null; idNumber: string | null };
  allItems: boolean;
  itemIds: number[];
  validFrom: string;
  validTo: string;
  state: AuthorisationState;
  stateName: string;
  channel: AuthorisationChannel;
  documentFileId: string | null;
  note: string | null;
  revokedAt: Date | null;
  revokeReason: string | null;
  version: number;
  createdAt: Date;
}

async function authorisationViews(
  db: Kysely<DB>,
  ring: KeyRing,
  records: readonly AuthorisationRecord[],
  today: string,
  exposure: Exposure,
): Promise<AuthorisationView[]> {
  const people = await citizenIdentities(db, ring, [
    ...records.map((a) => a.agentCitizenId),
    ...records.flatMap((a) => (a.principal.kind === 'person' ? [a.principal.citizenId] : [])),
  ]);
  const companies = await legalPersons(
    db,
    ring,
    records.flatMap((a) => (a.principal.kind === 'legal_person' ? [a.principal.legalPersonId] : [])),
  );
  const nameOf = (id: number) => {
    const person = people.get(id);
    if (!person || person.realName === null) return null;
    return exposure === 'masked' ? maskName(person.realName) : person.realName;
  };
  return records.map((a) => {
    const agentNumber = people.get(a.agentCitizenId)?.idNumber ?? null;
    const company =
      a.principal.kind === 'legal_person' ? companies.get(a.principal.legalPersonId) : undefined;
    const state = authorisationState(a, today);
    return {
      id: a.id,
      kind: a.kind,
      kindName: AUTHORISATION_KIND_NAMES[a.kind],
      principal:
        a.principal.kind === 'person'
          ? { kind: 'person' as const, citizenId: a.principal.citizenId, name: nameOf(a.principal.citizenId) }
          : {
              kind: 'legal_person' as const,
              legalPersonId: a.principal.legalPersonId,
              name: company?.name ?? '',
              creditCode: company?.creditCode ?? '',
            },
      agent: {
        citizenId: a.agentCitizenId,
        name: nameOf(a.agentCitizenId),
        idNumber: agentNumber === null ? null : exposure === 'full' ? agentNumber : maskIdNumber(agentNumber),
      },
      allItems: a.allItems,
      itemIds: [...a.itemIds],
      validFrom: a.validFrom,
      validTo: a.validTo,
      state,
      stateName: AUTHORISATION_STATE_NAMES[state],
      channel: a.channel,
      documentFileId: a.documentFileId,
      note: a.note,
      revokedAt: a.revokedAt,
      revokeReason: a.revokeReason,
      version: a.version,
      createdAt: a.createdAt,
    };
  });
}

async function linkViews(db: Kysely<DB>, ring: KeyRing, citizenId: number): Promise<LinkView[]> {
  const open = (await links(db, { citizenId })).filter((l) => !l.ended);
  const companies = await legalPersons(
    db,
    ring,
    open.map((l) => l.legalPersonId),
  );
  return open.map((l) => {
    const company = companies.get(l.legalPersonId)!;
    return {
      legalPersonId: l.legalPersonId,
      legalPersonName: company.name,
      creditCode: company.creditCode,
      citizenId: l.citizenId,
      relation: l.relation,
      relationName: LINK_RELATION_NAMES[l.relation],
      verified: l.verified,
      since: l.createdAt,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Validation shared by the citizen and window use cases.

interface IdentityInput {
  realName: string;
  idNumber: string;
}

function checkIdentity(input: IdentityInput, today: string, prefix = 'body'): IdentityInput {
  const errors: FieldError[] = [];
  const nameProblem = realNameProblem(input.realName);
  if (nameProblem) errors.push({ field: `${prefix}.realName`, reason: nameProblem });
  const id = parseIdNumber(input.idNumber, `${prefix}.idNumber`, today);
  if (id.error) errors.push(id.error);
  if (errors.length > 0 || id.idNumber === null) throw validationError(errors);
  return { realName: input.realName.trim(), idNumber: id.idNumber };
}

function checkPhone(phone: string | null | undefined, field: string): string | null {
  const raw = phone?.trim() || null;
  if (raw === null) return null;
  const normalized = normalizeMobile(raw);
  if (normalized === null)
    throw validationError([{ field, reason: 'must be a mainland mobile number (1[3-9] + 9 digits)' }]);
  return normalized;
}

export interface LegalPersonInput {
  creditCode: string;
  name: string;
  kind: LegalPersonKind;
  address?: string | null;
  phone?: string | null;
}

function checkLegalPerson(input: LegalPersonInput): { creditCode: string; name: string } {
  const errors: FieldError[] = [];
  const parsed = parseCreditCode(input.creditCode.trim());
  if (!parsed.ok) errors.push({ field: 'body.creditCode', reason: parsed.reason });
  else {
    const implied = kindOfCreditCode(parsed.value.code);
    if (implied !== null && implied !== input.kind)
      errors.push({
        field: 'body.kind',
        reason: `统一社会信用代码表明该主体是${LEGAL_PERSON_KIND_NAMES[implied]}（${implied}）`,
      });
  }
  const name = input.name.trim();
  if (name.length === 0) errors.push({ field: 'body.name', reason: 'must not be empty' });
  else if (/\p{Cc}/u.test(name))
    errors.push({ field: 'body.name', reason: 'must not contain control characters' });
  if (errors.length > 0 || !parsed.ok) throw validationError(errors);
  return { creditCode: parsed.value.code, name };
}

/** Runs each check and answers every field at fault at once, or the checks' values. */
function checkAll<T extends unknown[]>(...checks: { [K in keyof T]: () => T[K] }): T {
  const errors: FieldError[] = [];
  const values = checks.map((check) => {
    try {
      return check();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'VALIDATION_FAILED') {
        errors.push(...(error.extra.errors ?? []));
        return undefined;
      }
      throw error;
    }
  });
  if (errors.length > 0) throw validationError(errors);
  return values as T;
}

function levelTooLow(action: string, required: IdentityLevel, current: IdentityLevel): DomainError {
  return new DomainError(
    'IDENTITY_LEVEL_TOO_LOW',
    `${action} needs identity level ${required} or higher; yours is ${current}. 代表企业或其他法人办事需要身份认证等级达到第${required}级：请到政务服务大厅窗口现场核验身份（第4级）`,
    { requiredLevel: required, currentLevel: current },
  );
}

// ---------------------------------------------------------------------------------------------
// The citizen's own: identity, legal persons, authorisations.

export interface MyApplicantProfile {
  person: PersonView;
  legalPersons: LinkView[];
}

/** The citizen's applicant profile: identity (numbers masked, as on the account page) and legal persons. */
export async function myApplicantProfile(
  db: Kysely<DB>,
  ring: KeyRing,
  cc: CitizenContext,
): Promise<MyApplicantProfile> {
  return inTransaction(db, async (tx) => ({
    person: personView(await citizenIdentity(tx, ring, cc.citizenId), 'owner'),
    legalPersons: await linkViews(tx, ring, cc.citizenId),
  }));
}

/** Declares (or corrects) the citizen's real name and ID number: level 2 (a change drops a verified level). */
export async function declareMyIdentity(
  db: Kysely<DB>,
  ring: KeyRing,
  cc: CitizenContext,
  input: IdentityInput & { version: number },
  today: string,
): Promise<PersonView> {
  const checked = checkIdentity(input, today);
  return inTransaction(db, async (tx) => {
    const before = await citizenIdentity(tx, ring, cc.citizenId);
    const after = await declareIdentity(tx, ring, cc.citizenId, { ...checked, version: input.version });
    await recordAudit(tx, citizenAudit(cc), {
      action: 'citizen.identity_declared',
      targetType: 'citizen',
      targetId: cc.citizenId,
      detail: { levelBefore: before.identityLevel, levelAfter: after.identityLevel },
    });
    return personView(after, 'owner');
  });
}

/**
 * 企业登记（网上）: a citizen at identity level ≥ 3 puts a legal person they represent on record, as
 * its legal representative (the name and ID number are the citizen's own). The link is not
 * verified until a window sees the licence. A legal person already on record with this citizen as
 * representative gets the link back; with someone else, `ALREADY_EXISTS` (a change of
 * representative is done at a window).
 */
export async function registerMyLegalPerson(
  db: Kysely<DB>,
  ring: KeyRing,
  cc: CitizenContext,
  input: LegalPersonInput,
  rules: ApplicantRules = DEFAULT_APPLICANT_RULES,
): Promise<LinkView> {
  const [{ creditCode, name }, phone] = checkAll(
    () => checkLegalPerson(input),
    () => checkPhone(input.phone, 'body.phone'),
  );
  return inTransaction(db, async (tx) => {
    const me = await citizenIdentity(tx, ring, cc.citizenId);
    if (me.identityLevel < rules.legalPersonMinLevel)
      throw levelTooLow('Registering a legal person', rules.legalPersonMinLevel, me.identityLevel);
    if (me.realName === null || me.idNumber === null)
      throw new DomainError('APPLICANT_INCOMPLETE', 'Declare your real name and ID number first');
    await lockCreditCode(tx, creditCode);
    let id = await legalPersonIdByCreditCode(tx, creditCode);
    if (id !== null) {
      if (!(await isRecordedRepresentative(tx, ring, id, me.idNumber)))
        throw new DomainError(
          'ALREADY_EXISTS',
          `A legal person with credit code ${creditCode} is on record`,
          {
            errors: [
              {
                field: 'body.creditCode',
                reason: '该统一社会信用代码已登记，法定代表人不是您；变更法定代表人请到政务服务大厅窗口办理',
              },
            ],
          },
        );
    } else {
      id = await insertLegalPerson(tx, ring, {
        creditCode,
        name,
        kind: input.kind,
        representativeName: me.realName,
        representativeIdNumber: me.idNumber,
        address: input.address?.trim() || null,
        phone,
        registeredByCitizenId: cc.citizenId,
        registeredByUserId: null,
      });
    }
    await upsertLink(tx, {
      legalPersonId: id,
      citizenId: cc.citizenId,
      relation: 'legal_representative',
      verified: false,
      verifiedBy: null,
      at: new Date(),
    });
    await recordAudit(tx, citizenAudit(cc), {
      action: 'legal_person.register',
      targetType: 'legal_person',
      targetId: id,
      detail: { channel: 'online', creditCode },
    });
    const view = (await linkViews(tx, ring, cc.citizenId)).find(
      (l) => l.legalPersonId === id && l.relation === 'legal_representative',
    );
    return view!;
  });
}

/** How a citizen names the agent: by the phone of their account, or by name and ID number. */
export type AgentRef = { phone: string } | { realName: string; idNumber: string };

export interface GrantInput {
  /** `self`, or a legal person the citizen represents. */
  principal: 'self' | { legalPersonId: number };
  agent: AgentRef;
  kind: AuthorisationKind;
  allItems: boolean;
  itemIds: readonly number[];
  validFrom: string;
  validTo: string;
  note: string | null;
}

async function findAgent(
  db: Kysely<DB>,
  ring: KeyRing,
  agent: AgentRef,
  today: string,
): Promise<CitizenIdentity> {
  if ('phone' in agent) {
    const phone = checkPhone(agent.phone, 'body.agent.phone');
    const id = phone === null ? null : await findCitizenByPhone(db, ring, phone);
    if (id === null)
      throw new DomainError('APPLICANT_NOT_FOUND', 'No account has this phone number', {
        errors: [{ field: 'body.agent.phone', reason: '没有使用该手机号的市民账号' }],
      });
    return citizenIdentity(db, ring, id);
  }
  const checked = checkIdentity(agent, today, 'body.agent');
  const people = await citizenIdentities(db, ring, await findCitizensByIdNumber(db, ring, checked.idNumber));
  const match = [...people.values()].find((p) => p.realName === checked.realName);
  if (!match)
    throw new DomainError('APPLICANT_NOT_FOUND', 'No citizen with this name and ID number', {
      errors: [
        {
          field: 'body.agent.idNumber',
          reason: '没有该姓名和身份证号的市民；受托人需先注册账号或到窗口登记',
        },
      ],
    });
  return match;
}

/**
 * 网上授权委托: the citizen lets an agent apply in their name (or in the name of a legal person they
 * represent, at identity level ≥ 3). An agent of a legal person gets a verified `agent` link.
 */
export async function grantAuthorisation(
  db: Kysely<DB>,
  ring: KeyRing,
  cc: CitizenContext,
  input: GrantInput,
  clock: { today: string },
  rules: ApplicantRules = DEFAULT_APPLICANT_RULES,
): Promise<AuthorisationView> {
  const problems = authorisationInputProblems(input, clock.today, rules);
  if (input.note !== null && /\p{Cc}/u.test(input.note.replace(/[\n\r\t]/g, '')))
    problems.push({ field: 'body.note', reason: 'must not contain control characters' });
  if (problems.length > 0) throw validationError(problems);
  return inTransaction(db, async (tx) => {
    const me = await citizenIdentity(tx, ring, cc.citizenId);
    let principal: Principal = { kind: 'person', citizenId: me.id };
    if (input.principal !== 'self') {
      const legalPersonId = input.principal.legalPersonId;
      const mine = (await links(tx, { citizenId: me.id })).find(
        (l) => l.legalPersonId === legalPersonId && l.relation === 'legal_representative' && !l.ended,
      );
      if (!mine)
        throw new DomainError('LEGAL_PERSON_NOT_FOUND', `You do not represent legal person ${legalPersonId}`);
      if (me.identityLevel < rules.legalPersonMinLevel)
        throw levelTooLow('Authorising for a legal person', rules.legalPersonMinLevel, me.identityLevel);
      principal = { kind: 'legal_person', legalPersonId };
    }
    const agent = await findAgent(tx, ring, input.agent, clock.today);
    if (agent.id === me.id)
      throw validationError([{ field: 'body.agent', reason: '不能委托自己' }], 'The agent is yourself');
    const id = await insertAuthorisation(tx, {
      kind: input.kind,
      principal,
      agentCitizenId: agent.id,
      allItems: input.allItems,
      itemIds: input.itemIds,
      validFrom: input.validFrom,
      validTo: input.validTo,
      documentFileId: null,
      note: input.note?.trim() || null,
      channel: 'online',
      recordedByCitizenId: me.id,
      recordedByUserId: null,
    });
    if (principal.kind === 'legal_person')
      await upsertLink(tx, {
        legalPersonId: principal.legalPersonId,
        citizenId: agent.id,
        relation: 'agent',
        verified: true,
        verifiedBy: null,
        at: new Date(),
      });
    await recordAudit(tx, citizenAudit(cc), {
      action: 'authorisation.grant',
      targetType: 'authorisation',
      targetId: id,
      detail: {
        channel: 'online',
        principal: principal.kind,
        agentCitizenId: agent.id,
        allItems: input.allItems,
      },
    });
    const [view] = await authorisationViews(tx, ring, [await authorisation(tx, id)], clock.today, 'owner');
    return view!;
  });
}

export interface MyAuthorisations {
  /** Granted by the citizen, or by a legal person they represent. */
  granted: AuthorisationView[];
  /** Naming the citizen as agent. */
  received: AuthorisationView[];
}

export async function myAuthorisations(
  db: Kysely<DB>,
  ring: KeyRing,
  cc: CitizenContext,
  today: string,
): Promise<MyAuthorisations> {
  return inTransaction(db, async (tx) => {
    const represented = (await links(tx, { citizenId: cc.citizenId }))
      .filter((l) => l.relation === 'legal_representative' && !l.ended)
      .map((l) => l.legalPersonId);
    const granted = [
      ...(await authorisations(tx, { principalCitizenId: cc.citizenId })),
      ...(await authorisations(tx, { principalLegalPersonIds: represented })),
    ].sort((a, b) => b.id - a.id);
    return {
      granted: await authorisationViews(tx, ring, granted, today, 'owner'),
      received: await authorisationViews(
        tx,
        ring,
        await authorisations(tx, { agentCitizenId: cc.citizenId }),
        today,
        'owner',
      ),
    };
  });
}

/** The principal (or the legal person's representative) revokes an authorisation; `version` guards it. */
export async function revokeMyAuthorisation(
  db: Kysely<DB>,
  ring: KeyRing,
  cc: CitizenContext,
  id: number,
  input: { version: number; reason: string | null },
  today: string,
): Promise<AuthorisationView> {
  return inTransaction(db, async (tx) => {
    const found = await authorisation(tx, id);
    const represented = (await links(tx, { citizenId: cc.citizenId })).some(
      (l) =>
        found.principal.kind === 'legal_person' &&
        l.legalPersonId === found.principal.legalPersonId &&
        l.relation === 'legal_representative' &&
        !l.ended,
    );
    const mine = found.principal.kind === 'person' ? found.principal.citizenId === cc.citizenId : represented;
    // An authorisation the citizen cannot revoke is answered as absent: its id reveals nothing.
    if (!mine) throw new DomainError('AUTHORISATION_NOT_FOUND', `No authorisation ${id} of yours`);
    await revokeOrConflict(tx, found, { ...input, byCitizenId: cc.citizenId, byUserId: null });
    await recordAudit(tx, citizenAudit(cc), {
      action: 'authorisation.revoke',
      targetType: 'authorisation',
      targetId: id,
      detail: { channel: 'online' },
    });
    const [view] = await authorisationViews(tx, ring, [await authorisation(tx, id)], today, 'owner');
    return view!;
  });
}

async function revokeOrConflict(
  tx: Kysely<DB>,
  found: AuthorisationRecord,
  input: { version: number; reason: string | null; byCitizenId: number | null; byUserId: number | null },
): Promise<void> {
  if (found.revokedAt !== null)
    throw new DomainError('VERSION_CONFLICT', `Authorisation ${found.id} is already revoked`, {
      currentVersion: found.version,
    });
  if (found.version !== input.version)
    throw new DomainError('VERSION_CONFLICT', `Authorisation ${found.id} was changed by someone else`, {
      currentVersion: found.version,
    });
  await revokeAuthorisationRow(tx, {
    id: found.id,
    version: input.version,
    at: new Date(),
    byCitizenId: input.byCitizenId,
    byUserId: input.byUserId,
    reason: input.reason?.trim() || null,
  });
}

// ---------------------------------------------------------------------------------------------
// The window (综合窗口): staff with `applicants:read` / `applicants:write`.

function exposureOf(ctx: RequestContext, full: boolean): Exposure {
  const scope = authorize(ctx.actor, 'applicants:read');
  if (scope === 'masked') {
    if (full)
      throw new DomainError('FORBIDDEN', `The ${ctx.actor.role} role may read applicants masked only`);
    return 'masked';
  }
  return full ? 'full' : 'owner';
}

export interface ApplicantSearchResult {
  persons: PersonView[];
  legalPersons: LegalPersonView[];
}

/**
 * 查询申请人: by exact resident ID number (through its blind index; accounts first, then walk-in
 * records) or exact credit code. Audited as `applicant.search` with what was found (never the number).
 */
export async function findApplicants(
  db: Kysely<DB>,
  ring: KeyRing,
  ctx: RequestContext,
  query: { idNumber?: string; creditCode?: string; full?: boolean },
  today: string,
): Promise<ApplicantSearchResult> {
  const exposure = exposureOf(ctx, query.full ?? false);
  const errors: FieldError[] = [];
  let idNumber: string | null = null;
  let creditCode: string | null = null;
  if ((query.idNumber === undefined) === (query.creditCode === undefined))
    errors.push({ field: 'querystring', reason: 'give exactly one of idNumber and creditCode' });
  else if (query.idNumber !== undefined) {
    const parsed = parseIdNumber(query.idNumber, 'querystring.idNumber', today);
    if (parsed.error) errors.push(parsed.error);
    idNumber = parsed.idNumber;
  } else {
    const parsed = parseCreditCode(query.creditCode!.trim());
    if (!parsed.ok) errors.push({ field: 'querystring.creditCode', reason: parsed.reason });
    else creditCode = parsed.value.code;
  }
  if (errors.length > 0) throw validationError(errors);
  return inTransaction(db, async (tx) => {
    const persons =
      idNumber === null
        ? []
        : [
            ...(await citizenIdentities(tx, ring, await findCitizensByIdNumber(tx, ring, idNumber))).values(),
          ].sort((a, b) => Number(b.hasAccount) - Number(a.hasAccount) || a.id - b.id);
    const companyId = creditCode === null ? null : await legalPersonIdByCreditCode(tx, creditCode);
    const companies = companyId === null ? [] : [await legalPerson(tx, ring, companyId)];
    await recordAudit(tx, ctx, {
      action: 'applicant.search',
      targetType: idNumber !== null ? 'citizen' : 'legal_person',
      detail: {
        by: idNumber !== null ? 'idNumber' : 'creditCode',
        full: exposure === 'full',
        citizenIds: persons.map((p) => p.id),
        legalPersonIds: companies.map((c) => c.id),
      },
    });
    return {
      persons: persons.map((p) => personView(p, exposure)),
      legalPersons: companies.map((c) => legalPersonView(c, exposure)),
    };
  });
}

export interface PersonDetail {
  person: PersonView;
  legalPersons: LinkView[];
}

/** One person with their legal persons; audited as `applicant.read`. */
export async function readPerson(
  db: Kysely<DB>,
  ring: KeyRing,
  ctx: RequestContext,
  citizenId: number,
  options: { full: boolean },
): Promise<PersonDetail> {
  const exposure = exposureOf(ctx, options.full);
  return inTransaction(db, async (tx) => {
    const person = await citizenIdentity(tx, ring, citizenId);
    await recordAudit(tx, ctx, {
      action: 'applicant.read',
      targetType: 'citizen',
      targetId: citizenId,
      detail: { full: exposure === 'full' },
    });
    return { person: personView(person, exposure), legalPersons: await linkViews(tx, ring, citizenId) };
  });
}

/** One legal person with its representative and agents; audited as `applicant.read`. */
export async function readLegalPerson(
  db: Kysely<DB>,
  ring: KeyRing,
  ctx: RequestContext,
  legalPersonId: number,
  options: { full: boolean },
): Promise<
  LegalPersonView & {
    links: Array<{ citizenId: number; name: string | null; relation: LinkRelation; verified: boolean }>;
  }
> {
  const exposure = exposureOf(ctx, options.full);
  return inTransaction(db, async (tx) => {
    const company = await legalPerson(tx, ring, legalPersonId);
    const open = (await links(tx, { legalPersonId })).filter((l) => !l.ended);
    const people = await citizenIdentities(
      tx,
      ring,
      open.map((l) => l.citizenId),
    );
    await recordAudit(tx, ctx, {
      action: 'applicant.read',
      targetType: 'legal_person',
      targetId: legalPersonId,
      detail: { full: exposure === 'full' },
    });
    return {
      ...legalPersonView(company, exposure),
      links: open.map((l) => {
        const name = people.get(l.citizenId)?.realName ?? null;
        return {
          citizenId: l.citizenId,
          name: name === null || exposure !== 'masked' ? name : maskName(name),
          relation: l.relation,
          verified: l.verified,
        };
      }),
    };
  });
}

/**
 * 现场申请人登记: the clerk types the name and number from the ID card (and a contact phone). The
 * record of that ID number is found (an account first) or a walk-in record is made, and either is
 * verified in person (level 4) — the clerk has the card and the person in front of them.
 */
export async function registerWalkInApplicant(
  db: Kysely<DB>,
  ring: KeyRing,
  ctx: RequestContext,
  input: IdentityInput & { phone?: string | null },
  today: string,
): Promise<{ person: PersonView; created: boolean }> {
  authorize(ctx.actor, 'applicants:write');
  const checked = checkIdentity(input, today);
  const phone = checkPhone(input.phone, 'body.phone');
  return inTransaction(db, async (tx) => {
    const { citizen, created } = await registerWalkIn(tx, ring, { ...checked, phone, staffId: ctx.actor.id });
    const verified = await verifyIdentityInPerson(tx, ring, citizen.id, {
      ...checked,
      version: citizen.version,
      staffId: ctx.actor.id,
      at: new Date(),
    });
    await recordAudit(tx, ctx, {
      action: created ? 'applicant.register_walk_in' : 'applicant.verify_in_person',
      targetType: 'citizen',
      targetId: citizen.id,
      detail: { created, levelBefore: citizen.identityLevel, levelAfter: 4 },
    });
    return { person: personView(verified, 'full'), created };
  });
}

/** 现场核验: level 4 for a known record, the card matching what it holds; audited. */
export async function verifyApplicantInPerson(
  db: Kysely<DB>,
  ring: KeyRing,
  ctx: RequestContext,
  citizenId: number,
  input: IdentityInput & { version: number },
  today: string,
): Promise<PersonView> {
  authorize(ctx.actor, 'applicants:write');
  const checked = checkIdentity(input, today);
  return inTransaction(db, async (tx) => {
    const before = await citizenIdentity(tx, ring, citizenId);
    const after = await verifyIdentityInPerson(tx, ring, citizenId, {
      ...checked,
      version: input.version,
      staffId: ctx.actor.id,
      at: new Date(),
    });
    // Representative links stay as they are: the licence is checked when the legal person is
    // registered or confirmed at the window, not with the person's ID card.
    await recordAudit(tx, ctx, {
      action: 'applicant.verify_in_person',
      targetType: 'citizen',
      targetId: citizenId,
      detail: { levelBefore: before.identityLevel, levelAfter: 4 },
    });
    return personView(after, 'full');
  });
}

export interface WindowLegalPersonInput extends LegalPersonInput {
  representative: IdentityInput;
}

/**
 * 窗口法人登记: the clerk saw the business licence (营业执照 / 登记证书) and records the legal person
 * with its representative. A citizen record with the representative's ID number gets a verified
 * representative link. A credit code already on record is `ALREADY_EXISTS` unless
 * the representative is the same, when the link is verified.
 */
export async function registerLegalPersonAtWindow(
  db: Kysely<DB>,
  ring: KeyRing,
  ctx: RequestContext,
  input: WindowLegalPersonInput,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<LegalPersonView> {
  authorize(ctx.actor, 'applicants:write');
  const [{ creditCode, name }, representative, phone] = checkAll(
    () => checkLegalPerson(input),
    () => checkIdentity(input.representative, today, 'body.representative'),
    () => checkPhone(input.phone, 'body.phone'),
  );
  return inTransaction(db, async (tx) => {
    await lockCreditCode(tx, creditCode);
    let id = await legalPersonIdByCreditCode(tx, creditCode);
    const created = id === null;
    if (id !== null) {
      if (!(await isRecordedRepresentative(tx, ring, id, representative.idNumber)))
        throw new DomainError(
          'ALREADY_EXISTS',
          `A legal person with credit code ${creditCode} is on record`,
          {
            errors: [{ field: 'body.creditCode', reason: '该统一社会信用代码已登记，且法定代表人不同' }],
            legalPersonId: id,
          },
        );
    } else {
      id = await insertLegalPerson(tx, ring, {
        creditCode,
        name,
        kind: input.kind,
        representativeName: representative.realName,
        representativeIdNumber: representative.idNumber,
        address: input.address?.trim() || null,
        phone,
        registeredByCitizenId: null,
        registeredByUserId: ctx.actor.id,
      });
    }
    const at = new Date();
    const people = await citizenIdentities(
      tx,
      ring,
      await findCitizensByIdNumber(tx, ring, representative.idNumber),
    );
    for (const person of people.values()) {
      await upsertLink(tx, {
        legalPersonId: id,
        citizenId: person.id,
        relation: 'legal_representative',
        verified: true,
        verifiedBy: ctx.actor.id,
        at,
      });
    }
    await recordAudit(tx, ctx, {
      action: created ? 'legal_person.register' : 'legal_person.verify',
      targetType: 'legal_person',
      targetId: id,
      detail: { channel: 'window', creditCode, linkedCitizenIds: [...people.keys()] },
    });
    return legalPersonView(await legalPerson(tx, ring, id), 'full');
  });
}

export interface PaperAuthorisationInput {
  principal: { citizenId: number } | { legalPersonId: number };
  agentCitizenId: number;
  kind: AuthorisationKind;
  allItems: boolean;
  itemIds: readonly number[];
  validFrom: string;
  validTo: string;
  /** The scan of the signed (and, for a legal person, sealed) authorisation, uploaded by this clerk. */
  documentFileId: string;
  note: string | null;
}

/** 登记纸质授权委托书: the clerk saw the signed paper and records it with its scan; audited. */
export async function recordPaperAuthorisation(
  db: Kysely<DB>,
  ring: KeyRing,
  ctx: RequestContext,
  input: PaperAuthorisationInput,
  today: string,
  rules: ApplicantRules = DEFAULT_APPLICANT_RULES,
): Promise<AuthorisationView> {
  authorize(ctx.actor, 'applicants:write');
  const problems = authorisationInputProblems(input, today, rules);
  if ('citizenId' in input.principal && input.principal.citizenId === input.agentCitizenId)
    problems.push({ field: 'body.agentCitizenId', reason: '委托人和受托人不能是同一人' });
  if (problems.length > 0) throw validationError(problems);
  return inTransaction(db, async (tx) => {
    const scans = await materialsNotAttachableBy(tx, { userId: ctx.actor.id }, [input.documentFileId]);
    if (scans.length > 0)
      throw validationError([
        {
          field: 'body.documentFileId',
          reason: '不是您上传的申请材料（application_material），或文件不存在',
        },
      ]);
    const principal: Principal =
      'citizenId' in input.principal
        ? { kind: 'person', citizenId: (await citizenIdentity(tx, ring, input.principal.citizenId)).id }
        : {
            kind: 'legal_person',
            legalPersonId: (await legalPerson(tx, ring, input.principal.legalPersonId)).id,
          };
    const agent = await citizenIdentity(tx, ring, input.agentCitizenId);
    const id = await insertAuthorisation(tx, {
      kind: input.kind,
      principal,
      agentCitizenId: agent.id,
      allItems: input.allItems,
      itemIds: input.itemIds,
      validFrom: input.validFrom,
      validTo: input.validTo,
      documentFileId: input.documentFileId,
      note: input.note?.trim() || null,
      channel: 'window',
      recordedByCitizenId: null,
      recordedByUserId: ctx.actor.id,
    });
    if (principal.kind === 'legal_person')
      await upsertLink(tx, {
        legalPersonId: principal.legalPersonId,
        citizenId: agent.id,
        relation: 'agent',
        verified: true,
        verifiedBy: ctx.actor.id,
        at: new Date(),
      });
    await recordAudit(tx, ctx, {
      action: 'authorisation.grant',
      targetType: 'authorisation',
      targetId: id,
      detail: {
        channel: 'window',
        principal: principal.kind,
        agentCitizenId: agent.id,
        documentFileId: input.documentFileId,
      },
    });
    const [view] = await authorisationViews(tx, ring, [await authorisation(tx, id)], today, 'full');
    return view!;
  });
}

/**
 * 授权委托查询: what the window must see for a person (given or received) or a legal person
 * (given), newest first, with each one's state today; audited as `authorisation.read`.
 */
export async function authorisationsForWindow(
  db: Kysely<DB>,
  ring: KeyRing,
  ctx: RequestContext,
  of: { citizenId: number } | { legalPersonId: number },
  options: { full: boolean; today: string },
): Promise<AuthorisationView[]> {
  const exposure = exposureOf(ctx, options.full);
  return inTransaction(db, async (tx) => {
    const records =
      'citizenId' in of
        ? [
            ...(await authorisations(tx, { principalCitizenId: of.citizenId })),
            ...(await authorisations(tx, { agentCitizenId: of.citizenId })),
          ].sort((a, b) => b.id - a.id)
        : await authorisations(tx, { principalLegalPersonIds: [of.legalPersonId] });
    await recordAudit(tx, ctx, {
      action: 'authorisation.read',
      targetType: 'citizenId' in of ? 'citizen' : 'legal_person',
      targetId: 'citizenId' in of ? of.citizenId : of.legalPersonId,
      detail: { full: exposure === 'full', authorisationIds: records.map((a) => a.id) },
    });
    return authorisationViews(tx, ring, records, options.today, exposure);
  });
}

/** The window revokes an authorisation (the principal asked at the counter); audited. */
export async function revokeAuthorisationAtWindow(
  db: Kysely<DB>,
  ring: KeyRing,
  ctx: RequestContext,
  id: number,
  input: { version: number; reason: string | null },
  today: string,
): Promise<AuthorisationView> {
  authorize(ctx.actor, 'applicants:write');
  return inTransaction(db, async (tx) => {
    const found = await authorisation(tx, id);
    await revokeOrConflict(tx, found, { ...input, byCitizenId: null, byUserId: ctx.actor.id });
    await recordAudit(tx, ctx, {
      action: 'authorisation.revoke',
      targetType: 'authorisation',
      targetId: id,
      detail: { channel: 'window' },
    });
    const [view] = await authorisationViews(tx, ring, [await authorisation(tx, id)], today, 'full');
    return view!;
  });
}
