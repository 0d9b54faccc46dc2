import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { area as turfArea } from '@turf/turf';
import type { Geometry, Polygon } from 'geojson';
import {
  createLocalProjection,
  ellipsoidalArea,
  localProjectionFor,
  planarArea,
  ringSignedArea,
} from './projection.js';

const DONGCHENG: [number, number] = [116.4, 39.9];

/**
 * Area of the quadrangle between two meridians and two parallels on the WGS 84 ellipsoid, in
 * closed form (Snyder 1987, eq. 3-12 integrated; written out here independently of the module).
 */
function quadrangleArea(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const a = 6_378_137;
  const f = 1 / 298.257223563;
  const e = Math.sqrt(f * (2 - f));
  const b = a * (1 - f);
  const zone = (lat: number): number => {
    const s = Math.sin((lat * Math.PI) / 180);
    return s / (1 - e * e * s * s) + (1 / (2 * e)) * Math.log((1 + e * s) / (1 - e * s));
  };
  return ((b * b) / 2) * (((lon2 - lon1) * Math.PI) / 180) * (zone(lat2) - zone(lat1));
}

/** A lon/lat quadrangle with densified sides, so its projected edges follow meridians and parallels. */
function quadrangle(lon1: number, lat1: number, lon2: number, lat2: number, steps = 400): Polygon {
  const along = (from: number, to: number): number[] =>
    Array.from({ length: steps }, (_, i) => from + ((to - from) * i) / steps);
  const ring = [
    ...along(lon1, lon2).map((lon) => [lon, lat1]),
    ...along(lat1, lat2).map((lat) => [lon2, lat]),
    ...along(lon2, lon1).map((lon) => [lon, lat2]),
    ...along(lat2, lat1).map((lat) => [lon1, lat]),
    [lon1, lat1],
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

describe('createLocalProjection (Lambert azimuthal equal-area on WGS 84)', () => {
  it('agrees with PROJ 9.1 (+proj=laea +ellps=WGS84) to a micrometre', () => {
    // cs2cs +proj=longlat +ellps=WGS84 +to +proj=laea +lat_0=39.9 +lon_0=116.4 +ellps=WGS84 -f %.6f
    const known: Array<[[number, number], [number, number]]> = [
      [
        [116.4, 39.95],
        [0, 5551.656742],
      ],
      [
        [116.6, 40.05],
        [17066.352576, 16674.140047],
      ],
      [
        [116.2, 39.75],
        [-17140.837439, -16635.610932],
      ],
      [
        [116.41, 39.9],
        [855.182931, 0.047681],
      ],
      [
        [116.65, 39.72],
        [21435.319416, -19955.752913],
      ],
      [
        [116.15, 40.08],
        [-21323.592148, 20015.907478],
      ],
    ];
    const projection = createLocalProjection(DONGCHENG);
    for (const [[lon, lat], [x, y]] of known) {
      const [px, py] = projection.forward(lon, lat);
      expect(Math.abs(px - x)).toBeLessThan(1e-6);
      expect(Math.abs(py - y)).toBeLessThan(1e-6);
    }
  });

  it('agrees with PROJ at the equator and at 60°N as well', () => {
    const equator = createLocalProjection([0, 0]);
    expect(equator.forward(0.3, 0.2)[0]).toBeCloseTo(33395.657856, 6);
    expect(equator.forward(-0.25, -0.1)[1]).toBeCloseTo(-11057.452606, 6);
    const helsinki = createLocalProjection([25, 60.2]);
    expect(helsinki.forward(24.9, 60.3)[1]).toBeCloseTo(11145.823071, 6);
    expect(helsinki.forward(25.2, 60.1)[0]).toBeCloseTo(11126.270269, 6);
  });

  it('maps the origin to (0, 0) and back', () => {
    const projection = createLocalProjection(DONGCHENG);
    expect(projection.forward(...DONGCHENG)).toEqual([0, 0]);
    expect(projection.inverse(0, 0)).toEqual(DONGCHENG);
  });

  it('inverts its forward mapping to 1e-12° anywhere within 40 km', () => {
    const projection = createLocalProjection(DONGCHENG);
    fc.assert(
      fc.property(
        fc.double({ min: -0.45, max: 0.45, noNaN: true }),
        fc.double({ min: -0.35, max: 0.35, noNaN: true }),
        (dLon, dLat) => {
          const [lon, lat] = [116.4 + dLon, 39.9 + dLat];
          const [x, y] = projection.forward(lon, lat);
          const [backLon, backLat] = projection.inverse(x, y);
          expect(Math.abs(backLon - lon)).toBeLessThan(1e-12);
          expect(Math.abs(backLat - lat)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('preserves ellipsoidal area exactly for a 20 km × 20 km quadrangle, centred or not', () => {
    for (const [lon1, lat1] of [
      [116.28, 39.81],
      [116.45, 39.95],
    ] as const) {
      const [lon2, lat2] = [lon1 + 0.235, lat1 + 0.18];
      const truth = quadrangleArea(lon1, lat1, lon2, lat2);
      expect(truth).toBeGreaterThan(3.9e8);
      const measured = ellipsoidalArea(quadrangle(lon1, lat1, lon2, lat2), createLocalProjection(DONGCHENG));
      expect(Math.abs(measured / truth - 1)).toBeLessThan(1e-7);
    }
  });

  it('preserves area at the equator and at 60°N too', () => {
    for (const [lon, lat] of [
      [10, -0.1],
      [25, 60.1],
    ] as const) {
      const truth = quadrangleArea(lon, lat, lon + 0.2, lat + 0.2);
      expect(Math.abs(ellipsoidalArea(quadrangle(lon, lat, lon + 0.2, lat + 0.2)) / truth - 1)).toBeLessThan(
        1e-7,
      );
    }
  });

  it('explains the 0.1 % by which turf.area (a sphere of R = 6,371,008.8 m) reads low at 39.9°N', () => {
    const shape = quadrangle(116.3, 39.85, 116.5, 39.95);
    const ours = ellipsoidalArea(shape);
    const turf = turfArea(shape);
    // Gaussian curvature radius √(MN) at 39.9°N is 6,374,335 m: the ratio of the squares is 1.00104.
    const a = 6_378_137;
    const e2 = (1 / 298.257223563) * (2 - 1 / 298.257223563);
    const s2 = Math.sin((39.9 * Math.PI) / 180) ** 2;
    const mn = (a * a * (1 - e2)) / (1 - e2 * s2) ** 2;
    expect(ours / turf).toBeGreaterThan(1.0009);
    expect(Math.abs(ours / turf - mn / 6_371_008.8 ** 2)).toBeLessThan(2e-5);
  });

  it('rejects an origin at a pole or off the globe', () => {
    expect(() => createLocalProjection([0, 90])).toThrow(RangeError);
    expect(() => createLocalProjection([Number.NaN, 10])).toThrow(RangeError);
  });
});

describe('geometry helpers', () => {
  it('centres localProjectionFor on the middle of the bounding box', () => {
    const projection = localProjectionFor(quadrangle(116.3, 39.8, 116.5, 40.0, 2));
    expect(projection.origin[0]).toBeCloseTo(116.4, 12);
    expect(projection.origin[1]).toBeCloseTo(39.9, 12);
    expect(() => localProjectionFor({ type: 'MultiPolygon', coordinates: [] })).toThrow(RangeError);
  });

  it('maps every geometry type, keeps altitudes and leaves the input untouched', () => {
    const projection = createLocalProjection(DONGCHENG);
    const input: Geometry = {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [116.41, 39.9, 43.5] },
        { type: 'MultiPoint', coordinates: [[116.4, 39.95]] },
        { type: 'LineString', coordinates: [DONGCHENG, [116.41, 39.9]] },
        { type: 'MultiLineString', coordinates: [[DONGCHENG, [116.41, 39.9]]] },
        quadrangle(116.4, 39.9, 116.41, 39.91, 1),
        { type: 'MultiPolygon', coordinates: [quadrangle(116.4, 39.9, 116.41, 39.91, 1).coordinates] },
      ],
    };
    const before = JSON.stringify(input);
    const projected = projection.forwardGeometry(input);
    expect(JSON.stringify(input)).toBe(before);
    if (projected.type !== 'GeometryCollection') throw new Error('type changed');
    const [pointGeometry] = projected.geometries;
    if (pointGeometry?.type !== 'Point') throw new Error('type changed');
    expect(pointGeometry.coordinates[0]).toBeCloseTo(855.182931, 6);
    expect(pointGeometry.coordinates[2]).toBe(43.5);
    const back = projection.inverseGeometry(projected);
    expect(JSON.stringify(back).length).toBeGreaterThan(0);
    if (back.type !== 'GeometryCollection') throw new Error('type changed');
    const polygonBack = back.geometries[4];
    if (polygonBack?.type !== 'Polygon') throw new Error('type changed');
    expect(polygonBack.coordinates[0]?.[2]?.[0]).toBeCloseTo(116.41, 12);
    expect(polygonBack.coordinates[0]?.[2]?.[1]).toBeCloseTo(39.91, 12);
  });

  it('measures planar area with holes subtracted and parts added, whatever the winding', () => {
    const outer = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    const hole = [
      [2, 2],
      [4, 2],
      [4, 4],
      [2, 4],
      [2, 2],
    ];
    expect(ringSignedArea(outer)).toBe(100);
    expect(ringSignedArea([...outer].reverse())).toBe(-100);
    expect(planarArea({ type: 'Polygon', coordinates: [outer, hole] })).toBe(96);
    expect(planarArea({ type: 'Polygon', coordinates: [[...outer].reverse(), [...hole].reverse()] })).toBe(
      96,
    );
    expect(planarArea({ type: 'MultiPolygon', coordinates: [[outer, hole], [hole]] })).toBe(100);
  });
});
