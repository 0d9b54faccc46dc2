/** 城市部件: the component register — filters, list, map, import (CSV / GeoJSON) and GeoJSON export. */
import { useMemo, useState } from 'react';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { Button, Card, Col, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { api } from '../../../shared/api.js';
import { MapView, componentLayer } from '../../../shared/map/index.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useAsync } from '../../ui/useAsync.js';
import { useRegionLayers } from '../../ui/useRegions.js';
import { useWebConfig } from '../../ui/useWebConfig.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { m } from '../../messages.js';
import { SearchBox } from './fields.js';
import { PagedTable } from './PagedTable.js';
import { ImportCard } from './imports.js';
import { adm, COMPONENT_STATUSES, componentStatusLabels, type ComponentStatus } from './messages.js';

interface ComponentRow {
  id: string;
  identifier: string;
  name: string;
  status: ComponentStatus;
  classification: { code: string; name: string; majorName: string };
  location: { grid: { code: string; name: string } | null };
}

const MAP_LIMIT = 5000;

export function ComponentsPage() {
  const t = adm.useT();
  const tm = m.useT();
  const ts = componentStatusLabels.useT();
  const config = useWebConfig();
  const [filter, setFilter] = useState<{ classCode?: string; status?: ComponentStatus; q?: string }>({});
  const [reloadKey, setReloadKey] = useState(0);
  const [showImport, setShowImport] = useState(false);

  const points = useAsync(
    (signal) =>
      api.request<FeatureCollection>('GET', '/components/export.geojson', {
        query: { ...filter, limit: MAP_LIMIT },
        signal,
      }),
    [JSON.stringify(filter), reloadKey],
  );
  const { polygons, fit } = useRegionLayers();
  const pointData = useMemo(() => {
    if (!points.data) return null;
    const features = points.data.features.filter(
      (f): f is Feature<Point, Record<string, unknown>> => f.geometry?.type === 'Point',
    );
    const collection: FeatureCollection<Point, Record<string, unknown>> = {
      type: 'FeatureCollection',
      features,
    };
    return collection;
  }, [points.data]);
  const layer = useMemo(
    () => ({ ...componentLayer(tm('mapComponents'), pointData), minZoom: 0 }),
    [pointData, tm],
  );
  const exportUrl = api.url('/components/export.geojson', { ...filter, limit: 100_000 });

  return (
    <>
      <PageHeader
        title={tm('navComponents')}
        sub={t('componentsHint')}
        extra={
          <>
            <Button onClick={() => setShowImport((v) => !v)} aria-expanded={showImport}>
              {t('importComponents')}
            </Button>
            <Button icon={<DownloadOutlined />} href={exportUrl} download="components.geojson">
              {t('exportGeojson')}
            </Button>
          </>
        }
      />
      {showImport && (
        <ImportCard
          title={t('importComponents')}
          hint={t('componentImportHint')}
          path="/components/import"
          accept=".csv,.geojson,.json,text/csv,application/geo+json"
          csv
          onImported={() => setReloadKey((k) => k + 1)}
        />
      )}
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: '12px 16px' } }}>
        <Space wrap>
          <SearchBox
            placeholder={t('componentSearch')}
            width={260}
            onSearch={(q) => setFilter((f) => ({ ...f, q: q || undefined }))}
          />
          <Input
            aria-label={t('classPrefix')}
            placeholder={t('classPrefix')}
            allowClear
            style={{ width: 160 }}
            onPressEnter={(e) => {
              const v = (e.target as HTMLInputElement).value.trim();
              setFilter((f) => ({ ...f, classCode: /^\d{2,5}$/.test(v) ? v : undefined }));
            }}
          />
          <Select
            aria-label={t('componentStatus')}
            placeholder={t('componentStatus')}
            allowClear
            style={{ width: 140 }}
            value={filter.status}
            onChange={(status?: ComponentStatus) => setFilter((f) => ({ ...f, status }))}
            options={COMPONENT_STATUSES.map((s) => ({ value: s, label: ts(s) }))}
          />
          {points.data && (
            <Typography.Text type="secondary">
              {t('onMap', { n: pointData?.features.length ?? 0 })}
            </Typography.Text>
          )}
        </Space>
      </Card>
      <Row gutter={16}>
        <Col span={13}>
          <Card>
            <PagedTable<ComponentRow>
              path="/components"
              query={filter}
              rowKey="id"
              reloadKey={reloadKey}
              pageSize={12}
              scrollX="max-content"
              columns={[
                { title: t('identifier'), dataIndex: 'identifier', width: 172 },
                { title: t('name'), dataIndex: 'name', width: 140 },
                {
                  title: t('classification'),
                  width: 110,
                  render: (_v, c) => (
                    <>
                      {c.classification.name}
                      <div className="shuzhi-muted">{c.classification.code}</div>
                    </>
                  ),
                },
                {
                  title: t('componentStatus'),
                  dataIndex: 'status',
                  width: 80,
                  render: (v: ComponentStatus) => (
                    <Tag color={v === 'intact' ? 'green' : 'orange'}>{ts(v)}</Tag>
                  ),
                },
                {
                  title: t('grid'),
                  width: 140,
                  ellipsis: true,
                  render: (_v, c) => c.location.grid?.code ?? '—',
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={11}>
          <Card size="small" title={t('componentMap')} styles={{ body: { padding: 8 } }}>
            <ErrorAlert error={points.error} onRetry={points.reload} />
            <MapView
              label={t('componentMap')}
              tiles={config?.tiles ?? null}
              polygons={polygons}
              points={[layer]}
              fit={fit}
              layerSwitcher
              style={{ height: 600 }}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
