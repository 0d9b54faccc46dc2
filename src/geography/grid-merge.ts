/**
 * The merging half of unit-grid generation (grid-generator.ts): slivers joined to the neighbour
 * they share most boundary with, pieces dissolved into one shape per grid, and shared lattice lines
 * noded so neighbouring grids meet vertex to vertex. Pure geometry, no I/O.
 */
import { featureCollection, polygon, union } from '@turf/turf';
import {
  generalClipper,
  key,
  lowerBound,
  point,
  setNew,
  upperBound,
  type Lattice,
  type Piece,
  type Pt,
} from './grid-lattice.js';
import { ringSignedArea } from './projection.js';

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

/**
 * Merges every piece smaller than `threshold` into the neighbour with which it shares the longest
 * boundary, smallest first, until none is left or the rest have no neighbour (isolated fragments
 * stay grids of their own). Ties go to the larger neighbour, then to the earlier one in row order.
 */
export function mergeSlivers(pieces: Piece[], lattice: Lattice, threshold: number): Group[] {
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
export function groupPolygons(group: Group, lattice: Lattice, code: string): Pt[][][] {
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
export function nodeLatticeLines(grids: Pt[][][][], lattice: Lattice): void {
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
