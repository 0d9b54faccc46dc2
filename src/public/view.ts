/**
 * 公开视图 — what the holder of a tracking code sees of a report: its public status, public notes,
 * expected completion, the reporter's own photos and, once closed, the after-photos of the
 * handling; never the reporter's contact data, staff names, departments' internal notes or
 * reasons. Sensitive categories show a location rounded to about 100 m and no address.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  casePhotoRelation,
  expectedCompletion,
  listPublicNotes,
  mergeTargetStatus,
  publicStatusOf,
  loadCaseRow,
  type PublicStatus,
  type CaseServiceDeps,
} from '../cases/index.js';
import type { DB } from '../db/schema.js';
import { DomainError } from '../shared/errors.js';
import { findPublicCategory } from './categories.js';
import { canRate, canRequestReopen, type RatingFacts } from './rating-rules.js';
import './tables.js';

/** Decimal places of a rounded public location: 0.001° is about 111 m north–south. */
export const ROUNDED_DECIMALS = 3;

export interface PublicPhoto {
  id: string;
  url: string;
  thumbnailUrl: string;
}

export interface PublicView {
  trackingCode: string;
  caseNumber: string;
  category: { code: string; name: string; nameEn: string };
  publicStatus: PublicStatus;
  submittedAt: Date;
  updatedAt: Date;
  expectedBy: Date | null;
  closedAt: Date | null;
  location: { lng: number; lat: number; rounded: boolean };
  address: string | null;
  description: string;
  notes: Array<{ at: Date; text: string; status: PublicStatus }>;
  photos: { before: PublicPhoto[]; after: PublicPhoto[] };
  rating: { score: number; comment: string | null; at: Date } | null;
  canRate: boolean;
  canRequestReopen: boolean;
  reopenRequest: { status: 'pending' | 'accepted' | 'declined'; at: Date } | null;
}

export function roundCoordinate(value: number, decimals = ROUNDED_DECIMALS): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function beforePhotoUrls(id: string): PublicPhoto {
  return { id, url: `/api/v1/public/photos/${id}`, thumbnailUrl: `/api/v1/public/photos/${id}/thumbnail` };
}

function afterPhotoUrls(code: string, id: string): PublicPhoto {
  const base = `/api/v1/public/reports/${code}/photos/${id}`;
  return { id, url: base, thumbnailUrl: `${base}/thumbnail` };
}

/** The public view of the report with this (canonical) tracking code; `TRACKING_CODE_NOT_FOUND` if none. */
export async function loadPublicView(
  db: Kysely<DB> | Transaction<DB>,
  deps: CaseServiceDeps,
  trackingCode: string,
): Promise<PublicView> {
  const report = await db
    .selectFrom('public_reports')
    .select(['case_id', 'tracking_code', 'category_code', 'created_at'])
    .where('tracking_code', '=', trackingCode)
    .executeTakeFirst();
  if (!report)
    throw new DomainError('TRACKING_CODE_NOT_FOUND', `No report has the tracking code ${trackingCode}`);
  const row = (await loadCaseRow(db, report.case_id, false))!;
  const now = deps.now ? deps.now() : new Date();
  const [category, mergedInto, notes, photos, rating, reopen, expectedBy] = await Promise.all([
    findPublicCategory(db, report.category_code, false),
    mergeTargetStatus(db, row),
    listPublicNotes(db, row.id),
    db
      .selectFrom(casePhotoRelation(db).as('p'))
      .leftJoin('public_uploads as u', 'u.file_id', 'p.file_id')
      .select(['p.file_id', 'p.phase', 'u.file_id as public_file'])
      .where('p.case_id', '=', row.id)
      .orderBy('p.added_at')
      .orderBy('p.file_id')
      .execute(),
    db
      .selectFrom('case_ratings')
      .select(['score', 'comment', 'created_at'])
      .where('case_id', '=', row.id)
      .executeTakeFirst(),
    db
      .selectFrom('reopen_requests')
      .select(['status', 'created_at'])
      .where('case_id', '=', row.id)
      // The reporter's own request (from the rating); Open311 clients may ask about the case too.
      .where('source', '=', 'rating')
      .executeTakeFirst(),
    expectedCompletion(db, deps, row),
  ]);
  const publicStatus = publicStatusOf(row.status, mergedInto);
  const sensitive = category?.sensitive ?? false;
  const facts: RatingFacts = {
    publicStatus,
    closedAt: row.closed_at,
    rated: rating !== undefined,
    now,
    reopenWindowDays: (deps.workflow ?? { reopenWindowDays: 30 }).reopenWindowDays,
  };
  return {
    trackingCode: report.tracking_code,
    caseNumber: row.number,
    category: {
      code: report.category_code,
      name: category?.name ?? row.class_name,
      nameEn: category?.nameEn ?? row.class_name,
    },
    publicStatus,
    submittedAt: row.reported_at,
    updatedAt: row.updated_at,
    expectedBy: publicStatus === 'closed' || publicStatus === 'rejected' ? null : expectedBy,
    closedAt: publicStatus === 'closed' ? row.closed_at : null,
    location: sensitive
      ? { lng: roundCoordinate(row.lng), lat: roundCoordinate(row.lat), rounded: true }
      : { lng: row.lng, lat: row.lat, rounded: false },
    address: sensitive ? null : row.address,
    description: row.description,
    notes: notes.map((n) => ({ at: n.at, text: n.text, status: n.status })),
    photos: {
      // The reporter's own photos only; staff before-photos are working material.
      before: photos
        .filter((p) => p.phase === 'before' && p.public_file !== null)
        .map((p) => beforePhotoUrls(p.file_id)),
      after:
        publicStatus === 'closed'
          ? photos
              .filter((p) => p.phase === 'after')
              .map((p) => afterPhotoUrls(report.tracking_code, p.file_id))
          : [],
    },
    rating: rating ? { score: rating.score, comment: rating.comment, at: rating.created_at } : null,
    canRate: canRate(facts),
    canRequestReopen: canRequestReopen(facts),
    reopenRequest: reopen ? { status: reopen.status, at: reopen.created_at } : null,
  };
}

/** Whether `fileId` is an after-photo the public view of `trackingCode` shows now. */
export async function isShownAfterPhoto(
  db: Kysely<DB>,
  deps: CaseServiceDeps,
  trackingCode: string,
  fileId: string,
): Promise<boolean> {
  const view = await loadPublicView(db, deps, trackingCode);
  return view.photos.after.some((p) => p.id === fileId);
}

export interface ReportSummary {
  trackingCode: string;
  caseNumber: string;
  category: { code: string; name: string; nameEn: string };
  publicStatus: PublicStatus;
  submittedAt: Date;
  updatedAt: Date;
  canRate: boolean;
}

/** A citizen's own reports, newest first, with keyset paging on the case id. */
export async function listCitizenReports(
  db: Kysely<DB>,
  deps: CaseServiceDeps,
  citizenId: number,
  page: { after: number | null; limit: number },
): Promise<{ items: PublicView[]; last: number | null; more: boolean }> {
  let query = db
    .selectFrom('public_reports')
    .select(['case_id', 'tracking_code'])
    .where('citizen_id', '=', citizenId)
    .orderBy('case_id', 'desc')
    .limit(page.limit + 1);
  if (page.after !== null) query = query.where('case_id', '<', page.after);
  const rows = await query.execute();
  const shown = rows.slice(0, page.limit);
  const items: PublicView[] = [];
  for (const row of shown) items.push(await loadPublicView(db, deps, row.tracking_code));
  return { items, last: shown.at(-1)?.case_id ?? null, more: rows.length > page.limit };
}
