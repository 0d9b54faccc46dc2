/**
 * Use cases of authorisations (授权委托), one transaction each: a citizen grants, lists and revokes
 * them online; the window records a signed paper one with its scan, lists and revokes them. The
 * optimistic `version` guards every revocation; every read by staff is audited.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import {
  citizenIdentities,
  citizenIdentity,
  findCitizenByPhone,
  findCitizensByIdNumber,
  type CitizenIdentity,
} from '../citizens/index.js';
import type { DB } from '../db/schema.js';
import { materialsNotAttachableBy } from '../files/index.js';
import { authorize } from '../identity/index.js';
import type { KeyRing } from '../reporters/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError, validationError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import type { AuthorisationKind } from './model.js';
import {
  authorisation,
  authorisations,
  insertAuthorisation,
  legalPerson,
  links,
  revokeAuthorisationRow,
  upsertLink,
  type AuthorisationRecord,
} from './repo.js';
import {
  DEFAULT_APPLICANT_RULES,
  authorisationInputProblems,
  type ApplicantRules,
  type Principal,
} from './rules.js';
import { checkIdentity, checkPhone, levelTooLow } from './input-checks.js';
import {
  authorisationViews,
  citizenAudit,
  exposureOf,
  type AuthorisationView,
  type CitizenContext,
} from './presenters.js';

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
