/**
 * 市民账号 — citizen accounts: a mainland mobile number and a password (Argon2id, as staff), an
 * optional display name and resident ID number (GB 11643, check digit verified). The phone and ID
 * numbers are personal data: encrypted with the reporters key ring, bound to their row, and the
 * phone found at login through its blind index (docs/privacy.md). Nothing here logs them; audit
 * entries name the account by id only.
 *
 * Citizens are not staff: their sessions live in their own table with their own token prefix
 * (`shc_`) and cookie, and no citizen ever becomes an `Actor`.
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { recordAudit, type AuditContext } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import {
  dummyPasswordHash,
  hashPassword,
  passwordProblems,
  verifyPassword,
  assertNotThrottled,
  loginCounters,
  recordFailure,
  recordSuccess,
  newToken,
  tokenHash,
} from '../identity/index.js';
import {
  blindIndex,
  blindIndexCandidates,
  decrypt,
  encrypt,
  isStale,
  normalizePhone,
  type KeyRing,
} from '../reporters/index.js';
import { maskIdNumber, maskPhone, parseResidentId } from '../shared/codes/index.js';
import { DomainError, validationError, type FieldError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { citizenAad, idNumberIndex } from './identity.js';
import './tables.js';

/** Bearer tokens of citizen sessions start with this; staff tokens never do. */
export const CITIZEN_TOKEN_PREFIX = 'shc_';
export const DISPLAY_NAME_MAX_LENGTH = 30;
const MOBILE = /^1[3-9]\d{9}$/;

/** Who a citizen request acts as. Deliberately not an `Actor`: it has no role and no jurisdiction. */
export interface Citizen {
  id: number;
  displayName: string | null;
}

export interface CitizenCredential {
  citizen: Citizen;
  csrfToken: string;
  sessionHash: string;
}

export interface CitizenView {
  id: number;
  phoneMasked: string;
  displayName: string | null;
  idNumberMasked: string | null;
  createdAt: Date;
}

export interface RequestMeta {
  clientIp: string | null;
  requestId: string | null;
}

function auditContext(citizenId: number, meta: RequestMeta): AuditContext {
  return {
    actor: { id: 0, username: `citizen:${citizenId}` },
    clientIp: meta.clientIp,
    requestId: meta.requestId,
  };
}

const aad = citizenAad;

function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** A mainland mobile number (`13812345678`, `+86 138 1234 5678`) normalised, or null. */
export function normalizeMobile(phone: string): string | null {
  const normalized = normalizePhone(phone);
  return normalized !== null && MOBILE.test(normalized) ? normalized : null;
}

export interface RegisterInput {
  phone: string;
  password: string;
  displayName?: string | null;
  idNumber?: string | null;
}

/** Creates an account; `ALREADY_EXISTS` naming `body.phone` when the number is registered. */
export async function registerCitizen(
  db: Kysely<DB>,
  ring: KeyRing,
  input: RegisterInput,
  meta: RequestMeta & { timeZone: string; now?: Date },
): Promise<CitizenView> {
  const errors: FieldError[] = [];
  const phone = normalizeMobile(input.phone);
  if (phone === null)
    errors.push({ field: 'body.phone', reason: 'must be a mainland mobile number (1[3-9] + 9 digits)' });
  const passwordProblem = passwordProblems(input.password);
  if (passwordProblem) errors.push({ field: 'body.password', reason: passwordProblem });
  const displayName = input.displayName?.trim() || null;
  if (displayName !== null) {
    if ([...displayName].length > DISPLAY_NAME_MAX_LENGTH)
      errors.push({
        field: 'body.displayName',
        reason: `must be at most ${DISPLAY_NAME_MAX_LENGTH} characters`,
      });
    else if (/\p{Cc}/u.test(displayName))
      errors.push({ field: 'body.displayName', reason: 'must not contain control characters' });
  }
  let idNumber: string | null = null;
  const idRaw = input.idNumber?.trim() || null;
  if (idRaw !== null) {
    const parsed = parseResidentId(idRaw.toUpperCase(), {
      today: todayIn(meta.timeZone, meta.now ?? new Date()),
    });
    if (parsed.ok) idNumber = parsed.value.number;
    else errors.push({ field: 'body.idNumber', reason: parsed.reason });
  }
  if (errors.length > 0 || phone === null) throw validationError(errors);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(db, async (tx) => {
    // Serialises registrations of the same number (the unique index holds one index per key only).
    await sql`select pg_advisory_xact_lock(hashtext(${`citizen:${blindIndex(ring, phone)}`}))`.execute(tx);
    const taken = await tx
      .selectFrom('citizens')
      .select('id')
      .where('phone_index', 'in', blindIndexCandidates(ring, phone))
      .executeTakeFirst();
    if (taken)
      throw new DomainError('ALREADY_EXISTS', 'This phone number is already registered', {
        errors: [{ field: 'body.phone', reason: 'is already registered' }],
      });
    const { id } = await sql<{ id: number }>`select nextval('citizens_id_seq')::int as id`
      .execute(tx)
      .then((r) => r.rows[0]!);
    const row = await tx
      .insertInto('citizens')
      .values({
        id,
        phone_enc: encrypt(ring, phone, aad('phone_enc', id)),
        phone_index: blindIndex(ring, phone),
        id_number_enc: idNumber === null ? null : encrypt(ring, idNumber, aad('id_number_enc', id)),
        id_number_index: idNumber === null ? null : idNumberIndex(ring, idNumber),
        display_name: displayName,
        password_hash: passwordHash,
      })
      .returning(['id', 'display_name', 'created_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, auditContext(id, meta), {
      action: 'citizen.register',
      targetType: 'citizen',
      targetId: id,
      detail: { idNumber: idNumber !== null },
    });
    return {
      id: row.id,
      phoneMasked: maskPhone(phone),
      displayName: row.display_name,
      idNumberMasked: idNumber === null ? null : maskIdNumber(idNumber),
      createdAt: row.created_at,
    };
  });
}

export interface CitizenLogin {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  citizen: CitizenView;
}

/**
 * Logs in by phone and password. Failures are throttled like staff logins (src/identity/throttle.ts,
 * keyed by a blind index of what was typed): an unregistered number, an inactive account and a
 * wrong password are counted and answered alike.
 */
export async function loginCitizen(
  db: Kysely<DB>,
  ring: KeyRing,
  input: { phone: string; password: string },
  meta: RequestMeta & { sessionHours: number },
): Promise<CitizenLogin> {
  const phone = normalizeMobile(input.phone);
  // The blind index, not the number: the throttle table must hold no phone numbers.
  const counters = loginCounters('citizen', blindIndex(ring, phone ?? input.phone.trim()), meta.clientIp);
  await assertNotThrottled(db, counters);
  const found =
    phone === null
      ? undefined
      : await db
          .selectFrom('citizens')
          .select(['id', 'password_hash', 'active'])
          .where('phone_index', 'in', blindIndexCandidates(ring, phone))
          .executeTakeFirst();
  const row = found?.active ? found : undefined;
  const ok = await verifyPassword(row?.password_hash ?? (await dummyPasswordHash()), input.password);
  if (!row || !ok) {
    await inTransaction(db, async (tx) => {
      const blocked = await recordFailure(tx, counters);
      if (!found) return;
      await recordAudit(tx, auditContext(found.id, meta), {
        action: blocked > 0 ? 'citizen.throttled' : 'citizen.login_failed',
        targetType: 'citizen',
        targetId: found.id,
        ...(blocked > 0 ? { detail: { blockedSeconds: blocked } } : {}),
      });
    });
    throw new DomainError('AUTH_INVALID_CREDENTIALS', 'Wrong phone number or password');
  }
  const ctx = auditContext(row.id, meta);
  const token = newToken('shc');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + meta.sessionHours * 3_600_000);
  await inTransaction(db, async (tx) => {
    await recordSuccess(tx, counters);
    await tx
      .insertInto('citizen_sessions')
      .values({
        token_hash: tokenHash(token),
        citizen_id: row.id,
        csrf_token: csrfToken,
        expires_at: expiresAt,
      })
      .execute();
    await recordAudit(tx, ctx, { action: 'citizen.login', targetType: 'citizen', targetId: row.id });
  });
  return { token, csrfToken, expiresAt, citizen: await getCitizen(db, ring, row.id) };
}

/** The session of a citizen bearer token or cookie; null when unknown, expired or not a citizen token. */
export async function resolveCitizenToken(db: Kysely<DB>, token: string): Promise<CitizenCredential | null> {
  if (!token.startsWith(CITIZEN_TOKEN_PREFIX)) return null;
  const hash = tokenHash(token);
  const row = await db
    .selectFrom('citizen_sessions as s')
    .innerJoin('citizens as c', 'c.id', 's.citizen_id')
    .select(['c.id', 'c.display_name', 'c.active', 's.csrf_token', 's.expires_at'])
    .where('s.token_hash', '=', hash)
    .executeTakeFirst();
  if (!row || !row.active || row.expires_at <= new Date()) return null;
  return {
    citizen: { id: row.id, displayName: row.display_name },
    csrfToken: row.csrf_token,
    sessionHash: hash,
  };
}

export async function logoutCitizen(
  db: Kysely<DB>,
  credential: CitizenCredential,
  meta: RequestMeta,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx.deleteFrom('citizen_sessions').where('token_hash', '=', credential.sessionHash).execute();
    await recordAudit(tx, auditContext(credential.citizen.id, meta), {
      action: 'citizen.logout',
      targetType: 'citizen',
      targetId: credential.citizen.id,
    });
  });
}

/** The account as its owner sees it: numbers masked (the owner knows them; a shared screen need not). */
export async function getCitizen(db: Kysely<DB>, ring: KeyRing, id: number): Promise<CitizenView> {
  const row = await db
    .selectFrom('citizens')
    .select(['id', 'phone_enc', 'id_number_enc', 'display_name', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  // A walk-in record registered at a window has no phone and is not an account.
  if (!row || row.phone_enc === null) throw new DomainError('NOT_FOUND', 'No such citizen account');
  const idNumber =
    row.id_number_enc === null ? null : decrypt(ring, row.id_number_enc, aad('id_number_enc', id));
  return {
    id: row.id,
    phoneMasked: maskPhone(decrypt(ring, row.phone_enc, aad('phone_enc', id))),
    displayName: row.display_name,
    idNumberMasked: idNumber === null ? null : maskIdNumber(idNumber),
    createdAt: row.created_at,
  };
}

/**
 * Key rotation for citizen accounts (docs/privacy.md §Rotation, step 2, beside `reencryptAll` of
 * the reporters): rewrites, in batches each in its own transaction, every account whose phone,
 * phone index or ID number was made with a key other than the active one. Idempotent.
 */
export async function reencryptCitizens(
  db: Kysely<DB>,
  ring: KeyRing,
  options: { batchSize?: number } = {},
): Promise<{ scanned: number; rewritten: number }> {
  const batchSize = options.batchSize ?? 200;
  const result = { scanned: 0, rewritten: 0 };
  let after = 0;
  for (;;) {
    const batch = await db.transaction().execute(async (tx) => {
      const rows = await tx
        .selectFrom('citizens')
        .select(['id', 'phone_enc', 'phone_index', 'id_number_enc', 'id_number_index', 'real_name_enc'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(batchSize)
        .forUpdate()
        .execute();
      let rewritten = 0;
      for (const row of rows) {
        const values = [
          row.phone_enc,
          row.phone_index,
          row.id_number_enc,
          row.id_number_index,
          row.real_name_enc,
        ].filter((v): v is string => v !== null);
        // Accounts from before migration 0021 have an ID number without its index: write it now.
        const unindexed = row.id_number_enc !== null && row.id_number_index === null;
        if (!unindexed && !values.some((value) => isStale(ring, value))) continue;
        const open = (column: 'phone_enc' | 'id_number_enc' | 'real_name_enc', value: string | null) =>
          value === null ? null : decrypt(ring, value, aad(column, row.id));
        const seal = (column: 'phone_enc' | 'id_number_enc' | 'real_name_enc', value: string | null) =>
          value === null ? null : encrypt(ring, value, aad(column, row.id));
        const phone = open('phone_enc', row.phone_enc);
        const idNumber = open('id_number_enc', row.id_number_enc);
        const realName = open('real_name_enc', row.real_name_enc);
        await tx
          .updateTable('citizens')
          .set({
            phone_enc: seal('phone_enc', phone),
            // A walk-in record's contact phone is not a login key: it stays unindexed.
            phone_index: phone === null || row.phone_index === null ? null : blindIndex(ring, phone),
            id_number_enc: seal('id_number_enc', idNumber),
            id_number_index: idNumber === null ? null : idNumberIndex(ring, idNumber),
            real_name_enc: seal('real_name_enc', realName),
          })
          .where('id', '=', row.id)
          .execute();
        rewritten += 1;
      }
      return { count: rows.length, last: rows.at(-1)?.id, rewritten };
    });
    result.scanned += batch.count;
    result.rewritten += batch.rewritten;
    if (batch.last === undefined || batch.count < batchSize) break;
    after = batch.last;
  }
  return result;
}
