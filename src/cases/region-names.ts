/** Names of a case's places (grid, community, street) by code, for lists and the case page. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** Short name where one is recorded: a queue column has room for 东华门, not 北京市东城区东华门街道办事处. */
export async function regionNames(db: Kysely<DB>, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const result = await sql<{ code: string; name: string }>`
    select code, coalesce(nullif(short_name, ''), name) as name from regions where code = any(${codes})`.execute(
    db,
  );
  return new Map(result.rows.map((r) => [r.code, r.name]));
}
