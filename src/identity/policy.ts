/**
 * The one place that answers "may this actor do this?" for the foundation's resources. Routes
 * call `authorize`; the record-level half (which rows) is the jurisdiction predicate in queries.
 * Tested as a matrix in policy.test.ts; documented in docs/security.md.
 */
import { DomainError } from '../shared/errors.js';
import type { StaffRole } from '../db/schema.js';
import type { Actor } from './actor.js';

export type Permission =
  | 'regions:read'
  | 'regions:write'
  | 'departments:read'
  | 'departments:write'
  | 'classifications:read'
  | 'classifications:write'
  | 'components:read'
  | 'components:write'
  | 'users:read'
  | 'users:write'
  | 'audit:read';

const ALL_STAFF: readonly StaffRole[] = [
  'admin',
  'supervisor',
  'dispatcher',
  'handler',
  'department_lead',
  'inspector',
  'leader',
];

/**
 * Role grants. Component census data (部件普查) is kept by the supervision center, whose
 * inspectors and operators find and record components; departments read what they own or keep.
 */
export const GRANTS: Record<Permission, readonly StaffRole[]> = {
  'regions:read': ALL_STAFF,
  'regions:write': ['admin'],
  'departments:read': ALL_STAFF,
  'departments:write': ['admin'],
  'classifications:read': ALL_STAFF,
  'classifications:write': ['admin'],
  'components:read': ALL_STAFF,
  'components:write': ['admin', 'supervisor'],
  'users:read': ['admin'],
  'users:write': ['admin'],
  'audit:read': ['admin'],
};

export function can(actor: Actor, permission: Permission): boolean {
  return GRANTS[permission].includes(actor.role);
}

export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) {
    throw new DomainError('FORBIDDEN', `The ${actor.role} role may not ${permission.replace(':', ' ')}`, {
      permission,
    });
  }
}
