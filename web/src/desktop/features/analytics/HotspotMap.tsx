/**
 * The analytics page's map: a dot per grid coloured by its reports (the filtered hotspots summed
 * per grid), unit grids coloured the same from zoom 15, the streets' outlines, and the legend.
 */
import { useMemo } from 'react';
import { Card, Space } from 'antd';
import type { Feature, Geometry } from 'geojson';
import {
  MapView,
  bboxOfFeatures,
  loadRegions,
  regionName,
  REGION_STYLES,
  type PolygonLayer,
} from '../../../shared/map/index.js';
import { useRegions } from '../../ui/useRegions.js';
import { useWebConfig } from '../../ui/useWebConfig.js';
import { m } from '../../messages.js';
import { countsByGrid, HEAT, heatFor, type Hotspot } from './hotspots.js';
import { am } from './messages.js';

export function HotspotMap({ hotspots }: { hotspots: readonly Hotspot[] | undefined }) {
  const t = am.useT();
  const tm = m.useT();
  const config = useWebConfig();
  const streets = useRegions('street');

  const byGrid = useMemo(() => countsByGrid(hotspots ?? []), [hotspots]);
  const gridPoints = useMemo(() => {
    const seen = new Map<string, Hotspot>();
    for (const s of hotspots ?? []) if (!seen.has(s.gridCode)) seen.set(s.gridCode, s);
    return {
      type: 'FeatureCollection' as const,
      features: [...seen.values()].map((s) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [s.lng, s.lat] },
        properties: { gridCode: s.gridCode, gridName: s.gridName, ...byGrid.get(s.gridCode)! },
      })),
    };
  }, [hotspots, byGrid]);
  const polygons = useMemo<PolygonLayer[]>(
    () => [
      {
        id: 'grids',
        name: tm('mapGrids'),
        minZoom: 15,
        load: (bbox, signal) => loadRegions('grid', { bbox, signal }),
        style: (f: Feature<Geometry, Record<string, unknown>>) => {
          const n = byGrid.get(String(f.properties.code))?.reported ?? 0;
          return { color: '#8aa4c8', weight: 0.5, fillColor: heatFor(n), fillOpacity: n ? 0.8 : 0.2 };
        },
        tooltip: (f) => {
          const c = byGrid.get(String(f.properties.code));
          return t('hotspotTip', { grid: regionName(f), reported: c?.reported ?? 0, filed: c?.filed ?? 0 });
        },
      },
      {
        id: 'streets',
        name: tm('mapStreets'),
        data: streets,
        style: () => ({ ...REGION_STYLES.street, color: '#0b2a59' }),
        tooltip: regionName,
      },
    ],
    [byGrid, streets, t, tm],
  );

  return (
    <Card size="small" title={t('hotspotMap')} style={{ marginBottom: 16 }} styles={{ body: { padding: 8 } }}>
      <MapView
        label={t('hotspotMap')}
        tiles={config?.tiles ?? null}
        polygons={polygons}
        points={[
          {
            id: 'hotspots',
            name: t('hotspots'),
            data: gridPoints,
            color: (f) => heatFor(Number(f.properties.reported ?? 0)),
            radius: 7,
            tooltip: (f) =>
              t('hotspotTip', {
                grid: `${String(f.properties.gridName)}（${String(f.properties.gridCode)}）`,
                reported: Number(f.properties.reported ?? 0),
                filed: Number(f.properties.filed ?? 0),
              }),
          },
        ]}
        fit={bboxOfFeatures(streets)}
        layerSwitcher
        style={{ height: 420 }}
      />
      <Space style={{ marginTop: 8 }} size={12} wrap>
        <span>{t('legendTitle')}</span>
        {[t('legendFew'), t('legendSome'), t('legendMany')].map((label, i) => (
          <Space key={label} size={4}>
            <span
              aria-hidden
              style={{ display: 'inline-block', width: 14, height: 14, background: HEAT[i + 1] }}
            />
            {label}
          </Space>
        ))}
      </Space>
      <div className="shuzhi-map-hint">{t('hotspotHint')}</div>
    </Card>
  );
}
