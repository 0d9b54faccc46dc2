/**
 * 单元网格生成 — divides one community (社区/村) into unit grids (单元网格, the "万米单元网格" of
 * the Dongcheng model): square cells of `cellArea` m² clipped to the community, slivers merged into
 * a neighbour, numbered west→east, north→south. Pure: no I/O. docs/domain/unit-grids.md explains
 * the rules, where they come from, and which parts are our own inference.
 *
 * Real grids follow streets, walls and rivers (standards.md §2.1); these square grids are a
 * starting point an operator can edit, not a survey product.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import Flatbush from 'flatbush';
import { featureCollection, intersect, polygon, union } from '@turf/turf';
import { formatGridCode, parseDivisionCode } from '../shared/codes/index.js';
import { DomainError, validationError } from '../shared/errors.js';
import { densify, ellipsoidalArea, localProjectionFor, planarArea, ringSignedArea } from './projection.js';

/** Sequence numbers have three digits (DB11/T, GB/T 47678.3: 12-digit community code + 3). */
export const MAX_GRIDS_PER_COMMUNITY = 999;
export const DEFAULT_CELL_AREA = 10_000;
export const DEFAULT_SLIVER_RATIO = 0.2;

export interface CommunityShape {
  /** 12-digit statistical division code of the community (统计用区划代码, standards.md §7.3). */
  code: string;
  /** Boundary in EPSG:4326 (WGS 84 / CGCS2000) longitude/latitude; a valid (OGC) polygon. */
  geometry: Polygon | MultiPolygon;
}

export interface GridGenerationOptions {
  /** Target cell area in m²; cells are squares of side √cellArea. Default 10,000 (万米). */
  cellArea?: number;
  /** Pieces smaller than sliverRatio × cellArea are merged into a neighbour. Default 0.2. */
  sliverRatio?: number;
}

export interface GeneratedUnitGrid {
  /** 15 characters: community code + 3-digit sequence, e.g. `110101001001007`. */
  code: string;
  /** 1..999, west→east within a row, rows north→south. */
  sequence: number;
  /** EPSG:4326; exterior rings counter-clockwise (RFC 7946). */
  geometry: Polygon | MultiPolygon;
  /** Ellipsoidal (WGS 84) area in m². */
  area: number;
}

/**
 * Tiles a community into unit grids. Throws `GRID_GENERATION_FAILED` for a code that is not 12
 * digits, an invalid boundary, or more than 999 grids, and `VALIDATION_FAILED` for bad options.
 */
export function generateUnitGrids(
  community: CommunityShape,
  options: GridGenerationOptions = {},
): GeneratedUnitGrid[] {
  const cellArea = options.cellArea ?? DEFAULT_CELL_AREA;
  const sliverRatio = options.sliverRatio ?? DEFAULT_SLIVER_RATIO;
  if (!Number.isFinite(cellArea) || cellArea <= 0) {
    throw validationError([{ field: 'cellArea', reason: 'must be a positive number of m²' }]);
  }
  if (!Number.isFinite(sliverRatio) || sliverRatio < 0 || sliverRatio >= 1) {
    throw validationError([{ field: 'sliverRatio', reason: 'must be at least 0 and below 1' }]);
  }
  const division = parseDivisionCode(community.code);
  if (!division.ok || division.value.level !== 'community') {
    const reason = division.ok ? `a ${division.value.level} code, not a community's` : division.reason;
    throw failed(`community code "${community.code}": ${reason}`, 'INVALID_COMMUNITY_CODE');
  }

  const projection = localProjectionFor(community.geometry);
  // Densified, so that cells clipped in the projection follow the boundary as PostGIS draws it.
  const boundary = prepareBoundary(densify(community.geometry, projection), (lon, lat) =>
    projection.forward(lon, lat),
  );
  const lattice = buildLattice(boundary, Math.sqrt(cellArea), community.code);
  const pieces = cutIntoPieces(boundary, lattice, community.code);
  const total = pieces.reduce((sum, p) => sum + p.area, 0);
  if (!(boundary.area > 0 && Math.abs(total - boundary.area) <= 1e-6 * boundary.area)) {
    throw failed(
      `the boundary of community ${community.code} is not a valid polygon (self-intersecting or empty)`,
      'INVALID_BOUNDARY',
    );
  }

  nodeLatticeLines(
    pieces.map((p) => [p.rings]),
    lattice,
  );
  // Pieces under a millionth of a cell are numerical crumbs (the boundary running within
  // nanometres of a lattice line): merged whatever the sliver ratio, dropped if they touch nothing.
  const crumb = CRUMB_RATIO * cellArea;
  const groups = mergeSlivers(pieces, lattice, Math.max(sliverRatio * cellArea, crumb)).filter(
    (g) => g.area >= crumb,
  );
  if (groups.length === 0) {
    throw failed(`community ${community.code} is smaller than ${crumb} m²`, 'INVALID_BOUNDARY');
  }
  groups.sort(
    (a, b) =>
      a.host.row - b.host.row || a.host.col - b.host.col || b.host.cy - a.host.cy || a.host.cx - b.host.cx,
  );
  const shapes = groups.map((g) => groupPolygons(g, lattice, community.code));
  nodeLatticeLines(shapes, lattice);

  const toLonLat = (p: Pt): Pt => boundary.original.get(key(p)) ?? projection.inverse(p[0], p[1]);
  const geometries = shapes.flatMap((polys) => {
    const g = unproject(polys, toLonLat);
    return g ? [g] : [];
  });
  if (geometries.length > MAX_GRIDS_PER_COMMUNITY) {
    throw tooMany(community.code, geometries.length, cellArea);
  }
  return geometries.map((geometry, i) => ({
    code: formatGridCode(community.code, i + 1, 'GB47678_15'),
    sequence: i + 1,
    geometry,
    // Measured as stored (straight lines in lon/lat), so the areas add up to the community's.
    area: ellipsoidalArea(geometry, projection),
  }));
}

/**
 * A grid's polygons back in lon/lat. Points nanometres apart can meet there: repeats are dropped,
 * and so is a ring left with fewer than 4 positions (with its polygon, if it is the exterior).
 */
function unproject(polys: Pt[][][], toLonLat: (p: Pt) => Pt): Polygon | MultiPolygon | undefined {
  const kept = polys.flatMap((rings) => {
    const lonLat = rings.map((ring) =>
      ring
        .map(toLonLat)
        .filter((p, i, all) => i === 0 || p[0] !== all[i - 1]?.[0] || p[1] !== all[i - 1]?.[1]),
    );
    return (lonLat[0]?.length ?? 0) < 4 ? [] : [lonLat.filter((ring) => ring.length >= 4)];
  });
  if (kept.length === 0) return undefined;
  return kept.length === 1
    ? { type: 'Polygon', coordinates: kept[0] as Pt[][] }
    : { type: 'MultiPolygon', coordinates: kept };
}

/** A projected point in metres (east, north). */
type Pt = [number, number];

/** The community in projected metres, rings oriented with the interior on their left. */
interface Boundary {
  shape: MultiPolygon;
  rings: Pt[][];
  area: number;
  /** Edge k of the index is `rings[edgeRing[k]]`, from vertex `edgeStart[k]` to the next. */
  edges: Flatbush;
  edgeRing: number[];
  edgeStart: number[];
  /** Projected vertex → its lon/lat, so community vertices come back bit-for-bit. */
  original: Map<string, Pt>;
}

/** A boundary edge a–b crossing a lattice line at `v` along it. */
interface Crossed {
  v: number;
  a: Pt;
  b: Pt;
}

/** The square lattice over the bounding box: columns numbered from the west, rows from the north. */
interface Lattice {
  size: number;
  xs: number[];
  ys: number[];
  colOf: Map<number, number>;
  rowOf: Map<number, number>;
  /** Where boundary edges cross each lattice line, computed once (see `crossing`). */
  crossings: Map<string, Crossed[]>;
}

/** One connected part of a clipped cell, in projected metres. */
interface Piece {
  rings: Pt[][];
  row: number;
  col: number;
  area: number;
  /** Representative point (exterior-ring centroid), to order pieces of one cell. */
  cx: number;
  cy: number;
}

/** A final grid under construction: a host piece plus the slivers merged into it. */
interface Group {
  host: Piece;
  members: Piece[];
  area: number;
  /** Neighbouring group index → length (m) of the boundary shared with it. */
  neighbours: Map<number, number>;
}

/** Boundary overlaps shorter than this (m) are a touch at a point, not a shared boundary. */
const MIN_SHARED_LENGTH = 1e-6;
/** A clipped vertex this close (m) to a boundary edge, and within SNAP_SEARCH of where it crosses, is snapped. */
const SNAP = 1e-6;
const SNAP_SEARCH = 1e-3;
/** Pieces smaller than this fraction of a cell are always merged into a neighbour. */
const CRUMB_RATIO = 1e-6;

function prepareBoundary(
  geometry: Polygon | MultiPolygon,
  forward: (lon: number, lat: number) => Pt,
): Boundary {
  const original = new Map<string, Pt>();
  const polys = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).map((rings) =>
    rings.map((ring, r) => {
      const projected = ring.map(([lon = NaN, lat = NaN]): Pt => {
        const p = forward(lon, lat);
        original.set(key(p), [lon, lat]);
        return p;
      });
      // Exterior counter-clockwise, holes clockwise: the interior is always on the left.
      const counterClockwise = ringSignedArea(projected) > 0;
      return counterClockwise === (r === 0) ? projected : projected.reverse();
    }),
  );
  const rings = polys.flat();
  const edgeRing: number[] = [];
  const edgeStart: number[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++) {
      edgeRing.push(r);
      edgeStart.push(i);
    }
  });
  const edges = new Flatbush(Math.max(1, edgeRing.length));
  edgeRing.forEach((r, k) => {
    const [ax, ay] = point(rings[r], edgeStart[k] ?? 0);
    const [bx, by] = point(rings[r], (edgeStart[k] ?? 0) + 1);
    edges.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
  });
  if (edgeRing.length === 0) edges.add(Infinity, Infinity, Infinity, Infinity);
  edges.finish();
  const shape: MultiPolygon = { type: 'MultiPolygon', coordinates: polys };
  return { shape, rings, area: planarArea(shape), edges, edgeRing, edgeStart, original };
}

function buildLattice(boundary: Boundary, size: number, code: string): Lattice {
  const { minX, minY, maxX, maxY } = boundary.edges;
  const cols = Math.max(1, Math.ceil((maxX - minX) / size));
  const rows = Math.max(1, Math.ceil((maxY - minY) / size));
  if (!Number.isFinite(cols * rows))
    throw failed(`community ${code} has an empty boundary`, 'INVALID_BOUNDARY');
  if (cols * rows > 1_000_000) throw tooMany(code, cols * rows, size * size);
  // Centred on the bounding box: the leftover is split between the two edges, and the extreme
  // vertices rarely fall exactly on a line. Each line's coordinate is computed once, so
  // neighbouring cells share it exactly.
  const west = minX - (cols * size - (maxX - minX)) / 2;
  const north = maxY + (rows * size - (maxY - minY)) / 2;
  const xs = Array.from({ length: cols + 1 }, (_, i) => west + i * size);
  const ys = Array.from({ length: rows + 1 }, (_, j) => north - j * size);
  const crossings = new Map<string, Crossed[]>();
  const add = (line: string, v: number, a: Pt, b: Pt): void =>
    void (crossings.get(line) ?? setNew(crossings, line)).push({ v, a, b });
  boundary.edgeRing.forEach((r, k) => {
    const a = point(boundary.rings[r], boundary.edgeStart[k] ?? 0);
    const b = point(boundary.rings[r], (boundary.edgeStart[k] ?? 0) + 1);
    for (const x of xs)
      if (Math.min(a[0], b[0]) < x && x < Math.max(a[0], b[0])) add(`x${x}`, crossing(a, b, x, 0), a, b);
    for (const y of ys)
      if (Math.min(a[1], b[1]) < y && y < Math.max(a[1], b[1])) add(`y${y}`, crossing(a, b, y, 1), a, b);
  });
  for (const list of crossings.values()) list.sort((p, q) => p.v - q.v);
  return {
    size,
    xs,
    ys,
    colOf: new Map(xs.map((x, i) => [x, i])),
    rowOf: new Map(ys.map((y, j) => [y, j])),
    crossings,
  };
}

/**
 * Where edge a–b crosses the line `axis` = v (axis 0: x = v, axis 1: y = v), computed from the
 * endpoints in a fixed order so both cells on either side of the line get the same bits.
 */
function crossing(a: Pt, b: Pt, v: number, axis: 0 | 1): number {
  const o = axis === 0 ? 1 : 0;
  const [p, q] = a[axis] < b[axis] || (a[axis] === b[axis] && a[o] < b[o]) ? [a, b] : [b, a];
  return p[o] + (v - p[axis]) * ((q[o] - p[o]) / (q[axis] - p[axis]));
}

function cutIntoPieces(boundary: Boundary, lattice: Lattice, code: string): Piece[] {
  const { xs, ys } = lattice;
  const pieces: Piece[] = [];
  const hard: Array<[number, number]> = [];
  let wholeCells = 0;
  for (let row = 0; row + 1 < ys.length; row++) {
    for (let col = 0; col + 1 < xs.length; col++) {
      const cell = cellAt(lattice, row, col);
      const result = clipCell(boundary, cell);
      if (result === 'whole') {
        wholeCells++;
        pieces.push(makePiece([square(cell)], row, col));
      } else if (result === 'hard') {
        hard.push([row, col]);
      } else {
        for (const ring of result) pieces.push(makePiece([ring], row, col));
      }
    }
  }
  // Whole cells are never merged away, so they alone can prove the community needs too many grids.
  if (wholeCells > MAX_GRIDS_PER_COMMUNITY) throw tooMany(code, wholeCells, lattice.size ** 2);
  const shape: Feature<Polygon | MultiPolygon> = {
    type: 'Feature',
    properties: {},
    geometry: boundary.shape,
  };
  for (const [row, col] of hard) {
    const cell: Feature<Polygon | MultiPolygon> = polygon([square(cellAt(lattice, row, col))]);
    const clipped = generalClipper(code, () => intersect(featureCollection([cell, shape])));
    if (!clipped) continue;
    const g = clipped.geometry;
    // A cell cut into disconnected parts gives one piece per part (each may become a sliver).
    for (const rings of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
      const piece = makePiece(
        rings.map((ring) => ring.map((p) => snapToCrossing(p, lattice, boundary))),
        row,
        col,
      );
      if (piece.area > 0) pieces.push(piece);
    }
  }
  return pieces;
}

interface Cell {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function cellAt({ xs, ys }: Lattice, row: number, col: number): Cell {
  return { x0: xs[col] ?? NaN, x1: xs[col + 1] ?? NaN, y0: ys[row + 1] ?? NaN, y1: ys[row] ?? NaN };
}

interface Crossing {
  ring: number;
  edge: number;
  /** Position along the edge, 0..1. */
  t: number;
  /** Position along the cell's perimeter, counter-clockwise from the south-west corner, 0..4. */
  s: number;
  p: Pt;
  entry: boolean;
  next?: Crossing;
}

/**
 * Clips the boundary to one cell when that is simple: every boundary ring meeting the cell crosses
 * its sides transversally, away from corners (Weiler–Atherton with a convex window). Returns the
 * parts' exterior rings, 'whole' for a cell inside the community, or 'hard' when a vertex lies on
 * the cell's boundary or a whole ring lies inside the cell; those go to the general clipper.
 */
function clipCell(boundary: Boundary, cell: Cell): Pt[][] | 'whole' | 'hard' {
  const { x0, y0, x1, y1 } = cell;
  const [w, h] = [x1 - x0, y1 - y0];
  const onSide = ([x, y]: Pt): boolean =>
    ((x === x0 || x === x1) && y >= y0 && y <= y1) || ((y === y0 || y === y1) && x >= x0 && x <= x1);
  const inside = ([x, y]: Pt): boolean => x > x0 && x < x1 && y > y0 && y < y1;
  const found: Crossing[] = [];
  const ringsInside = new Set<number>();
  const ringsCrossing = new Set<number>();
  for (const k of boundary.edges.search(x0, y0, x1, y1)) {
    const r = boundary.edgeRing[k] ?? 0;
    const i = boundary.edgeStart[k] ?? 0;
    const a = point(boundary.rings[r], i);
    const b = point(boundary.rings[r], i + 1);
    if (onSide(a) || onSide(b)) return 'hard';
    if (inside(a)) ringsInside.add(r);
    // Sides, counter-clockwise from the south: [axis, line, entering when moving up the axis,
    // perimeter position of a point on it].
    const sides: Array<[0 | 1, number, boolean, (v: number) => number]> = [
      [1, y0, true, (x) => (x - x0) / w],
      [0, x1, false, (y) => 1 + (y - y0) / h],
      [1, y1, false, (x) => 2 + (x1 - x) / w],
      [0, x0, true, (y) => 3 + (y1 - y) / h],
    ];
    for (const [axis, line, enterWhenIncreasing, perimeter] of sides) {
      if (!(Math.min(a[axis], b[axis]) < line && line < Math.max(a[axis], b[axis]))) continue;
      const v = crossing(a, b, line, axis);
      const [lo, hi] = axis === 0 ? [y0, y1] : [x0, x1];
      if (v === lo || v === hi) return 'hard';
      if (v < lo || v > hi) continue;
      ringsCrossing.add(r);
      found.push({
        ring: r,
        edge: i,
        t: (line - a[axis]) / (b[axis] - a[axis]),
        s: perimeter(v),
        p: axis === 0 ? [line, v] : [v, line],
        entry: b[axis] > a[axis] === enterWhenIncreasing,
      });
    }
  }
  for (const r of ringsInside) if (!ringsCrossing.has(r)) return 'hard';
  if (found.length === 0) return containsPoint(boundary, (x0 + x1) / 2, (y0 + y1) / 2) ? 'whole' : [];

  // Along each ring, crossings alternate entry/exit; link each entry to the exit that ends its chain.
  const byRing = new Map<number, Crossing[]>();
  for (const c of found) (byRing.get(c.ring) ?? setNew(byRing, c.ring)).push(c);
  for (const list of byRing.values()) {
    list.sort((p, q) => p.edge - q.edge || p.t - q.t);
    for (let m = 0; m < list.length; m++) {
      const c = list[m] as Crossing;
      const following = list[(m + 1) % list.length] as Crossing;
      if (c.entry === following.entry) return 'hard';
      if (c.entry) c.next = following;
    }
  }
  // Along the perimeter (counter-clockwise) an exit is followed by the entry that continues the part.
  const around = [...found].sort((p, q) => p.s - q.s);
  const nextOnPerimeter = new Map<Crossing, Crossing>();
  for (let m = 0; m < around.length; m++) {
    const c = around[m] as Crossing;
    const following = around[(m + 1) % around.length] as Crossing;
    if (c.s === following.s || c.entry === following.entry) return 'hard';
    if (!c.entry) nextOnPerimeter.set(c, following);
  }
  const corners: Pt[] = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
  const parts: Pt[][] = [];
  const done = new Set<Crossing>();
  for (const start of found) {
    if (!start.entry || done.has(start)) continue;
    const ring: Pt[] = [];
    let entry: Crossing | undefined = start;
    while (entry && !done.has(entry)) {
      done.add(entry);
      const exit = entry.next;
      if (!exit) return 'hard';
      ring.push(entry.p);
      const source = boundary.rings[entry.ring] ?? [];
      const n = source.length - 1;
      if (exit.edge !== entry.edge || exit.t < entry.t) {
        let j = entry.edge;
        do {
          j = (j + 1) % n;
          ring.push(point(source, j));
        } while (j !== exit.edge);
      }
      ring.push(exit.p);
      const following = nextOnPerimeter.get(exit);
      if (!following) return 'hard';
      const end = following.s > exit.s ? following.s : following.s + 4;
      for (let corner = Math.floor(exit.s) + 1; corner < end; corner++) ring.push(corners[corner % 4] as Pt);
      entry = following;
    }
    if (entry !== start) return 'hard';
    ring.push(ring[0] as Pt);
    if (!(ringSignedArea(ring) > 0)) return 'hard';
    parts.push(ring);
  }
  return parts;
}

/**
 * Moves a vertex the general clipper put where a boundary edge crosses a lattice line onto the
 * value `crossing` gives, so both cells beside the line share it bit for bit. The clipper reads
 * coordinates through decimal strings, so for an edge almost parallel to the line its value can be
 * micrometres off: the crossing is found as the edge passing nearest the vertex, within 1 mm.
 */
function snapToCrossing(position: Position, lattice: Lattice, boundary: Boundary): Pt {
  const p: Pt = [position[0] ?? NaN, position[1] ?? NaN];
  if (boundary.original.has(key(p))) return p;
  for (const axis of [0, 1] as const) {
    const o = axis === 0 ? 1 : 0;
    if (!(axis === 0 ? lattice.colOf : lattice.rowOf).has(p[axis])) continue;
    if ((o === 0 ? lattice.colOf : lattice.rowOf).has(p[o])) continue; // a cell corner
    const list = lattice.crossings.get(`${axis === 0 ? 'x' : 'y'}${p[axis]}`) ?? [];
    let best: Crossed | undefined;
    let bestDistance = SNAP;
    for (let k = lowerBound(list, p[o] - SNAP_SEARCH); k < list.length; k++) {
      const c = list[k] as Crossed;
      if (c.v > p[o] + SNAP_SEARCH) break;
      const distance = distanceToSegment(p, c.a, c.b);
      if (distance <= bestDistance) [best, bestDistance] = [c, distance];
    }
    if (best) p[o] = best.v;
  }
  return p;
}

function distanceToSegment(p: Pt, a: Pt, b: Pt): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/**
 * Merges every piece smaller than `threshold` into the neighbour with which it shares the longest
 * boundary, smallest first, until none is left or the rest have no neighbour (isolated fragments
 * stay grids of their own). Ties go to the larger neighbour, then to the earlier one in row order.
 */
function mergeSlivers(pieces: Piece[], lattice: Lattice, threshold: number): Group[] {
  const groups: Group[] = pieces.map((p) => ({ host: p, members: [p], area: p.area, neighbours: new Map() }));
  for (const [a, b, length] of sharedBoundaries(pieces, lattice)) {
    const [ga, gb] = [groups[a] as Group, groups[b] as Group];
    ga.neighbours.set(b, (ga.neighbours.get(b) ?? 0) + length);
    gb.neighbours.set(a, (gb.neighbours.get(a) ?? 0) + length);
  }
  const alive = new Set(groups.keys());
  const order = (i: number): number => {
    const h = (groups[i] as Group).host;
    return h.row * lattice.xs.length + h.col;
  };
  for (;;) {
    let sliver = -1;
    for (const i of alive) {
      const g = groups[i] as Group;
      if (g.area >= threshold || g.neighbours.size === 0) continue;
      const s = groups[sliver];
      if (!s || g.area < s.area || (g.area === s.area && order(i) < order(sliver))) sliver = i;
    }
    if (sliver < 0) break;
    const g = groups[sliver] as Group;
    let target = -1;
    let best = -1;
    for (const [n, length] of g.neighbours) {
      const t = groups[n] as Group;
      const current = groups[target];
      const tie = length === best && current !== undefined;
      if (
        length > best ||
        (tie && (t.area > current.area || (t.area === current.area && order(n) < order(target))))
      ) {
        [target, best] = [n, length];
      }
    }
    const into = groups[target] as Group;
    into.members.push(...g.members);
    into.area += g.area;
    into.neighbours.delete(sliver);
    for (const [n, length] of g.neighbours) {
      if (n === target) continue;
      const other = groups[n] as Group;
      other.neighbours.delete(sliver);
      other.neighbours.set(target, (other.neighbours.get(target) ?? 0) + length);
      into.neighbours.set(n, (into.neighbours.get(n) ?? 0) + length);
    }
    alive.delete(sliver);
  }
  return [...alive].map((i) => groups[i] as Group);
}

/** Which lattice line an edge lies on, with its extent along the line. */
function latticeLineOf(a: Pt, b: Pt, lattice: Lattice): [line: string, from: number, to: number] | undefined {
  if (a[0] === b[0] && lattice.colOf.has(a[0])) return [`x${a[0]}`, a[1], b[1]];
  if (a[1] === b[1] && lattice.rowOf.has(a[1])) return [`y${a[1]}`, a[0], b[0]];
  return undefined;
}

/**
 * Pairs of pieces sharing a boundary, with its length. Pieces only ever share lattice lines (a
 * cell's parts touch each other at points at most), so it is enough to overlap, line by line,
 * the ring edges lying exactly on a lattice line.
 */
function sharedBoundaries(pieces: Piece[], lattice: Lattice): Array<[number, number, number]> {
  const lines = new Map<string, Array<[lo: number, hi: number, piece: number]>>();
  pieces.forEach((piece, index) => {
    for (const ring of piece.rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const on = latticeLineOf(point(ring, i), point(ring, i + 1), lattice);
        if (on)
          (lines.get(on[0]) ?? setNew(lines, on[0])).push([
            Math.min(on[1], on[2]),
            Math.max(on[1], on[2]),
            index,
          ]);
      }
    }
  });
  const shared = new Map<string, [number, number, number]>();
  for (const intervals of lines.values()) {
    intervals.sort((p, q) => p[0] - q[0]);
    for (let i = 0; i < intervals.length; i++) {
      const [lo, hi, a] = intervals[i] as [number, number, number];
      for (let j = i + 1; j < intervals.length; j++) {
        const [lo2, hi2, b] = intervals[j] as [number, number, number];
        if (lo2 >= hi) break;
        const overlap = Math.min(hi, hi2) - Math.max(lo, lo2);
        if (a === b || overlap < MIN_SHARED_LENGTH) continue;
        const id = a < b ? `${a},${b}` : `${b},${a}`;
        const entry = shared.get(id) ?? [Math.min(a, b), Math.max(a, b), 0];
        entry[2] += overlap;
        shared.set(id, entry);
      }
    }
  }
  return [...shared.values()];
}

/** A group's polygons (projected), its pieces dissolved into one shape. */
function groupPolygons(group: Group, lattice: Lattice, code: string): Pt[][][] {
  if (group.members.length === 1) return [group.host.rings];
  const dissolved = dissolve(group.members, lattice);
  if (dissolved) return dissolved;
  const merged = generalClipper(code, () =>
    union(featureCollection(group.members.map((m) => polygon(m.rings)))),
  );
  if (!merged) return group.members.map((m) => m.rings);
  const g = merged.geometry;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polys.map((rings) => rings.map((ring) => ring.map(([x = NaN, y = NaN]): Pt => [x, y])));
}

/**
 * Dissolves noded, edge-adjacent pieces by cancelling the edges they share (each appears once in
 * each direction) and chaining the rest into rings. Returns undefined, for the general union to
 * take over, unless the result is one exterior ring (plus holes) with no leftover shared edge.
 */
function dissolve(pieces: Piece[], lattice: Lattice): Pt[][][] | undefined {
  const edges = new Map<string, [Pt, Pt]>();
  for (const piece of pieces) {
    for (const ring of piece.rings) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const [a, b] = [point(ring, i), point(ring, i + 1)];
        const [ka, kb] = [key(a), key(b)];
        if (ka === kb) continue;
        if (edges.has(`${ka}>${kb}`)) return undefined;
        if (!edges.delete(`${kb}>${ka}`)) edges.set(`${ka}>${kb}`, [a, b]);
      }
    }
  }
  const outgoing = new Map<string, Array<[Pt, Pt]>>();
  const onLines = new Map<string, Array<[lo: number, hi: number]>>();
  for (const e of edges.values()) {
    (outgoing.get(key(e[0])) ?? setNew(outgoing, key(e[0]))).push(e);
    const on = latticeLineOf(e[0], e[1], lattice);
    if (on)
      (onLines.get(on[0]) ?? setNew(onLines, on[0])).push([Math.min(on[1], on[2]), Math.max(on[1], on[2])]);
  }
  // A shared edge that did not cancel (vertices not matching bit for bit) would leave a slit.
  for (const list of onLines.values()) {
    list.sort((p, q) => p[0] - q[0]);
    for (let i = 1; i < list.length; i++) if ((list[i]?.[0] ?? 0) < (list[i - 1]?.[1] ?? 0)) return undefined;
  }
  const used = new Set<[Pt, Pt]>();
  const exteriors: Pt[][] = [];
  const holes: Pt[][] = [];
  for (const first of edges.values()) {
    if (used.has(first)) continue;
    const ring: Pt[] = [first[0]];
    let edge = first;
    for (;;) {
      used.add(edge);
      ring.push(edge[1]);
      if (key(edge[1]) === key(first[0])) break;
      const options = (outgoing.get(key(edge[1])) ?? []).filter((e) => !used.has(e));
      const next = options.length === 1 ? options[0] : leftmost(edge, options);
      if (!next) return undefined;
      edge = next;
    }
    (ringSignedArea(ring) > 0 ? exteriors : holes).push(ring);
  }
  return exteriors.length === 1 ? [[exteriors[0] as Pt[], ...holes]] : undefined;
}

/** At a vertex where rings touch, the outgoing edge turning most to the left keeps them apart. */
function leftmost(incoming: [Pt, Pt], options: Array<[Pt, Pt]>): [Pt, Pt] | undefined {
  const [dx, dy] = [incoming[1][0] - incoming[0][0], incoming[1][1] - incoming[0][1]];
  let best: [Pt, Pt] | undefined;
  let bestTurn = -Infinity;
  for (const e of options) {
    const [fx, fy] = [e[1][0] - e[0][0], e[1][1] - e[0][1]];
    const turn = Math.atan2(dx * fy - dy * fx, dx * fx + dy * fy);
    if (turn > bestTurn) [best, bestTurn] = [e, turn];
  }
  return best;
}

/**
 * Inserts into every ring edge lying on a lattice line the vertices other grids have on that line,
 * so neighbouring grids share vertices exactly (no T-junctions): a clean polygonal coverage that
 * PostGIS coverage and topology functions accept.
 */
function nodeLatticeLines(grids: Pt[][][][], lattice: Lattice): void {
  const stops = new Map<string, number[]>();
  const rings = grids.flat(2);
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const on = latticeLineOf(point(ring, i), point(ring, i + 1), lattice);
      if (on) (stops.get(on[0]) ?? setNew(stops, on[0])).push(on[1], on[2]);
    }
  }
  for (const [line, list] of stops)
    stops.set(
      line,
      [...new Set(list)].sort((p, q) => p - q),
    );
  for (const ring of rings) {
    const out: Pt[] = [point(ring, 0)];
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = point(ring, i);
      const b = point(ring, i + 1);
      const on = latticeLineOf(a, b, lattice);
      const list = on && stops.get(on[0]);
      if (on && list) {
        const [line, from, to] = on;
        const inner = list.slice(upperBound(list, Math.min(from, to)), lowerBound(list, Math.max(from, to)));
        if (from > to) inner.reverse();
        for (const v of inner) out.push(line.startsWith('x') ? [a[0], v] : [v, a[1]]);
      }
      out.push(b);
    }
    ring.splice(0, ring.length, ...out);
  }
}

function makePiece(rings: Pt[][], row: number, col: number): Piece {
  const outer = rings[0] ?? [];
  let [sx, sy, twice] = [0, 0, 0];
  for (let i = 0; i + 1 < outer.length; i++) {
    const [ax, ay] = point(outer, i);
    const [bx, by] = point(outer, i + 1);
    const cross = ax * by - bx * ay;
    twice += cross;
    sx += (ax + bx) * cross;
    sy += (ay + by) * cross;
  }
  const [fx, fy] = point(outer, 0);
  const area = planarArea({ type: 'Polygon', coordinates: rings });
  return twice === 0
    ? { rings, row, col, area, cx: fx, cy: fy }
    : { rings, row, col, area, cx: sx / (3 * twice), cy: sy / (3 * twice) };
}

/** Counter-clockwise square ring (RFC 7946 right-hand rule). */
function square({ x0, y0, x1, y1 }: Cell): Pt[] {
  return [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
}

/** Even–odd ray cast over every ring; only asked about cells no boundary edge crosses. */
function containsPoint(boundary: Boundary, x: number, y: number): boolean {
  let inside = false;
  for (const ring of boundary.rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = point(ring, i);
      const [xj, yj] = point(ring, j);
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function point(ring: Pt[] | undefined, i: number): Pt {
  return ring?.[i] ?? [NaN, NaN];
}

function setNew<K, V>(map: Map<K, V[]>, k: K): V[] {
  const list: V[] = [];
  map.set(k, list);
  return list;
}

/** First index whose value is ≥ v. */
function lowerBound(list: Array<number | Crossed>, v: number): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const at = list[mid] ?? Infinity;
    if ((typeof at === 'number' ? at : at.v) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > v. */
function upperBound(list: number[], v: number): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? Infinity) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function key(p: Pt): string {
  return `${p[0]},${p[1]}`;
}

/** Runs turf's clipper (polyclip-ts), which can give up on near-degenerate input, as a domain error. */
function generalClipper<T>(code: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw failed(
      `clipping community ${code} failed (${error instanceof Error ? error.message : String(error)}); ` +
        'try a slightly different cellArea',
      'CLIPPING_FAILED',
    );
  }
}

function failed(detail: string, reason: string, extra: Record<string, unknown> = {}): DomainError {
  return new DomainError('GRID_GENERATION_FAILED', detail, { reason, ...extra });
}

function tooMany(code: string, count: number, cellArea: number): DomainError {
  return failed(
    `community ${code} would need ${count} unit grids of ${cellArea} m², more than the ` +
      `${MAX_GRIDS_PER_COMMUNITY} a 3-digit sequence allows; use a larger cellArea`,
    'TOO_MANY_GRIDS',
    { gridCount: count },
  );
}
