/** 公众满意度: the ratings citizens gave their closed reports, grouped or as a trend. */
import { sql, type Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { DB } from '../db/schema.js';
import { casesForReporting } from '../cases/index.js';
import { classesForReporting } from '../classification/index.js';
import { departmentsForReporting } from '../departments/index.js';
import { regionsForReporting } from '../geography/index.js';
import { ratingsForReporting } from '../public/index.js';
import { bucketsOf, caseFilterOf, levelFor, periodOf, type AnalyticsRequest } from './request.js';

export const SATISFACTION_GROUPS = ['street', 'class', 'department', 'month', 'week'] as const;
export type SatisfactionGroup = (typeof SATISFACTION_GROUPS)[number];

export interface SatisfactionRow {
  /**
   * Street code, class id or department id (as text), or the first local day of the month or week
   * (Monday); null for the total and for no department.
   */
  key: string | null;
  name: string;
  ratings: number;
  /** Mean score, two decimals; null without ratings. */
  average: number | null;
  /** Ratings of 1, 2, 3, 4 and 5 stars. */
  scores: [number, number, number, number, number];
  /** Share rated 4 or 5 (满意率). */
  satisfiedRate: number | null;
  reopenRequests: number;
}

/**
 * 公众满意度: the ratings citizens gave closed public reports (src/public/ratings.ts) in the period
 * (by the local day of the rating), grouped by street, class or department (most rated first), or
 * by month or week (every bucket of the period in order, empty ones included: a trend), with the
 * total.
 */
export async function satisfaction(
  db: Kysely<DB>,
  request: AnalyticsRequest,
  group: SatisfactionGroup,
  timeZone: string,
): Promise<{ total: SatisfactionRow; rows: SatisfactionRow[] }> {
  const period = periodOf(request);
  await levelFor(db, request.filter); // names an unknown region
  const start = DateTime.fromISO(period.from, { zone: timeZone }).toJSDate();
  const end = DateTime.fromISO(period.to, { zone: timeZone }).toJSDate();
  const { filter } = request;
  const where = sql.join(
    [
      sql`r.created_at >= ${start}::timestamptz`,
      sql`r.created_at < ${end}::timestamptz`,
      ...caseFilterOf(filter),
    ],
    sql` and `,
  );
  const localDay = sql`(r.created_at at time zone ${timeZone})`;
  const bucket = (unit: 'month' | 'week') => sql`to_char(date_trunc(${unit}, ${localDay}), 'YYYY-MM-DD')`;
  const keyOf = {
    street: sql`c.street_code`,
    class: sql`c.classification_id::text`,
    department: sql`c.department_id::text`,
    month: bucket('month'),
    week: bucket('week'),
  }[group];
  const nameOf = {
    street: sql`(select g.name from ${regionsForReporting(db).as('g')} where g.code = c.street_code)`,
    class: sql`(select k.name from ${classesForReporting(db).as('k')} where k.id = c.classification_id)`,
    department: sql`(select d.name from ${departmentsForReporting(db).as('d')} where d.id = c.department_id)`,
    month: sql`to_char(date_trunc('month', ${localDay}), 'YYYY-MM')`,
    week: bucket('week'),
  }[group];
  const result = await sql<{
    key: string | null;
    name: string | null;
    ratings: string;
    total_score: string;
    s1: string;
    s2: string;
    s3: string;
    s4: string;
    s5: string;
    reopen: string;
  }>`
    select ${keyOf} as key, min(${nameOf}) as name, count(*) as ratings, sum(r.score) as total_score,
      count(*) filter (where r.score = 1) as s1, count(*) filter (where r.score = 2) as s2,
      count(*) filter (where r.score = 3) as s3, count(*) filter (where r.score = 4) as s4,
      count(*) filter (where r.score = 5) as s5, count(*) filter (where r.request_reopen) as reopen
    from ${ratingsForReporting(db).as('r')} join ${casesForReporting(db).as('c')} on c.id = r.case_id
    where ${where}
    group by 1 order by count(*) desc, 1`.execute(db);
  const rowOf = (
    key: string | null,
    name: string,
    counts: { ratings: number; totalScore: number; scores: number[]; reopen: number },
  ): SatisfactionRow => ({
    key,
    name,
    ratings: counts.ratings,
    average: counts.ratings === 0 ? null : Math.round((counts.totalScore / counts.ratings) * 100) / 100,
    scores: counts.scores as SatisfactionRow['scores'],
    satisfiedRate:
      counts.ratings === 0
        ? null
        : Math.round((((counts.scores[3] ?? 0) + (counts.scores[4] ?? 0)) / counts.ratings) * 10_000) /
          10_000,
    reopenRequests: counts.reopen,
  });
  const total = { ratings: 0, totalScore: 0, scores: [0, 0, 0, 0, 0], reopen: 0 };
  const rows = result.rows.map((r) => {
    const counts = {
      ratings: Number(r.ratings),
      totalScore: Number(r.total_score),
      scores: [r.s1, r.s2, r.s3, r.s4, r.s5].map(Number),
      reopen: Number(r.reopen),
    };
    total.ratings += counts.ratings;
    total.totalScore += counts.totalScore;
    total.reopen += counts.reopen;
    counts.scores.forEach((n, i) => (total.scores[i] = (total.scores[i] ?? 0) + n));
    return rowOf(r.key, r.name ?? (group === 'department' ? '（未派遣）' : (r.key ?? '')), counts);
  });
  if (group === 'month' || group === 'week') {
    const found = new Map(rows.map((row) => [row.key, row]));
    const trend = bucketsOf(period, group).map(
      (key) =>
        found.get(key) ??
        rowOf(key, group === 'month' ? key.slice(0, 7) : key, {
          ratings: 0,
          totalScore: 0,
          scores: [0, 0, 0, 0, 0],
          reopen: 0,
        }),
    );
    return { total: rowOf(null, '合计', total), rows: trend };
  }
  return { total: rowOf(null, '合计', total), rows };
}
