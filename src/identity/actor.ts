/**
 * Who is acting, and where. Every staff account is bound to regions (a code covers everything
 * below it: district → street → community → grid) and/or a department; that binding is the
 * jurisdiction every query is scoped by (docs/security.md).
 */

/** 系统角色 — what a staff account may do; policy.ts maps each role to its permissions. */
export const STAFF_ROLES = [
  'admin',
  'supervisor',
  'dispatcher',
  'handler',
  'department_lead',
  'inspector',
  'leader',
  /** 综合窗口受理员: the 无差别综合窗口 of the service hall, registering and accepting applications for walk-in applicants. */
  'window_clerk',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** 受理员 (operator) or 值班长 (shift lead): the two positions of the supervisor role. */
export const SUPERVISOR_POSITIONS = ['operator', 'shift_lead'] as const;
export type SupervisorPosition = (typeof SUPERVISOR_POSITIONS)[number];

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  role: StaffRole;
  /** 受理员 (operator) or 值班长 (shift lead), for supervisors only. */
  position: SupervisorPosition | null;
  departmentId: number | null;
  /** Region codes the account is bound to. */
  regionCodes: string[];
  /** A one-time or reset password: only changing it is allowed until then. */
  mustChangePassword?: boolean;
}

/** The jurisdiction of an actor, as the data layer applies it. */
export type Scope =
  { kind: 'all' } | { kind: 'restricted'; regionCodes: readonly string[]; departmentId: number | null };

export function scopeOf(actor: Actor): Scope {
  if (actor.role === 'admin') return { kind: 'all' };
  return { kind: 'restricted', regionCodes: actor.regionCodes, departmentId: actor.departmentId };
}

/** Whether a record located at `code` (a region, grid or the grid of a record) lies in the scope. */
export function codeInScope(scope: Scope, code: string | null | undefined): boolean {
  if (scope.kind === 'all') return true;
  if (!code) return false;
  return scope.regionCodes.some((prefix) => code.startsWith(prefix));
}
