/**
 * The surroundings of one place on a case map: the street (街道), community (社区) and unit grid
 * (单元网格) outlines in a box around the point, each with its name, and for staff maps the
 * components (部件) nearby. Imports only the API client, so phone pages can use it without the
 * desktop map.
 */
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { api } from '../api.js';

type Props = Record<string, unknown>;
export type Outlines = FeatureCollection<Geometry, Props>;
export type ContextLevel = 'street' | 'community' | 'grid';

/** Half-sizes of the boxes, in degrees: grids ≈ 100 m, so ±350 m shows a few rings of them. */
const HALF: Record<ContextLevel, number> = { street: 0.02, community: 0.008, grid: 0.004 };

export function boxAround(
  point: { lng: number; lat: number },
  half: number,
): [number, number, number, number] {
  return [point.lng - half, point.lat - half, point.lng + half, point.lat + half];
}

function bboxParam(box: readonly number[]): string {
  return box.map((n) => n.toFixed(5)).join(',');
}

/** Outlines of one level around the point (bounded: at most a few hundred grids). */
export function outlinesAround(
  level: ContextLevel,
  point: { lng: number; lat: number },
  signal?: AbortSignal,
): Promise<Outlines> {
  return api.request<Outlines>('GET', '/regions/export.geojson', {
    query: { level, bbox: bboxParam(boxAround(point, HALF[level])), limit: 500 },
    signal,
  });
}

/** Components within ±150 m of the point (staff only: the register follows jurisdiction). */
export function componentsAround(
  point: { lng: number; lat: number },
  signal?: AbortSignal,
): Promise<FeatureCollection<Point, Props>> {
  return api.request<FeatureCollection<Point, Props>>('GET', '/components/export.geojson', {
    query: { bbox: bboxParam(boxAround(point, 0.0015)), limit: 500 },
    signal,
  });
}

/** The name a map writes for a region: its short name where one is recorded. */
export function outlineName(feature: Feature<Geometry, Props>): string | null {
  const p = feature.properties;
  if (typeof p.shortName === 'string' && p.shortName) return p.shortName;
  return typeof p.name === 'string' && p.name ? p.name : null;
}
