/**
 * Small reads of departments that other modules make through the door: names and whether a
 * department is active, and relations to join where a statement needs them (case routing reads
 * the responsibilities with their departments' names in one round trip).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface DepartmentName {
  id: number;
  name: string;
  shortName: string | null;
  active: boolean;
}

/** The named departments that exist, by id (inactive ones too: history keeps their names). */
export async function departmentNames(
  db: Kysely<DB>,
  ids: readonly number[],
): Promise<Map<number, DepartmentName>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('departments')
    .select(['id', 'name', 'short_name', 'active'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((r) => [r.id, { id: r.id, name: r.name, shortName: r.short_name, active: r.active }]),
  );
}

/** Every department's id, name and short name, as a subquery to join (`.as('d')`). */
export function departmentNameRelation(db: Kysely<DB>) {
  return db.selectFrom('departments').select(['id', 'name', 'short_name']);
}

/**
 * The responsibilities (职责) of active departments with each department's name and short name,
 * as a subquery to join: routing explains its suggestion in the same statement that finds it.
 */
export function activeResponsibilityRelation(db: Kysely<DB>) {
  return db
    .selectFrom('department_responsibilities as r')
    .innerJoin('departments as d', 'd.id', 'r.department_id')
    .select([
      'r.department_id',
      'r.kind',
      'r.standard',
      'r.class_code_prefix',
      'r.region_code',
      'd.name as department_name',
      'd.short_name as department_short_name',
    ])
    .where('d.active', '=', true);
}
