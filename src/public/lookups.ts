/** The reporter's rating of a case (满意度评价), as staff read it on the case page. */
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
