/**
 * The dashboard's map: communities filled by the period's reports and outlined red where handling
 * went overdue, unit grids (from zoom 15) coloured by their reports, the streets, and the legend.
 */
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { Card, Space, Tag } from 'antd';
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
import { heatFor } from '../analytics/hotspots.js';
import { FILL, fillFor, type Facts } from './figures.js';
import { dm } from './messages.js';

export function DashboardMap({
  byCommunity,
  byGrid,
  analyticsLink,
}: {
  /** The period's counts per community code. */
  byCommunity: ReadonlyMap<string, Facts>;
  /** The period's reports and filings per grid code (hotspots summed). */
  byGrid: ReadonlyMap<string, { reported: number; filed: number }> | undefined;
  /** The analytics page for the same days. */
  analyticsLink: string;
}) {
  const t = dm.useT();
  const tm = m.useT();
  const config = useWebConfig();
  const streets = useRegions('street');
  const communities = useRegions('community');

  const polygons = useMemo<PolygonLayer[]>(
    () => [
      {
        id: 'communities',
        name: tm('mapCommunities'),
        data: communities,
        style: (f: Feature<Geometry, Record<string, unknown>>) => {
          const c = byCommunity.get(String(f.properties.code));
          const overdue = (c?.overdue ?? 0) > 0;
          return {
            color: overdue ? '#e8412c' : '#6b89b8',
            weight: overdue ? 1.8 : 0.8,
            fillColor: fillFor(c?.reported ?? 0),
            fillOpacity: 0.75,
          };
        },
        tooltip: (f) => {
          const c = byCommunity.get(String(f.properties.code));
          return `${regionName(f)}：${t('communityTip', {
            reported: c?.reported ?? 0,
            closed: c?.closed ?? 0,
            overdue: c?.overdue ?? 0,
          })}`;
        },
      },
      {
        id: 'grids',
        name: tm('mapGrids'),
        minZoom: 15,
        load: (bbox, signal) => loadRegions('grid', { bbox, signal }),
        style: (f) => {
          const n = byGrid?.get(String(f.properties.code))?.reported ?? 0;
          return { color: '#6b89b8', weight: 0.4, fillColor: heatFor(n), fillOpacity: n ? 0.85 : 0.3 };
        },
        tooltip: (f) => {
          const c = byGrid?.get(String(f.properties.code));
          return `${regionName(f)}：${t('gridTip', { reported: c?.reported ?? 0, filed: c?.filed ?? 0 })}`;
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
    [communities, streets, byCommunity, byGrid, t, tm],
  );

  return (
    <Card
      size="small"
      title={t('mapTitle')}
      extra={<Link to={analyticsLink}>{t('moreAnalytics')}</Link>}
      styles={{ body: { padding: 8 } }}
    >
      <MapView
        label={t('mapTitle')}
        tiles={config?.tiles ?? null}
        polygons={polygons}
        fit={bboxOfFeatures(streets)}
        layerSwitcher
        style={{ height: 460 }}
      />
      <Space style={{ marginTop: 8 }} size={12} wrap>
        <span>{t('legendTitle')}</span>
        {[t('legendNone'), t('legendFew'), t('legendSome'), t('legendMany')].map((label, i) => (
          <Space key={label} size={4}>
            <span
              aria-hidden
              style={{
                display: 'inline-block',
                width: 14,
                height: 14,
                background: FILL[i],
                border: '1px solid #6b89b8',
              }}
            />
            {label}
          </Space>
        ))}
        <Tag color="red" bordered>
          {t('overdueNow')}
        </Tag>
      </Space>
      <div className="shuzhi-map-hint">{t('mapHint')}</div>
    </Card>
  );
}
