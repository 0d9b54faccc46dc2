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

type Box = [number, number, number, number];

/** Half-size of the box around the point, in degrees: grids ≈ 100 m, so ±170 m shows a ring or two. */
const HALF = 0.002;

const PHONE_VIEW = (p: { lng: number; lat: number }): Box => [
  p.lng - 0.0008,
  p.lat - 0.0004,
  p.lng + 0.0008,
  p.lat + 0.0004,
];

export function boxAround(point: { lng: number; lat: number }, half: number): Box {
  return [point.lng - half, point.lat - half, point.lng + half, point.lat + half];
}

/**
 * The part of a view where a level's names go (the server's `labelBbox`): the street, community
 * and grid holding the point would all be named at the view's centre, on the case's marker. So
 * streets are named in the upper band, communities in the lower band, grids at their own centres.
 * A region that misses its band is named at a point of its own surface.
 */
export function labelBand(box: Box, level: ContextLevel): Box {
  const [w, s, e, n] = box;
  const h = n - s;
  if (level === 'street') return [w, s + 0.62 * h, e, n - 0.08 * h];
  if (level === 'community') return [w, s + 0.08 * h, e, s + 0.38 * h];
  return box;
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
    query: {
      level,
      bbox: bboxParam(boxAround(point, HALF)),
      // Names within what a phone's map shows at zoom 17 (≈ ±0.0009° × ±0.00045° in 390 × 200 px).
      labelBbox: bboxParam(labelBand(PHONE_VIEW(point), level)),
      limit: 500,
    },
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
