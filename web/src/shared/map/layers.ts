/**
 * The standard layers of the district map: streets (街道), communities (社区), unit grids (单元网格)
 * from GET /regions/export.geojson, components (部件) from GET /components/export.geojson, cases
 * from GET /cases/geojson. Region outlines are loaded once per level; grids by bounding box.
 */
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { api } from '../api.js';
import type { BBox, PointLayer, PolygonLayer, Props } from './MapView.js';

type FC = FeatureCollection<Geometry, Props>;

const regionCache = new Map<string, Promise<FC>>();

/** Regions of one level (street, community, grid), optionally only inside a bbox or under a parent. */
export function loadRegions(
  level: 'district' | 'street' | 'community' | 'grid',
  options: { bbox?: BBox; labelBbox?: BBox; parent?: string; signal?: AbortSignal } = {},
): Promise<FC> {
  const query = {
    level,
    parent: options.parent,
    bbox: options.bbox?.map((n) => n.toFixed(5)).join(','),
    labelBbox: options.labelBbox?.map((n) => n.toFixed(5)).join(','),
  };
  if (options.bbox)
    return api.request<FC>('GET', '/regions/export.geojson', { query, signal: options.signal });
  const key = JSON.stringify(query);
  let cached = regionCache.get(key);
  if (!cached) {
    cached = api.get<FC>('/regions/export.geojson', query);
    cached.catch(() => regionCache.delete(key));
    regionCache.set(key, cached);
  }
  return cached;
}

export const REGION_STYLES = {
  street: { color: '#1456b8', weight: 2.2, fillOpacity: 0, opacity: 0.9 },
  community: { color: '#5b8ff9', weight: 1, fillOpacity: 0.02, opacity: 0.7, dashArray: '4 3' },
  grid: { color: '#8aa4c8', weight: 0.6, fillOpacity: 0, opacity: 0.7 },
} as const;

export function regionName(feature: Feature<Geometry, Props>): string {
  const p = feature.properties;
  const name = typeof p.name === 'string' ? p.name : '';
  const code = typeof p.code === 'string' ? p.code : '';
  return name ? `${name}（${code}）` : code;
}

/** Streets, communities (from zoom 12) and grids (from zoom 15, by bbox) as polygon layers. */
export function regionLayers(
  names: { streets: string; communities: string; grids: string },
  data: { streets: FC | null; communities: FC | null },
): PolygonLayer[] {
  return [
    {
      id: 'grids',
      name: names.grids,
      minZoom: 15,
      load: (bbox, signal) => loadRegions('grid', { bbox, signal }),
      style: () => REGION_STYLES.grid,
      tooltip: regionName,
    },
    {
      id: 'communities',
      name: names.communities,
      minZoom: 12,
      data: data.communities,
      style: () => REGION_STYLES.community,
      tooltip: regionName,
    },
    {
      id: 'streets',
      name: names.streets,
      data: data.streets,
      style: () => REGION_STYLES.street,
      tooltip: regionName,
    },
  ];
}

/** Colours of a case point by its handling light / status. */
export function caseColor(feature: Feature<Point, Props>): string {
  const p = feature.properties;
  if (p.overdueTier === 'severely_overdue') return '#a8071a';
  if (p.overdueTier === 'overdue' || p.handlingOverdue === true) return '#e8412c';
  if (p.status === 'closed') return '#52c41a';
  if (p.status === 'reported' || p.status === 'check_pending') return '#fa8c16';
  return '#1677ff';
}

export function componentLayer(name: string, data: FeatureCollection<Point, Props> | null): PointLayer {
  return {
    id: 'components',
    name,
    data,
    minZoom: 15,
    cluster: true,
    clusterUntil: 17,
    radius: 4,
    color: () => '#7b61ff',
    tooltip: (f) => {
      const p = f.properties;
      return [p.name, p.code].filter((v) => typeof v === 'string' && v).join(' · ') || null;
    },
  };
}

/** Bounding box of a FeatureCollection (for fitting the map). */
export function bboxOfFeatures(data: FC | null | undefined): BBox | null {
  if (!data || data.features.length === 0) return null;
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  const visit = (coords: unknown): void => {
    if (Array.isArray(coords) && typeof coords[0] === 'number') {
      const [x, y] = coords as [number, number];
      if (x < w) w = x;
      if (x > e) e = x;
      if (y < s) s = y;
      if (y > n) n = y;
    } else if (Array.isArray(coords)) for (const c of coords) visit(c);
  };
  for (const f of data.features) {
    if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  }
  return Number.isFinite(w) ? [w, s, e, n] : null;
}
