/**
 * A local equirectangular plane in metres around a reference point. Voronoi cells are computed
 * here so that "nearest seed" means nearest on the ground (a degree of longitude is only
 * ≈ 0.77 of a degree of latitude in Beijing). All partitioning happens in this plane and is
 * projected back once at the end, so vertices shared by neighbours stay bit-identical.
 */
import type { Position } from 'geojson';
import { mapPositions, type Polygonal } from './geometry.js';

const METRES_PER_DEGREE = (Math.PI / 180) * 6_371_008.8;

export interface LocalPlane {
  toLocal: (p: Position) => Position;
  toLonLat: (p: Position) => Position;
}

export function localPlane(origin: Position): LocalPlane {
  const lon0 = origin[0] ?? 0;
  const lat0 = origin[1] ?? 0;
  const kx = METRES_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
  const ky = METRES_PER_DEGREE;
  return {
    toLocal: (p) => [((p[0] ?? NaN) - lon0) * kx, ((p[1] ?? NaN) - lat0) * ky],
    toLonLat: (p) => [(p[0] ?? NaN) / kx + lon0, (p[1] ?? NaN) / ky + lat0],
  };
}

export function geometryToLocal<G extends Polygonal>(plane: LocalPlane, geometry: G): G {
  return mapPositions(geometry, plane.toLocal);
}

export function geometryToLonLat<G extends Polygonal>(plane: LocalPlane, geometry: G): G {
  return mapPositions(geometry, plane.toLonLat);
}
