import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  responsibilityMatches,
  responsibleDepartments,
  standardCovers,
  type Responsibility,
  type ResponsibilityQuery,
} from './responsibility.js';

const GB = 'GB/T 47678.5-2026';
const CJ = 'CJ/T 214-2007';

const DISTRICT = '110101';
const STREET = '110101001';
const OTHER_STREET = '110101002';
const COMMUNITY = '110101001001';
const GRID = '110101001001001';

function r(
  departmentId: number,
  classCodePrefix: string,
  regionCode: string,
  extra: Partial<Responsibility> = {},
): Responsibility {
  return { departmentId, kind: 'component', standard: GB, classCodePrefix, regionCode, ...extra };
}

const manhole: ResponsibilityQuery = {
  kind: 'component',
  standard: GB,
  classCode: '01001',
  regionCode: GRID,
};

const ids = (list: ReturnType<typeof responsibleDepartments>) => list.map((d) => d.departmentId);

describe('standardCovers', () => {
  it.each([
    [GB, GB, true],
    [CJ, CJ, true],
    ['LOCAL', 'LOCAL', true],
    [GB, 'LOCAL', true],
    ['LOCAL', GB, false],
    [CJ, GB, false],
    [GB, CJ, false],
    [CJ, 'LOCAL', false],
  ])('a %s responsibility covers a %s class: %s', (responsibility, klass, expected) => {
    expect(standardCovers(responsibility, klass)).toBe(expected);
  });
});

describe('responsibilityMatches', () => {
  it('matches a major class anywhere below its region', () => {
    expect(responsibilityMatches(r(1, '01', DISTRICT), manhole)).toBe(true);
    expect(responsibilityMatches(r(1, '01', STREET), manhole)).toBe(true);
    expect(responsibilityMatches(r(1, '01', GRID), manhole)).toBe(true);
  });

  it('matches a full code only for that class', () => {
    expect(responsibilityMatches(r(1, '01001', DISTRICT), manhole)).toBe(true);
    expect(responsibilityMatches(r(1, '01002', DISTRICT), manhole)).toBe(false);
  });

  it('does not match another major class, another region, another kind or another standard', () => {
    expect(responsibilityMatches(r(1, '02', DISTRICT), manhole)).toBe(false);
    expect(responsibilityMatches(r(1, '01', OTHER_STREET), manhole)).toBe(false);
    expect(responsibilityMatches(r(1, '01', DISTRICT, { kind: 'matter' }), manhole)).toBe(false);
    expect(responsibilityMatches(r(1, '01', DISTRICT, { standard: CJ }), manhole)).toBe(false);
  });

  it('does not match a region deeper than the place asked about', () => {
    expect(responsibilityMatches(r(1, '01', GRID), { ...manhole, regionCode: STREET })).toBe(false);
  });

  it('matches CJ/T 214 classes by their 4-digit codes', () => {
    const query: ResponsibilityQuery = {
      kind: 'component',
      standard: CJ,
      classCode: '0101',
      regionCode: GRID,
    };
    expect(responsibilityMatches(r(1, '01', DISTRICT, { standard: CJ }), query)).toBe(true);
    expect(responsibilityMatches(r(1, '0101', DISTRICT, { standard: CJ }), query)).toBe(true);
    expect(responsibilityMatches(r(1, '0102', DISTRICT, { standard: CJ }), query)).toBe(false);
  });
});

describe('responsibleDepartments', () => {
  it('answers nobody when nothing matches', () => {
    expect(responsibleDepartments([r(1, '02', DISTRICT)], manhole)).toEqual([]);
    expect(responsibleDepartments([], manhole)).toEqual([]);
  });

  it('puts the longest class prefix first, whatever the region depth', () => {
    const list = [r(1, '01', GRID), r(2, '01001', DISTRICT)];
    expect(ids(responsibleDepartments(list, manhole))).toEqual([2, 1]);
  });

  it('puts the deepest region first among equal class prefixes (属地 carve-outs win)', () => {
    const list = [r(1, '01', DISTRICT), r(2, '01', STREET), r(3, '01', COMMUNITY), r(4, '01', GRID)];
    expect(ids(responsibleDepartments(list, manhole))).toEqual([4, 3, 2, 1]);
  });

  it('ranks departments of equal specificity equally, in id order', () => {
    const list = [r(7, '01', STREET), r(3, '01', STREET), r(5, '01', DISTRICT)];
    const result = responsibleDepartments(list, manhole);
    expect(result.map((d) => [d.departmentId, d.rank])).toEqual([
      [3, 1],
      [7, 1],
      [5, 2],
    ]);
  });

  it('lists a department once, with its most specific matching responsibility', () => {
    const list = [r(1, '01', DISTRICT), r(1, '01001', STREET), r(2, '01', STREET)];
    const result = responsibleDepartments(list, manhole);
    expect(ids(result)).toEqual([1, 2]);
    expect(result[0]!.responsibility).toEqual(r(1, '01001', STREET));
  });

  it('lets GB/T 47678.5 responsibilities cover local extension classes, a LOCAL one winning a tie', () => {
    const local: ResponsibilityQuery = {
      kind: 'component',
      standard: 'LOCAL',
      classCode: '01999',
      regionCode: GRID,
    };
    const list = [r(1, '01', DISTRICT), r(2, '01', DISTRICT, { standard: 'LOCAL' })];
    expect(ids(responsibleDepartments(list, local))).toEqual([2, 1]);
    expect(ids(responsibleDepartments([r(2, '01', DISTRICT, { standard: 'LOCAL' })], manhole))).toEqual([]);
  });

  it('routes matters separately from components with the same code', () => {
    const list = [r(1, '01', DISTRICT), r(2, '01', DISTRICT, { kind: 'matter' })];
    expect(ids(responsibleDepartments(list, { ...manhole, kind: 'matter' }))).toEqual([2]);
    expect(ids(responsibleDepartments(list, manhole))).toEqual([1]);
  });

  it('routes the demo district: 09 street order to the street office, 06 to 城管执法', () => {
    const list: Responsibility[] = [
      { departmentId: 10, kind: 'matter', standard: GB, classCodePrefix: '06', regionCode: DISTRICT },
      { departmentId: 10, kind: 'matter', standard: GB, classCodePrefix: '09', regionCode: DISTRICT },
      { departmentId: 21, kind: 'matter', standard: GB, classCodePrefix: '09', regionCode: STREET },
      { departmentId: 22, kind: 'matter', standard: GB, classCodePrefix: '09', regionCode: OTHER_STREET },
    ];
    const at = (classCode: string, regionCode: string) =>
      ids(responsibleDepartments(list, { kind: 'matter', standard: GB, classCode, regionCode }));
    expect(at('09006', GRID)).toEqual([21, 10]);
    expect(at('09006', `${OTHER_STREET}002001`)).toEqual([22, 10]);
    expect(at('06001', GRID)).toEqual([10]);
  });

  describe('properties', () => {
    const digits = (n: number) =>
      fc.array(fc.constantFrom(...'0123'), { minLength: n, maxLength: n }).map((a) => a.join(''));
    const prefix = fc.oneof(digits(2), digits(5));
    const region = fc.oneof(
      fc.constant(DISTRICT),
      fc.constantFrom(STREET, OTHER_STREET),
      fc.constantFrom(COMMUNITY, `${OTHER_STREET}001`),
      fc.constantFrom(GRID, `${OTHER_STREET}001001`),
    );
    const responsibility = fc.record({
      departmentId: fc.integer({ min: 1, max: 8 }),
      kind: fc.constantFrom('component' as const, 'matter' as const),
      standard: fc.constantFrom(GB, 'LOCAL'),
      classCodePrefix: prefix,
      regionCode: region,
    });
    const query = fc.record({
      kind: fc.constantFrom('component' as const, 'matter' as const),
      standard: fc.constantFrom(GB, 'LOCAL'),
      classCode: digits(5),
      regionCode: fc.constantFrom(GRID, `${OTHER_STREET}001001`),
    });

    it('returns exactly the departments with a matching responsibility, each once', () => {
      fc.assert(
        fc.property(fc.array(responsibility, { maxLength: 20 }), query, (list, q) => {
          const result = ids(responsibleDepartments(list, q));
          const expected = new Set(
            list.filter((x) => responsibilityMatches(x, q)).map((x) => x.departmentId),
          );
          expect(new Set(result)).toEqual(expected);
          expect(result.length).toBe(expected.size);
        }),
      );
    });

    it('orders by class prefix length, then region depth, and ranks without gaps', () => {
      fc.assert(
        fc.property(fc.array(responsibility, { maxLength: 20 }), query, (list, q) => {
          const result = responsibleDepartments(list, q);
          result.forEach((d, i) => {
            expect(responsibilityMatches(d.responsibility, q)).toBe(true);
            if (i === 0) return expect(d.rank).toBe(1);
            const previous = result[i - 1]!;
            const [a, b] = [previous.responsibility, d.responsibility];
            expect(a.classCodePrefix.length).toBeGreaterThanOrEqual(b.classCodePrefix.length);
            if (a.classCodePrefix.length === b.classCodePrefix.length) {
              expect(a.regionCode.length).toBeGreaterThanOrEqual(b.regionCode.length);
            }
            expect(d.rank - previous.rank).toBeGreaterThanOrEqual(0);
            expect(d.rank - previous.rank).toBeLessThanOrEqual(1);
          });
        }),
      );
    });

    it('does not depend on the order responsibilities are given in', () => {
      fc.assert(
        fc.property(
          fc.array(responsibility, { maxLength: 12 }),
          query,
          fc.func(fc.integer()),
          (list, q, key) => {
            const shuffled = [...list].sort((a, b) => key(a) - key(b));
            const strip = (x: ReturnType<typeof responsibleDepartments>) =>
              x.map((d) => [d.departmentId, d.rank]);
            expect(strip(responsibleDepartments(shuffled, q))).toEqual(
              strip(responsibleDepartments(list, q)),
            );
          },
        ),
      );
    });
  });
});
