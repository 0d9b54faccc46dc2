/**
 * 公开说明 and 预计办结 — what the cases module tells a reporter: public notes (written by staff
 * through POST /cases/{id}/public-notes, or automatically on key transitions of public cases) and
 * the expected completion time derived from the deadline clocks. Internal notes and reasons stay
 * in case_events; nothing here carries staff names.
 */
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/index.js';
import { addWorkingTime } from '../calendar/index.js';
import type { DB } from '../db/schema.js';
import { authorize } from '../identity/index.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { limitFor, loadLimitTables } from './clocks.js';
import { automaticPublicNote, publicStatusOf, type PublicStatus } from './public-status.js';
import { loadCaseRow, type CaseRow } from './repo.js';
import type { CaseServiceDeps } from './deps.js';
import { visibleTo } from './visibility.js';
import type { CaseAction, CaseStatus } from './workflow/index.js';
import './tables.js';
import './public-tables.js';

export const PUBLIC_NOTE_MAX_LENGTH = 1000;

export interface PublicNote {
  id: number;
  at: Date;
  text: string;
  status: PublicStatus;
}

/** The status of the case a merged case joined (its public status follows that one). */
export async function mergeTargetStatus(
  db: Kysely<DB> | Transaction<DB>,
  row: Pick<CaseRow, 'status' | 'duplicate_of'>,
): Promise<CaseStatus | null> {
  if (row.status !== 'merged' || row.duplicate_of === null) return null;
  const target = await db
    .selectFrom('cases')
    .select('status')
    .where('id', '=', row.duplicate_of)
    .executeTakeFirst();
  return (target?.status as CaseStatus | undefined) ?? null;
}

/**
 * Writes the automatic public note of a transition of a public (citizen-reported) case, in the
 * transition's transaction; nothing for other sources or transitions without a note.
 */
export async function recordTransitionNote(
  tx: Transaction<DB>,
  row: CaseRow,
  action: CaseAction | 'report',
  options: { publicNote?: string | null; mergedInto?: CaseStatus | null; authorId: number | null; at: Date },
): Promise<void> {
  if (row.source !== 'public') return;
  const text = automaticPublicNote(action, options.publicNote);
  if (text === null) return;
  await tx
    .insertInto('case_public_notes')
    .values({
      case_id: row.id,
      at: options.at,
      text: text.slice(0, PUBLIC_NOTE_MAX_LENGTH),
      status: publicStatusOf(row.status, options.mergedInto ?? null),
      author_id: options.authorId || null,
      action,
    })
    .execute();
}

/** A note written by staff for the reporter (any case in the writer's jurisdiction). */
export async function addPublicNote(
  db: Kysely<DB>,
  deps: Pick<CaseServiceDeps, 'now'>,
  ctx: RequestContext,
  caseId: number,
  text: string,
): Promise<PublicNote> {
  authorize(ctx.actor, 'case-notes:write');
  const now = deps.now ? deps.now() : new Date();
  return inTransaction(db, async (tx) => {
    const row = await loadCaseRow(tx, caseId, false);
    if (!row || !visibleTo(ctx, row))
      throw new DomainError('NOT_FOUND', `No case ${caseId} in your jurisdiction`);
    const status = publicStatusOf(row.status, await mergeTargetStatus(tx, row));
    const inserted = await tx
      .insertInto('case_public_notes')
      .values({ case_id: caseId, at: now, text, status, author_id: ctx.actor.id || null, action: null })
      .returning(['id', 'at'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'case.public_note',
      targetType: 'case',
      targetId: caseId,
      detail: { noteId: inserted.id },
    });
    return { id: inserted.id, at: inserted.at, text, status };
  });
}

/** The public notes of a case, oldest first. */
export async function listPublicNotes(
  db: Kysely<DB> | Transaction<DB>,
  caseId: number,
): Promise<PublicNote[]> {
  const rows = await db
    .selectFrom('case_public_notes')
    .select(['id', 'at', 'text', 'status'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, at: r.at, text: r.text, status: r.status as PublicStatus }));
}

/** Statuses in which the department's handling is over and only verification and closure remain. */
const AFTER_HANDLING: readonly CaseStatus[] = ['self_handled', 'handled', 'verify_pending', 'verified'];

/**
 * 预计办结 — when the reporter may expect the case done, from its deadline clocks: null once it
 * is closed, rejected or cancelled, and while it is suspended (no deadline runs); the handling
 * deadline while the department works on it; after handling, the deadline of the running
 * verification or closing clock; before dispatch, the running clock's deadline plus the handling
 * limit of the class (the handling clock starts at dispatch).
 */
export async function expectedCompletion(
  db: Kysely<DB>,
  deps: CaseServiceDeps,
  row: CaseRow,
): Promise<Date | null> {
  if (['closed', 'rejected', 'merged', 'cancelled', 'suspended'].includes(row.status)) return null;
  if (row.handling_due_at) return row.handling_due_at;
  const running = await db
    .selectFrom('case_clocks')
    .select(['clock', 'due_at'])
    .where('case_id', '=', row.id)
    .where('stopped_at', 'is', null)
    .execute();
  const latestDue = running.reduce<Date | null>(
    (latest, c) => (c.due_at && (!latest || c.due_at > latest) ? c.due_at : latest),
    null,
  );
  if (AFTER_HANDLING.includes(row.status)) return latestDue;
  const now = deps.now ? deps.now() : new Date();
  const start = latestDue && latestDue > now ? latestDue : now;
  return inTransaction(db, async (tx) => {
    const limit = limitFor(await loadLimitTables(tx), 'handling', {
      id: row.id,
      kind: row.kind,
      standard: row.class_standard,
      classCode: row.class_code,
      filingCondition: row.filing_condition,
      urgency: row.urgency,
    });
    return addWorkingTime(await deps.calendars.get(tx), start, limit);
  });
}
