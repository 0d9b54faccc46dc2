/**
 * Presenters of the applicants module: what a citizen or a clerk sees of a person, a legal person,
 * a link and an authorisation. Names and numbers are masked by the reader's exposure: roles granted
 * `applicants:read` as `masked` see them masked and may not ask for them in full (docs/privacy.md
 * §Applicants). Also how a citizen appears in the audit log.
 */
import type { Kysely } from 'kysely';
import type { AuditContext } from '../audit/index.js';
import {
  IDENTITY_LEVEL_NAMES,
  citizenIdentities,
  type CitizenIdentity,
  type IdentityLevel,
} from '../citizens/index.js';
import type { DB } from '../db/schema.js';
import { authorize } from '../identity/index.js';
import { maskName, type KeyRing } from '../reporters/index.js';
import { maskIdNumber, maskPhone } from '../shared/codes/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import {
  AUTHORISATION_KIND_NAMES,
  LEGAL_PERSON_KIND_NAMES,
  LINK_RELATION_NAMES,
  type AuthorisationChannel,
  type AuthorisationKind,
  type LegalPersonKind,
  type LinkRelation,
} from './model.js';
import { legalPersons, links, type AuthorisationRecord, type LegalPersonRecord } from './repo.js';
import { AUTHORISATION_STATE_NAMES, authorisationState, type AuthorisationState } from './rules.js';

/** A citizen's request: who, from where. Citizens are not staff and have no `Actor`. */
export interface CitizenContext {
  citizenId: number;
  clientIp: string | null;
  requestId: string | null;
}

export const citizenAudit = (cc: CitizenContext): AuditContext => ({
  actor: { id: 0, username: `citizen:${cc.citizenId}` },
  clientIp: cc.clientIp,
  requestId: cc.requestId,
});

/** How much of a person's data a view shows. */
export type Exposure = 'full' | 'owner' | 'masked';

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

export function personView(c: CitizenIdentity, exposure: Exposure): PersonView {
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

export function legalPersonView(p: LegalPersonRecord, exposure: Exposure): LegalPersonView {
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

export async function authorisationViews(
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

export async function linkViews(db: Kysely<DB>, ring: KeyRing, citizenId: number): Promise<LinkView[]> {
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

export function exposureOf(ctx: RequestContext, full: boolean): Exposure {
  const scope = authorize(ctx.actor, 'applicants:read');
  if (scope === 'masked') {
    if (full)
      throw new DomainError('FORBIDDEN', `The ${ctx.actor.role} role may read applicants masked only`);
    return 'masked';
  }
  return full ? 'full' : 'owner';
}
