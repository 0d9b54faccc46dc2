import { describe, expect, it } from 'vitest';
import { suggestDepartment, type Responsibility, type RoutingInput, type RoutingRule } from './rules.js';

const rule = (over: Partial<RoutingRule>): RoutingRule => ({
  id: 1,
  position: 1,
  name: 'r',
  kind: null,
  standard: null,
  classCodePrefix: null,
  regionCode: null,
  useComponentOwner: false,
  departmentId: 10,
  active: true,
  ...over,
});

const input = (over: Partial<RoutingInput> = {}): RoutingInput => ({
  kind: 'component',
  standard: 'GB/T 47678.5-2026',
  classCode: '01001',
  gridCode: '110101001001001',
  component: null,
  ...over,
});

const responsibilities: Responsibility[] = [
  {
    departmentId: 30,
    kind: 'component',
    standard: 'GB/T 47678.5-2026',
    classCodePrefix: '01',
    regionCode: '110101',
  },
  {
    departmentId: 31,
    kind: 'component',
    standard: 'GB/T 47678.5-2026',
    classCodePrefix: '01001',
    regionCode: '110101',
  },
  {
    departmentId: 32,
    kind: 'component',
    standard: 'GB/T 47678.5-2026',
    classCodePrefix: '01001',
    regionCode: '110101001',
  },
  {
    departmentId: 33,
    kind: 'matter',
    standard: 'GB/T 47678.5-2026',
    classCodePrefix: '09',
    regionCode: '110101002',
  },
];

describe('suggestDepartment', () => {
  it('takes the first matching rule by position, not by id', () => {
    const rules = [
      rule({ id: 1, position: 5, departmentId: 11 }),
      rule({ id: 2, position: 2, departmentId: 12 }),
    ];
    expect(suggestDepartment(rules, [], input())).toMatchObject({
      departmentId: 12,
      reason: { source: 'rule', ruleId: 2 },
    });
  });

  it('breaks position ties by id', () => {
    const rules = [
      rule({ id: 7, position: 1, departmentId: 17 }),
      rule({ id: 3, position: 1, departmentId: 13 }),
    ];
    expect(suggestDepartment(rules, [], input())?.departmentId).toBe(13);
  });

  it('skips rules whose class, region, kind or standard do not match, and inactive rules', () => {
    const rules = [
      rule({ id: 1, position: 1, classCodePrefix: '02', departmentId: 1 }),
      rule({ id: 2, position: 2, regionCode: '110101002', departmentId: 2 }),
      rule({ id: 3, position: 3, kind: 'matter', departmentId: 3 }),
      rule({ id: 4, position: 4, standard: 'CJ/T 214-2007', departmentId: 4 }),
      rule({ id: 5, position: 5, active: false, departmentId: 5 }),
      rule({ id: 6, position: 6, classCodePrefix: '010', regionCode: '110101001', departmentId: 6 }),
    ];
    expect(suggestDepartment(rules, [], input())).toMatchObject({ departmentId: 6, reason: { ruleId: 6 } });
  });

  it("routes to the component's maintainer, else its competent department, when a component-owner rule matches", () => {
    const rules = [
      rule({ id: 1, position: 1, useComponentOwner: true, departmentId: null }),
      rule({ id: 2, position: 2, departmentId: 99 }),
    ];
    expect(
      suggestDepartment(
        rules,
        [],
        input({ component: { maintainerDepartmentId: 41, competentDepartmentId: 40 } }),
      ),
    ).toMatchObject({
      departmentId: 41,
      reason: { viaComponent: 'maintainer' },
    });
    expect(
      suggestDepartment(
        rules,
        [],
        input({ component: { maintainerDepartmentId: null, competentDepartmentId: 40 } }),
      ),
    ).toMatchObject({
      departmentId: 40,
      reason: { viaComponent: 'competent' },
    });
    expect(suggestDepartment(rules, [], input())).toMatchObject({ departmentId: 99 });
  });

  it('falls back to the most specific responsibility: longest class prefix, then deepest region', () => {
    expect(suggestDepartment([], responsibilities, input())?.departmentId).toBe(32);
    expect(
      suggestDepartment([], responsibilities, input({ gridCode: '110101002001001' }))?.departmentId,
    ).toBe(31);
    expect(suggestDepartment([], responsibilities, input({ classCode: '01002' }))?.departmentId).toBe(30);
    expect(
      suggestDepartment(
        [],
        responsibilities,
        input({ kind: 'matter', classCode: '09001', gridCode: '110101002001001' }),
      ),
    ).toMatchObject({
      departmentId: 33,
      reason: { source: 'responsibility', classCodePrefix: '09', regionCode: '110101002' },
    });
  });

  it('prefers any matching rule over responsibilities, and returns null when nothing matches', () => {
    expect(suggestDepartment([rule({ departmentId: 5 })], responsibilities, input())?.departmentId).toBe(5);
    expect(suggestDepartment([], responsibilities, input({ kind: 'matter', classCode: '06001' }))).toBeNull();
  });
});
