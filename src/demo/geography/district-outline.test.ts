import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { gcj02PointToWgs84, loadDistrictOutline, type DistrictOutline } from './district-outline.js';
import { isValidPolygonal, polygonsOf } from './geometry.js';

/** Official area of 东城区 (41.84 km²); the 1/1024° map is coarse, so allow 1 %. */
const OFFICIAL_AREA_KM2 = 41.84;

describe('loadDistrictOutline (东城区 from the ECharts 4.9 Beijing map)', () => {
  let outline: DistrictOutline;
  beforeAll(() => {
    outline = loadDistrictOutline('110101');
  });

  it('is one valid, closed polygon with RFC 7946 winding', () => {
    expect(outline.properties).toMatchObject({ code: '110101', name: '东城区' });
    expect(outline.geometry.type).toBe('Polygon');
    expect(isValidPolygonal(outline.geometry)).toBe(true);
    for (const ring of polygonsOf(outline.geometry).flat()) {
      expect(ring[0]).toEqual(ring.at(-1));
      expect(ring.length).toBeGreaterThan(100);
    }
    expect(turf.booleanClockwise(polygonsOf(outline.geometry)[0]?.[0] ?? [])).toBe(false);
  });

  it('has about the official area (measured 41.80 km²)', () => {
    const km2 = turf.area(outline) / 1e6;
    expect(km2).toBeGreaterThan(OFFICIAL_AREA_KM2 * 0.99);
    expect(km2).toBeLessThan(OFFICIAL_AREA_KM2 * 1.01);
  });

  it('is centred near the district centre 116.418, 39.918 (a GCJ-02 value, compared in WGS 84)', () => {
    const centre = gcj02PointToWgs84([116.418, 39.918]);
    const centroid = turf.centerOfMass(outline).geometry.coordinates;
    expect(turf.distance(centroid, centre, { units: 'meters' })).toBeLessThan(600);
  });

  it('is shifted from the GCJ-02 map datum to WGS 84 (≈ 500–700 m west and south in Beijing)', () => {
    const label = outline.properties.labelPoint ?? [];
    const raw: Position = [116.418757, 39.917544]; // the map's own `cp`
    const shift = turf.distance(raw, label, { units: 'meters' });
    expect(shift).toBeGreaterThan(450);
    expect(shift).toBeLessThan(700);
    expect(label[0]).toBeLessThan(116.418757);
    expect(label[1]).toBeLessThan(39.917544);
  });

  it('lies inside the known bounds of 东城区 (二环 inside, 永定门外 south, 和平里 north)', () => {
    const [minX, minY, maxX, maxY] = turf.bbox(outline);
    expect(minX).toBeGreaterThan(116.36);
    expect(maxX).toBeLessThan(116.46);
    expect(minY).toBeGreaterThan(39.85);
    expect(maxY).toBeLessThan(39.98);
  });

  it('refuses a code that is not on the map', () => {
    expect(() => loadDistrictOutline('110199')).toThrow(/not in/);
  });
});
