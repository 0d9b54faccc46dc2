import { describe, expect, it } from 'vitest';
import {
  applyProfile,
  DEPARTMENT_FILED_TIERS,
  DEPARTMENT_PROFILE,
  FACT_KEYS,
  gradeOf,
  indicatorValue,
  INDICATORS,
  OPERATOR_ACCEPTED_TIERS,
  PROFILES,
  REGION_CLASS1_FILED_TIERS,
  REGION_CLASS2_FILED_TIERS,
  REGION_PROFILE,
  scoreLinear,
  scoreTiered,
  validateProfile,
  type Facts,
  type Profile,
} from './registry.js';

function facts(values: Partial<Facts>): Facts {
  return { ...(Object.fromEntries(FACT_KEYS.map((k) => [k, 0])) as Facts), ...values };
}

describe('profiles', () => {
  it('weigh 100 in total, per §5.2 (department 10/30/30/30, region 10/20/30/40)', () => {
    for (const profile of Object.values(PROFILES)) {
      expect(profile.items.reduce((s, i) => s + i.weight, 0)).toBe(100);
      expect(() => validateProfile(profile)).not.toThrow();
    }
    expect(DEPARTMENT_PROFILE.items.map((i) => [i.indicator.name, i.weight])).toEqual([
      ['立案数', 10],
      ['结案率', 30],
      ['按期结案率', 30],
      ['返工率', 30],
    ]);
    expect(REGION_PROFILE.items.map((i) => i.weight)).toEqual([10, 20, 30, 40]);
  });

  it('refuses malformed profiles', () => {
    const base: Profile = { ...DEPARTMENT_PROFILE, key: 'x' };
    expect(() => validateProfile({ ...base, items: base.items.slice(1) })).toThrow(/sum to 90/);
    expect(() =>
      validateProfile({ ...base, items: [...base.items.slice(1), { ...base.items[1]!, weight: 10 }] }),
    ).toThrow(/twice/);
    expect(() =>
      validateProfile({
        ...base,
        items: [{ ...base.items[0]!, indicator: INDICATORS.regionCloseRate }, ...base.items.slice(1)],
      }),
    ).toThrow(/evaluates region/);
    expect(() =>
      validateProfile({
        ...base,
        items: [
          {
            ...base.items[0]!,
            scoring: { kind: 'tiered', direction: 'at_most', tiers: [...DEPARTMENT_FILED_TIERS].reverse() },
          },
          ...base.items.slice(1),
        ],
      }),
    ).toThrow(/out of order/);
    expect(() =>
      validateProfile({ ...base, items: [{ ...base.items[0]!, weight: 0 }, ...base.items.slice(1)] }),
    ).toThrow();
  });
});

describe('scoring', () => {
  it('linear: 100 × rate, or 100 × (1 − rate) when lower is better, clamped', () => {
    expect(scoreLinear(0, 'higher')).toBe(0);
    expect(scoreLinear(0.75, 'higher')).toBe(75);
    expect(scoreLinear(1, 'higher')).toBe(100);
    expect(scoreLinear(1.5, 'higher')).toBe(100);
    expect(scoreLinear(-1, 'higher')).toBe(0);
    expect(scoreLinear(0.25, 'lower')).toBe(75);
    expect(scoreLinear(0, 'lower')).toBe(100);
    expect(scoreLinear(2, 'lower')).toBe(0);
  });

  it.each([
    [0, 100],
    [50, 100],
    [51, 90],
    [100, 90],
    [101, 75],
    [200, 75],
    [201, 60],
    [500, 60],
    [501, 40],
    [1000, 40],
    [1001, 0],
    [1e9, 0],
  ])('department 立案数 %d → %d', (value, expected) => {
    expect(scoreTiered(value, 'at_most', DEPARTMENT_FILED_TIERS)).toBe(expected);
  });

  it.each([
    [0, 100],
    [0.5, 90],
    [1, 90],
    [2, 90],
    [3, 75],
    [4, 75],
    [5, 60],
    [6, 60],
    [7, 40],
    [8, 40],
    [9, 0],
    [100, 0],
  ])('一类区域 立案数 %d → %d', (value, expected) => {
    expect(scoreTiered(value, 'at_most', REGION_CLASS1_FILED_TIERS)).toBe(expected);
  });

  it.each([
    [0, 100],
    [1, 90],
    [3, 90],
    [4, 75],
    [5, 75],
    [6, 60],
    [7, 60],
    [8, 40],
    [9, 40],
    [10, 0],
  ])('二类区域 立案数 %d → %d', (value, expected) => {
    expect(scoreTiered(value, 'at_most', REGION_CLASS2_FILED_TIERS)).toBe(expected);
  });

  it.each([
    [5000, 100],
    [2001, 100],
    [2000, 90],
    [1201, 90],
    [1200, 75],
    [501, 75],
    [500, 60],
    [301, 60],
    [300, 40],
    [101, 40],
    [100, 0],
    [0, 0],
  ])('受理员 受理数 %d → %d (higher is better)', (value, expected) => {
    expect(scoreTiered(value, 'at_least', OPERATOR_ACCEPTED_TIERS)).toBe(expected);
  });

  it.each([
    [100, 'A'],
    [90, 'A'],
    [89.99, 'B'],
    [75, 'B'],
    [74.99, 'C'],
    [60, 'C'],
    [59.99, 'D'],
    [40, 'D'],
    [39.99, 'E'],
    [0, 'E'],
  ])('grade of %d is %s', (composite, grade) => {
    expect(gradeOf(composite)).toBe(grade);
  });

  it('values: a rate has no value on a zero denominator; a count is the numerator', () => {
    expect(indicatorValue(INDICATORS.departmentCloseRate, facts({ closed: 3, to_close: 0 }))).toBeNull();
    expect(indicatorValue(INDICATORS.departmentCloseRate, facts({ closed: 3, to_close: 4 }))).toBe(0.75);
    expect(indicatorValue(INDICATORS.departmentFiled, facts({ filed: 7 }))).toBe(7);
    expect(indicatorValue(INDICATORS.regionFiledPerGrid, facts({ filed: 3, grids: 4 }))).toBe(0.75);
  });
});

describe('composite', () => {
  it('department, by hand: 立案 120 → 75; 结案 90/100; 按期 80/100; 返工 5/100', () => {
    // 75×0.1 + 90×0.3 + 80×0.3 + 95×0.3 = 7.5 + 27 + 24 + 28.5 = 87
    const result = applyProfile(
      DEPARTMENT_PROFILE,
      facts({ filed: 120, to_close: 100, closed: 90, closed_on_time: 80, reworks: 5 }),
    );
    expect(result.items.map((i) => i.score)).toEqual([75, 90, 80, 95]);
    expect(result.items.map((i) => i.weightedScore)).toEqual([7.5, 27, 24, 28.5]);
    expect(result.composite).toBe(87);
    expect(result.grade).toBe('B');
  });

  it('region, by hand: 监督 8/10, 立案 12 over 4 grids = 3 → 75, 结案 9/10, 按期 6/10', () => {
    // 80×0.1 + 75×0.2 + 90×0.3 + 60×0.4 = 8 + 15 + 27 + 24 = 74 → C
    const result = applyProfile(
      REGION_PROFILE,
      facts({ filed: 10, filed_by_inspector: 8, grids: 4, to_close: 10, closed: 9, closed_on_time: 6 }),
    );
    // filed is both the 监督举报率 denominator (10) and the per-grid count: 10/4 = 2.5 → 75
    expect(result.items.map((i) => i.score)).toEqual([80, 75, 90, 60]);
    expect(result.composite).toBe(74);
    expect(result.grade).toBe('C');
  });

  it('rescales the weights over the items with a value, and has no grade without any', () => {
    // Only 立案数 has a value (no cases to close): 100 × 10/10.
    const quiet = applyProfile(DEPARTMENT_PROFILE, facts({}));
    expect(quiet.items.map((i) => i.score)).toEqual([100, null, null, null]);
    expect(quiet.composite).toBe(100);
    const region = applyProfile(REGION_PROFILE, facts({}));
    expect(region.composite).toBeNull();
    expect(region.grade).toBeNull();
  });
});
