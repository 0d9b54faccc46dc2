/**
 * 市民上报 — a public report: checked here for what only the citizen channel knows (category,
 * photos uploaded through it, contact consent, duplicate submissions), then registered through the
 * case intake (reportCase: locate, route, duplicates, number, clocks, outbox) as a `public` case,
 * with a tracking code the reporter follows it by. One transaction.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { reportCase, type CaseServiceDeps } from '../cases/index.js';
import type { DB } from '../db/schema.js';
import { blindIndex, type KeyRing } from '../reporters/index.js';
import type { InputCrs } from '../shared/crs.js';
import { DomainError, validationError, type FieldError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { findPublicCategory } from './categories.js';
import { publicIntakeContext } from './context.js';
import { loadPublicView, type PublicView } from './view.js';
import { newTrackingCode } from './tracking-code.js';
import './tables.js';

export interface PublicReportInput {
  categoryCode: string;
  location: { lng: number; lat: number; crs?: InputCrs };
  address?: string | null;
  description: string;
  photoIds?: string[];
  contact?: { name?: string | null; phone?: string | null } | null;
  consentToContact?: boolean;
}

export interface Submitter {
  citizenId: number | null;
  /** X-Device-Id when the app sends one; otherwise the address and user agent stand for the device. */
  deviceId: string | null;
  clientIp: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface SubmittedReport {
  trackingCode: string;
  caseNumber: string;
  publicStatus: PublicView['publicStatus'];
  submittedAt: Date;
  expectedBy: Date | null;
}

/** Field names of the intake's problems, as this channel's request calls them. */
const FIELD_NAMES: ReadonlyArray<[string, string]> = [
  ['body.reporter.', 'body.contact.'],
  ['body.classificationId', 'body.categoryCode'],
  ['body.beforePhotoIds', 'body.photoIds'],
];

function renameFields(error: unknown): unknown {
  if (!(error instanceof DomainError) || !error.extra.errors) return error;
  const rename = (field: string) => {
    for (const [from, to] of FIELD_NAMES) if (field.startsWith(from)) return to + field.slice(from.length);
    return field;
  };
  const errors = error.extra.errors.map((e) => ({ ...e, field: rename(e.field) }));
  return new DomainError(error.code, errors.map((e) => `${e.field}: ${e.reason}`).join('; '), {
    ...error.extra,
    errors,
  });
}

function normalizeText(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

/** Whose device this is, as a keyed HMAC: the raw id, address or user agent is never stored. */
export function deviceKeyOf(ring: KeyRing, who: Submitter): string {
  if (who.citizenId !== null) return blindIndex(ring, `device:citizen:${who.citizenId}`);
  if (who.deviceId) return blindIndex(ring, `device:id:${who.deviceId}`);
  return blindIndex(ring, `device:ip:${who.clientIp ?? ''}|${who.userAgent ?? ''}`);
}

async function uniqueTrackingCode(tx: Transaction<DB>): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const code = newTrackingCode();
    const taken = await tx
      .selectFrom('public_reports')
      .select('case_id')
      .where('tracking_code', '=', code)
      .executeTakeFirst();
    if (!taken) return code;
  }
  throw new Error('five tracking-code collisions in a row: the random source is broken');
}

async function checkPhotos(tx: Transaction<DB>, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await tx
    .selectFrom('public_uploads')
    .select(['file_id', 'case_id'])
    .where('file_id', 'in', ids)
    .forUpdate()
    .execute();
  const errors: FieldError[] = [];
  ids.forEach((id, i) => {
    const row = rows.find((r) => r.file_id === id);
    if (!row)
      errors.push({ field: `body.photoIds[${i}]`, reason: `no photo ${id} uploaded to POST /public/photos` });
    else if (row.case_id !== null)
      errors.push({ field: `body.photoIds[${i}]`, reason: 'this photo belongs to another report' });
  });
  if (errors.length > 0) throw validationError(errors);
}

/**
 * Submits a public report, or answers with the earlier one when the same device sent the same
 * category and text within `duplicateMinutes` (a double tap, a retry after a lost answer).
 */
export async function submitPublicReport(
  db: Kysely<DB>,
  deps: CaseServiceDeps & { reporterKeys: KeyRing },
  settings: { duplicateMinutes: number },
  input: PublicReportInput,
  who: Submitter,
): Promise<SubmittedReport> {
  const ring = deps.reporterKeys;
  const now = deps.now ? deps.now() : new Date();
  const description = normalizeText(input.description);
  if (description === '') throw validationError([{ field: 'body.description', reason: 'must not be blank' }]);
  const contact = {
    name: input.contact?.name?.trim() || null,
    phone: input.contact?.phone?.trim() || null,
  };
  if (input.consentToContact && contact.phone === null)
    throw validationError([
      { field: 'body.consentToContact', reason: 'give contact.phone to be called back' },
    ]);
  const photoIds = input.photoIds ?? [];
  const deviceKey = deviceKeyOf(ring, who);
  const textKey = blindIndex(ring, `text:${input.categoryCode}:${description}`);
  return inTransaction(db, async (tx) => {
    const category = await findPublicCategory(tx, input.categoryCode, true);
    if (!category)
      throw validationError([
        { field: 'body.categoryCode', reason: `no public category ${input.categoryCode}` },
      ]);
    // One submission per device at a time, so a double tap finds the first one committed.
    await sql`select pg_advisory_xact_lock(hashtext(${deviceKey}))`.execute(tx);
    const earlier = await tx
      .selectFrom('public_reports')
      .select('tracking_code')
      .where('device_key', '=', deviceKey)
      .where('text_key', '=', textKey)
      .where('created_at', '>', new Date(now.getTime() - settings.duplicateMinutes * 60_000))
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    if (earlier) return submittedOf(await loadPublicView(tx, deps, earlier.tracking_code));
    await checkPhotos(tx, photoIds);
    const ctx = publicIntakeContext(who.citizenId, who);
    const hasContact = contact.name !== null || contact.phone !== null;
    const caseId = await reportCase(tx, deps, ctx, {
      source: 'public',
      classificationId: category.classificationId,
      location: { lng: input.location.lng, lat: input.location.lat, crs: input.location.crs ?? 'wgs84' },
      address: input.address?.trim() || null,
      description,
      beforePhotoIds: photoIds,
      reporter: hasContact
        ? { name: contact.name, phone: contact.phone, contactConsent: input.consentToContact ?? false }
        : null,
    }).catch((error: unknown) => {
      throw renameFields(error);
    });
    const trackingCode = await uniqueTrackingCode(tx);
    await tx
      .insertInto('public_reports')
      .values({
        case_id: caseId,
        tracking_code: trackingCode,
        category_code: category.code,
        citizen_id: who.citizenId,
        device_key: deviceKey,
        text_key: textKey,
        created_at: now,
      })
      .execute();
    if (photoIds.length > 0)
      await tx
        .updateTable('public_uploads')
        .set({ case_id: caseId })
        .where('file_id', 'in', photoIds)
        .execute();
    return submittedOf(await loadPublicView(tx, deps, trackingCode));
  });
}

function submittedOf(view: PublicView): SubmittedReport {
  return {
    trackingCode: view.trackingCode,
    caseNumber: view.caseNumber,
    publicStatus: view.publicStatus,
    submittedAt: view.submittedAt,
    expectedBy: view.expectedBy,
  };
}
