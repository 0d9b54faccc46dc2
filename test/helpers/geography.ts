/**
 * A small square test district, independent of the demo data: district 110101 split into two
 * streets (west 001, east 002), each into two communities (north 001, south 002), each into two
 * unit grids (west 001, east 002). 0.002° × 0.002° per grid (≈ 170 m × 220 m).
 */
import type { Feature, FeatureCollection, Polygon } from 'geojson';

export const ORIGIN = { lng: 116.4, lat: 39.9 };
const G = 0.002;

/** A rectangle from ORIGIN, corners in `unit` degrees (default: grid widths). */
export function box(x0: number, y0: number, x1: number, y1: number, unit = G): Polygon {
  const [a, b, c, d] = [
    ORIGIN.lng + x0 * unit,
    ORIGIN.lat + y0 * unit,
    ORIGIN.lng + x1 * unit,
    ORIGIN.lat + y1 * unit,
  ];
  return {
    type: 'Polygon',
    coordinates: [
      [
        [a, b],
        [c, b],
        [c, d],
        [a, d],
        [a, b],
      ],
    ],
  };
}

function feature(code: string, name: string, geometry: Polygon): Feature<Polygon> {
  return { type: 'Feature', properties: { code, name }, geometry };
}

/** The test district: 4 × 2 grid cells wide (x 0..4) and 2 high (y 0..2). */
export function testDistrict(): FeatureCollection<Polygon> {
  const features: Feature<Polygon>[] = [feature('110101', '东城区', box(0, 0, 4, 2))];
  for (const [s, x0] of [
    [1, 0],
    [2, 2],
  ] as const) {
    const street = `110101${String(s).padStart(3, '0')}`;
    features.push(feature(street, `测试${s}街道`, box(x0, 0, x0 + 2, 2)));
    for (const [c, y0] of [
      [1, 1],
      [2, 0],
    ] as const) {
      const community = `${street}${String(c).padStart(3, '0')}`;
      features.push(feature(community, `测试${s}-${c}社区`, box(x0, y0, x0 + 2, y0 + 1)));
      for (const g of [1, 2]) {
        const gx = x0 + g - 1;
        features.push(feature(`${community}00${g}`, `${s}-${c}-${g}号网格`, box(gx, y0, gx + 1, y0 + 1)));
      }
    }
  }
  return { type: 'FeatureCollection', features };
}

/** The centre of a test grid, by its street/community/grid numbers. */
export function gridCentre(street: 1 | 2, community: 1 | 2, grid: 1 | 2): { lng: number; lat: number } {
  const x = (street - 1) * 2 + (grid - 1) + 0.5;
  const y = community === 1 ? 1.5 : 0.5;
  return { lng: ORIGIN.lng + x * G, lat: ORIGIN.lat + y * G };
}

export const STREET_A = '110101001';
export const STREET_B = '110101002';
