/**
 * Who sees which evaluation rows and analytics. Ranks are computed over every subject, so a street
 * sees its true place; the rows returned are those inside the caller's jurisdiction:
 * - leaders and the two centers (supervisor, dispatcher): regions inside their regions; departments
 *   whose region lies inside them; people whose every region lies inside them, and themselves;
 * - department leads and handlers: their own department only (analytics: its cases);
 * - inspectors: the places inside their own regions and their own row as an inspector;
 * - citizens and anonymous callers: nothing (the route requires a staff session).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { departmentsForReporting } from '../departments/index.js';
import {
  can,
  codeInScope,
  grantOf,
  scopeOf,
  staffRegionsForReporting,
  type Actor,
} from '../identity/index.js';
import { DomainError } from '../shared/errors.js';
import type { CaseFilter } from './facts.js';
import { isPersonKind, isRegionKind, type SubjectKind } from './vocabulary.js';

/** Readers whose `evaluations:read` grant reaches only their department (identity/policy.ts). */
const departmentBound = (actor: Actor) => grantOf(actor.role, 'evaluations:read') === 'department';

function forbidden(actor: Actor, what: string): DomainError {
  return new DomainError('FORBIDDEN', `The ${actor.role} role may not read ${what}`, {
    permission: 'evaluations:read',
  });
}

/** May this actor read evaluations of this kind of subject at all? */
export function authorizeEvaluation(actor: Actor, object?: SubjectKind): void {
  if (!can(actor, 'evaluations:read')) throw forbidden(actor, 'evaluations');
  if (object === undefined) return;
  if (departmentBound(actor) && object !== 'department')
    throw forbidden(actor, `${object} evaluations (only their department's)`);
  if (actor.role === 'inspector' && !(isRegionKind(object) || object === 'inspector'))
    throw forbidden(actor, `${object} evaluations (only their grids and their own)`);
}

/** The subjects among `subjects` this actor may see. */
export async function visibleSubjects(
  db: Kysely<DB>,
  actor: Actor,
  object: SubjectKind,
  subjects: readonly string[],
): Promise<Set<string>> {
  const scope = scopeOf(actor);
  if (scope.kind === 'all') return new Set(subjects);
  if (isRegionKind(object)) return new Set(subjects.filter((code) => codeInScope(scope, code)));
  if (object === 'department') {
    if (departmentBound(actor))
      return new Set(subjects.filter((s) => actor.departmentId !== null && s === String(actor.departmentId)));
    const departments = await db
      .selectFrom(departmentsForReporting(db).as('d'))
      .select(['d.id', 'd.region_code'])
      .execute();
    const ids = new Set(
      departments
        .filter((d) => d.id === actor.departmentId || codeInScope(scope, d.region_code))
        .map((d) => String(d.id)),
    );
    return new Set(subjects.filter((s) => ids.has(s)));
  }
  if (isPersonKind(object) && (actor.role === 'inspector' || departmentBound(actor)))
    return new Set(subjects.filter((s) => s === String(actor.id)));
  const regions = await db
    .selectFrom(staffRegionsForReporting(db).as('ur'))
    .select(['ur.user_id', 'ur.region_code'])
    .execute();
  const byUser = new Map<string, string[]>();
  for (const r of regions)
    byUser.set(String(r.user_id), [...(byUser.get(String(r.user_id)) ?? []), r.region_code]);
  return new Set(
    subjects.filter((s) => {
      if (s === String(actor.id)) return true;
      const own = byUser.get(s) ?? [];
      return own.length > 0 && own.every((code) => codeInScope(scope, code));
    }),
  );
}

/**
 * The case filter of an analytics request, narrowed to the caller's jurisdiction: a department-
 * bound caller sees their department's cases; others the cases inside their regions. Asking for a
 * region or department outside it is refused (403, naming the field).
 */
export function scopedFilter(actor: Actor, requested: CaseFilter): CaseFilter {
  if (!can(actor, 'evaluations:read')) throw forbidden(actor, 'analytics');
  const scope = scopeOf(actor);
  if (scope.kind === 'all') return requested;
  const filter: CaseFilter = { ...requested };
  if (departmentBound(actor)) {
    if (actor.departmentId === null) throw forbidden(actor, 'analytics without a department');
    if (requested.departmentId !== undefined && requested.departmentId !== actor.departmentId)
      throw new DomainError('FORBIDDEN', 'You may read only your own department', {
        errors: [{ field: 'querystring.departmentId', reason: 'is not your department' }],
      });
    filter.departmentId = actor.departmentId;
    return filter;
  }
  if (requested.regionCodes !== undefined) {
    const outside = requested.regionCodes.filter((code) => !codeInScope(scope, code));
    if (outside.length > 0)
      throw new DomainError('FORBIDDEN', `${outside.join(', ')} is outside your jurisdiction`, {
        errors: [{ field: 'querystring.regionCode', reason: 'is outside your jurisdiction' }],
      });
    return filter;
  }
  filter.regionCodes = [...actor.regionCodes];
  return filter;
}
