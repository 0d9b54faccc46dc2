/**
 * 单元网格生成 — divides one community (社区/村) into unit grids (单元网格, the "万米单元网格" of
 * the Dongcheng model): square cells of `cellArea` m² clipped to the community, slivers merged into
 * a neighbour, numbered west→east, north→south. Pure: no I/O. docs/domain/unit-grids.md explains
 * the rules, where they come from, and which parts are our own inference.
 *
 * Real grids follow streets, walls and rivers (standards.md §2.1); these square grids are a
 * starting point an operator can edit, not a survey product.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { formatGridCode, parseDivisionCode } from '../shared/codes/index.js';
import { validationError } from '../shared/errors.js';
import {
  MAX_GRIDS_PER_COMMUNITY,
  buildLattice,
  cutIntoPieces,
  failed,
  key,
  prepareBoundary,
  tooMany,
  type Pt,
} from './grid-lattice.js';
import { groupPolygons, mergeSlivers, nodeLatticeLines } from './grid-merge.js';
import { densify, ellipsoidalArea, localProjectionFor } from './projection.js';

export { MAX_GRIDS_PER_COMMUNITY };
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

/** Pieces smaller than this fraction of a cell are always merged into a neighbour. */
const CRUMB_RATIO = 1e-6;
