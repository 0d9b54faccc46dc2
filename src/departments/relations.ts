/**
 * What other modules read of the departments module: relations (Kysely subqueries with the columns it
 * offers) that callers join as aliased subqueries where a list or report needs the join, and small
 * reads for everything else. Its tables stay its own; callers never name them (docs/architecture.md).
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

/** Departments with the columns other modules show or match on. */
export function departmentRelation(db: Kysely<DB>) {
  return db
    .selectFrom('departments')
    .select(['id', 'credit_code', 'name', 'short_name', 'kind', 'region_code', 'active']);
}

/** A department's id, name, 统一社会信用代码, region and whether it is active. */
export function departmentsForReporting(db: Kysely<DB>) {
  return db.selectFrom('departments').select(['id', 'name', 'credit_code', 'region_code', 'active']);
}
