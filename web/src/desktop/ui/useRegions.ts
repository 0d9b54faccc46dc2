/** The district's region outlines for the desktop maps (each level loaded once per page load). */
import { useMemo } from 'react';
import type { FeatureCollection, Geometry } from 'geojson';
import { bboxOfFeatures, loadRegions, regionLayers, type Props } from '../../shared/map/index.js';
import { m } from '../messages.js';
import { useAsync } from './useAsync.js';

/** The streets or the communities of the district; null until loaded (or when loading failed). */
export function useRegions(level: 'street' | 'community'): FeatureCollection<Geometry, Props> | null {
  return useAsync(() => loadRegions(level), [level]).data ?? null;
}

/**
 * The district map's standard outlines — streets, communities (from zoom 12), unit grids (from
 * zoom 15) — named in the user's language, and the streets' bounds to fit the map to.
 */
export function useRegionLayers() {
  const t = m.useT();
  const streets = useRegions('street');
  const communities = useRegions('community');
  const polygons = useMemo(
    () =>
      regionLayers(
        { streets: t('mapStreets'), communities: t('mapCommunities'), grids: t('mapGrids') },
        { streets, communities },
      ),
    [streets, communities, t],
  );
  const fit = useMemo(() => bboxOfFeatures(streets), [streets]);
  return { polygons, fit };
}
