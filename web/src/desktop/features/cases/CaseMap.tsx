/**
 * The case on its map: the point, the street, community and grid outlines of the view with their
 * names, and the components nearby — so a clerk sees where the case lies, not a dot on a blank.
 */
import { useMemo } from 'react';
import {
  MapView,
  REGION_STYLES,
  componentLayer,
  loadRegions,
  regionName,
  type PolygonLayer,
  type PointLayer,
} from '../../../shared/map/index.js';
import { componentsAround, labelBand, outlineName } from '../../../shared/map/context.js';
import { useAsync } from '../../ui/useAsync.js';
import { useWebConfig } from '../../ui/useWebConfig.js';
import { m } from '../../messages.js';

export function CaseMap({
  location,
  label,
  markerLabel,
  height = 300,
}: {
  location: { lng: number; lat: number };
  label: string;
  markerLabel: string;
  height?: number;
}) {
  const t = m.useT();
  const config = useWebConfig();
  const components = useAsync((signal) => componentsAround(location, signal), [location.lng, location.lat]);
  const polygons = useMemo<PolygonLayer[]>(() => {
    const level = (id: string, lvl: 'street' | 'community' | 'grid', style: object, minZoom?: number) => ({
      id,
      name: t(id === 'streets' ? 'mapStreets' : id === 'communities' ? 'mapCommunities' : 'mapGrids'),
      ...(minZoom ? { minZoom } : {}),
      load: (bbox: [number, number, number, number], signal: AbortSignal) =>
        loadRegions(lvl, { bbox, labelBbox: labelBand(bbox, lvl), signal }),
      style: () => style,
      tooltip: regionName,
      label: outlineName,
    });
    return [
      level('grids', 'grid', REGION_STYLES.grid, 15),
      level('communities', 'community', REGION_STYLES.community),
      level('streets', 'street', REGION_STYLES.street),
    ];
  }, [t]);
  const points = useMemo<PointLayer[]>(
    () => [{ ...componentLayer(t('mapComponents'), components.data ?? null), minZoom: 16 }],
    [components.data, t],
  );
  const marker = useMemo(() => ({ ...location, label: markerLabel }), [location, markerLabel]);
  return (
    <MapView
      label={label}
      tiles={config?.tiles ?? null}
      center={location}
      zoom={17}
      marker={marker}
      polygons={polygons}
      points={points}
      style={{ height }}
    />
  );
}
