/**
 * 报告人信息 — the personal data of whoever reported a case, stored only in `case_reporters`,
 * encrypted field by field (./crypto.ts), masked by default and audited on every read
 * (docs/privacy.md). The case intake calls {@link saveReporter} inside its transaction; the read
 * endpoint calls {@link readReporter}; operators run {@link reencryptAll} after a key rotation.
 */
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/index.js';
import { loadCaseRow, visibleTo } from '../cases/index.js';
import type { DB } from '../db/schema.js';
import { authorize } from '../identity/index.js';
import { maskIdNumber, maskPhone, parseResidentId } from '../shared/codes/index.js';
import { systemContext, type RequestContext } from '../shared/context.js';
import { DomainError, validationError, type FieldError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { blindIndex, blindIndexCandidates, decrypt, encrypt, isStale, type KeyRing } from './crypto.js';
import './tables.js';

export const NAME_MAX_LENGTH = 50;
const MOBILE = /^1[3-9]\d{9}$/;
/** Area code 0 + 2–3 digits (010, 021, 0755 …) and a 7–8 digit local number, separators removed. */
const LANDLINE = /^0[1-9]\d{1,2}\d{7,8}$/;

export interface ReporterInput {
  name?: string | null;
  phone?: string | null;
  idNumber?: string | null;
  /** E-mail address (Open311 clients send one); at most 254 characters. */
  email?: string | null;
  /** The reporter agreed to be contacted (回访) about the case. */
  contactConsent: boolean;
  /** The reporter asked not to be identified: no name and no ID number may be stored. */
  anonymous: boolean;
}

export interface SaveReporterOptions {
  /** Business time zone for "no one is born after today" (default Asia/Shanghai). */
  timeZone?: string;
  now?: Date;
  /** Prefix of field names in validation errors (default `body.reporter`). */
  field?: string;
}

/**
 * What may be read, by role, is the `reporters:read` grant of identity/policy.ts (docs/privacy.md):
 * the supervision centre (受理员, 值班长) calls reporters back and verifies them, so it sees them in
 * full; dispatchers and the handling department see who reported only masked (scope `masked`);
 * inspectors and leaders never need the reporter. Jurisdiction (the case must be visible to the
 * actor) applies on top.
 */

export interface ReporterView {
  caseId: number;
  /** False only for a full read by a role allowed one. */
  masked: boolean;
  name: string | null;
  phone: string | null;
  idNumber: string | null;
  email: string | null;
  contactConsent: boolean;
  anonymous: boolean;
  createdAt: Date;
}

type Column = 'name_enc' | 'phone_enc' | 'id_number_enc' | 'email_enc';

/** The AAD of a stored value: moving an envelope to another row or column makes it undecryptable. */
function contextOf(column: Column, caseId: number): string {
  return `case_reporters.${column}:${caseId}`;
}

function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

function blankToNull(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * A mainland mobile (`13812345678`, `+86 138-1234-5678`) or landline (`010-65123456`) number with
 * spaces, dashes and brackets removed and a +86/0086 prefix dropped; null when it is neither.
 */
export function normalizePhone(phone: string): string | null {
  let digits = phone.trim().replace(/[\s()（）-]/g, '');
  const international = /^(?:\+|00)86(\d+)$/.exec(digits);
  if (international) digits = international[1]!;
  else if (!/^\d+$/.test(digits)) return null;
  if (MOBILE.test(digits)) return digits;
  // A landline written internationally drops its trunk 0: +86 10 6512 3456.
  if (international && LANDLINE.test(`0${digits}`)) return `0${digits}`;
  if (!international && LANDLINE.test(digits)) return digits;
  return null;
}

/** 张三 → 张*, 欧阳娜娜 → 欧***; a one-character name is masked completely. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*'.repeat(chars.length);
  return chars[0]! + '*'.repeat(chars.length - 1);
}

/**
 * zhang.san@example.org → z***@e***.org (docs/privacy.md §Masking). The first character of the
 * local part and of the domain, a fixed `***` for the rest of each (so the length is not told), and
 * the top-level label. The domain is masked too: an employer's or a small organisation's domain
 * narrows down who wrote. A one-character local part is masked completely; a string that is not an
 * address gives `***`.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0 || at === email.length - 1) return '***';
  const local = [...email.slice(0, at)];
  const domain = email.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const topLevel = dot > 0 && dot < domain.length - 1 ? domain.slice(dot) : '';
  const maskedLocal = local.length === 1 ? '***' : `${local[0]!}***`;
  return `${maskedLocal}@${[...domain][0]!}***${topLevel}`;
}

/** A plain addr-spec: one @, no spaces or control characters, a dotted domain; ≤ 254 characters. */
const EMAIL = /^[^\s@\p{Cc}]{1,64}@[^\s@\p{Cc}]+\.[^\s@\p{Cc}]+$/u;

interface ValidReporter {
  name: string | null;
  phone: string | null;
  idNumber: string | null;
  email: string | null;
}

function validate(input: ReporterInput, options: SaveReporterOptions): ValidReporter {
  const prefix = options.field ?? 'body.reporter';
  const errors: FieldError[] = [];
  const name = blankToNull(input.name);
  const phoneRaw = blankToNull(input.phone);
  const idRaw = blankToNull(input.idNumber);
  const email = blankToNull(input.email);
  if (email !== null && (email.length > 254 || !EMAIL.test(email)))
    errors.push({ field: `${prefix}.email`, reason: 'must be an e-mail address of at most 254 characters' });
  if (name !== null) {
    if ([...name].length > NAME_MAX_LENGTH) {
      errors.push({ field: `${prefix}.name`, reason: `must be at most ${NAME_MAX_LENGTH} characters` });
    } else if (/[\p{Cc}\u202A-\u202E\u2066-\u2069]/u.test(name)) {
      // Bidi overrides (U+202E) would show the name reversed to the staff who read it.
      errors.push({
        field: `${prefix}.name`,
        reason: 'must not contain control or bidi-override characters',
      });
    }
    if (input.anonymous)
      errors.push({ field: `${prefix}.name`, reason: 'an anonymous report carries no name' });
  }
  let phone: string | null = null;
  if (phoneRaw !== null) {
    phone = normalizePhone(phoneRaw);
    if (phone === null) {
      errors.push({
        field: `${prefix}.phone`,
        reason: 'must be a mainland mobile number (1[3-9] + 9 digits) or a landline with area code',
      });
    }
  }
  let idNumber: string | null = null;
  if (idRaw !== null) {
    if (input.anonymous) {
      errors.push({ field: `${prefix}.idNumber`, reason: 'an anonymous report carries no ID number' });
    } else {
      const today = todayIn(options.timeZone ?? 'Asia/Shanghai', options.now ?? new Date());
      const parsed = parseResidentId(idRaw, { today });
      if (parsed.ok) idNumber = parsed.value.number;
      else errors.push({ field: `${prefix}.idNumber`, reason: parsed.reason });
    }
  }
  if (errors.length > 0) throw validationError(errors);
  return { name, phone, idNumber, email };
}

/**
 * Stores the reporter of a new case, encrypted, in the caller's transaction (the case intake's).
 * Validates first and throws `VALIDATION_FAILED` naming `body.reporter.<field>`; a second reporter
 * for the same case is `ALREADY_EXISTS`. A legacy 15-digit ID number is stored upgraded to 18.
 */
export async function saveReporter(
  tx: Kysely<DB> | Transaction<DB>,
  ring: KeyRing,
  caseId: number,
  input: ReporterInput,
  options: SaveReporterOptions = {},
): Promise<void> {
  const valid = validate(input, options);
  const seal = (column: Column, value: string | null) =>
    value === null ? null : encrypt(ring, value, contextOf(column, caseId));
  const inserted = await tx
    .insertInto('case_reporters')
    .values({
      case_id: caseId,
      name_enc: seal('name_enc', valid.name),
      phone_enc: seal('phone_enc', valid.phone),
      phone_index: valid.phone === null ? null : blindIndex(ring, valid.phone),
      id_number_enc: seal('id_number_enc', valid.idNumber),
      email_enc: seal('email_enc', valid.email),
      contact_consent: input.contactConsent,
      anonymous: input.anonymous,
    })
    .onConflict((oc) => oc.column('case_id').doNothing())
    .returning('case_id')
    .executeTakeFirst();
  if (!inserted) throw new DomainError('ALREADY_EXISTS', `Case ${caseId} already has a reporter`);
}

/**
 * The reporter of a case, masked unless `full` is asked for and the role may see it in full.
 * Every read that returns data writes `reporter.read` with `{ full }` to the audit log in the same
 * transaction. Errors: `FORBIDDEN` for a role without access (or `full` for a masked-only role),
 * `NOT_FOUND` for a case outside the actor's jurisdiction, `REPORTER_NOT_FOUND` when none is stored.
 */
export async function readReporter(
  db: Kysely<DB>,
  ring: KeyRing,
  ctx: RequestContext,
  caseId: number,
  options: { full: boolean },
): Promise<ReporterView> {
  const access = authorize(ctx.actor, 'reporters:read');
  return inTransaction(db, async (tx) => {
    const row = await loadCaseRow(tx, caseId, false);
    if (!row || !visibleTo(ctx, row)) {
      throw new DomainError('NOT_FOUND', `No case ${caseId} in your jurisdiction`);
    }
    if (options.full && access === 'masked') {
      throw new DomainError('FORBIDDEN', `The ${ctx.actor.role} role may read reporter data masked only`);
    }
    const stored = await tx
      .selectFrom('case_reporters')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    if (!stored) throw new DomainError('REPORTER_NOT_FOUND', `Case ${caseId} has no reporter on record`);
    const open = (column: Column) => {
      const envelope = stored[column];
      return envelope === null ? null : decrypt(ring, envelope, contextOf(column, caseId));
    };
    const name = open('name_enc');
    const phone = open('phone_enc');
    const idNumber = open('id_number_enc');
    const email = open('email_enc');
    await recordAudit(tx, ctx, {
      action: 'reporter.read',
      targetType: 'case',
      targetId: caseId,
      detail: {
        full: options.full,
        fields: [name && 'name', phone && 'phone', idNumber && 'idNumber', email && 'email'].filter(Boolean),
      },
    });
    const full = options.full;
    return {
      caseId,
      masked: !full,
      name: name === null || full ? name : maskName(name),
      phone: phone === null || full ? phone : maskPhone(phone),
      idNumber: idNumber === null || full ? idNumber : maskIdNumber(idNumber),
      email: email === null || full ? email : maskEmail(email),
      contactConsent: stored.contact_consent,
      anonymous: stored.anonymous,
      createdAt: stored.created_at,
    };
  });
}

/**
 * Cases whose reporter gave this phone number (重复来电: "has this phone reported before"),
 * oldest first, found through the blind index without decrypting anything. Matches rows indexed
 * under any key of the ring, so it keeps working during a rotation. Applies no jurisdiction:
 * callers show only what the actor may see, and never the number itself.
 */
export async function casesReportedByPhone(db: Kysely<DB>, ring: KeyRing, phone: string): Promise<number[]> {
  const normalized = normalizePhone(phone);
  if (normalized === null) return [];
  const rows = await db
    .selectFrom('case_reporters')
    .select('case_id')
    .where('phone_index', 'in', blindIndexCandidates(ring, normalized))
    .orderBy('case_id')
    .execute();
  return rows.map((row) => row.case_id);
}

export interface ReencryptResult {
  /** Rows looked at. */
  scanned: number;
  /** Rows rewritten because a value or the phone index used a key other than the active one. */
  rewritten: number;
}

/**
 * Key rotation, step 3 (docs/privacy.md): rewrites every row whose values or phone index were made
 * with a key other than the ring's active one, in batches of `batchSize` rows, each batch one
 * transaction with its rows locked. Idempotent and safe to interrupt and rerun; the old keys must
 * stay in the ring until it reports 0 rewritten. Writes one `reporter.reencrypt` audit entry.
 */
export async function reencryptAll(
  db: Kysely<DB>,
  ring: KeyRing,
  options: { batchSize?: number } = {},
): Promise<ReencryptResult> {
  const batchSize = options.batchSize ?? 200;
  const result: ReencryptResult = { scanned: 0, rewritten: 0 };
  let after = 0;
  for (;;) {
    const batch = await db.transaction().execute(async (tx) => {
      const rows = await tx
        .selectFrom('case_reporters')
        .select(['case_id', 'name_enc', 'phone_enc', 'phone_index', 'id_number_enc', 'email_enc'])
        .where('case_id', '>', after)
        .orderBy('case_id')
        .limit(batchSize)
        .forUpdate()
        .execute();
      let rewritten = 0;
      for (const row of rows) {
        const stale = [row.name_enc, row.phone_enc, row.phone_index, row.id_number_enc, row.email_enc].some(
          (value) => value !== null && isStale(ring, value),
        );
        if (!stale) continue;
        const reseal = (column: Column) => {
          const envelope = row[column];
          if (envelope === null) return null;
          const context = contextOf(column, row.case_id);
          return encrypt(ring, decrypt(ring, envelope, context), context);
        };
        const phone =
          row.phone_enc === null ? null : decrypt(ring, row.phone_enc, contextOf('phone_enc', row.case_id));
        await tx
          .updateTable('case_reporters')
          .set({
            name_enc: reseal('name_enc'),
            phone_enc: reseal('phone_enc'),
            phone_index: phone === null ? null : blindIndex(ring, phone),
            id_number_enc: reseal('id_number_enc'),
            email_enc: reseal('email_enc'),
          })
          .where('case_id', '=', row.case_id)
          .execute();
        rewritten += 1;
      }
      return { count: rows.length, last: rows.at(-1)?.case_id, rewritten };
    });
    result.scanned += batch.count;
    result.rewritten += batch.rewritten;
    if (batch.last === undefined || batch.count < batchSize) break;
    after = batch.last;
  }
  await recordAudit(db, systemContext(), {
    action: 'reporter.reencrypt',
    targetType: 'case',
    targetId: null,
    detail: { activeKeyId: ring.activeId, keyIds: ring.ids, ...result },
  });
  return result;
}
