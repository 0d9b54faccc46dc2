/**
 * 市民补充 — a citizen adds a comment or photos to a public case (Open311 servicerequestupdates, a
 * citizen channel). The case itself does not change: the history gets a `citizen-update` event.
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import type { DB } from '../db/schema.js';
import type { RequestContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { checkPhotos } from './checks.js';
import { nowOf, type CaseServiceDeps } from './deps.js';
import { addCasePhotos, insertCaseEvent, loadCaseRow } from './repo.js';
import { signalCaseChange } from './signals.js';
import { visibleTo } from './visibility.js';

export interface CitizenUpdateInput {
  /** What the citizen wrote (≤ 2000 characters); may be empty when photos are given. */
  note: string;
  /** Photos the citizen sent, already uploaded (kept as before-photos of the case). */
  photoIds?: string[];
  /** What the citizen says about the state (e.g. Open311 `closed`: "fixed"), kept in `changes`. */
  claimedStatus?: string | null;
}

/**
 * Adds a citizen's comment or photos: the history gets a `citizen-update` event with the note, the
 * photos join the case, and the supervision centre of the grid is notified. Any status is
 * accepted, closed ones too (a citizen saying "not fixed" is how reopening starts). Returns the
 * event id.
 */
export async function addCitizenUpdate(
  db: Kysely<DB>,
  deps: CaseServiceDeps,
  ctx: RequestContext,
  caseId: number,
  input: CitizenUpdateInput,
): Promise<number> {
  const now = nowOf(deps);
  return inTransaction(db, async (tx) => {
    const row = await loadCaseRow(tx, caseId, true);
    if (!row || !visibleTo(ctx, row))
      throw new DomainError('NOT_FOUND', `No case ${caseId} in your jurisdiction`);
    const photos = input.photoIds ?? [];
    await checkPhotos(tx, ctx, photos, 'body.photoIds');
    await addCasePhotos(tx, caseId, photos, 'before', ctx.actor, now);
    const eventId = await insertCaseEvent(tx, {
      caseId,
      at: now,
      actor: ctx.actor,
      action: 'citizen-update',
      fromStatus: row.status,
      toStatus: row.status,
      note: input.note || null,
      attachments: photos,
      changes: input.claimedStatus ? { claimed_status: { before: null, after: input.claimedStatus } } : {},
      effects: [],
    });
    await recordAudit(tx, ctx, {
      action: 'case.citizen_update',
      targetType: 'case',
      targetId: caseId,
      detail: { number: row.number, eventId, photos: photos.length },
    });
    await signalCaseChange(tx, row, 'citizen-update', row.status, now);
    return eventId;
  });
}
