/**
 * Coordinates are stored in WGS 84 / CGCS2000 (EPSG:4326). Input from Chinese map apps is often
 * GCJ-02 (Amap, Tencent, WeChat) or BD-09 (Baidu); it is converted at the edge with gcoord.
 */
import gcoordModule from 'gcoord';
import type { Geometry } from 'geojson';

/** The part of gcoord Shuzhi uses. */
interface Gcoord {
  WGS84: string;
  GCJ02: string;
  BD09: string;
  transform<T>(input: T, from: string, to: string): T;
}

/**
 * gcoord ships CommonJS: at run time the default import is the API object, while its typings
 * describe it as `{ default: … }` under NodeNext. Typed here once, for every caller.
 */
export const gcoord = gcoordModule as unknown as Gcoord;

export const INPUT_CRS = ['wgs84', 'gcj02', 'bd09'] as const;
export type InputCrs = (typeof INPUT_CRS)[number];

export function geometryToWgs84<G extends Geometry>(geometry: G, crs: InputCrs): G {
  if (crs === 'wgs84') return geometry;
  const from = crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
  return gcoord.transform(structuredClone(geometry), from, gcoord.WGS84);
}

export function pointToWgs84(lng: number, lat: number, crs: InputCrs): [number, number] {
  if (crs === 'wgs84') return [lng, lat];
  const from = crs === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09;
  const [x, y] = gcoord.transform([lng, lat], from, gcoord.WGS84);
  return [x, y];
}
