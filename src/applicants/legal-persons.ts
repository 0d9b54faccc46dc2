/**
 * Use cases of legal persons (法人) as applicants, one transaction each: a citizen registers one
 * they represent (online, unverified), the window reads one and registers one from its licence
 * (verified representative links). Every read by staff is audited in the same transaction.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import { citizenIdentities, citizenIdentity, findCitizensByIdNumber } from '../citizens/index.js';
import type { DB } from '../db/schema.js';
import { authorize } from '../identity/index.js';
import { maskName, type KeyRing } from '../reporters/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import type { LinkRelation } from './model.js';
import {
  insertLegalPerson,
  isRecordedRepresentative,
  legalPerson,
  legalPersonIdByCreditCode,
  links,
  lockCreditCode,
  upsertLink,
} from './repo.js';
import { DEFAULT_APPLICANT_RULES, type ApplicantRules } from './rules.js';
import {
  checkAll,
  checkIdentity,
  checkLegalPerson,
  checkPhone,
  levelTooLow,
  type IdentityInput,
  type LegalPersonInput,
} from './input-checks.js';
import {
  citizenAudit,
  exposureOf,
  legalPersonView,
  linkViews,
  type CitizenContext,
  type LegalPersonView,
  type LinkView,
} from './presenters.js';

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
