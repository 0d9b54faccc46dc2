import * as turf from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDistrictDivisions, type DistrictDivisions } from './divisions.js';
import { loadDistrictOutline } from './district-outline.js';
import { isValidPolygonal, planarArea, polygonsOf, type Polygonal } from './geometry.js';
import { generateSyntheticPolygons, type SyntheticPolygons } from './synthetic-polygons.js';
import { totalOverlap } from './test-support.js';

const area = (g: Polygonal): number => turf.area(g);
const sum = (values: number[]): number => values.reduce((s, v) => s + v, 0);

describe('generateSyntheticPolygons (东城区)', () => {
  let divisions: DistrictDivisions;
  let outline: Polygonal;
  let result: SyntheticPolygons;
  beforeAll(async () => {
    divisions = await loadDistrictDivisions('110101');
    outline = loadDistrictOutline('110101').geometry;
    result = generateSyntheticPolygons(outline, divisions);
  });

  it('makes one polygon per street and per community', () => {
    expect([...result.streets.keys()]).toEqual(divisions.streets.map((s) => s.code));
    expect([...result.communities.keys()]).toEqual(divisions.communities.map((c) => c.code));
  });

  it('keeps the outline as given (up to floating-point rounding)', () => {
    expect(Math.abs(area(result.district) - area(outline)) / area(outline)).toBeLessThan(1e-9);
  });

  it('makes every polygon valid, in one piece, with RFC 7946 winding', () => {
    for (const geometry of [...result.streets.values(), ...result.communities.values()]) {
      expect(isValidPolygonal(geometry)).toBe(true);
      expect(geometry.type).toBe('Polygon');
      expect(turf.booleanClockwise(polygonsOf(geometry)[0]?.[0] ?? [])).toBe(false);
    }
  });

  it('tiles the district with the streets: areas sum to the district within 0.1 %, no overlaps', () => {
    const streets = [...result.streets.values()];
    const districtArea = area(result.district);
    expect(Math.abs(sum(streets.map(area)) - districtArea) / districtArea).toBeLessThan(0.001);
    const planarDistrict = planarArea(result.district);
    expect(Math.abs(sum(streets.map(planarArea)) - planarDistrict) / planarDistrict).toBeLessThan(1e-9);
    expect(totalOverlap(streets, area)).toBeLessThan(1); // m²
    const union = turf.union(turf.featureCollection(streets.map((g) => turf.feature(g))));
    expect(union && Math.abs(area(union.geometry) - districtArea) / districtArea).toBeLessThan(0.001);
  });

  it("tiles each street with its communities: areas sum to the street's within 0.1 %, no overlaps", () => {
    for (const [streetCode, street] of result.streets) {
      const members = divisions.communities
        .filter((c) => c.streetCode === streetCode)
        .map((c) => result.communities.get(c.code))
        .filter((g): g is Polygonal => g !== undefined);
      const streetArea = area(street);
      expect(Math.abs(sum(members.map(area)) - streetArea) / streetArea).toBeLessThan(0.001);
      expect(totalOverlap(members, area)).toBeLessThan(1);
      // Exact in the plane the cells were cut in (lon/lat is an affine image of it); turf.area's
      // spherical formula is not exactly additive over split edges, hence the 0.1 % above.
      const planarStreet = planarArea(street);
      expect(Math.abs(sum(members.map(planarArea)) - planarStreet) / planarStreet).toBeLessThan(1e-9);
      for (const community of members) {
        const inside = turf.intersect(
          turf.featureCollection([turf.feature(community), turf.feature(street)]),
        );
        expect(inside && planarArea(inside.geometry) / planarArea(community)).toBeGreaterThan(1 - 1e-9);
      }
    }
  });

  it("keeps communities of one street within a factor 3 of each other's size (Lloyd-relaxed)", () => {
    for (const street of divisions.streets) {
      const areas = divisions.communities
        .filter((c) => c.streetCode === street.code)
        .map((c) => area(result.communities.get(c.code) ?? outline));
      expect(Math.max(...areas) / Math.min(...areas)).toBeLessThan(3);
    }
  });

  it('needs no street centre moved inside the outline', () => {
    expect(result.seedAdjustments).toEqual([]);
  });

  it('is deterministic', () => {
    const again = generateSyntheticPolygons(outline, divisions);
    expect(again.communities).toEqual(result.communities);
    expect(again.streets).toEqual(result.streets);
  });

  it('moves a centre that falls outside the coarse outline just inside it, and says so', () => {
    const [first] = divisions.streets;
    const small: DistrictDivisions = {
      ...divisions,
      streets: first ? [first] : [],
      communities: divisions.communities.filter((c) => c.streetCode === first?.code),
    };
    const moved = generateSyntheticPolygons(outline, small, {
      // 东华门 put 1 km west, in 西城区.
      streetSeeds: [{ code: '110101001', name: '东华门', gcj02: [116.39, 39.915] }],
    });
    expect(moved.seedAdjustments).toHaveLength(1);
    const [adjustment] = moved.seedAdjustments;
    expect(adjustment?.code).toBe('110101001');
    expect(adjustment?.movedMetres).toBeGreaterThan(0);
    expect(turf.booleanPointInPolygon(adjustment?.placed ?? [], outline)).toBe(true);
  });

  it('refuses a street whose seed names another street', () => {
    expect(() =>
      generateSyntheticPolygons(outline, divisions, {
        streetSeeds: [{ code: '110101001', name: '景山', gcj02: [116.403, 39.915] }],
      }),
    ).toThrow(/东华门街道/);
  });
});
