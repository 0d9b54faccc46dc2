/**
 * Who sees which evaluation rows. Ranks are computed over every subject, so a street sees its true
 * place; the rows returned are those inside the caller's jurisdiction: regions inside their
 * regions; departments whose own region lies inside them, or the caller's own department.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { codeInScope, scopeOf, type Actor } from '../identity/actor.js';
import { DomainError } from '../shared/errors.js';

/** 绩效评价 is for those who steer: leaders, the two centers, department leads (their own). */
export const EVALUATION_READERS: ReadonlySet<Actor['role']> = new Set([
  'admin',
  'leader',
  'supervisor',
  'dispatcher',
  'department_lead',
]);

export function authorizeEvaluation(actor: Actor): void {
  if (!EVALUATION_READERS.has(actor.role)) {
    throw new DomainError('FORBIDDEN', `The ${actor.role} role may not read evaluations`, {
      permission: 'evaluations:read',
    });
  }
}

export async function visibleSubjects(
  db: Kysely<DB>,
  actor: Actor,
  object: 'department' | 'street' | 'community' | 'grid',
  subjects: readonly string[],
): Promise<Set<string>> {
  const scope = scopeOf(actor);
  if (scope.kind === 'all') return new Set(subjects);
  if (object !== 'department') return new Set(subjects.filter((code) => codeInScope(scope, code)));
  const departments = await db.selectFrom('departments').select(['id', 'region_code']).execute();
  const visible = departments.filter((d) => d.id === actor.departmentId || codeInScope(scope, d.region_code));
  const ids = new Set(visible.map((d) => String(d.id)));
  return new Set(subjects.filter((s) => ids.has(s)));
}
