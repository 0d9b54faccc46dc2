/**
 * Synthetic street (街道) and community (社区) polygons for the demo district. No open source
 * publishes Dongcheng's street or community boundaries, so they are generated: the district
 * outline is cut into Voronoi cells around the streets' approximate centres, and each street
 * into as many cells as it has communities, around seeded, Lloyd-relaxed sites. Deterministic;
 * every result is flagged synthetic where it is used (build.ts, docs/demo-district.md).
 */
import type { Position } from 'geojson';
import type { DistrictDivisions } from './divisions.js';
import { gcj02PointToWgs84 } from './district-outline.js';
import { planarCentroid, polygonsOf, rewindRfc7946, type Polygonal } from './geometry.js';
import { geometryToLocal, geometryToLonLat, localPlane } from './local-plane.js';
import { contains, relaxedSites, voronoiPartition } from './partition.js';
import { DONGCHENG_STREET_SEEDS, type StreetSeed } from './street-seeds.js';

export interface SeedAdjustment {
  code: string;
  /** The given centre (WGS 84) that fell outside the outline. */
  given: Position;
  /** Where it was moved: just inside the nearest point of the outline (WGS 84). */
  placed: Position;
  movedMetres: number;
}

export interface SyntheticPolygons {
  /** The outline as the partitions use it (WGS 84; equal to the input up to rounding). */
  district: Polygonal;
  /** Street code → polygon, in code order. */
  streets: Map<string, Polygonal>;
  /** Community code → polygon, in code order. */
  communities: Map<string, Polygonal>;
  /** Street centres that had to be moved inside the coarse outline. */
  seedAdjustments: SeedAdjustment[];
}

export interface SyntheticOptions {
  streetSeeds?: readonly StreetSeed[];
  /** Lloyd iterations for community sites; more gives more even cells. */
  lloydIterations?: number;
}

/** How far inside the outline a moved street centre is put. */
const INSET_METRES = 25;

export function generateSyntheticPolygons(
  outline: Polygonal,
  divisions: DistrictDivisions,
  options: SyntheticOptions = {},
): SyntheticPolygons {
  const seeds = options.streetSeeds ?? DONGCHENG_STREET_SEEDS;
  const iterations = options.lloydIterations ?? 8;
  const plane = localPlane(planarCentroid(outline));
  const region = geometryToLocal(plane, outline);
  const toLonLat = (geometry: Polygonal): Polygonal => rewindRfc7946(geometryToLonLat(plane, geometry));

  const seedAdjustments: SeedAdjustment[] = [];
  const streetSites = divisions.streets.map((street) => {
    const seed = seeds.find((s) => s.code === street.code);
    if (!seed) throw new Error(`No centre is known for street ${street.code} ${street.name}`);
    if (street.name !== `${seed.name}街道`) {
      throw new Error(
        `Street ${street.code} is ${street.name} in the statistics, ${seed.name} in the seed table`,
      );
    }
    const given = plane.toLocal(gcj02PointToWgs84(seed.gcj02));
    const point = nearestInside(region, given);
    if (point !== given) {
      seedAdjustments.push({
        code: street.code,
        given: plane.toLonLat(given),
        placed: plane.toLonLat(point),
        movedMetres: Math.hypot((point[0] ?? 0) - (given[0] ?? 0), (point[1] ?? 0) - (given[1] ?? 0)),
      });
    }
    return { id: street.code, point };
  });

  const streetCells = voronoiPartition(region, streetSites);
  const streets = new Map<string, Polygonal>();
  const communities = new Map<string, Polygonal>();
  for (const { id: streetCode, geometry: streetLocal } of streetCells) {
    streets.set(streetCode, toLonLat(streetLocal));
    const members = divisions.communities.filter((c) => c.streetCode === streetCode);
    const sites = relaxedSites(streetLocal, members.length, streetCode, iterations);
    const cells = voronoiPartition(
      streetLocal,
      members.map((c, i) => ({ id: c.code, point: sites[i] ?? [] })),
    );
    for (const cell of cells) communities.set(cell.id, toLonLat(cell.geometry));
  }

  return { district: toLonLat(region), streets, communities, seedAdjustments };
}

/** The point itself when inside the region, else a point just inside the nearest boundary point. */
function nearestInside(region: Polygonal, p: Position): Position {
  if (contains(region, p)) return p;
  const [px = 0, py = 0] = p;
  let best: { foot: Position; normal: Position; distance: number } | undefined;
  for (const ring of polygonsOf(region).flat()) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax = 0, ay = 0] = ring[i] ?? [];
      const [bx = 0, by = 0] = ring[i + 1] ?? [];
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      if (len2 === 0) continue;
      const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
      const foot = [ax + t * dx, ay + t * dy];
      const distance = Math.hypot(px - (foot[0] ?? 0), py - (foot[1] ?? 0));
      if (!best || distance < best.distance) {
        const len = Math.sqrt(len2);
        best = { foot, normal: [-dy / len, dx / len], distance };
      }
    }
  }
  if (!best) throw new Error('Empty region');
  const { foot, normal } = best;
  for (const side of [1, -1]) {
    for (const inset of [INSET_METRES, INSET_METRES / 5, INSET_METRES * 4]) {
      const q = [
        (foot[0] ?? 0) + side * inset * (normal[0] ?? 0),
        (foot[1] ?? 0) + side * inset * (normal[1] ?? 0),
      ];
      if (contains(region, q)) return q;
    }
  }
  throw new Error(`Could not move ${String(p)} inside the region`);
}
