/**
 * Rating a closed report, and with a negative rating asking for a reopening: the rating and, when
 * asked, the reopen request for the supervision center (with its notification) in one
 * transaction. The decision is the pure rules' (./rating-rules.ts).
 */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/index.js';
import { loadCaseRow, type CaseServiceDeps } from '../cases/index.js';
import type { DB } from '../db/schema.js';
import { DomainError } from '../shared/errors.js';
import { inTransaction } from '../shared/transaction.js';
import { publicIntakeContext } from './context.js';
import { decideRating, type RatingInput } from './rating-rules.js';
import { loadPublicView, type PublicView } from './view.js';
import { fileReopenRequest } from './reopen.js';
import './tables.js';

export async function rateReport(
  db: Kysely<DB>,
  deps: CaseServiceDeps,
  trackingCode: string,
  input: RatingInput,
  who: { citizenId: number | null; clientIp: string | null; requestId: string | null },
): Promise<PublicView> {
  const now = deps.now ? deps.now() : new Date();
  return inTransaction(db, async (tx) => {
    const report = await tx
      .selectFrom('public_reports')
      .select(['case_id'])
      .where('tracking_code', '=', trackingCode)
      .executeTakeFirst();
    if (!report)
      throw new DomainError('TRACKING_CODE_NOT_FOUND', `No report has the tracking code ${trackingCode}`);
    // Lock the case: two ratings sent at once must not both pass the "not rated yet" check.
    const row = (await loadCaseRow(tx, report.case_id, true))!;
    const view = await loadPublicView(tx, deps, trackingCode);
    const decision = decideRating(
      {
        publicStatus: view.publicStatus,
        closedAt: row.closed_at,
        rated: view.rating !== null,
        now,
        reopenWindowDays: (deps.workflow ?? { reopenWindowDays: 30 }).reopenWindowDays,
      },
      input,
    );
    if (!decision.ok) {
      if (decision.code === 'VALIDATION_FAILED')
        throw new DomainError(
          'VALIDATION_FAILED',
          decision.errors.map((e) => `${e.field}: ${e.reason}`).join('; '),
          { errors: decision.errors },
        );
      throw new DomainError(decision.code, decision.detail);
    }
    const comment = input.comment?.trim() || null;
    const rating = await tx
      .insertInto('case_ratings')
      .values({
        case_id: row.id,
        score: input.score,
        comment,
        citizen_id: who.citizenId,
        request_reopen: decision.requestReopen,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ctx = publicIntakeContext(who.citizenId, who);
    await recordAudit(tx, ctx, {
      action: 'case.rating',
      targetType: 'case',
      targetId: row.id,
      detail: { score: input.score, requestReopen: decision.requestReopen },
    });
    if (decision.requestReopen)
      await fileReopenRequest(tx, ctx, row, {
        ratingId: rating.id,
        reason: input.reason?.trim() || null,
        now,
        title: `市民申请重新办理：${row.number} ${row.class_name}（评价 ${input.score} 分）`,
        body: [comment, input.reason?.trim()].filter(Boolean).join('\n'),
      });
    return loadPublicView(tx, deps, trackingCode);
  });
}
