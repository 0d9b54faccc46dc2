/**
 * The lattice half of unit-grid generation (grid-generator.ts): the community boundary in
 * projected metres, the square lattice over it, and cutting it into one piece per connected part of
 * each clipped cell. Pure geometry, no I/O.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import Flatbush from 'flatbush';
import { featureCollection, intersect, polygon } from '@turf/turf';
import { DomainError } from '../shared/errors.js';
import { planarArea, ringSignedArea } from './projection.js';

/** A projected point in metres (east, north). */
export type Pt = [number, number];

/** Sequence numbers have three digits (DB11/T, GB/T 47678.3: 12-digit community code + 3). */
export const MAX_GRIDS_PER_COMMUNITY = 999;

/** The community in projected metres, rings oriented with the interior on their left. */
export interface Boundary {
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
export interface Lattice {
  size: number;
  xs: number[];
  ys: number[];
  colOf: Map<number, number>;
  rowOf: Map<number, number>;
  /** Where boundary edges cross each lattice line, computed once (see `crossing`). */
  crossings: Map<string, Crossed[]>;
}

/** One connected part of a clipped cell, in projected metres. */
export interface Piece {
  rings: Pt[][];
  row: number;
  col: number;
  area: number;
  /** Representative point (exterior-ring centroid), to order pieces of one cell. */
  cx: number;
  cy: number;
}

/** A clipped vertex this close (m) to a boundary edge, and within SNAP_SEARCH of where it crosses, is snapped. */
const SNAP = 1e-6;
const SNAP_SEARCH = 1e-3;

export function prepareBoundary(
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

export function buildLattice(boundary: Boundary, size: number, code: string): Lattice {
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
export function crossing(a: Pt, b: Pt, v: number, axis: 0 | 1): number {
  const o = axis === 0 ? 1 : 0;
  const [p, q] = a[axis] < b[axis] || (a[axis] === b[axis] && a[o] < b[o]) ? [a, b] : [b, a];
  return p[o] + (v - p[axis]) * ((q[o] - p[o]) / (q[axis] - p[axis]));
}

export function cutIntoPieces(boundary: Boundary, lattice: Lattice, code: string): Piece[] {
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
export function square({ x0, y0, x1, y1 }: Cell): Pt[] {
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

export function point(ring: Pt[] | undefined, i: number): Pt {
  return ring?.[i] ?? [NaN, NaN];
}

export function setNew<K, V>(map: Map<K, V[]>, k: K): V[] {
  const list: V[] = [];
  map.set(k, list);
  return list;
}

/** First index whose value is ≥ v. */
export function lowerBound(list: Array<number | Crossed>, v: number): number {
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
export function upperBound(list: number[], v: number): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] ?? Infinity) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function key(p: Pt): string {
  return `${p[0]},${p[1]}`;
}

/** Runs turf's clipper (polyclip-ts), which can give up on near-degenerate input, as a domain error. */
export function generalClipper<T>(code: string, run: () => T): T {
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

export function failed(detail: string, reason: string, extra: Record<string, unknown> = {}): DomainError {
  return new DomainError('GRID_GENERATION_FAILED', detail, { reason, ...extra });
}

export function tooMany(code: string, count: number, cellArea: number): DomainError {
  return failed(
    `community ${code} would need ${count} unit grids of ${cellArea} m², more than the ` +
      `${MAX_GRIDS_PER_COMMUNITY} a 3-digit sequence allows; use a larger cellArea`,
    'TOO_MANY_GRIDS',
    { gridCount: count },
  );
}
