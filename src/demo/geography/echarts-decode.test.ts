import fs from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { decodeGeometry, decodeRing, type EchartsEncodedGeometry } from './echarts-decode.js';
import { beijingMapPath } from './district-outline.js';
import { polygonsOf } from './geometry.js';

/** The inverse of the decoder: zigzag deltas + 64, as ECharts' map tool writes them. */
function encodeRing(points: readonly [number, number][], offset: [number, number]): string {
  let [px, py] = offset;
  let out = '';
  for (const [x, y] of points) {
    for (const d of [x - px, y - py]) out += String.fromCharCode(((d << 1) ^ (d >> 31)) + 64);
    [px, py] = [x, y];
  }
  return out;
}

describe('decodeRing', () => {
  it('turns zigzag deltas from the offset into coordinates divided by the scale', () => {
    // '@@' = no move, 'B' = +1, 'A' = -1 (zigzag), relative to the previous vertex.
    expect(decodeRing('@@BAAB', [1024, 2048])).toEqual([
      [1, 2],
      [1025 / 1024, 2047 / 1024],
      [1, 2],
    ]);
  });

  it('round-trips any integer path whose steps fit one character', () => {
    const step = fc.integer({ min: -500, max: 500 });
    fc.assert(
      fc.property(fc.array(fc.tuple(step, step), { minLength: 1, maxLength: 50 }), (steps) => {
        const offset: [number, number] = [119_000, 40_900];
        let [x, y] = offset;
        const points = steps.map(([dx, dy]): [number, number] => [(x += dx), (y += dy)]);
        const decoded = decodeRing(encodeRing(points, offset), offset, 1);
        expect(decoded).toEqual(points);
      }),
    );
  });

  it('rejects a string that does not hold whole coordinate pairs', () => {
    expect(() => decodeRing('@@B', [0, 0])).toThrow(/odd number/);
  });
});

describe('decodeGeometry', () => {
  it("agrees with ECharts 4's own decoder on every feature of the Beijing map", () => {
    const text = fs.readFileSync(beijingMapPath(), 'utf8');
    const ours = (JSON.parse(text) as { features: { id: string; geometry: EchartsEncodedGeometry }[] })
      .features;
    const parseGeoJson = createRequire(import.meta.url)('echarts4/lib/coord/geo/parseGeoJson.js') as (
      json: unknown,
    ) => { name: string; geometries: { exterior: Position[]; interiors: Position[][] }[] }[];
    const theirs = parseGeoJson(JSON.parse(text));

    expect(ours).toHaveLength(16);
    ours.forEach((feature, i) => {
      const decoded = polygonsOf(decodeGeometry(feature.geometry));
      const reference = theirs[i]?.geometries.map((g) => [g.exterior, ...g.interiors]);
      expect(decoded).toEqual(reference);
    });
  });
});
