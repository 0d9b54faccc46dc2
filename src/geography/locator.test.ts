import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { generateUnitGrids } from './grid-generator.js';
import { createGridLocator, type LocatableGrid } from './locator.js';
import { createLocalProjection } from './projection.js';

const drawing = createLocalProjection([116.4, 39.9]);

/** A star-shaped community drawn in metres around (cx, cy) east/north of 116.4°E 39.9°N. */
function starCommunity(
  code: string,
  cx: number,
  cy: number,
  radii: number[],
): { code: string; geometry: Polygon } {
  const ring = radii.map((r, i) => {
    const angle = (2 * Math.PI * i) / radii.length;
    return drawing.inverse(cx + r * Math.cos(angle), cy + r * Math.sin(angle));
  });
  return { code, geometry: { type: 'Polygon', coordinates: [[...ring, ring[0] as Position]] } };
}

/** An axis-aligned lon/lat square; corners and edge midpoints are exact binary fractions. */
function square(
  code: string,
  lng: number,
  lat: number,
  size = 0.25,
  holes: Position[][] = [],
): LocatableGrid {
  return {
    code,
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [lng, lat],
          [lng + size, lat],
          [lng + size, lat + size],
          [lng, lat + size],
          [lng, lat],
        ],
        ...holes,
      ],
    },
  };
}

const communities = [
  starCommunity('110101001001', 0, 0, [310, 280, 330, 295, 350, 300, 270, 320, 305, 290]),
  starCommunity('110101001002', 700, 100, [260, 240, 300, 280, 250, 310, 265]),
];
const grids = communities.flatMap((c) => generateUnitGrids(c));

/** Brute force: every grid in code order, the first whose closed area holds the point. */
function bruteForce(lng: number, lat: number): LocatableGrid | null {
  const ordered = [...grids].sort((a, b) => a.code.localeCompare(b.code));
  return ordered.find((g) => booleanPointInPolygon([lng, lat], g.geometry)) ?? null;
}

describe('createGridLocator', () => {
  it('finds the same grid as a brute-force scan for random points', () => {
    const locator = createGridLocator(grids);
    expect(locator.size).toBe(grids.length);
    const [west, south] = drawing.inverse(-400, -400);
    const [east, north] = drawing.inverse(1050, 450);
    fc.assert(
      fc.property(
        fc.double({ min: west, max: east, noNaN: true }),
        fc.double({ min: south, max: north, noNaN: true }),
        (lng, lat) => {
          expect(locator.locate(lng, lat)?.code ?? null).toBe(bruteForce(lng, lat)?.code ?? null);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('finds a grid for every point inside a community, however close to a shared edge', () => {
    const locator = createGridLocator(grids);
    const edges = new Map<string, number>();
    const key = (a: Position, b: Position): string => `${a[0]},${a[1]}|${b[0]},${b[1]}`;
    for (const g of grids) {
      const rings = g.geometry.type === 'Polygon' ? g.geometry.coordinates : g.geometry.coordinates.flat();
      for (const ring of rings) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const [a, b] = [ring[i] as Position, ring[i + 1] as Position];
          edges.set(key(a, b), (edges.get(key(a, b)) ?? 0) + 1);
          const reverse = key(b, a);
          if (edges.has(reverse)) edges.set(reverse, (edges.get(reverse) ?? 0) + 1);
        }
      }
    }
    const shared = [...edges]
      .filter(([, count]) => count > 1)
      .map(([k]) => k.split('|').map((p) => p.split(',').map(Number)));
    expect(shared.length).toBeGreaterThan(50);
    let checked = 0;
    for (const [[ax = 0, ay = 0] = [], [bx = 0, by = 0] = []] of shared) {
      // Interior points only: a shared edge's ends may lie on the community's outer boundary.
      for (const t of [0.5, 1 / 3, 0.9]) {
        // Steps of about one unit in the last place (1.4e-14 at 116°, 7.1e-15 at 39°).
        for (const ulps of [-2, -1, 0, 1, 2]) {
          const [lng, lat] = [ax + (bx - ax) * t + ulps * 1.5e-14, ay + (by - ay) * t - ulps * 7.5e-15];
          expect(locator.locate(lng, lat)).not.toBeNull();
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(700);
  });

  it('resolves a point on a shared edge or corner to the lowest code, whatever the input order', () => {
    const four = [
      square('110101001001004', 116.5, 39.75),
      square('110101001001003', 116.25, 39.75),
      square('110101001001002', 116.5, 40),
      square('110101001001001', 116.25, 40),
    ];
    for (const input of [four, [...four].reverse()]) {
      const locator = createGridLocator(input);
      expect(locator.locate(116.5, 40)?.code).toBe('110101001001001'); // the shared corner
      expect(locator.locate(116.5, 39.875)?.code).toBe('110101001001003'); // edge between 003 and 004
      expect(locator.locate(116.375, 40)?.code).toBe('110101001001001'); // edge between 001 and 003
      expect(locator.locate(116.625, 39.875)?.code).toBe('110101001001004'); // inside 004 only
      expect(locator.locate(116.75, 40.25)?.code).toBe('110101001001002'); // outer corner of 002
    }
  });

  it('breaks a tie between equal codes by input order', () => {
    const first = { ...square('110101001001001', 116.25, 40), source: 'first' };
    const second = { ...square('110101001001001', 116.5, 40), source: 'second' };
    expect(createGridLocator([first, second]).locate(116.5, 40.125)?.source).toBe('first');
    expect(createGridLocator([second, first]).locate(116.5, 40.125)?.source).toBe('second');
  });

  it('returns nothing in a hole unless another grid fills it, and the grid on the hole edge', () => {
    const hole = [
      [116.3125, 40.0625],
      [116.3125, 40.125],
      [116.375, 40.125],
      [116.375, 40.0625],
      [116.3125, 40.0625],
    ];
    const ring = square('110101001001001', 116.25, 40, 0.25, [hole]);
    expect(createGridLocator([ring]).locate(116.34375, 40.09375)).toBeNull();
    expect(createGridLocator([ring]).locate(116.3125, 40.09375)?.code).toBe('110101001001001');
    const island = square('110101001001002', 116.3125, 40.0625, 0.0625);
    const locator = createGridLocator([ring, island]);
    expect(locator.locate(116.34375, 40.09375)?.code).toBe('110101001001002');
    expect(locator.locate(116.3125, 40.09375)?.code).toBe('110101001001001');
  });

  it('finds a point in any part of a MultiPolygon grid and returns the grid object as given', () => {
    const parts = {
      code: '110101001001001',
      geometry: {
        type: 'MultiPolygon' as const,
        coordinates: [
          square('x', 116, 40).geometry.coordinates as Position[][],
          square('x', 117, 40).geometry.coordinates as Position[][],
        ],
      },
      area: 12.5,
    };
    const locator = createGridLocator([parts]);
    expect(locator.locate(117.1, 40.1)).toBe(parts);
    expect(locator.locate(116.5, 40.1)).toBeNull();
  });

  it('returns null outside every grid, for non-finite input, and when there are no grids', () => {
    const locator = createGridLocator(grids);
    expect(locator.locate(0, 0)).toBeNull();
    expect(locator.locate(Number.NaN, 39.9)).toBeNull();
    expect(locator.locate(116.4, Number.POSITIVE_INFINITY)).toBeNull();
    const empty = createGridLocator([]);
    expect(empty.size).toBe(0);
    expect(empty.locate(116.4, 39.9)).toBeNull();
  });

  it('refuses a grid whose ring is not closed', () => {
    const open: LocatableGrid = {
      code: '110101001001001',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [116, 40],
            [116.1, 40],
            [116.1, 40.1],
            [116, 40.1],
          ],
        ],
      },
    };
    expect(() => createGridLocator([open])).toThrow(/110101001001001.*not closed/);
  });
});
