/** Hotspots (GET /analytics/hotspots: grid × class) summed per grid, and the map's colour scale. */

export interface Hotspot {
  gridCode: string;
  gridName: string;
  classId: number;
  className: string;
  reported: number;
  filed: number;
  lng: number;
  lat: number;
}

/** Report and filing counts summed per grid. */
export function countsByGrid(spots: readonly Hotspot[]): Map<string, { reported: number; filed: number }> {
  const out = new Map<string, { reported: number; filed: number }>();
  for (const s of spots) {
    const c = out.get(s.gridCode) ?? { reported: 0, filed: 0 };
    c.reported += s.reported;
    c.filed += s.filed;
    out.set(s.gridCode, c);
  }
  return out;
}

/** None, 1–2, 3–5, 6 and more reports. */
export const HEAT = ['#f0f5ff', '#ffd591', '#fa8c16', '#cf1322'] as const;
export function heatFor(n: number): string {
  return n === 0 ? HEAT[0] : n <= 2 ? HEAT[1] : n <= 5 ? HEAT[2] : HEAT[3];
}
