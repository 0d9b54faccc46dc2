import * as turf from '@turf/turf';
import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { isValidPolygonal, planarArea, type Polygonal } from './geometry.js';
import { clippedVoronoi, contains, relaxedSites, voronoiPartition } from './partition.js';
import { totalOverlap } from './test-support.js';

/** A concave region in metres: an L with a notch, so clipped cells can fall apart. */
const L_SHAPE: Polygonal = turf.polygon([
  [
    [0, 0],
    [3000, 0],
    [3000, 1000],
    [1000, 1000],
    [1000, 1400],
    [900, 1400],
    [900, 2600],
    [1000, 2600],
    [1000, 3000],
    [0, 3000],
    [0, 0],
  ],
]).geometry;

const siteInL = fc
  .tuple(fc.integer({ min: 1, max: 2999 }), fc.integer({ min: 1, max: 2999 }))
  .map(([x, y]): Position => [x + 0.25, y + 0.5])
  .filter((p) => contains(L_SHAPE, p));

describe('voronoiPartition', () => {
  it('cuts a concave region into one valid cell per site that exactly tile it', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(siteInL, { minLength: 1, maxLength: 12, selector: (p) => `${p[0]},${p[1]}` }),
        (points) => {
          const cells = voronoiPartition(
            L_SHAPE,
            points.map((point, i) => ({ id: String(i), point })),
          );
          expect(cells.map((c) => c.id)).toEqual(points.map((_, i) => String(i)));
          const areas = cells.map((c) => planarArea(c.geometry));
          expect(areas.every((a) => a > 0)).toBe(true);
          for (const cell of cells) expect(isValidPolygonal(cell.geometry)).toBe(true);
          const regionArea = planarArea(L_SHAPE);
          expect(Math.abs(areas.reduce((s, a) => s + a, 0) - regionArea) / regionArea).toBeLessThan(1e-9);
          expect(
            totalOverlap(
              cells.map((c) => c.geometry),
              planarArea,
            ) / regionArea,
          ).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 40, seed: 20240601 },
    );
  });

  it('gives pieces cut off from their site to the neighbour across the border', () => {
    // A U with a narrow slot: the cell of a site beside the slot reaches over it into the far arm.
    const u: Polygonal = turf.polygon([
      [
        [0, 0],
        [3000, 0],
        [3000, 3000],
        [1200, 3000],
        [1200, 1000],
        [1000, 1000],
        [1000, 3000],
        [0, 3000],
        [0, 0],
      ],
    ]).geometry;
    const points: Position[] = [
      [1100, 500],
      [950, 2000],
      [500, 2900],
      [2800, 2900],
    ];
    expect(clippedVoronoi(u, points)[1]?.type).toBe('MultiPolygon');

    const cells = voronoiPartition(
      u,
      points.map((point, i) => ({ id: String(i), point })),
    );
    for (const cell of cells) expect(cell.geometry.type).toBe('Polygon');
    for (const [i, cell] of cells.entries()) expect(contains(cell.geometry, points[i] ?? [])).toBe(true);
    const total = cells.reduce((s, c) => s + planarArea(c.geometry), 0);
    expect(total).toBeCloseTo(planarArea(u), 3);
  });
});

describe('relaxedSites', () => {
  it('places the requested number of distinct sites inside, the same way every time', () => {
    const sites = relaxedSites(L_SHAPE, 9, '110101001', 6);
    expect(sites).toHaveLength(9);
    expect(new Set(sites.map(String)).size).toBe(9);
    for (const p of sites) expect(contains(L_SHAPE, p)).toBe(true);
    expect(relaxedSites(L_SHAPE, 9, '110101001', 6)).toEqual(sites);
    expect(relaxedSites(L_SHAPE, 9, '110101002', 6)).not.toEqual(sites);
  });

  it('evens out cell sizes compared with the unrelaxed sample', () => {
    const spread = (iterations: number): number => {
      const sites = relaxedSites(L_SHAPE, 12, 'spread', iterations);
      const areas = voronoiPartition(
        L_SHAPE,
        sites.map((point, i) => ({ id: String(i), point })),
      ).map((c) => planarArea(c.geometry));
      return Math.max(...areas) / Math.min(...areas);
    };
    expect(spread(8)).toBeLessThan(spread(0));
  });
});
