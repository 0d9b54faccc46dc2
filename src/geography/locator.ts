/**
 * 网格定位 — in-memory point → unit grid (单元网格) lookup, for placing a reported location in its
 * grid without a database round trip. PostGIS stays the source of truth; build a new locator
 * whenever the grids change (it is immutable and takes milliseconds to build).
 *
 * Design: a Flatbush R-tree (packed Hilbert) over the grids' bounding boxes finds the few
 * candidates; `turf.booleanPointInPolygon` decides exactly. Its point-in-polygon test
 * (point-in-polygon-hao) uses an exact orientation predicate whose result for an edge is the
 * exact negation of its result for the same edge reversed, so two grids sharing an edge agree on
 * every point near it: the point is inside exactly one of them, or on the boundary of both. No
 * point of the covered area falls between grids.
 *
 * A point exactly on a boundary belongs to every grid whose boundary it is on; it resolves to the
 * one with the **lowest code** (string order; for equal codes, the earlier in the input). The
 * lowest code is the first in numbering order: the north-western of two neighbours in one
 * community.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import Flatbush from 'flatbush';
import { booleanPointInPolygon } from '@turf/turf';

export interface LocatableGrid {
  code: string;
  /** EPSG:4326 longitude/latitude, rings closed. */
  geometry: Polygon | MultiPolygon;
}

export interface GridLocator<G extends LocatableGrid> {
  /** The grid containing (lng, lat) in EPSG:4326, or null when the point is outside every grid. */
  locate(lng: number, lat: number): G | null;
  /** Number of grids indexed. */
  readonly size: number;
}

/** Indexes the grids (returned as given, extra fields included) for point lookups. */
export function createGridLocator<G extends LocatableGrid>(grids: readonly G[]): GridLocator<G> {
  // Index order is code order, so the first grid found among ascending candidates is the lowest code.
  const sorted = grids
    .map((grid, input) => ({ grid, input }))
    .sort((a, b) => (a.grid.code < b.grid.code ? -1 : a.grid.code > b.grid.code ? 1 : a.input - b.input))
    .map(({ grid }) => grid);
  if (sorted.length === 0) return { locate: () => null, size: 0 };

  const index = new Flatbush(sorted.length);
  for (const grid of sorted) {
    const [minX, minY, maxX, maxY] = boundsOf(grid);
    index.add(minX, minY, maxX, maxY);
  }
  index.finish();

  return {
    size: sorted.length,
    locate(lng: number, lat: number): G | null {
      if (!Number.isFinite(lng) || !Number.isFinite(lat)) return null;
      const candidates = index.search(lng, lat, lng, lat);
      if (candidates.length > 1) candidates.sort((a, b) => a - b);
      const point = [lng, lat];
      for (const i of candidates) {
        const grid = sorted[i];
        if (grid && booleanPointInPolygon(point, grid.geometry)) return grid;
      }
      return null;
    },
  };
}

function boundsOf(grid: LocatableGrid): [number, number, number, number] {
  const polygons = grid.geometry.type === 'Polygon' ? [grid.geometry.coordinates] : grid.geometry.coordinates;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of polygons.flat()) {
    const first: Position | undefined = ring[0];
    const last: Position | undefined = ring[ring.length - 1];
    if (ring.length < 4 || !first || !last || first[0] !== last[0] || first[1] !== last[1]) {
      throw new RangeError(`grid ${grid.code} has a ring that is not closed or has fewer than 4 positions`);
    }
    for (const [x = NaN, y = NaN] of ring) {
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        throw new RangeError(`grid ${grid.code} has a non-finite coordinate`);
      }
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (minX > maxX) throw new RangeError(`grid ${grid.code} has an empty geometry`);
  return [minX, minY, maxX, maxY];
}
