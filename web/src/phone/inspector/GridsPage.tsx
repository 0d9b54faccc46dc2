/** 我的网格 — the inspector's unit grids on a map, with the open cases inside them. */
import { List, NavBar, Tag, Toast } from 'antd-mobile';
import type { FeatureCollection } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { statusLabels } from '../../shared/labels.js';
import { loadRegions } from '../../shared/map/layers.js';
import { phoneMessages } from '../messages.js';
import { PointMap, type MapMarker } from '../PointMap.js';
import { LangSwitch, problemText } from '../ui.js';
import { staff, type CaseSummary, type StaffUser } from './api.js';
import { inspectorMessages } from './messages.js';

export function GridsPage({ user }: { user: StaffUser }) {
  const t = inspectorMessages.useT();
  const tp = phoneMessages.useT();
  const status = statusLabels.useT();
  const navigate = useNavigate();
  const [grids, setGrids] = useState<FeatureCollection | null>(null);
  const [cases, setCases] = useState<CaseSummary[]>([]);

  useEffect(() => {
    // Outlines are public data (every grid of the district); the inspector's are those inside the
    // regions the account is bound to (codes are hierarchical by prefix).
    loadRegions('grid').then(
      (all) => setGrids(withinRegions(all, user.regionCodes)),
      (error: unknown) => Toast.show({ content: problemText(error) }),
    );
    staff.openCases().then(
      (page) => setCases(page.items),
      (error: unknown) => Toast.show({ content: problemText(error) }),
    );
  }, [user.id, user.regionCodes]);

  const markers = useMemo<MapMarker[]>(
    () =>
      cases.map((c) => ({
        id: c.id,
        lng: c.location.lng,
        lat: c.location.lat,
        label: `${c.number} ${c.classification.name}`,
        colour: c.status === 'verify_pending' || c.status === 'check_pending' ? '#d4380d' : '#1456b8',
      })),
    [cases],
  );

  return (
    <div>
      <NavBar back={null} right={<LangSwitch />}>
        {t('myGridsTitle')}
      </NavBar>
      <div style={{ padding: 12 }}>
        <PointMap
          label={t('myGridsTitle')}
          areas={grids}
          markers={markers}
          onMarker={(id) => navigate(`/inspector/cases/${id}`)}
          height={360}
        />
        <div style={{ fontSize: 13, color: 'var(--adm-color-weak)', marginTop: 6 }}>
          {grids ? t('gridCount', { count: grids.features.length }) : tp('loading')}
        </div>
      </div>
      <List header={t('openCases')}>
        {cases.map((c) => (
          <List.Item
            key={c.id}
            arrow
            onClick={() => navigate(`/inspector/cases/${c.id}`)}
            extra={<Tag>{status(c.status)}</Tag>}
            description={c.number}
          >
            {c.classification.name}
          </List.Item>
        ))}
      </List>
    </div>
  );
}

/** The grids inside any of `regionCodes` (all of them for an account bound to no region). */
function withinRegions(grids: FeatureCollection, regionCodes: readonly string[]): FeatureCollection {
  if (regionCodes.length === 0) return grids;
  return {
    ...grids,
    features: grids.features.filter((feature) => {
      const code = (feature.properties as { code?: unknown } | null)?.code;
      return typeof code === 'string' && regionCodes.some((region) => code.startsWith(region));
    }),
  };
}
