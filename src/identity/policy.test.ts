import { describe, expect, it } from 'vitest';
import { STAFF_ROLES, codeInScope, scopeOf, type Actor } from './actor.js';
import { PERMISSIONS, authorize, can, grantOf, type Permission } from './policy.js';

const actor = (role: Actor['role'], regionCodes: string[] = ['110101001']): Actor => ({
  id: 1,
  username: role,
  displayName: role,
  role,
  position: role === 'supervisor' ? 'shift_lead' : null,
  departmentId: null,
  regionCodes,
});

/**
 * The expected matrix, written out by hand (role=scope): a change to POLICY must change this table
 * too. docs/security.md shows the same table, generated from POLICY (policy-docs.test.ts).
 */
const ALL_STAFF = (scope: string, admin = 'all') =>
  `admin=${admin} supervisor=${scope} dispatcher=${scope} handler=${scope} department_lead=${scope} inspector=${scope} leader=${scope} window_clerk=${scope}`;
const CASE_STAFF = (scope: string) =>
  `admin=all supervisor=${scope} dispatcher=${scope} handler=${scope} department_lead=${scope} inspector=${scope} leader=${scope}`;
const EXPECTED: Record<Permission, string> = {
  'account:self': ALL_STAFF('own', 'own'),
  'users:read': 'admin=all',
  'users:write': 'admin=all',
  'audit:read': 'admin=all',
  'regions:write': 'admin=all',
  'departments:read': ALL_STAFF('all'),
  'departments:write': 'admin=all',
  'classifications:read': ALL_STAFF('all'),
  'classifications:write': 'admin=all',
  'components:read': CASE_STAFF('jurisdiction'),
  'components:write': 'admin=all supervisor=jurisdiction',
  'files:write':
    'admin=own supervisor=own dispatcher=own handler=own department_lead=own inspector=own window_clerk=own',
  'files:read': ALL_STAFF('jurisdiction'),
  'notifications:read': ALL_STAFF('own', 'own'),
  'outbound:read': 'admin=all',
  'webhooks:read': 'admin=all',
  'webhooks:write': 'admin=all',
  'cases:read': CASE_STAFF('jurisdiction'),
  'cases:report': 'admin=all supervisor=jurisdiction inspector=jurisdiction leader=jurisdiction',
  'cases:act': CASE_STAFF('jurisdiction'),
  'case-notes:write':
    'admin=all supervisor=jurisdiction dispatcher=jurisdiction handler=jurisdiction department_lead=jurisdiction',
  'reporters:read':
    'admin=all supervisor=jurisdiction dispatcher=masked handler=masked department_lead=masked',
  'case-config:read': ALL_STAFF('all'),
  'case-config:write': 'admin=all',
  'reopen-requests:read': 'admin=all supervisor=jurisdiction',
  'reopen-requests:decide': 'supervisor=jurisdiction',
  'evaluations:read':
    'admin=all supervisor=jurisdiction dispatcher=jurisdiction handler=department department_lead=department inspector=jurisdiction leader=jurisdiction',
  'evaluation-profiles:write': 'admin=all',
  'open311:keys': 'admin=all',
  'catalogue:read': ALL_STAFF('all'),
  'catalogue:write': 'admin=all',
  'applicants:read': 'admin=all department_lead=masked handler=masked window_clerk=all',
  'applicants:write': 'admin=all window_clerk=all',
  'applications:read':
    'admin=all window_clerk=all handler=department department_lead=department leader=masked',
  'applications:window': 'admin=all window_clerk=all',
  'applications:review': 'admin=all handler=department department_lead=department',
};

describe('policy matrix', () => {
  it('lists every permission once, each granted to someone', () => {
    expect([...PERMISSIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const permission of PERMISSIONS) {
    const expected = new Map(EXPECTED[permission].split(' ').map((g) => g.split('=') as [string, string]));
    for (const role of STAFF_ROLES) {
      const scope = expected.get(role) ?? null;
      it(`${scope ? `grants ${permission} to ${role} (${scope})` : `refuses ${permission} to ${role}`}`, () => {
        expect(grantOf(role, permission)).toBe(scope);
        expect(can(actor(role), permission)).toBe(scope !== null);
        if (scope) expect(authorize(actor(role), permission)).toBe(scope);
        else
          expect(() => authorize(actor(role), permission)).toThrow(
            expect.objectContaining({ code: 'FORBIDDEN', extra: { permission } }),
          );
      });
    }
  }
});

describe('jurisdiction scope', () => {
  it('gives admins everything and others their bound regions by prefix', () => {
    expect(scopeOf(actor('admin', []))).toEqual({ kind: 'all' });
    const scope = scopeOf(actor('inspector', ['110101001']));
    expect(codeInScope(scope, '110101001')).toBe(true);
    expect(codeInScope(scope, '110101001002003')).toBe(true);
    expect(codeInScope(scope, '110101002001001')).toBe(false);
    expect(codeInScope(scope, '110101')).toBe(false);
    expect(codeInScope(scope, null)).toBe(false);
  });

  it('gives an account bound to nothing nothing', () => {
    const scope = scopeOf(actor('leader', []));
    expect(codeInScope(scope, '110101')).toBe(false);
  });
});
