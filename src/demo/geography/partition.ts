/**
 * Voronoi partition of a polygon: every site gets the part of the region nearer to it than to
 * any other site. Planar: call it with local-plane coordinates (local-plane.ts).
 */
import * as turf from '@turf/turf';
import type { BBox, Position } from 'geojson';
import { fromPolygons, planarArea, planarCentroid, polygonsOf, type Polygonal } from './geometry.js';
import { hashSeed, seededHalton } from './seeded.js';

export interface Site {
  id: string;
  point: Position;
}

export interface Cell {
  id: string;
  geometry: Polygonal;
}

/**
 * Clipped Voronoi cells of `sites` inside `region`, one per site, in site order. Sites must be
 * distinct and inside the region. Where clipping to a concave region cuts a cell in pieces, the
 * pieces away from the site are given to the neighbour sharing the longest border with them,
 * so each cell is one piece wherever the geometry allows.
 */
export function voronoiPartition(region: Polygonal, sites: readonly Site[]): Cell[] {
  const raw = clippedVoronoi(
    region,
    sites.map((s) => s.point),
  );
  const cells: { id: string; site: Position; geometry: Polygonal | null }[] = sites.map((s, i) => ({
    id: s.id,
    site: s.point,
    geometry: raw[i] ?? null,
  }));

  const fragments: { from: number; polygon: Position[][] }[] = [];
  cells.forEach((cell, i) => {
    if (!cell.geometry) return;
    const parts = polygonsOf(cell.geometry);
    if (parts.length < 2) return;
    const keep = primaryPart(parts, cell.site);
    cell.geometry = fromPolygons([parts[keep] ?? []]);
    parts.forEach((polygon, p) => {
      if (p !== keep) fragments.push({ from: i, polygon });
    });
  });

  for (const fragment of fragments) {
    const fragmentGeometry = fromPolygons([fragment.polygon]);
    let best = -1;
    let bestShared = 0;
    cells.forEach((cell, i) => {
      if (i === fragment.from || !cell.geometry) return;
      const shared = sharedBorderLength(fragment.polygon, cell.geometry);
      if (shared > bestShared) {
        best = i;
        bestShared = shared;
      }
    });
    if (best < 0) best = nearestSite(cells, planarCentroid(fragmentGeometry), fragment.from);
    const target = cells[best];
    if (!target?.geometry) throw new Error('Fragment has no cell to join');
    const merged = turf.union(
      turf.featureCollection([turf.feature(target.geometry), turf.feature(fragmentGeometry)]),
    );
    if (!merged) throw new Error(`Could not merge a fragment into cell ${target.id}`);
    target.geometry = merged.geometry;
  }

  return cells.map((cell) => {
    if (!cell.geometry) throw new Error(`Site ${cell.id} has an empty cell (is it outside the region?)`);
    return { id: cell.id, geometry: cell.geometry };
  });
}

/** Raw Voronoi cells clipped to the region (null where a cell misses the region). */
export function clippedVoronoi(region: Polygonal, points: readonly Position[]): (Polygonal | null)[] {
  if (points.length === 0) return [];
  if (points.length === 1) return [region];
  const regionFeature = turf.feature(region);
  const voronoi = turf.voronoi(turf.featureCollection(points.map((p) => turf.point(p))), {
    bbox: paddedBBox(region, points),
  });
  return points.map((p, i) => {
    const cell = voronoi.features[i];
    // turf.voronoi yields a null geometry for a repeated site.
    if (!cell?.geometry) throw new Error(`Voronoi cell ${i} is empty: duplicate site ${String(p)}`);
    return turf.intersect(turf.featureCollection([cell, regionFeature]))?.geometry ?? null;
  });
}

/**
 * `count` well-spread sites inside the region: a seeded Halton sample of the region's bounding
 * box, relaxed by Lloyd's algorithm (each site moves to its cell's centroid) so that the cells
 * come out of similar size. Deterministic for a given `seedText`.
 */
export function relaxedSites(
  region: Polygonal,
  count: number,
  seedText: string,
  iterations: number,
): Position[] {
  let sites = samplePointsInside(region, count, hashSeed(seedText));
  for (let it = 0; it < iterations && count > 1; it++) {
    const cells = clippedVoronoi(region, sites);
    sites = sites.map((site, i) => {
      const cell = cells[i];
      if (!cell) return site;
      const centroid = planarCentroid(cell);
      // In a concave region a centroid can fall outside; such a site stays where it is.
      return contains(region, centroid) && !sites.some((s) => samePoint(s, centroid)) ? centroid : site;
    });
  }
  return sites;
}

/** The first `count` points of a seeded Halton sequence over the bounding box that fall inside. */
export function samplePointsInside(region: Polygonal, count: number, seed: number): Position[] {
  const [minX, minY, maxX, maxY] = turf.bbox(region);
  const points: Position[] = [];
  const sequence = seededHalton(seed);
  for (let tries = 0; points.length < count; tries++) {
    if (tries > 100_000 + 1_000 * count) throw new Error('Could not place sample points inside the region');
    const [u, v] = sequence.next().value;
    const p = [minX + u * (maxX - minX), minY + v * (maxY - minY)];
    if (contains(region, p)) points.push(p);
  }
  return points;
}

export function contains(region: Polygonal, p: Position): boolean {
  return turf.booleanPointInPolygon(p, region, { ignoreBoundary: true });
}

function samePoint(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function paddedBBox(region: Polygonal, points: readonly Position[]): BBox {
  let [minX, minY, maxX, maxY] = turf.bbox(region);
  for (const [x = 0, y = 0] of points) {
    [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  }
  const pad = Math.max(maxX - minX, maxY - minY) * 0.1;
  return [minX - pad, minY - pad, maxX + pad, maxY + pad];
}

/** The part containing the site, or else the largest. */
function primaryPart(parts: Position[][][], site: Position): number {
  const withSite = parts.findIndex((polygon) => contains(fromPolygons([polygon]), site));
  if (withSite >= 0) return withSite;
  let largest = 0;
  parts.forEach((polygon, p) => {
    if (planarArea(fromPolygons([polygon])) > planarArea(fromPolygons([parts[largest] ?? []]))) largest = p;
  });
  return largest;
}

/** Length of the fragment's outer edges that lie on the other geometry's boundary. */
function sharedBorderLength(fragment: Position[][], other: Polygonal): number {
  const ring = fragment[0] ?? [];
  const otherEdges = polygonsOf(other).flatMap((polygon) => polygon.flatMap(edgesOf));
  let shared = 0;
  for (const [a, b] of edgesOf(ring)) {
    const mid: Position = [((a[0] ?? 0) + (b[0] ?? 0)) / 2, ((a[1] ?? 0) + (b[1] ?? 0)) / 2];
    const length = Math.hypot((b[0] ?? 0) - (a[0] ?? 0), (b[1] ?? 0) - (a[1] ?? 0));
    const tolerance = 1e-6 * Math.max(1, length);
    if (otherEdges.some(([c, d]) => pointSegmentDistance(mid, c, d) <= tolerance)) shared += length;
  }
  return shared;
}

function edgesOf(ring: readonly Position[]): [Position, Position][] {
  const edges: [Position, Position][] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i];
    const b = ring[i + 1];
    if (a && b) edges.push([a, b]);
  }
  return edges;
}

function pointSegmentDistance(p: Position, a: Position, b: Position): number {
  const [px = 0, py = 0] = p;
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function nearestSite(cells: readonly { site: Position }[], p: Position, exclude: number): number {
  let best = -1;
  let bestDistance = Infinity;
  cells.forEach((cell, i) => {
    const d = Math.hypot((cell.site[0] ?? 0) - (p[0] ?? 0), (cell.site[1] ?? 0) - (p[1] ?? 0));
    if (i !== exclude && d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  });
  return best;
}
