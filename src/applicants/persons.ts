/**
 * Use cases of natural persons as applicants, one transaction each: the citizen's own profile and
 * declared identity (level 2), and the window's: reading a person, registering a walk-in applicant
 * and verifying identity in person (level 4). Every read of personal data by staff writes an audit
 * entry in the same transaction (docs/privacy.md §Applicants).
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import {
  citizenIdentity,
  declareIdentity,
  registerWalkIn,
  verifyIdentityInPerson,
} from '../citizens/index.js';
import type { DB } from '../db/schema.js';
import { authorize } from '../identity/index.js';
import type { KeyRing } from '../reporters/index.js';
import type { RequestContext } from '../shared/context.js';
import { inTransaction } from '../shared/transaction.js';
import { checkIdentity, checkPhone, type IdentityInput } from './input-checks.js';
import {
  citizenAudit,
  exposureOf,
  linkViews,
  personView,
  type CitizenContext,
  type LinkView,
  type PersonView,
} from './presenters.js';

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
