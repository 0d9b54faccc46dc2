/**
 * Decoder for the "UTF8Encoding" compressed GeoJSON that ECharts 4.x ships its maps in
 * (`echarts/map/json/**`). Mirrors `decode`/`decodePolygon` in
 * `echarts/lib/coord/geo/parseGeoJson.js` (Apache-2.0): every ring is a string of character
 * pairs; each character minus 64 is a zigzag-encoded delta from the previous vertex, starting at
 * the ring's `encodeOffsets` entry, and the integer result divided by the scale (default 1024)
 * is the coordinate in degrees.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** ECharts' default `UTF8Scale`: coordinates are quantised to 1/1024° (≈ 85 m × 110 m in Beijing). */
export const ECHARTS_DEFAULT_SCALE = 1024;

export type EncodedOffset = readonly [number, number];

export type EchartsEncodedGeometry =
  | { type: 'Polygon'; coordinates: readonly string[]; encodeOffsets: readonly EncodedOffset[] }
  | {
      type: 'MultiPolygon';
      coordinates: readonly (readonly string[])[];
      encodeOffsets: readonly (readonly EncodedOffset[])[];
    };

/** Decodes one encoded ring into positions (not closed, exactly as ECharts produces them). */
export function decodeRing(
  encoded: string,
  offset: EncodedOffset,
  scale: number = ECHARTS_DEFAULT_SCALE,
): Position[] {
  if (encoded.length % 2 !== 0) {
    throw new Error(`Encoded ring has an odd number of characters (${encoded.length})`);
  }
  const ring: Position[] = [];
  let prevX = offset[0];
  let prevY = offset[1];
  for (let i = 0; i < encoded.length; i += 2) {
    const x = zigzag(encoded.charCodeAt(i) - 64) + prevX;
    const y = zigzag(encoded.charCodeAt(i + 1) - 64) + prevY;
    prevX = x;
    prevY = y;
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

/** Decodes a whole geometry. Rings come back unclosed, in the map's own datum (see district-outline.ts). */
export function decodeGeometry(
  geometry: EchartsEncodedGeometry,
  scale: number = ECHARTS_DEFAULT_SCALE,
): Polygon | MultiPolygon {
  switch (geometry.type) {
    case 'Polygon':
      return {
        type: 'Polygon',
        coordinates: geometry.coordinates.map((ring, i) =>
          decodeRing(ring, offsetAt(geometry.encodeOffsets, i), scale),
        ),
      };
    case 'MultiPolygon':
      return {
        type: 'MultiPolygon',
        coordinates: geometry.coordinates.map((polygon, p) =>
          polygon.map((ring, i) => decodeRing(ring, offsetAt(geometry.encodeOffsets[p] ?? [], i), scale)),
        ),
      };
  }
}

function zigzag(n: number): number {
  return (n >> 1) ^ -(n & 1);
}

function offsetAt(offsets: readonly EncodedOffset[], i: number): EncodedOffset {
  const offset = offsets[i];
  if (offset === undefined) throw new Error(`Missing encodeOffsets entry for ring ${i}`);
  return offset;
}
