/**
 * What other modules read of the classification directory: a class's names and keys, as a
 * relation to join (`selectFrom(classRelation(db).as('k'))`, or `join ${classRelation(db)} k` in a
 * `sql` template) where a list needs the join, and small reads for everything else. The table stays
 * this module's; callers never name it (docs/architecture.md).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/** The classes (部件 and 事件 classes of every standard) with the columns other modules show or match on. */
export function classRelation(db: Kysely<DB>) {
  return db
    .selectFrom('classifications')
    .select([
      'id',
      'standard',
      'kind',
      'major_code',
      'major_name',
      'code',
      'name',
      'public_name',
      'help_text',
      'active',
    ]);
}

/** The id of every class of a standard, by kind and code (active or not). */
export async function listClassKeys(
  db: Kysely<DB>,
  standard: string,
): Promise<Array<{ id: number; kind: 'component' | 'matter'; code: string }>> {
  return db
    .selectFrom('classifications')
    .select(['id', 'kind', 'code'])
    .where('standard', '=', standard)
    .execute();
}
