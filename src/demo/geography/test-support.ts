/** Shared checks for partition tests (imported by *.test.ts only). */
import * as turf from '@turf/turf';
import type { BBox } from 'geojson';
import type { Polygonal } from './geometry.js';

/** Sum of the pairwise intersection areas of the pieces, by `area` (only pairs whose boxes meet). */
export function totalOverlap(pieces: readonly Polygonal[], area: (g: Polygonal) => number): number {
  const boxes = pieces.map((g) => turf.bbox(g));
  let overlap = 0;
  for (let i = 0; i < pieces.length; i++) {
    for (let j = i + 1; j < pieces.length; j++) {
      const a = pieces[i];
      const b = pieces[j];
      if (!a || !b || !boxesMeet(boxes[i], boxes[j])) continue;
      const common = turf.intersect(turf.featureCollection([turf.feature(a), turf.feature(b)]));
      if (common) overlap += area(common.geometry);
    }
  }
  return overlap;
}

function boxesMeet(a: BBox | undefined, b: BBox | undefined): boolean {
  if (!a || !b) return false;
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
