import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Flatbush from 'flatbush';
import {
  bbox,
  booleanClockwise,
  booleanPointInPolygon,
  difference,
  featureCollection,
  feature,
  intersect,
  union,
} from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { DomainError } from '../shared/errors.js';
import {
  generateUnitGrids,
  type CommunityShape,
  type GeneratedUnitGrid,
  type GridGenerationOptions,
} from './grid-generator.js';
import {
  createLocalProjection,
  densify,
  ellipsoidalArea,
  localProjectionFor,
  type LocalProjection,
} from './projection.js';

const CODE = '110101001001';
const CENTRE: [number, number] = [116.4, 39.9];
const drawing = createLocalProjection(CENTRE);

type Ring = Array<[number, number]>;

/** A polygon drawn in metres east/north of Dongcheng (39.9°N); rings are closed for you. */
function drawn(...rings: Ring[]): Polygon {
  return {
    type: 'Polygon',
    coordinates: rings.map((ring) =>
      [...ring, ring[0] as [number, number]].map(([x, y]) => drawing.inverse(x, y)),
    ),
  };
}

function multi(...polygons: Polygon[]): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: polygons.map((p) => p.coordinates) };
}

function rect(x0: number, y0: number, x1: number, y1: number): Ring {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
}

/** A star-shaped ring: one vertex per radius, at equal angles around (cx, cy). */
function star(cx: number, cy: number, radii: number[]): Ring {
  return radii.map((r, i) => {
    const angle = (2 * Math.PI * i) / radii.length;
    return [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
  });
}

function community(geometry: Polygon | MultiPolygon): CommunityShape {
  return { code: CODE, geometry };
}

function polygonsOf(g: Polygon | MultiPolygon): Position[][][] {
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}

function centroid(grid: GeneratedUnitGrid): [number, number] {
  const ring = polygonsOf(grid.geometry)[0]?.[0] ?? [];
  const points = ring.slice(1);
  return [
    points.reduce((s, p) => s + (p[0] ?? 0), 0) / points.length,
    points.reduce((s, p) => s + (p[1] ?? 0), 0) / points.length,
  ];
}

/**
 * The grids partition the community: areas add up, no two overlap, their union leaves no gap,
 * codes run 001..n, rings are closed and wound by RFC 7946, and neighbours share vertices exactly.
 * `booleans: false` skips the polygon overlays, which turf's clipper (polyclip-ts) cannot always
 * finish on near-collinear input (edges running nanometres apart); the point sampling stays.
 */
function expectExactCoverage(shape: CommunityShape, grids: GeneratedUnitGrid[], booleans = true): void {
  const projection = localProjectionFor(shape.geometry);
  const whole = ellipsoidalArea(shape.geometry, projection);
  const total = grids.reduce((sum, g) => sum + g.area, 0);
  // The brief asks for 0.1 %; what is left is lon/lat rounding (about 1.5 nm along every edge).
  expect(Math.abs(total / whole - 1)).toBeLessThan(1e-7);

  grids.forEach((g, i) => {
    expect(g.sequence).toBe(i + 1);
    expect(g.code).toBe(CODE + String(i + 1).padStart(3, '0'));
    expect(g.code).toMatch(/^\d{15}$/);
    // Lon/lat doubles resolve about 1.5 nm here, which bounds how well a grid's area can be re-measured.
    expect(Math.abs(g.area - ellipsoidalArea(g.geometry, projection))).toBeLessThan(1e-6 + 1e-9 * g.area);
    for (const rings of polygonsOf(g.geometry)) {
      rings.forEach((ring, r) => {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        expect(booleanClockwise(ring)).toBe(r > 0);
      });
    }
  });

  expectEachPointInOneGrid(shape, grids);
  if (booleans) {
    expectNoOverlap(grids, projection, whole);
    expectNoGap(shape, grids, projection, whole);
  }
  expectNoded(shape, grids, projection);
}

/** 1,000 points spread over the bounding box: inside the community, in exactly one grid; outside, in none. */
function expectEachPointInOneGrid(shape: CommunityShape, grids: GeneratedUnitGrid[]): void {
  const [west, south, east, north] = bbox(shape.geometry);
  let seed = 7;
  const next = (): number => (seed = (seed * 48271) % 2147483647) / 2147483647;
  for (let k = 0; k < 1000; k++) {
    const point = [west + (east - west) * next(), south + (north - south) * next()];
    const holders = grids.filter((g) => booleanPointInPolygon(point, g.geometry, { ignoreBoundary: true }));
    expect(holders.length).toBe(booleanPointInPolygon(point, shape.geometry) ? 1 : 0);
  }
}

/** Pairwise intersections, only between grids whose bounding boxes meet (a Flatbush index). */
function expectNoOverlap(grids: GeneratedUnitGrid[], projection: LocalProjection, whole: number): void {
  const index = new Flatbush(grids.length);
  for (const g of grids) index.add(...(bbox(g.geometry) as [number, number, number, number]));
  index.finish();
  let overlap = 0;
  grids.forEach((g, i) => {
    for (const j of index.search(...(bbox(g.geometry) as [number, number, number, number]))) {
      const other = grids[j];
      if (j <= i || !other) continue;
      const both = intersect(featureCollection([feature(g.geometry), feature(other.geometry)]));
      if (both) overlap += ellipsoidalArea(both.geometry, projection);
    }
  });
  expect(overlap).toBeLessThan(1e-6 * whole); // the brief asks for ≈ 0
}

/** The symmetric difference between the union of the grids and the community. */
function expectNoGap(
  shape: CommunityShape,
  grids: GeneratedUnitGrid[],
  projection: LocalProjection,
  whole: number,
): void {
  const merged =
    grids.length === 1 && grids[0]
      ? feature(grids[0].geometry)
      : union(featureCollection(grids.map((g) => feature(g.geometry))));
  if (!merged) throw new Error('no union');
  const missing = difference(featureCollection([feature(shape.geometry), merged]));
  const extra = difference(featureCollection([merged, feature(shape.geometry)]));
  const gap =
    (missing ? ellipsoidalArea(missing.geometry, projection) : 0) +
    (extra ? ellipsoidalArea(extra.geometry, projection) : 0);
  expect(gap).toBeLessThan(1e-6 * whole); // the brief asks for 0.1 %
}

/**
 * No grid has a lattice vertex (cell corner or boundary crossing) inside another grid's edge (a
 * T-junction): shared boundaries match vertex for vertex. Checked in metres; a vertex counts when
 * it is within 1 µm of an edge and more than 1 µm from both its ends. The community's own vertices
 * (as densified) are left out: one may lie nanometres from a lattice line without being on it.
 */
function expectNoded(shape: CommunityShape, grids: GeneratedUnitGrid[], projection: LocalProjection): void {
  const own = new Set(
    polygonsOf(densify(shape.geometry, projection))
      .flat(2)
      .map((p) => `${p[0]},${p[1]}`),
  );
  const rings = grids.flatMap((g) =>
    polygonsOf(g.geometry)
      .flat()
      .map((ring) => ring.map(([lon = 0, lat = 0]) => projection.forward(lon, lat))),
  );
  const vertices = new Map<string, [number, number]>();
  for (const g of grids) {
    for (const [lon = 0, lat = 0] of polygonsOf(g.geometry).flat(2)) {
      if (!own.has(`${lon},${lat}`)) vertices.set(`${lon},${lat}`, projection.forward(lon, lat));
    }
  }
  const points = [...vertices.values()];
  if (points.length === 0) return;
  const index = new Flatbush(points.length);
  for (const [x, y] of points) index.add(x, y, x, y);
  index.finish();
  let tJunctions = 0;
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = ring[i] ?? [0, 0];
      const [bx, by] = ring[i + 1] ?? [0, 0];
      const length = Math.hypot(bx - ax, by - ay);
      for (const k of index.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by))) {
        const [px, py] = points[k] ?? [0, 0];
        const along = ((bx - ax) * (px - ax) + (by - ay) * (py - ay)) / length;
        const across = Math.abs((bx - ax) * (py - ay) - (by - ay) * (px - ax)) / length;
        if (across < 1e-6 && along > 1e-6 && along < length - 1e-6) tJunctions++;
      }
    }
  }
  expect(tJunctions).toBe(0);
}

function generate(shape: CommunityShape, options?: GridGenerationOptions): GeneratedUnitGrid[] {
  const grids = generateUnitGrids(shape, options);
  expectExactCoverage(shape, grids);
  return grids;
}

describe('generateUnitGrids', () => {
  it('tiles a 290 m square into 9 grids numbered west→east, then north→south', () => {
    const grids = generate(community(drawn(rect(-145, -145, 145, 145))));
    expect(grids).toHaveLength(9);
    // The lattice is centred on the bounding box: 5 m of margin on each side.
    expect(grids.map((g) => Math.round(g.area))).toEqual([
      9025, 9500, 9025, 9500, 10000, 9500, 9025, 9500, 9025,
    ]);
    const centres = grids.map(centroid);
    for (let row = 0; row < 3; row++) {
      const [west, middle, east] = [0, 1, 2].map((col) => centres[row * 3 + col] ?? [0, 0]);
      expect(west?.[0]).toBeLessThan(middle?.[0] ?? 0);
      expect(middle?.[0]).toBeLessThan(east?.[0] ?? 0);
      if (row > 0) expect(west?.[1]).toBeLessThan(centres[(row - 1) * 3]?.[1] ?? 0);
    }
    expect(grids[0]?.code).toBe('110101001001001');
    expect(grids[8]?.code).toBe('110101001001009');
  });

  it('sizes cells by cellArea', () => {
    expect(generate(community(drawn(rect(-145, -145, 145, 145))), { cellArea: 2500 })).toHaveLength(36);
    expect(generate(community(drawn(rect(-145, -145, 145, 145))), { cellArea: 90_000 })).toHaveLength(1);
  });

  it('covers an irregular concave polygon exactly', () => {
    const comb: Ring = [
      [-300, -200],
      [310, -230],
      [280, 40],
      [120, 60],
      [150, 230],
      [40, 250],
      [-20, -40],
      [-90, 260],
      [-250, 180],
      [-180, 20],
    ];
    const grids = generate(community(drawn(comb)));
    expect(grids.length).toBeGreaterThan(15);
  });

  it('covers a polygon with holes, one crossing cells and one inside a single cell', () => {
    const shape = community(
      drawn(rect(-255, -205, 255, 205), rect(-77, -53, 53, 117), rect(130, -140, 150, -120)),
    );
    const grids = generate(shape);
    const holeCells = grids.filter((g) => polygonsOf(g.geometry).some((rings) => rings.length > 1));
    expect(holeCells).toHaveLength(1);
    expect(grids.reduce((s, g) => s + g.area, 0)).toBeCloseTo(510 * 410 - 130 * 170 - 400, 0);
  });

  it('covers a MultiPolygon, keeping an isolated fragment below the sliver size as its own grid', () => {
    const island = drawn(rect(600, 600, 630, 630));
    const shape = community(
      multi(drawn(rect(-300, -100, -50, 100)), drawn(rect(10, -100, 260, 100)), island),
    );
    const grids = generate(shape);
    const small = grids.filter((g) => g.area < 2000);
    expect(small).toHaveLength(1);
    expect(small[0]?.area).toBeCloseTo(900, 3);
    // North-east of everything else, so it is numbered in the first row.
    expect(small[0]?.sequence).toBe(1);
  });

  it('merges a sliver into the neighbour sharing the longest boundary', () => {
    // Lattice lines at x, y = -150, -50, 50, 150. The north-east cell holds only an L-shaped
    // 390 m² piece, sharing 95 m with the cell to its south and 10 m with the cell to its west.
    const shape = community(
      drawn([
        [-145, -145],
        [145, -145],
        [145, 53],
        [65, 53],
        [65, 60],
        [47, 60],
        [47, 145],
        [-145, 145],
      ]),
    );
    const grids = generate(shape);
    expect(grids).toHaveLength(8);
    expect(grids.map((g) => Math.round(g.area))).toEqual([9025, 9245, 9500, 10000, 9890, 9025, 9500, 9025]);
    expect(grids[4]?.geometry.type).toBe('Polygon');
  });

  it('splits a cell cut into disconnected parts into separate grids', () => {
    const u: Ring = [
      [-45, -175],
      [45, -175],
      [45, 175],
      [10, 175],
      [10, -115],
      [-10, -115],
      [-10, 175],
      [-45, 175],
    ];
    const grids = generate(community(drawn(u)));
    expect(grids.map((g) => Math.round(g.area))).toEqual([2625, 2625, 3500, 3500, 3500, 3500, 6450]);
    expect(grids.every((g) => g.geometry.type === 'Polygon')).toBe(true);
    expect(centroid(grids[0] as GeneratedUnitGrid)[0]).toBeLessThan(
      centroid(grids[1] as GeneratedUnitGrid)[0],
    );
  });

  it('merges every sliver of a thin diagonal strip', () => {
    const [dx, dy] = [Math.cos(0.47), Math.sin(0.47)];
    const strip: Ring = [
      [-600 * dx + 6 * dy, -600 * dy - 6 * dx],
      [600 * dx + 6 * dy, 600 * dy - 6 * dx],
      [600 * dx - 6 * dy, 600 * dy + 6 * dx],
      [-600 * dx - 6 * dy, -600 * dy + 6 * dx],
    ];
    const grids = generate(community(drawn(strip)));
    expect(grids.length).toBeGreaterThan(1);
    expect(grids.every((g) => g.area >= 2000)).toBe(true);
  });

  it('keeps every piece when sliverRatio is 0', () => {
    const shape = community(drawn(star(0, 0, [200, 230, 180, 260, 210, 190, 240, 170, 220])));
    const merged = generate(shape);
    const unmerged = generate(shape, { sliverRatio: 0 });
    expect(unmerged.length).toBeGreaterThan(merged.length);
    expect(unmerged.some((g) => g.area < 2000)).toBe(true);
  });

  it('handles boundary vertices that lie exactly on lattice lines', () => {
    const shape = community(drawn(star(0, 0, [120, 90, 150, 100, 130, 95, 140, 85]), rect(-30, -20, 25, 40)));
    const projected = localProjectionFor(shape.geometry).forwardGeometry(shape.geometry);
    const xs = polygonsOf(projected)
      .flat(2)
      .map((p) => p[0] ?? 0);
    const width = Math.max(...xs) - Math.min(...xs);
    expect(Math.sqrt(width * width)).toBe(width); // one column whose lines pass through the extreme vertices
    generate(shape, { cellArea: width * width });
    generate(community(drawn(rect(-100, -100, 100, 100))), { cellArea: 10_000 });
  });

  it('tiles a real-size community (0.3 km² at 39.9°N) into about 30 grids of 2,000–12,000 m²', () => {
    const radii = [310, 295, 330, 352, 318, 287, 265, 300, 338, 341, 322, 290, 276, 301, 333, 309];
    const grids = generate(community(drawn(star(12, -7, radii))));
    const area = grids.reduce((s, g) => s + g.area, 0);
    expect(area).toBeGreaterThan(280_000);
    expect(area).toBeLessThan(320_000);
    expect(grids.length).toBeGreaterThanOrEqual(28);
    expect(grids.length).toBeLessThanOrEqual(40);
    expect(grids.every((g) => g.area >= 2000 && g.area <= 12_000)).toBe(true);
  });

  it('covers random star-shaped communities exactly, leaving no sliver that has a neighbour', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 40, max: 420, noNaN: true }), { minLength: 3, maxLength: 40 }),
        fc.integer({ min: 2500, max: 40_000 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.double({ min: -2000, max: 2000, noNaN: true }),
        (radii, cellArea, sliverRatio, offset) => {
          const shape = community(drawn(star(offset, -offset / 2, radii)));
          const grids = generateUnitGrids(shape, { cellArea, sliverRatio });
          expectExactCoverage(shape, grids, false);
          // A connected community: every piece has a neighbour, so no grid stays below the threshold.
          if (grids.length > 1) expect(grids.every((g) => g.area >= sliverRatio * cellArea)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('covers random communities with holes and a second part exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 200, max: 400, noNaN: true }), { minLength: 3, maxLength: 30 }),
        fc.array(fc.array(fc.double({ min: 5, max: 40, noNaN: true }), { minLength: 3, maxLength: 8 }), {
          maxLength: 3,
        }),
        fc.integer({ min: 400, max: 40_000 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.boolean(),
        (radii, holes, cellArea, sliverRatio, withPart) => {
          // Holes 100 m from the centre, 120° apart: inside the outer ring and apart from each other.
          const holeRings = holes.map((h, k) =>
            star(100 * Math.cos((2 * Math.PI * k) / 3), 100 * Math.sin((2 * Math.PI * k) / 3), h),
          );
          const main = drawn(star(0, 0, radii), ...holeRings);
          const part = drawn(
            star(
              900,
              300,
              radii.map((r) => r / 3),
            ),
          );
          const shape = community(withPart ? multi(main, part) : main);
          expectExactCoverage(shape, generateUnitGrids(shape, { cellArea, sliverRatio }), false);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('covers rectilinear communities whose edges run within micrometres of lattice lines', () => {
    // Staircases on a 25 or 50 m raster with 50–200 m cells: boundary edges lie nanometres to
    // micrometres off lattice lines, the hardest case for clipping and noding.
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 2, maxLength: 14 }),
        fc.constantFrom(2500, 10_000, 40_000),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.constantFrom(25, 50),
        (heights, cellArea, sliverRatio, unit) => {
          const ring: Ring = [
            [0, 0],
            [unit * heights.length, 0],
          ];
          heights.forEach((_, i) => {
            const column = heights.length - 1 - i;
            const top = (heights[column] ?? 1) * unit;
            ring.push([unit * (column + 1), top], [unit * column, top]);
          });
          const distinct = ring.filter((p, i) => p[0] !== ring[i - 1]?.[0] || p[1] !== ring[i - 1]?.[1]);
          const shape = community(
            drawn(distinct.map(([x, y]): [number, number] => [x - (unit * heights.length) / 2, y - 100])),
          );
          expectExactCoverage(shape, generateUnitGrids(shape, { cellArea, sliverRatio }), false);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('is deterministic and does not depend on ring winding or the first vertex', () => {
    const ring = star(0, 0, [250, 210, 300, 180, 260, 240, 190, 280, 230, 205, 270]);
    const summary = (r: Ring): string[] =>
      generateUnitGrids(community(drawn(r))).map((g) => `${g.code}:${g.area.toFixed(6)}`);
    const expected = summary(ring);
    expect(summary(ring)).toEqual(expected);
    expect(summary([...ring].reverse())).toEqual(expected);
    expect(summary([...ring.slice(4), ...ring.slice(0, 4)])).toEqual(expected);
  });

  it('refuses more than 999 grids, suggesting a larger cell area', () => {
    const big = community(drawn(rect(-1595, -1595, 1595, 1595)));
    const error = captureError(() => generateUnitGrids(big));
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'GRID_GENERATION_FAILED', extra: { reason: 'TOO_MANY_GRIDS' } });
    expect(error.message).toMatch(/999.*larger cellArea/);
    expect(generateUnitGrids(big, { cellArea: 40_000 })).toHaveLength(256);
  });

  it('rejects a code that is not a 12-digit community code', () => {
    for (const code of ['11010100100', '110101001', '11010100100x']) {
      const error = captureError(() => generateUnitGrids({ code, geometry: drawn(rect(0, 0, 10, 10)) }));
      expect(error).toMatchObject({
        code: 'GRID_GENERATION_FAILED',
        extra: { reason: 'INVALID_COMMUNITY_CODE' },
      });
    }
  });

  it('rejects a self-intersecting boundary', () => {
    const bowTie = drawn([
      [0, 0],
      [300, 300],
      [300, 0],
      [0, 300],
    ]);
    const error = captureError(() => generateUnitGrids(community(bowTie)));
    expect(error).toMatchObject({ code: 'GRID_GENERATION_FAILED', extra: { reason: 'INVALID_BOUNDARY' } });
  });

  it('rejects a cell area or sliver ratio out of range', () => {
    const shape = community(drawn(rect(0, 0, 100, 100)));
    for (const options of [
      { cellArea: 0 },
      { cellArea: Number.NaN },
      { sliverRatio: 1 },
      { sliverRatio: -0.1 },
    ]) {
      expect(captureError(() => generateUnitGrids(shape, options))).toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    }
  });
});

function captureError(f: () => unknown): DomainError {
  try {
    f();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected an error');
}
