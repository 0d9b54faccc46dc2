/**
 * 重新办理申请 — reopen requests from negative ratings, decided by the supervision center: the
 * shift lead (值班长, the one who may reopen a closed case) accepts — the case is reopened through
 * the workflow's own `reopen` action, with its window guard and effects — or declines with a note
 * the reporter reads. Supervisors see the requests of cases in their jurisdiction.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import { recordAudit } from '../audit/index.js';
import { notify, recipientsFor } from '../notifications/index.js';
import {
  caseRelation,
  loadCaseRow,
  performAction,
  recordChannelNote,
  visibleTo,
  type CaseServiceDeps,
} from '../cases/index.js';
import type { DB } from '../db/schema.js';
import { authorize, scopeOf, regionPrefixPredicate, type Actor } from '../identity/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError, validationError } from '../shared/errors.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { inTransaction } from '../shared/transaction.js';
import './tables.js';

export const REOPEN_REQUEST_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type ReopenRequestStatus = (typeof REOPEN_REQUEST_STATUSES)[number];

/** Deciding one: the shift lead, who alone may reopen a closed case (workflow table). */
export function mayDecideReopenRequests(actor: Actor): boolean {
  return actor.role === 'supervisor' && actor.position === 'shift_lead';
}

export interface ReopenRequestView {
  id: number;
  caseId: number;
  caseNumber: string;
  caseStatus: string;
  gridCode: string;
  /** Where the request came from: a negative rating, or an Open311 client's REOPEN update. */
  source: 'rating' | 'open311';
  /** The rating's score and comment; null for an Open311 request. */
  score: number | null;
  comment: string | null;
  reason: string | null;
  status: ReopenRequestStatus;
  createdAt: Date;
  decidedAt: Date | null;
  decisionNote: string | null;
  version: number;
}

interface Row {
  id: number;
  case_id: number;
  number: string;
  case_status: string;
  grid_code: string;
  source: 'rating' | 'open311';
  score: number | null;
  comment: string | null;
  reason: string | null;
  status: ReopenRequestStatus;
  created_at: Date;
  decided_at: Date | null;
  decision_note: string | null;
  version: number;
}

function baseQuery(db: Kysely<DB>) {
  return db
    .selectFrom('reopen_requests as r')
    .innerJoin(caseRelation(db).as('c'), 'c.id', 'r.case_id')
    .leftJoin('case_ratings as k', 'k.id', 'r.rating_id')
    .select([
      'r.id',
      'r.case_id',
      'c.number',
      'c.status as case_status',
      'c.grid_code',
      'r.source',
      'k.score',
      'k.comment',
      'r.reason',
      'r.status',
      'r.created_at',
      'r.decided_at',
      'r.decision_note',
      'r.version',
    ]);
}

function present(row: Row): ReopenRequestView {
  return {
    id: row.id,
    caseId: row.case_id,
    caseNumber: row.number,
    caseStatus: row.case_status,
    gridCode: row.grid_code,
    source: row.source,
    score: row.score,
    comment: row.comment,
    reason: row.reason,
    status: row.status,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
    version: row.version,
  };
}

export async function listReopenRequests(
  db: Kysely<DB>,
  ctx: RequestContext,
  filter: { status?: ReopenRequestStatus; cursor?: string; limit: number },
): Promise<Page<ReopenRequestView>> {
  authorize(ctx.actor, 'reopen-requests:read');
  let query = baseQuery(db)
    .where(regionPrefixPredicate(scopeOf(ctx.actor), sql.ref('c.grid_code')))
    .orderBy('r.id', 'desc')
    .limit(filter.limit + 1);
  if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.cursor) {
    const [after] = decodeCursor(filter.cursor, ['bigserial'] as const);
    query = query.where('r.id', '<', after);
  }
  const rows = (await query.execute()) as Row[];
  return toPage(rows, filter.limit, present, (r) => [r.id]);
}

async function loadForDecision(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: number,
  version: number | undefined,
): Promise<Row> {
  if (!mayDecideReopenRequests(ctx.actor))
    throw new DomainError('FORBIDDEN', 'Only the shift lead (值班长) decides reopen requests');
  const row = await baseQuery(db).where('r.id', '=', id).forUpdate('r').executeTakeFirst();
  if (!row || !visibleTo(ctx, { grid_code: row.grid_code, department_id: null }))
    throw new DomainError('REOPEN_REQUEST_NOT_FOUND', `No reopen request ${id} in your jurisdiction`);
  if (version !== undefined && version !== row.version)
    throw new DomainError(
      'VERSION_CONFLICT',
      `Reopen request ${id} is at version ${row.version}, not ${version}`,
      {
        currentVersion: row.version,
      },
    );
  if (row.status !== 'pending')
    throw new DomainError('REOPEN_REQUEST_DECIDED', `Reopen request ${id} was already ${row.status}`);
  return row;
}

async function markDecided(
  db: Kysely<DB>,
  ctx: RequestContext,
  row: Row,
  status: 'accepted' | 'declined',
  note: string | null,
  now: Date,
): Promise<void> {
  await db
    .updateTable('reopen_requests')
    .set({
      status,
      decided_at: now,
      decided_by: ctx.actor.id || null,
      decision_note: note,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', row.id)
    .execute();
  await recordAudit(db, ctx, {
    action: `reopen_request.${status === 'accepted' ? 'accept' : 'decline'}`,
    targetType: 'reopen_request',
    targetId: row.id,
    detail: { caseId: row.case_id },
  });
}

/** Accepts: reopens the case (workflow `reopen`, its guards apply) and marks the request accepted. */
export async function acceptReopenRequest(
  db: Kysely<DB>,
  deps: CaseServiceDeps,
  ctx: RequestContext,
  id: number,
  input: { version?: number; note?: string },
): Promise<ReopenRequestView> {
  const now = deps.now ? deps.now() : new Date();
  return inTransaction(db, async (tx) => {
    const row = await loadForDecision(tx, ctx, id, input.version);
    const kase = (await loadCaseRow(tx, row.case_id, true))!;
    const note = input.note?.trim() || null;
    await performAction(tx, deps, ctx, row.case_id, 'reopen', {
      version: kase.version,
      reason:
        `${row.score === null ? '市民经 Open311 客户端' : `市民评价 ${row.score} 分并`}申请重新办理（申请 #${row.id}）${row.reason ? `：${row.reason}` : ''}`.slice(
          0,
          1000,
        ),
      ...(note ? { publicNote: note } : {}),
    });
    await markDecided(tx, ctx, row, 'accepted', note, now);
    return present(await baseQuery(tx).where('r.id', '=', id).executeTakeFirstOrThrow());
  });
}

/** Declines with a note the reporter reads; the case stays closed. */
export async function declineReopenRequest(
  db: Kysely<DB>,
  deps: CaseServiceDeps,
  ctx: RequestContext,
  id: number,
  input: { version?: number; note?: string },
): Promise<ReopenRequestView> {
  const note = input.note?.trim() || null;
  if (note === null)
    throw validationError([{ field: 'body.note', reason: 'tell the reporter why (shown publicly)' }]);
  const now = deps.now ? deps.now() : new Date();
  return inTransaction(db, async (tx) => {
    const row = await loadForDecision(tx, ctx, id, input.version);
    const kase = (await loadCaseRow(tx, row.case_id, false))!;
    await recordChannelNote(tx, kase, {
      text: `您的重新办理申请未予受理：${note}`,
      action: 'reopen-declined',
      authorId: ctx.actor.id || null,
      at: now,
    });
    await markDecided(tx, ctx, row, 'declined', note, now);
    return present(await baseQuery(tx).where('r.id', '=', id).executeTakeFirstOrThrow());
  });
}

/**
 * Files a pending reopen request for the shift lead and tells the supervision centre (监督中心)
 * whose jurisdiction covers the case; used by ratings and by Open311 clients (REOPEN). Returns
 * null, filing nothing, when the case already has a pending request.
 */
export async function fileReopenRequest(
  db: Transaction<DB>,
  ctx: RequestContext,
  kase: { id: number; number: string; grid_code: string; class_name: string },
  input: { ratingId: number | null; reason: string | null; now: Date; title: string; body: string },
): Promise<number | null> {
  const request = await db
    .insertInto('reopen_requests')
    .values({
      case_id: kase.id,
      rating_id: input.ratingId,
      source: input.ratingId === null ? 'open311' : 'rating',
      reason: input.reason?.slice(0, 1000) ?? null,
      created_at: input.now,
    })
    // The partial unique index's predicate, as a literal: a parameter would not match it.
    .onConflict((oc) => oc.column('case_id').where(sql.ref('status'), '=', sql.lit('pending')).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!request) return null;
  await recordAudit(db, ctx, {
    action: 'reopen_request.create',
    targetType: 'reopen_request',
    targetId: request.id,
    detail: { caseId: kase.id },
  });
  const recipients = await recipientsFor(db, { role: ['supervisor', 'admin'], regionCode: kase.grid_code });
  if (recipients.length > 0)
    await notify(db, recipients, {
      kind: 'reopen_requested',
      title: input.title,
      body: input.body,
      caseId: String(kase.id),
      link: `/reopen-requests/${request.id}`,
    });
  return request.id;
}
