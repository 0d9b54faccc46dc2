/** 高发区域: where problems of each class are reported most, from the grid rollups. */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { classesForReporting } from '../classification/index.js';
import { caseRollupRows } from '../evaluation/index.js';
import { regionsForReporting } from '../geography/index.js';
import { levelFor, periodOf, type AnalyticsRequest } from './request.js';

export interface Hotspot {
  gridCode: string;
  gridName: string;
  classId: number;
  className: string;
  reported: number;
  filed: number;
  lng: number | null;
  lat: number | null;
}

/** 高发区域: cases per unit grid and class, most first (centroids for a map). */
export async function hotspots(db: Kysely<DB>, request: AnalyticsRequest, limit: number): Promise<Hotspot[]> {
  const period = periodOf(request);
  await levelFor(db, request.filter); // names an unknown region
  const rows = await sql<{
    grid_code: string;
    grid_name: string | null;
    class_id: number;
    class_name: string | null;
    reported: string;
    filed: string;
    lng: number | null;
    lat: number | null;
  }>`
    with h as (
      select region_code, class_id, sum(reported)::bigint as reported, sum(filed)::bigint as filed
      from ${caseRollupRows(db, 'grid', period, request.filter).as('r')}
      group by region_code, class_id
      having sum(reported) > 0 or sum(filed) > 0
      order by sum(reported) desc, sum(filed) desc, region_code, class_id
      limit ${limit})
    select h.region_code as grid_code, g.name as grid_name, h.class_id, k.name as class_name, h.reported, h.filed,
      ST_X(g.centroid) as lng, ST_Y(g.centroid) as lat
    from h left join ${regionsForReporting(db).as('g')} on g.code = h.region_code
      left join ${classesForReporting(db).as('k')} on k.id = h.class_id
    order by h.reported desc, h.filed desc, h.region_code, h.class_id`.execute(db);
  return rows.rows.map((r) => ({
    gridCode: r.grid_code,
    gridName: r.grid_name ?? r.grid_code,
    classId: Number(r.class_id),
    className: r.class_name ?? String(r.class_id),
    reported: Number(r.reported),
    filed: Number(r.filed),
    lng: r.lng === null ? null : Number(r.lng),
    lat: r.lat === null ? null : Number(r.lat),
  }));
}

/** Hotspots as a GeoJSON FeatureCollection of grid centroids. */
export function hotspotsGeoJson(spots: Hotspot[]) {
  return {
    type: 'FeatureCollection' as const,
    features: spots
      .filter((s) => s.lng !== null && s.lat !== null)
      .map((s) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [s.lng!, s.lat!] },
        properties: {
          gridCode: s.gridCode,
          gridName: s.gridName,
          classId: s.classId,
          className: s.className,
          reported: s.reported,
          filed: s.filed,
        },
      })),
  };
}
