/**
 * What other modules read of the geography module: relations (Kysely subqueries with the columns it
 * offers) that callers join as aliased subqueries where a list or report needs the join, and small
 * reads for everything else. Its tables stay its own; callers never name them (docs/architecture.md).
 */
import type { DB } from '../db/schema.js';
import { type Kysely, sql } from 'kysely';

/** Every region's code, full name and short name, as a subquery to join (`.as('g')`). */
export function regionNameRelation(db: Kysely<DB>) {
  return db.selectFrom('regions').select(['code', 'name', 'short_name']);
}

/** Short name where one is recorded: a queue column has room for 东华门, not 北京市东城区东华门街道办事处. */
export async function regionNames(db: Kysely<DB>, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const result = await sql<{ code: string; name: string }>`
    select code, coalesce(nullif(short_name, ''), name) as name from regions where code = any(${codes})`.execute(
    db,
  );
  return new Map(result.rows.map((r) => [r.code, r.name]));
}

export async function regionExists(db: Kysely<DB>, code: string): Promise<boolean> {
  const row = await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}

/** The name of the district (the first region at district level), or null before an import. */
export async function districtName(db: Kysely<DB>): Promise<string | null> {
  const district = await db
    .selectFrom('regions')
    .select('name')
    .where('level', '=', 'district')
    .orderBy('code')
    .executeTakeFirst();
  return district?.name ?? null;
}

/** Regions of every level (district → street → community → grid) with their shape. */
export function regionRelation(db: Kysely<DB>) {
  return db.selectFrom('regions').select(['code', 'name', 'short_name', 'level', 'parent_code', 'geom']);
}

/** A region's code, name, level (district, street, community, grid), area and centroid. */
export function regionsForReporting(db: Kysely<DB>) {
  return db.selectFrom('regions').select(['code', 'name', 'level', 'area_m2', 'centroid']);
}
