/** Whether a staff member may see one case: the jurisdiction every read and action of a case checks. */
import { codeInScope, scopeOf } from '../identity/index.js';
import type { RequestContext } from '../shared/context.js';
import type { CaseRow } from './repo.js';

/** Jurisdiction of one case: inside the actor's regions, or assigned to the actor's department. */
export function visibleTo(ctx: RequestContext, row: Pick<CaseRow, 'grid_code' | 'department_id'>): boolean {
  const scope = scopeOf(ctx.actor);
  if (scope.kind === 'all') return true;
  if (codeInScope(scope, row.grid_code)) return true;
  return scope.departmentId !== null && scope.departmentId === row.department_id;
}
