/**
 * The only SQL on the applicant tables (legal persons, their links to citizens, authorisations).
 * Citizens' own columns are read through the citizens module's door. Personal data of a legal
 * person's representative is sealed here with src/reporters/crypto.ts, bound to its row.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { blindIndex, blindIndexCandidates, decrypt, encrypt, type KeyRing } from '../reporters/index.js';
import { DomainError } from '../shared/errors.js';
import type { AuthorisationChannel, AuthorisationKind, LegalPersonKind, LinkRelation } from './model.js';
import type { AuthorisationFacts, LinkFacts, Principal } from './rules.js';
import './tables.js';

type LegalColumn = 'representative_name_enc' | 'representative_id_number_enc' | 'phone_enc';
const legalAad = (column: LegalColumn, id: number) => `legal_persons.${column}:${id}`;
/** The same blind index as citizens' ID numbers (src/citizens/identity.ts): a representative is found by it. */
export const representativeIndexCandidates = (ring: KeyRing, idNumber: string) =>
  blindIndexCandidates(ring, `resident_id:${idNumber}`);

export interface LegalPersonRecord {
  id: number;
  creditCode: string;
  name: string;
  kind: LegalPersonKind;
  representativeName: string;
  representativeIdNumber: string;
  address: string | null;
  phone: string | null;
  registeredByCitizenId: number | null;
  registeredByUserId: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewLegalPerson {
  creditCode: string;
  name: string;
  kind: LegalPersonKind;
  representativeName: string;
  representativeIdNumber: string;
  address: string | null;
  phone: string | null;
  registeredByCitizenId: number | null;
  registeredByUserId: number | null;
}

export async function insertLegalPerson(
  db: Kysely<DB>,
  ring: KeyRing,
  input: NewLegalPerson,
): Promise<number> {
  const { id } = await sql<{ id: number }>`select nextval('legal_persons_id_seq')::int as id`
    .execute(db)
    .then((r) => r.rows[0]!);
  await db
    .insertInto('legal_persons')
    .values({
      id,
      credit_code: input.creditCode,
      name: input.name,
      kind: input.kind,
      representative_name_enc: encrypt(
        ring,
        input.representativeName,
        legalAad('representative_name_enc', id),
      ),
      representative_id_number_enc: encrypt(
        ring,
        input.representativeIdNumber,
        legalAad('representative_id_number_enc', id),
      ),
      representative_id_index: blindIndex(ring, `resident_id:${input.representativeIdNumber}`),
      address: input.address,
      phone_enc: input.phone === null ? null : encrypt(ring, input.phone, legalAad('phone_enc', id)),
      registered_by_citizen_id: input.registeredByCitizenId,
      registered_by_user_id: input.registeredByUserId,
    })
    .execute();
  return id;
}

/** Serialises registrations of one credit code (the unique index would answer with a raw error). */
export async function lockCreditCode(db: Kysely<DB>, creditCode: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`legal-person:${creditCode}`}))`.execute(db);
}

export async function legalPersonIdByCreditCode(db: Kysely<DB>, creditCode: string): Promise<number | null> {
  const row = await db
    .selectFrom('legal_persons')
    .select('id')
    .where('credit_code', '=', creditCode)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Legal persons by id (decrypted); unknown ids are absent. */
export async function legalPersons(
  db: Kysely<DB>,
  ring: KeyRing,
  ids: readonly number[],
): Promise<Map<number, LegalPersonRecord>> {
  const out = new Map<number, LegalPersonRecord>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('legal_persons')
    .selectAll()
    .where('id', 'in', [...new Set(ids)])
    .execute();
  for (const row of rows) {
    const open = (column: LegalColumn, value: string) => decrypt(ring, value, legalAad(column, row.id));
    out.set(row.id, {
      id: row.id,
      creditCode: row.credit_code,
      name: row.name,
      kind: row.kind,
      representativeName: open('representative_name_enc', row.representative_name_enc),
      representativeIdNumber: open('representative_id_number_enc', row.representative_id_number_enc),
      address: row.address,
      phone: row.phone_enc === null ? null : open('phone_enc', row.phone_enc),
      registeredByCitizenId: row.registered_by_citizen_id,
      registeredByUserId: row.registered_by_user_id,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    });
  }
  return out;
}

export async function legalPerson(db: Kysely<DB>, ring: KeyRing, id: number): Promise<LegalPersonRecord> {
  const found = (await legalPersons(db, ring, [id])).get(id);
  if (!found) throw new DomainError('LEGAL_PERSON_NOT_FOUND', `No legal person ${id}`);
  return found;
}

/** Whether this ID number is the representative recorded for the legal person. */
export async function isRecordedRepresentative(
  db: Kysely<DB>,
  ring: KeyRing,
  legalPersonId: number,
  idNumber: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('legal_persons')
    .select('id')
    .where('id', '=', legalPersonId)
    .where('representative_id_index', 'in', representativeIndexCandidates(ring, idNumber))
    .executeTakeFirst();
  return row !== undefined;
}

export interface LinkRecord extends LinkFacts {
  legalPersonId: number;
  citizenId: number;
  verifiedAt: Date | null;
  verifiedBy: number | null;
  createdAt: Date;
  endedAt: Date | null;
}

function toLink(row: {
  legal_person_id: number;
  citizen_id: number;
  relation: LinkRelation;
  verified: boolean;
  verified_at: Date | null;
  verified_by: number | null;
  created_at: Date;
  ended_at: Date | null;
}): LinkRecord {
  return {
    legalPersonId: row.legal_person_id,
    citizenId: row.citizen_id,
    relation: row.relation,
    verified: row.verified,
    verifiedAt: row.verified_at,
    verifiedBy: row.verified_by,
    createdAt: row.created_at,
    endedAt: row.ended_at,
    ended: row.ended_at !== null,
  };
}

/** Links of a citizen (to every legal person), or of a legal person (to every citizen). */
export async function links(
  db: Kysely<DB>,
  by: { citizenId: number } | { legalPersonId: number },
): Promise<LinkRecord[]> {
  const rows = await db
    .selectFrom('legal_person_links')
    .selectAll()
    .where(
      'citizenId' in by ? 'citizen_id' : 'legal_person_id',
      '=',
      'citizenId' in by ? by.citizenId : by.legalPersonId,
    )
    .orderBy('legal_person_id')
    .orderBy('citizen_id')
    .orderBy('relation')
    .execute();
  return rows.map(toLink);
}

/**
 * Puts a link on record (or re-opens an ended one). `verified` marks it verified — by a window
 * clerk (`verifiedBy`), or by the representative's grant (`verifiedBy` null) — and a verified link
 * stays verified.
 */
export async function upsertLink(
  db: Kysely<DB>,
  link: {
    legalPersonId: number;
    citizenId: number;
    relation: LinkRelation;
    verified: boolean;
    verifiedBy: number | null;
    at: Date;
  },
): Promise<void> {
  const verified = link.verified;
  await db
    .insertInto('legal_person_links')
    .values({
      legal_person_id: link.legalPersonId,
      citizen_id: link.citizenId,
      relation: link.relation,
      verified,
      verified_at: verified ? link.at : null,
      verified_by: link.verifiedBy,
    })
    .onConflict((oc) =>
      oc
        .columns(['legal_person_id', 'citizen_id', 'relation'])
        .doUpdateSet(
          verified
            ? { verified: true, verified_at: link.at, verified_by: link.verifiedBy, ended_at: null }
            : { ended_at: null },
        ),
    )
    .execute();
}

export interface AuthorisationRecord extends AuthorisationFacts {
  kind: AuthorisationKind;
  documentFileId: string | null;
  note: string | null;
  channel: AuthorisationChannel;
  recordedByCitizenId: number | null;
  recordedByUserId: number | null;
  revokedAt: Date | null;
  revokedByCitizenId: number | null;
  revokedByUserId: number | null;
  revokeReason: string | null;
  version: number;
  createdAt: Date;
}

export interface NewAuthorisation {
  kind: AuthorisationKind;
  principal: Principal;
  agentCitizenId: number;
  allItems: boolean;
  itemIds: readonly number[];
  validFrom: string;
  validTo: string;
  documentFileId: string | null;
  note: string | null;
  channel: AuthorisationChannel;
  recordedByCitizenId: number | null;
  recordedByUserId: number | null;
}

export async function insertAuthorisation(db: Kysely<DB>, input: NewAuthorisation): Promise<number> {
  const { id } = await db
    .insertInto('authorisations')
    .values({
      kind: input.kind,
      principal_citizen_id: input.principal.kind === 'person' ? input.principal.citizenId : null,
      principal_legal_person_id:
        input.principal.kind === 'legal_person' ? input.principal.legalPersonId : null,
      agent_citizen_id: input.agentCitizenId,
      all_items: input.allItems,
      valid_from: input.validFrom,
      valid_to: input.validTo,
      document_file_id: input.documentFileId,
      note: input.note,
      channel: input.channel,
      recorded_by_citizen_id: input.recordedByCitizenId,
      recorded_by_user_id: input.recordedByUserId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.itemIds.length > 0)
    await db
      .insertInto('authorisation_items')
      .values(input.itemIds.map((itemId) => ({ authorisation_id: id, item_id: itemId })))
      .execute();
  return id;
}

export type AuthorisationFilter =
  | { id: number }
  | { agentCitizenId: number }
  | { principalCitizenId: number }
  | { principalLegalPersonIds: readonly number[] };

/** Authorisations matching the filter, newest first, with their items. */
export async function authorisations(
  db: Kysely<DB>,
  filter: AuthorisationFilter,
): Promise<AuthorisationRecord[]> {
  let query = db.selectFrom('authorisations').selectAll();
  if ('id' in filter) query = query.where('id', '=', filter.id);
  else if ('agentCitizenId' in filter) query = query.where('agent_citizen_id', '=', filter.agentCitizenId);
  else if ('principalCitizenId' in filter)
    query = query.where('principal_citizen_id', '=', filter.principalCitizenId);
  else {
    if (filter.principalLegalPersonIds.length === 0) return [];
    query = query.where('principal_legal_person_id', 'in', [...filter.principalLegalPersonIds]);
  }
  const rows = await query.orderBy('id', 'desc').execute();
  if (rows.length === 0) return [];
  const items = await db
    .selectFrom('authorisation_items')
    .select(['authorisation_id', 'item_id'])
    .where(
      'authorisation_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('item_id')
    .execute();
  const itemsOf = new Map<number, number[]>();
  for (const item of items) {
    const list = itemsOf.get(item.authorisation_id) ?? [];
    list.push(item.item_id);
    itemsOf.set(item.authorisation_id, list);
  }
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    principal:
      row.principal_citizen_id !== null
        ? { kind: 'person' as const, citizenId: row.principal_citizen_id }
        : { kind: 'legal_person' as const, legalPersonId: row.principal_legal_person_id! },
    agentCitizenId: row.agent_citizen_id,
    allItems: row.all_items,
    itemIds: itemsOf.get(row.id) ?? [],
    validFrom: row.valid_from,
    validTo: row.valid_to,
    revoked: row.revoked_at !== null,
    documentFileId: row.document_file_id,
    note: row.note,
    channel: row.channel,
    recordedByCitizenId: row.recorded_by_citizen_id,
    recordedByUserId: row.recorded_by_user_id,
    revokedAt: row.revoked_at,
    revokedByCitizenId: row.revoked_by_citizen_id,
    revokedByUserId: row.revoked_by_user_id,
    revokeReason: row.revoke_reason,
    version: row.version,
    createdAt: row.created_at,
  }));
}

export async function authorisation(db: Kysely<DB>, id: number): Promise<AuthorisationRecord> {
  const [found] = await authorisations(db, { id });
  if (!found) throw new DomainError('AUTHORISATION_NOT_FOUND', `No authorisation ${id}`);
  return found;
}

/** Revokes an authorisation at `version`; `VERSION_CONFLICT` when it changed, idempotent when already revoked. */
export async function revokeAuthorisationRow(
  db: Kysely<DB>,
  input: {
    id: number;
    version: number;
    at: Date;
    byCitizenId: number | null;
    byUserId: number | null;
    reason: string | null;
  },
): Promise<void> {
  const row = await db
    .updateTable('authorisations')
    .set({
      revoked_at: input.at,
      revoked_by_citizen_id: input.byCitizenId,
      revoked_by_user_id: input.byUserId,
      revoke_reason: input.reason,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', input.id)
    .where('version', '=', input.version)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!row)
    throw new DomainError('VERSION_CONFLICT', `Authorisation ${input.id} was changed by someone else`, {
      currentVersion: (await authorisation(db, input.id)).version,
    });
}
