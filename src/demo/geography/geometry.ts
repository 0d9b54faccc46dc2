/** Small planar helpers for the demo geography (coordinates in degrees; areas here are only relative). */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

export type Polygonal = Polygon | MultiPolygon;

/** The polygons of a Polygon or MultiPolygon, as MultiPolygon coordinates. */
export function polygonsOf(geometry: Polygonal): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** A Polygon when there is one part, otherwise a MultiPolygon. */
export function fromPolygons(polygons: Position[][][]): Polygonal {
  const [only] = polygons;
  if (polygons.length === 1 && only) return { type: 'Polygon', coordinates: only };
  return { type: 'MultiPolygon', coordinates: polygons };
}

function samePosition(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function at(ring: readonly Position[], i: number): Position {
  const p = ring[((i % ring.length) + ring.length) % ring.length];
  if (p === undefined) throw new Error('empty ring');
  return p;
}

/**
 * Removes repeated vertices and vertices lying on the straight line through their neighbours,
 * which also removes zero-width spikes (A → B → A); returns a closed ring. Exact for the
 * ECharts data, whose coordinates are multiples of 1/1024 and so are represented exactly.
 */
export function cleanRing(ring: readonly Position[]): Position[] {
  let open = ring.length > 1 && samePosition(at(ring, 0), at(ring, -1)) ? ring.slice(0, -1) : ring.slice();
  let changed = true;
  while (changed && open.length >= 3) {
    changed = false;
    for (let i = 0; i < open.length; i++) {
      const prev = at(open, i - 1);
      const cur = at(open, i);
      const next = at(open, i + 1);
      const cross =
        (cur[0]! - prev[0]!) * (next[1]! - prev[1]!) - (cur[1]! - prev[1]!) * (next[0]! - prev[0]!);
      if (samePosition(prev, cur) || cross === 0) {
        open = [...open.slice(0, i), ...open.slice(i + 1)];
        changed = true;
        break;
      }
    }
  }
  if (open.length < 3) throw new Error('Ring degenerates to fewer than 3 vertices after cleaning');
  const first = at(open, 0);
  return [...open, [...first]];
}

/** Valid in the OGC sense as far as turf can tell: closed rings, no spikes, no self-intersection. */
export function isValidPolygonal(geometry: Polygonal): boolean {
  const feature = turf.feature(geometry);
  // booleanValid is typed `any`; it misses crossing edges, which kinks finds.
  return turf.booleanValid(feature) === true && turf.kinks(feature).features.length === 0;
}

/** Applies `fn` to every position, returning a new geometry (no shared position arrays). */
export function mapPositions<G extends Polygonal>(geometry: G, fn: (p: Position) => Position): G {
  const rings = (polygon: Position[][]): Position[][] => polygon.map((ring) => ring.map((p) => fn(p)));
  return (
    geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: rings(geometry.coordinates) }
      : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(rings) }
  ) as G;
}

/** Geodesic area in m² (turf's spherical approximation). */
export function areaM2(geometry: Polygonal | Feature<Polygonal>): number {
  return turf.area(geometry);
}

/**
 * Signed shoelace sums of one ring relative to `origin`: [2 × area, 6 × area × cx, 6 × area × cy].
 * Working relative to a nearby origin avoids cancellation with large coordinates (116°, 39°).
 */
function ringMoments(ring: readonly Position[], origin: Position = [0, 0]): [number, number, number] {
  const [ox = 0, oy = 0] = origin;
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0 = 0, y0 = 0] = ring[i] ?? [];
    const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
    const [u0, v0, u1, v1] = [x0 - ox, y0 - oy, x1 - ox, y1 - oy];
    const cross = u0 * v1 - u1 * v0;
    a += cross;
    cx += (u0 + u1) * cross;
    cy += (v0 + v1) * cross;
  }
  return [a, cx, cy];
}

/** RFC 7946 winding: exterior rings counter-clockwise, holes clockwise (planar signed area). */
export function rewindRfc7946<G extends Polygonal>(geometry: G): G {
  const wind = (polygon: Position[][]): Position[][] =>
    polygon.map((ring, i) => {
      const counterClockwise = ringMoments(ring, ring[0])[0] > 0;
      return counterClockwise === (i === 0) ? ring.map((p) => [...p]) : ring.map((p) => [...p]).reverse();
    });
  return (
    geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: wind(geometry.coordinates) }
      : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(wind) }
  ) as G;
}

/** Planar area (in the square of the coordinate unit); holes subtract whatever the winding. */
export function planarArea(geometry: Polygonal): number {
  return planarMoments(geometry)[0];
}

/** Planar area centroid (centre of mass) of a Polygon or MultiPolygon. */
export function planarCentroid(geometry: Polygonal): Position {
  const origin = firstPosition(geometry);
  const [area, mx, my] = planarMoments(geometry, origin);
  if (area === 0) throw new Error('Centroid of an empty polygon');
  return [(origin[0] ?? 0) + mx / area, (origin[1] ?? 0) + my / area];
}

function firstPosition(geometry: Polygonal): Position {
  return polygonsOf(geometry)[0]?.[0]?.[0] ?? [0, 0];
}

function planarMoments(
  geometry: Polygonal,
  origin: Position = firstPosition(geometry),
): [number, number, number] {
  let area = 0;
  let mx = 0;
  let my = 0;
  for (const polygon of polygonsOf(geometry)) {
    polygon.forEach((ring, i) => {
      const [a2, cx6, cy6] = ringMoments(ring, origin);
      // Exterior rings count positive and holes negative, whatever the input winding.
      const sign = (i === 0 ? 1 : -1) * Math.sign(a2);
      area += (sign * a2) / 2;
      mx += (sign * cx6) / 6;
      my += (sign * cy6) / 6;
    });
  }
  return [area, mx, my];
}
