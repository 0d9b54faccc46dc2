/**
 * What other modules read of the public module: relations (Kysely subqueries with the columns it
 * offers) that callers join as aliased subqueries where a list or report needs the join, and small
 * reads for everything else. Its tables stay its own; callers never name them (docs/architecture.md).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import './tables.js';

export interface CaseRating {
  score: number;
  comment: string | null;
  requestReopen: boolean;
  ratedAt: Date;
}

export async function caseRating(db: Kysely<DB>, caseId: number): Promise<CaseRating | null> {
  const rated = await db
    .selectFrom('case_ratings')
    .select(['score', 'comment', 'request_reopen', 'created_at'])
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return rated
    ? {
        score: Number(rated.score),
        comment: rated.comment,
        requestReopen: rated.request_reopen,
        ratedAt: rated.created_at,
      }
    : null;
}

/** A rating's case, score (1–5), whether it asked to reopen the case, and when it was given. */
export function ratingsForReporting(db: Kysely<DB>) {
  return db.selectFrom('case_ratings').select(['case_id', 'score', 'request_reopen', 'created_at']);
}
