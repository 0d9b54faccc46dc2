import { describe, expect, it } from 'vitest';
import { STAFF_ROLES, codeInScope, scopeOf, type Actor } from './actor.js';
import { GRANTS, authorize, can, type Permission } from './policy.js';

const actor = (role: Actor['role'], regionCodes: string[] = ['110101001']): Actor => ({
  id: 1,
  username: role,
  displayName: role,
  role,
  position: role === 'supervisor' ? 'shift_lead' : null,
  departmentId: null,
  regionCodes,
});

/** The expected matrix, written out by hand: a change to GRANTS must change this table too. */
const EXPECTED: Record<Permission, string> = {
  'regions:read': 'admin supervisor dispatcher handler department_lead inspector leader',
  'regions:write': 'admin',
  'departments:read': 'admin supervisor dispatcher handler department_lead inspector leader',
  'departments:write': 'admin',
  'classifications:read': 'admin supervisor dispatcher handler department_lead inspector leader',
  'classifications:write': 'admin',
  'components:read': 'admin supervisor dispatcher handler department_lead inspector leader',
  'components:write': 'admin supervisor',
  'users:read': 'admin',
  'users:write': 'admin',
  'audit:read': 'admin',
};

describe('policy matrix', () => {
  for (const permission of Object.keys(GRANTS) as Permission[]) {
    for (const role of STAFF_ROLES) {
      const allowed = EXPECTED[permission].split(' ').includes(role);
      it(`${allowed ? 'grants' : 'refuses'} ${permission} to ${role}`, () => {
        expect(can(actor(role), permission)).toBe(allowed);
        if (allowed) expect(() => authorize(actor(role), permission)).not.toThrow();
        else
          expect(() => authorize(actor(role), permission)).toThrow(
            expect.objectContaining({ code: 'FORBIDDEN' }),
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
