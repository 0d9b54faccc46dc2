/** 区域与网格: streets and communities, boundary import (GeoJSON) and unit-grid generation. */
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  InputNumber,
  Row,
  Select,
  Switch,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { AppstoreAddOutlined } from '@ant-design/icons';
import { api } from '../../../shared/api.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useAsync } from '../../ui/useAsync.js';
import { m } from '../../messages.js';
import { PagedTable } from './PagedTable.js';
import { FormError, useFormSubmit } from './editing.js';
import { ImportCard } from './imports.js';
import { adm } from './messages.js';

interface RegionRow {
  code: string;
  name: string;
  areaM2: number;
  synthetic: boolean;
  parentCode: string | null;
}

interface GridReport {
  communities: number;
  grids: number;
  replaced: number;
  componentsRelocated: number;
  cellArea: number;
}

export function RegionsPage() {
  const t = adm.useT();
  const tm = m.useT();
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <>
      <PageHeader title={tm('navRegions')} sub={t('regionsHint')} />
      <Row gutter={16}>
        <Col span={14}>
          <Card styles={{ body: { paddingTop: 4 } }}>
            <Tabs
              items={(['street', 'community'] as const).map((level) => ({
                key: level,
                label: level === 'street' ? tm('mapStreets') : tm('mapCommunities'),
                children: (
                  <PagedTable<RegionRow>
                    path="/regions"
                    query={{ level }}
                    rowKey="code"
                    reloadKey={reloadKey}
                    pageSize={10}
                    columns={[
                      { title: t('code'), dataIndex: 'code', width: 140 },
                      { title: t('name'), dataIndex: 'name' },
                      {
                        title: t('area'),
                        dataIndex: 'areaM2',
                        align: 'right',
                        render: (v: number) => Math.round(v).toLocaleString(),
                      },
                      {
                        title: '',
                        dataIndex: 'synthetic',
                        width: 100,
                        render: (v: boolean) => (v ? <Tag>{t('synthetic')}</Tag> : null),
                      },
                    ]}
                  />
                ),
              }))}
            />
          </Card>
        </Col>
        <Col span={10}>
          <ImportCard
            title={t('importRegions')}
            hint={t('importHint')}
            path="/regions/import"
            accept=".geojson,.json,application/geo+json"
            onImported={() => setReloadKey((k) => k + 1)}
          />
          <GridGenerator onDone={() => setReloadKey((k) => k + 1)} />
        </Col>
      </Row>
    </>
  );
}

function GridGenerator({ onDone }: { onDone: () => void }) {
  const t = adm.useT();
  const [form] = Form.useForm<{ streetCode: string; cellArea: number; replace: boolean }>();
  const streets = useAsync(
    () => api.get<{ items: RegionRow[] }>('/regions', { level: 'street', limit: 200 }),
    [],
  );
  const { busy, error, rest, submit } = useFormSubmit(form);
  const [report, setReport] = useState<GridReport | null>(null);

  async function generate() {
    const sent = await submit(async (values) => {
      setReport(null);
      setReport(await api.post<GridReport>('/grids/generate', values));
    });
    if (sent) onDone();
  }

  return (
    <Card title={t('generateGrids')}>
      <Typography.Paragraph type="secondary">{t('generateHint')}</Typography.Paragraph>
      <FormError error={error} rest={rest} />
      {report && (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginBottom: 12 }}
          message={t('generated', {
            grids: report.grids,
            communities: report.communities,
            replaced: report.replaced,
            moved: report.componentsRelocated,
          })}
        />
      )}
      <Form form={form} layout="vertical" initialValues={{ cellArea: 10_000, replace: false }}>
        <Form.Item name="streetCode" label={t('street')} rules={[{ required: true, message: t('required') }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={streets.loading}
            options={(streets.data?.items ?? []).map((s) => ({
              value: s.code,
              label: `${s.name}（${s.code}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="cellArea" label={t('cellArea')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={100} max={1_000_000} step={1000} style={{ width: '100%' }} addonAfter="m²" />
        </Form.Item>
        <Form.Item name="replace" label={t('replaceGrids')} valuePropName="checked" extra={t('replaceHint')}>
          <Switch />
        </Form.Item>
        <Button type="primary" icon={<AppstoreAddOutlined />} loading={busy} onClick={() => void generate()}>
          {t('generate')}
        </Button>
      </Form>
    </Card>
  );
}
