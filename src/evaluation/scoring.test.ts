import { describe, expect, it } from 'vitest';
import {
  DEPARTMENT_FILED_TIERS,
  DEPARTMENT_PROFILE,
  OPERATOR_ACCEPTED_TIERS,
  OPERATOR_PROFILE,
  PROFILES,
  REGION_CLASS1_FILED_TIERS,
  REGION_CLASS2_FILED_TIERS,
  REGION_PROFILE,
} from './builtin-profiles.js';
import { INDICATORS } from './indicators.js';
import {
  applyProfile,
  gradeOf,
  indicatorValue,
  scoreLinear,
  scoreTiered,
  validateProfile,
  type Facts,
  type Profile,
} from './scoring.js';
import { FACT_KEYS } from './vocabulary.js';

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

describe('no activity, no value', () => {
  const ALL_ZERO = facts({});
  // A place of 4 grids and 2 km², and the zero-valued counts of a subject that was busy elsewhere.
  const PLACE = { grids: 4, area_km2: 2 };

  it.each([
    // [indicator, facts, expected value]
    // rate: the denominator is the base, whatever the numerator
    [INDICATORS.departmentCloseRate, ALL_ZERO, null],
    [INDICATORS.departmentCloseRate, facts({ to_close: 4 }), 0],
    [INDICATORS.departmentReworkRate, facts({ reworks: 2, to_close: 0 }), null],
    [INDICATORS.departmentReworkRate, facts({ reworks: 1, to_close: 4 }), 0.25],
    [INDICATORS.inspectorOnTimeCheckRate, facts({ checks: 0, reports: 9 }), null],
    // count, lower is better: 0 means something only for a department that handled or was given work
    [INDICATORS.departmentOverdue, ALL_ZERO, null],
    [INDICATORS.departmentOverdue, facts({ to_handle: 3 }), 0],
    [INDICATORS.departmentOverdue, facts({ handled: 1 }), 0],
    [INDICATORS.departmentOverdue, facts({ overdue: 2 }), 2], // rounds from before the period went overdue
    [INDICATORS.departmentOverdue, facts({ filed: 5, to_close: 5 }), null], // cohort counts are not handling
    [INDICATORS.departmentFiled, ALL_ZERO, null],
    [INDICATORS.departmentFiled, facts({ handled: 2 }), 0],
    [INDICATORS.regionFiled, ALL_ZERO, null],
    [INDICATORS.regionFiled, facts({ reported: 3 }), 0],
    // count, higher is better: an operator who did nothing at all has no 受理数, one who sent tasks has 0
    [INDICATORS.operatorAccepted, ALL_ZERO, null],
    [INDICATORS.operatorAccepted, facts({ verify_tasks_sent: 2 }), 0],
    [INDICATORS.inspectorReports, facts({ checks: 1 }), 0],
    [INDICATORS.inspectorValidReports, facts({ reports: 4 }), 0],
    [INDICATORS.dispatcherDispatches, ALL_ZERO, null],
    [INDICATORS.dispatcherDispatches, facts({ dispatches: 6 }), 6],
    // per unit: no reports and nothing filed → none; no grids or no area → none
    [INDICATORS.regionFiledPerGrid, facts(PLACE), null],
    [INDICATORS.regionFiledPerGrid, facts({ ...PLACE, reported: 2 }), 0],
    [INDICATORS.regionFiledPerGrid, facts({ ...PLACE, filed: 6 }), 1.5],
    [INDICATORS.regionFiledPerGrid, facts({ reported: 2, filed: 6 }), null],
    [INDICATORS.regionFiledPerKm2, facts(PLACE), null],
    [INDICATORS.regionFiledPerKm2, facts({ ...PLACE, reported: 1, filed: 1 }), 0.5],
    [INDICATORS.regionFiledPerKm2, facts({ reported: 1, filed: 1, grids: 4 }), null],
  ] as const)('%# %o', (indicator, values, expected) => {
    expect(indicator.base.length).toBeGreaterThan(0);
    expect(indicatorValue(indicator, values)).toBe(expected);
  });

  it('every indicator has no value for a subject with no activity, even a place with grids and area', () => {
    for (const indicator of Object.values(INDICATORS))
      expect(indicatorValue(indicator, facts(PLACE)), indicator.key).toBeNull();
  });

  it('every built-in profile gives a subject with no activity no composite and no grade', () => {
    for (const profile of Object.values(PROFILES)) {
      const result = applyProfile(profile, facts(PLACE));
      expect(result, profile.key).toMatchObject({ composite: null, grade: null });
      expect(
        result.items.every((i) => i.value === null && i.score === null && i.weightedScore === null),
      ).toBe(true);
    }
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
    // A department that handled two old cases and was given nothing new: only 立案数 (0 → 100) has a
    // value (no cohort to close), so 100 × 10/10.
    const quiet = applyProfile(DEPARTMENT_PROFILE, facts({ handled: 2 }));
    expect(quiet.items.map((i) => i.score)).toEqual([100, null, null, null]);
    expect(quiet.items.map((i) => i.weightedScore)).toEqual([100, null, null, null]);
    expect(quiet).toMatchObject({ composite: 100, grade: 'A' });
    // A department that did nothing at all: no value anywhere, no composite, no grade.
    const idle = applyProfile(DEPARTMENT_PROFILE, facts({}));
    expect(idle.items.map((i) => i.score)).toEqual([null, null, null, null]);
    expect(idle).toMatchObject({ composite: null, grade: null });
  });

  it('by hand, a tiered count and two rates over 50 of the 100 weights', () => {
    // 受理员: 受理数 0 (tier → 0) ×25, 核实派发 none, 核查派发 3/4 → 75 ×35: (0 + 26.25) / 0.6 = 43.75 → D
    const result = applyProfile(
      OPERATOR_PROFILE,
      facts({ reports: 0, verify_tasks_sent: 4, verify_tasks_sent_on_time: 3 }),
    );
    expect(result.items.map((i) => i.value)).toEqual([0, null, 0.75]);
    expect(result.items.map((i) => i.score)).toEqual([0, null, 75]);
    expect(result.items.map((i) => i.weightedScore)).toEqual([0, null, 43.75]);
    expect(result).toMatchObject({ composite: 43.75, grade: 'D' });
  });

  it('by hand, a lower-better count scored by tiers in a city profile, with and without handling', () => {
    const profile: Profile = {
      key: 'department-overdue-test',
      name: 'test',
      object: 'department',
      mark: 'I',
      origin: 'city',
      items: [
        {
          indicator: INDICATORS.departmentOverdue,
          weight: 40,
          scoring: { kind: 'tiered', direction: 'at_most', tiers: REGION_CLASS1_FILED_TIERS },
        },
        { indicator: INDICATORS.departmentHandleRate, weight: 60, scoring: { kind: 'linear' } },
      ],
    };
    validateProfile(profile);
    // 超期 0 → 100 ×40 + 处置 3/4 → 75 ×60 = 40 + 45 = 85 → B
    expect(applyProfile(profile, facts({ to_handle: 4, handled: 3, handled_of_due: 3 }))).toMatchObject({
      composite: 85,
      grade: 'B',
    });
    // 超期 3 with nothing dispatched in the period → 75 over 40 of the weights = 75 → B
    expect(applyProfile(profile, facts({ overdue: 3 }))).toMatchObject({ composite: 75, grade: 'B' });
    // nothing at all: not 100, no data
    expect(applyProfile(profile, facts({}))).toMatchObject({ composite: null, grade: null });
  });
});
