/**
 * Reads of cases for the external channels — Open311 service requests and the citizen's report
 * page (src/open311, src/public) — so that they never name this module's tables. A channel joins
 * cases with tables of its own (open311_requests, public_uploads, reopen_requests …), so most of
 * what is here are *relations*: subqueries of the columns a channel may read, which the caller
 * joins under an alias, in the query builder (`selectFrom(caseRelation(db).as('c'))`) or in a
 * `sql` template (`from ${caseRelation(db)} c`). PostgreSQL inlines such a subquery, so the plan
 * is the one of the plain join.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import './tables.js';

/** The cases, with the location as WGS-84 `lng`/`lat` and the facts a channel shows or filters on. */
export function caseRelation(db: Kysely<DB>) {
  return db
    .selectFrom('cases')
    .select([
      'id',
      'number',
      'source',
      'status',
      'classification_id',
      'department_id',
      'grid_code',
      'description',
      'address',
      'reported_at',
      'updated_at',
      'handling_due_at',
      'closed_at',
      sql<number>`ST_X(location)`.as('lng'),
      sql<number>`ST_Y(location)`.as('lat'),
    ]);
}

/** The history of the cases (one row per event), without staff names, notes or reasons. */
export function caseEventRelation(db: Kysely<DB>) {
  return db.selectFrom('case_events').select([
    'id',
    'case_id',
    'at',
    'action',
    'to_status',
    // The closure type a `close` set (结案类型), which tells a fixed case from one not done.
    sql<string | null>`changes->'closure_type'->>'after'`.as('closure_type'),
  ]);
}

/** The photos of the cases: before (报告) and after (处置后) the handling. */
export function casePhotoRelation(db: Kysely<DB>) {
  return db.selectFrom('case_photos').select(['case_id', 'file_id', 'phase', 'added_at']);
}

/** The number of a case (案件编号), once its intake has committed it. */
export async function caseNumberOf(db: Kysely<DB>, caseId: number): Promise<string> {
  const row = await db
    .selectFrom('cases')
    .select('number')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  return row.number;
}

/**
 * The after-photos (处置后) of some cases, oldest first or `newestFirst`; with `closedCasesOnly`,
 * only those of cases that are closed now (a reopened case's earlier result is not shown).
 */
export async function listAfterPhotos(
  db: Kysely<DB>,
  caseIds: number[],
  options: { closedCasesOnly?: boolean; newestFirst?: boolean } = {},
): Promise<Array<{ case_id: number; file_id: string }>> {
  return db
    .selectFrom('case_photos as p')
    .$if(options.closedCasesOnly === true, (qb) =>
      qb.innerJoin('cases as c', 'c.id', 'p.case_id').where('c.status', '=', 'closed'),
    )
    .select(['p.case_id', 'p.file_id'])
    .where('p.case_id', 'in', caseIds)
    .where('p.phase', '=', 'after')
    .orderBy('p.added_at', options.newestFirst ? 'desc' : 'asc')
    .execute();
}
