/**
 * Small reads of the class directory that other modules make through the door: one class's
 * facts, and the facts as a relation to join where a statement reads many cases with their class.
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
