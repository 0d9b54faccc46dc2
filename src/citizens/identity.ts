/**
 * 实名身份 — a citizen as an applicant of government services: the real name and resident ID number
 * (envelopes, bound to the row), the blind index of the ID number that a window looks people up by,
 * and the identity level (身份认证等级): 2 self-declared, 3 checked against a registry, 4 verified in
 * person at a window (the shared research digest services.md §2; 国务院令第716号 Art. 5; docs/domain/applicants.md).
 *
 * A window clerk may register a walk-in person who has no account (无账号的现场申请人): the record has
 * a real name and an ID number read from the ID card, an optional contact phone that is not a login
 * key, no password, and names the clerk. When the same person later signs up online, the account is a
 * record of its own; the window finds both by the ID number and uses the account.
 *
 * These functions take the caller's transaction and audit nothing: the caller (the applicants
 * module) knows why it reads and records the audit entry.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { blindIndex, blindIndexCandidates, decrypt, encrypt, type KeyRing } from '../reporters/index.js';
import { parseResidentId } from '../shared/codes/index.js';
import { DomainError, validationError, type FieldError } from '../shared/errors.js';
import type { IdentityLevel } from './tables.js';

export type { IdentityLevel } from './tables.js';

export const IDENTITY_LEVELS: readonly IdentityLevel[] = [2, 3, 4];
export const IDENTITY_LEVEL_NAMES: Readonly<Record<IdentityLevel, string>> = {
  2: '自行声明',
  3: '权威库核验',
  4: '窗口现场核验',
};
export const REAL_NAME_MAX_LENGTH = 50;

type Column = 'phone_enc' | 'id_number_enc' | 'real_name_enc';
/** The associated data an envelope is bound to: its table, column and row. */
export const citizenAad = (column: Column, id: number): string => `citizens.${column}:${id}`;

/** The blind index of a resident ID number, kept apart from phone indexes by its prefix. */
export const idNumberIndex = (ring: KeyRing, idNumber: string): string =>
  blindIndex(ring, `resident_id:${idNumber}`);
export const idNumberIndexCandidates = (ring: KeyRing, idNumber: string): string[] =>
  blindIndexCandidates(ring, `resident_id:${idNumber}`);

/** A citizen's identity as the applicants module reads it, decrypted. */
export interface CitizenIdentity {
  id: number;
  displayName: string | null;
  realName: string | null;
  idNumber: string | null;
  phone: string | null;
  identityLevel: IdentityLevel;
  identityVerifiedAt: Date | null;
  identityVerifiedBy: number | null;
  identityRegistry: string | null;
  /** False for a walk-in record registered at a window: it has no password and cannot log in. */
  hasAccount: boolean;
  registeredByUserId: number | null;
  active: boolean;
  version: number;
}

/** A real name as written on the ID card: trimmed, 1–50 characters, no control characters. */
export function realNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'must not be empty';
  if ([...trimmed].length > REAL_NAME_MAX_LENGTH) return `must be at most ${REAL_NAME_MAX_LENGTH} characters`;
  if (/[\p{Cc}\p{Cf}]/u.test(trimmed)) return 'must not contain control characters';
  return null;
}

/** Parses a resident ID (GB 11643, check digit and birth date verified) or names the field's problem. */
export function parseIdNumber(
  raw: string,
  field: string,
  today: string,
): { idNumber: string; error: null } | { idNumber: null; error: FieldError } {
  const parsed = parseResidentId(raw.trim().toUpperCase(), { today });
  return parsed.ok
    ? { idNumber: parsed.value.number, error: null }
    : { idNumber: null, error: { field, reason: parsed.reason } };
}

const IDENTITY_COLUMNS = [
  'id',
  'display_name',
  'real_name_enc',
  'id_number_enc',
  'phone_enc',
  'password_hash',
  'identity_level',
  'identity_verified_at',
  'identity_verified_by',
  'identity_registry',
  'registered_by_user_id',
  'active',
  'version',
] as const;

/** Citizens' identities by id (decrypted); unknown ids are absent from the map. */
export async function citizenIdentities(
  db: Kysely<DB>,
  ring: KeyRing,
  ids: readonly number[],
): Promise<Map<number, CitizenIdentity>> {
  const out = new Map<number, CitizenIdentity>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('citizens')
    .select(IDENTITY_COLUMNS)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  for (const row of rows) {
    const open = (column: Column, value: string | null) =>
      value === null ? null : decrypt(ring, value, citizenAad(column, row.id));
    out.set(row.id, {
      id: row.id,
      displayName: row.display_name,
      realName: open('real_name_enc', row.real_name_enc),
      idNumber: open('id_number_enc', row.id_number_enc),
      phone: open('phone_enc', row.phone_enc),
      identityLevel: row.identity_level,
      identityVerifiedAt: row.identity_verified_at,
      identityVerifiedBy: row.identity_verified_by,
      identityRegistry: row.identity_registry,
      hasAccount: row.password_hash !== null,
      registeredByUserId: row.registered_by_user_id,
      active: row.active,
      version: row.version,
    });
  }
  return out;
}

/** One citizen's identity; `APPLICANT_NOT_FOUND` when there is no such (active) record. */
export async function citizenIdentity(db: Kysely<DB>, ring: KeyRing, id: number): Promise<CitizenIdentity> {
  const found = (await citizenIdentities(db, ring, [id])).get(id);
  if (!found || !found.active) throw new DomainError('APPLICANT_NOT_FOUND', `No citizen ${id}`);
  return found;
}

/** Ids of active records with this (valid, normalised) ID number: accounts first, then walk-in records. */
export async function findCitizensByIdNumber(
  db: Kysely<DB>,
  ring: KeyRing,
  idNumber: string,
): Promise<number[]> {
  const rows = await db
    .selectFrom('citizens')
    .select('id')
    .where('id_number_index', 'in', idNumberIndexCandidates(ring, idNumber))
    .where('active', '=', true)
    .orderBy(sql`password_hash is null`)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/** The id of the active account that logs in with this (normalised) phone number, or null. */
export async function findCitizenByPhone(
  db: Kysely<DB>,
  ring: KeyRing,
  phone: string,
): Promise<number | null> {
  const row = await db
    .selectFrom('citizens')
    .select('id')
    .where('phone_index', 'in', blindIndexCandidates(ring, phone))
    .where('active', '=', true)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Serialises writes that create or change the record of one ID number. */
async function lockIdNumber(db: Kysely<DB>, ring: KeyRing, idNumber: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`citizen-id:${idNumberIndex(ring, idNumber)}`}))`.execute(
    db,
  );
}

async function bumpVersion(
  db: Kysely<DB>,
  id: number,
  expectedVersion: number | undefined,
  set: Partial<{
    real_name_enc: string | null;
    id_number_enc: string | null;
    id_number_index: string | null;
    identity_level: IdentityLevel;
    identity_verified_at: Date | null;
    identity_verified_by: number | null;
    identity_registry: string | null;
  }>,
): Promise<number> {
  let query = db
    .updateTable('citizens')
    .set({ ...set, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('id', '=', id);
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const row = await query.returning('version').executeTakeFirst();
  if (!row) throw new DomainError('VERSION_CONFLICT', `Citizen ${id} was changed by someone else`);
  return row.version;
}

export interface DeclaredIdentity {
  realName: string;
  idNumber: string;
}

/**
 * A citizen declares (or corrects) their real name and ID number online: level 2. Changing either on
 * a record verified at level 3 or 4 drops it back to 2 — the verification was of other data.
 * `ALREADY_EXISTS` when another account already declared the same ID number.
 */
export async function declareIdentity(
  db: Kysely<DB>,
  ring: KeyRing,
  citizenId: number,
  input: DeclaredIdentity & { version: number },
): Promise<CitizenIdentity> {
  const current = await citizenIdentity(db, ring, citizenId);
  await lockIdNumber(db, ring, input.idNumber);
  const others = (await findCitizensByIdNumber(db, ring, input.idNumber)).filter((id) => id !== citizenId);
  const accounts = await citizenIdentities(db, ring, others);
  if ([...accounts.values()].some((other) => other.hasAccount))
    throw new DomainError('ALREADY_EXISTS', 'Another account has declared this ID number', {
      errors: [
        { field: 'body.idNumber', reason: '该身份证号已被其他账号登记；如有疑问请到政务服务大厅窗口核验' },
      ],
    });
  const realName = input.realName.trim();
  const changed = current.realName !== realName || current.idNumber !== input.idNumber;
  await bumpVersion(db, citizenId, input.version, {
    real_name_enc: encrypt(ring, realName, citizenAad('real_name_enc', citizenId)),
    id_number_enc: encrypt(ring, input.idNumber, citizenAad('id_number_enc', citizenId)),
    id_number_index: idNumberIndex(ring, input.idNumber),
    ...(changed
      ? { identity_level: 2, identity_verified_at: null, identity_verified_by: null, identity_registry: null }
      : {}),
  });
  return citizenIdentity(db, ring, citizenId);
}

/**
 * 窗口现场核验: a window clerk compared the person with their ID card — level 4. The name and number
 * typed from the card must match what the record holds; a record with no ID number yet takes them.
 * `VALIDATION_FAILED` naming the field that differs (the person may be someone else).
 */
export async function verifyIdentityInPerson(
  db: Kysely<DB>,
  ring: KeyRing,
  citizenId: number,
  input: DeclaredIdentity & { version: number; staffId: number; at: Date },
): Promise<CitizenIdentity> {
  const current = await citizenIdentity(db, ring, citizenId);
  const realName = input.realName.trim();
  const errors: FieldError[] = [];
  if (current.idNumber !== null && current.idNumber !== input.idNumber)
    errors.push({ field: 'body.idNumber', reason: '与记录的身份证号不一致' });
  if (current.realName !== null && current.realName !== realName)
    errors.push({ field: 'body.realName', reason: '与记录的姓名不一致' });
  if (errors.length > 0) throw validationError(errors, 'The ID card does not match the record');
  if (current.idNumber === null) {
    await lockIdNumber(db, ring, input.idNumber);
    const others = (await findCitizensByIdNumber(db, ring, input.idNumber)).filter((id) => id !== citizenId);
    if (others.length > 0)
      throw new DomainError('ALREADY_EXISTS', 'Another record holds this ID number', {
        errors: [{ field: 'body.idNumber', reason: '该身份证号已有申请人记录，请先查询' }],
        citizenIds: others,
      });
  }
  await bumpVersion(db, citizenId, input.version, {
    real_name_enc: encrypt(ring, realName, citizenAad('real_name_enc', citizenId)),
    id_number_enc: encrypt(ring, input.idNumber, citizenAad('id_number_enc', citizenId)),
    id_number_index: idNumberIndex(ring, input.idNumber),
    identity_level: 4,
    identity_verified_at: input.at,
    identity_verified_by: input.staffId,
    identity_registry: null,
  });
  return citizenIdentity(db, ring, citizenId);
}

/**
 * 权威库核验: a registry (公安人口库, through a gateway this instance is configured with) confirmed the
 * declared name and number — level 3. Never lowers a level-4 record.
 */
export async function recordRegistryCheck(
  db: Kysely<DB>,
  ring: KeyRing,
  citizenId: number,
  input: { registry: string; at: Date },
): Promise<CitizenIdentity> {
  const current = await citizenIdentity(db, ring, citizenId);
  if (current.realName === null || current.idNumber === null)
    throw new DomainError('APPLICANT_INCOMPLETE', 'Declare the real name and ID number first');
  if (current.identityLevel === 4) return current;
  await bumpVersion(db, citizenId, undefined, {
    identity_level: 3,
    identity_verified_at: input.at,
    identity_verified_by: null,
    identity_registry: input.registry,
  });
  return citizenIdentity(db, ring, citizenId);
}

export interface WalkInInput extends DeclaredIdentity {
  /** A contact number (normalised), or null. Not a login key. */
  phone: string | null;
  staffId: number;
}

/**
 * 现场申请人登记: finds the record of this ID number (an account first) or creates a walk-in record.
 * `created` says which. A found record whose name differs from the card is refused, naming the field.
 */
export async function registerWalkIn(
  db: Kysely<DB>,
  ring: KeyRing,
  input: WalkInInput,
): Promise<{ citizen: CitizenIdentity; created: boolean }> {
  await lockIdNumber(db, ring, input.idNumber);
  const realName = input.realName.trim();
  const [existing] = await findCitizensByIdNumber(db, ring, input.idNumber);
  if (existing !== undefined) {
    const citizen = await citizenIdentity(db, ring, existing);
    if (citizen.realName !== null && citizen.realName !== realName)
      throw validationError(
        [{ field: 'body.realName', reason: '与该身份证号已登记的姓名不一致' }],
        'The name does not match the record of this ID number',
      );
    if (citizen.realName === null)
      await bumpVersion(db, existing, undefined, {
        real_name_enc: encrypt(ring, realName, citizenAad('real_name_enc', existing)),
      });
    return { citizen: await citizenIdentity(db, ring, existing), created: false };
  }
  const { id } = await sql<{ id: number }>`select nextval('citizens_id_seq')::int as id`
    .execute(db)
    .then((r) => r.rows[0]!);
  await db
    .insertInto('citizens')
    .values({
      id,
      phone_enc: input.phone === null ? null : encrypt(ring, input.phone, citizenAad('phone_enc', id)),
      phone_index: null,
      real_name_enc: encrypt(ring, realName, citizenAad('real_name_enc', id)),
      id_number_enc: encrypt(ring, input.idNumber, citizenAad('id_number_enc', id)),
      id_number_index: idNumberIndex(ring, input.idNumber),
      display_name: null,
      password_hash: null,
      registered_by_user_id: input.staffId,
    })
    .execute();
  return { citizen: await citizenIdentity(db, ring, id), created: true };
}
