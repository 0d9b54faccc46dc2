/**
 * What other modules read of the classification module: relations (Kysely subqueries with the columns it
 * offers) that callers join as aliased subqueries where a list or report needs the join, and small
 * reads for everything else. Its tables stay its own; callers never name them (docs/architecture.md).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ClassKind } from './rules/entry.js';

/** What a case needs to know of its class: routing, time limits and the name on screen. */
export interface ClassFacts {
  id: number;
  kind: ClassKind;
  standard: string;
  code: string;
  name: string;
  active: boolean;
}

/** Every class's facts, as a subquery to join (`.as('k')`). */
export function classFactsRelation(db: Kysely<DB>) {
  return db.selectFrom('classifications').select(['id', 'kind', 'standard', 'code', 'name', 'active']);
}

export async function classFacts(db: Kysely<DB>, id: number): Promise<ClassFacts | null> {
  const row = await classFactsRelation(db).where('id', '=', id).executeTakeFirst();
  return row ?? null;
}

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

/** A class's id, code and name. */
export function classesForReporting(db: Kysely<DB>) {
  return db.selectFrom('classifications').select(['id', 'code', 'name']);
}
