/**
 * Small reads of the region directory that other modules make through the door: the names of
 * some codes, whether a code exists, the district's name, and the names as a relation to join
 * where a list needs them in the same statement.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

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
