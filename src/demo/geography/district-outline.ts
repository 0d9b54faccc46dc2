/**
 * The demo district's outline (区界), taken from the Beijing map bundled with ECharts 4.9
 * (Apache-2.0) and decoded at build time; nothing of it is committed.
 *
 * Datum: the ECharts China maps are in GCJ-02 (国测局 "Mars" coordinates), not WGS 84: the
 * features carry Amap's district label points (`cp` of 东城区 is Amap's district centre
 * 116.418757, 39.917544), and the decoded borders sit ≈ 500–600 m east of WGS-84 landmarks
 * they follow (the 前门大街 axis, the east moat), which is the GCJ-02 shift in Beijing; after
 * GCJ-02 → WGS-84 conversion they fall within the map's ≈ 100 m quantisation. We convert with
 * `gcoord` (≈ 1 m accuracy, far below the map's resolution).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import type * as GcoordModule from 'gcoord';
import { decodeGeometry, ECHARTS_DEFAULT_SCALE, type EchartsEncodedGeometry } from './echarts-decode.js';
import {
  cleanRing,
  fromPolygons,
  isValidPolygonal,
  mapPositions,
  polygonsOf,
  rewindRfc7946,
  type Polygonal,
} from './geometry.js';

export const OUTLINE_SOURCE = 'echarts 4.9 Beijing map (Apache-2.0)';
const BEIJING_MAP_MODULE = 'echarts4/map/json/province/beijing.json';

// gcoord is CommonJS: at run time `module.exports` is the API, but its typings say
// `export default`, so under NodeNext a default import type-checks as `{ default: API }` and
// fails at run time. Loading it through require, typed as the API, is right on both counts.
const gcoord = createRequire(import.meta.url)('gcoord') as typeof GcoordModule.default.default;

export interface OutlineProperties {
  code: string;
  name: string;
  /** The map's label point (`cp`), converted to WGS 84 like the outline. */
  labelPoint: Position | null;
}

export type DistrictOutline = Feature<Polygon | MultiPolygon, OutlineProperties>;

interface RawFeature {
  id: string;
  name: string;
  cp: Position | null;
  geometry: EchartsEncodedGeometry;
}

/** Path of the ECharts 4 Beijing map in node_modules. */
export function beijingMapPath(): string {
  return createRequire(import.meta.url).resolve(BEIJING_MAP_MODULE);
}

/**
 * The outline of one Beijing district (default 东城区 110101) in WGS 84, as a valid GeoJSON
 * feature with RFC 7946 winding. Repeated vertices and zero-width spikes of the coarse map are
 * removed before the datum shift.
 */
export function loadDistrictOutline(code = '110101', mapPath: string = beijingMapPath()): DistrictOutline {
  const json: unknown = JSON.parse(fs.readFileSync(mapPath, 'utf8'));
  const { features, scale } = parseEncodedMap(json, mapPath);
  const raw = features.find((f) => f.id === code);
  if (!raw) throw new Error(`District ${code} is not in ${mapPath}`);

  const decoded = decodeGeometry(raw.geometry, scale);
  const cleaned = fromPolygons(polygonsOf(decoded).map((polygon) => polygon.map(cleanRing)));
  const wgs84 = gcj02ToWgs84(cleaned);
  const rewound = rewindRfc7946(wgs84);
  if (!isValidPolygonal(rewound)) throw new Error(`Outline of ${code} is not a valid polygon after cleaning`);

  return turf.feature(rewound, {
    code,
    name: raw.name,
    labelPoint: raw.cp ? gcj02PointToWgs84(raw.cp) : null,
  });
}

/** GCJ-02 → WGS 84 of one position, as a new array. */
export function gcj02PointToWgs84(p: Position): Position {
  // gcoord mutates GeoJSON in place and would shift a position shared by two rings twice, so it
  // is only ever given fresh single positions.
  return gcoord.transform([p[0] ?? NaN, p[1] ?? NaN], gcoord.GCJ02, gcoord.WGS84);
}

/** GCJ-02 → WGS 84 of a whole geometry, returning a new geometry. */
export function gcj02ToWgs84<G extends Polygonal>(geometry: G): G {
  return mapPositions(geometry, gcj02PointToWgs84);
}

function parseEncodedMap(json: unknown, where: string): { features: RawFeature[]; scale: number } {
  const fail = (why: string): never => {
    throw new Error(`${where} is not an ECharts 4 encoded map: ${why}`);
  };
  if (!isRecord(json) || !Array.isArray(json.features)) return fail('no features array');
  if (json.UTF8Encoding !== true) return fail('not UTF8Encoding-compressed');
  const scale = typeof json.UTF8Scale === 'number' ? json.UTF8Scale : ECHARTS_DEFAULT_SCALE;
  const features = json.features.map((f: unknown, i): RawFeature => {
    if (!isRecord(f) || !isRecord(f.properties) || !isRecord(f.geometry))
      return fail(`feature ${i} malformed`);
    const { id, properties, geometry } = f;
    if (typeof id !== 'string' || typeof properties.name !== 'string')
      return fail(`feature ${i} has no id/name`);
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')
      return fail(`feature ${i} is not polygonal`);
    if (!Array.isArray(geometry.coordinates) || !Array.isArray(geometry.encodeOffsets)) {
      return fail(`feature ${i} has no encoded coordinates`);
    }
    const cp = properties.cp;
    return {
      id,
      name: properties.name,
      cp: Array.isArray(cp) && cp.every((n) => typeof n === 'number') ? cp : null,
      // Shape of the strings and offsets is checked by the decoder as it reads them.
      geometry: geometry as unknown as EchartsEncodedGeometry,
    };
  });
  return { features, scale };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
