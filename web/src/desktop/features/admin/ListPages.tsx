/** Administered lists: departments, routing rules, classes and deadlines, regions, components. */
import { useState } from 'react';
import { App as AntApp, Card, Col, Row, Table, Tag, Upload, Button, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { api } from '../../../shared/api.js';
import {
  clockLabels,
  errorMessage,
  urgencyLabels,
  type Clock,
  type Urgency,
} from '../../../shared/labels.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useAsync } from '../../ui/useAsync.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { m } from '../../messages.js';
import { allDepartments } from '../cases/types.js';
import { PagedTable } from './PagedTable.js';
import { adm } from './messages.js';

export function DepartmentsPage() {
  const t = adm.useT();
  const tm = m.useT();
  return (
    <>
      <PageHeader title={tm('navDepartments')} />
      <Card>
        <PagedTable<{
          id: number;
          name: string;
          shortName: string | null;
          creditCode: string | null;
          kindLabel: string;
          active: boolean;
        }>
          path="/departments"
          rowKey="id"
          columns={[
            { title: t('name'), dataIndex: 'name' },
            { title: t('shortName'), dataIndex: 'shortName' },
            { title: t('kind'), dataIndex: 'kindLabel', width: 120 },
            { title: t('creditCode'), dataIndex: 'creditCode', width: 200 },
            {
              title: t('active'),
              dataIndex: 'active',
              width: 90,
              render: (v: boolean) => (
                <Tag color={v ? 'green' : 'default'}>{v ? t('enabled') : t('disabled')}</Tag>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}

interface Rule {
  id: number;
  position: number;
  name: string;
  kind: string | null;
  classCodePrefix: string | null;
  regionCode: string | null;
  useComponentOwner: boolean;
  departmentId: number | null;
  active: boolean;
}

export function RoutingPage() {
  const t = adm.useT();
  const tm = m.useT();
  const rules = useAsync(() => api.get<Rule[]>('/routing-rules'), []);
  const departments = useAsync(() => allDepartments(), []);
  return (
    <>
      <PageHeader title={tm('navRouting')} />
      <ErrorAlert error={rules.error} onRetry={rules.reload} />
      <Card>
        <Table<Rule>
          rowKey="id"
          loading={rules.loading}
          dataSource={rules.data ?? []}
          pagination={{ pageSize: 15 }}
          columns={[
            { title: t('order'), dataIndex: 'position', width: 70 },
            { title: t('name'), dataIndex: 'name' },
            {
              title: t('classPrefix'),
              dataIndex: 'classCodePrefix',
              width: 120,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('region'),
              dataIndex: 'regionCode',
              width: 120,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('target'),
              render: (_v, r) =>
                r.useComponentOwner ? (
                  <Tag color="purple">{t('ownerFirst')}</Tag>
                ) : (
                  (departments.data?.find((d) => d.id === r.departmentId)?.name ?? '—')
                ),
            },
            {
              title: t('active'),
              dataIndex: 'active',
              width: 80,
              render: (v: boolean) => (
                <Tag color={v ? 'green' : 'default'}>{v ? t('enabled') : t('disabled')}</Tag>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}

interface StageLimit {
  clock: Clock;
  urgency: Urgency;
  amount: number;
  unit: string;
  source: string;
}

export function ClassesPage() {
  const t = adm.useT();
  const tm = m.useT();
  const tc = clockLabels.useT();
  const tu = urgencyLabels.useT();
  const limits = useAsync(() => api.get<{ stage: StageLimit[] }>('/time-limits'), []);
  return (
    <>
      <PageHeader title={tm('navClasses')} />
      <Row gutter={16}>
        <Col span={14}>
          <Card title={tm('colClass')} size="small">
            <PagedTable<{
              id: number;
              standard: string;
              kind: string;
              majorName: string;
              code: string;
              name: string;
              active: boolean;
            }>
              path="/classifications"
              rowKey="id"
              pageSize={12}
              columns={[
                { title: t('code'), dataIndex: 'code', width: 90 },
                { title: t('nameClass'), dataIndex: 'name' },
                { title: t('majorName'), dataIndex: 'majorName' },
                { title: t('standard'), dataIndex: 'standard', width: 150 },
              ]}
            />
          </Card>
        </Col>
        <Col span={10}>
          <Card title={t('stageLimits')} size="small">
            <ErrorAlert error={limits.error} onRetry={limits.reload} />
            <Table<StageLimit>
              size="small"
              rowKey={(r) => `${r.clock}-${r.urgency}`}
              loading={limits.loading}
              dataSource={limits.data?.stage ?? []}
              pagination={false}
              columns={[
                { title: t('clock'), dataIndex: 'clock', render: (v: Clock) => tc(v) },
                { title: t('urgency'), dataIndex: 'urgency', render: (v: Urgency) => tu(v) },
                {
                  title: t('amount'),
                  render: (_v, r) =>
                    `${r.amount} ${r.unit.replace('working_', '').replace('minutes', 'min').replace('hours', 'h')}`,
                },
                { title: t('source'), dataIndex: 'source', ellipsis: true },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

export function RegionsPage() {
  const t = adm.useT();
  const tm = m.useT();
  const { message } = AntApp.useApp();
  const [reloadKey, setReloadKey] = useState(0);
  const [busy, setBusy] = useState(false);

  async function importFile(file: File) {
    setBusy(true);
    try {
      const body: unknown = JSON.parse(await file.text());
      const report = await api.post<{ imported?: number; created?: number; updated?: number }>(
        '/regions/import',
        body,
        {
          idempotencyKey: true,
        },
      );
      const n = report.imported ?? (report.created ?? 0) + (report.updated ?? 0);
      void message.success(t('imported', { n }));
      setReloadKey((k) => k + 1);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader
        title={tm('navRegions')}
        extra={
          <Upload
            accept=".geojson,.json,application/geo+json"
            showUploadList={false}
            beforeUpload={(f) => (void importFile(f), false)}
          >
            <Button icon={<UploadOutlined />} loading={busy}>
              {t('importRegions')}
            </Button>
          </Upload>
        }
      />
      <Typography.Paragraph type="secondary">{t('importHint')}</Typography.Paragraph>
      <Row gutter={16}>
        {(['street', 'community'] as const).map((level) => (
          <Col span={12} key={level}>
            <Card title={level === 'street' ? tm('mapStreets') : tm('mapCommunities')} size="small">
              <PagedTable<{ code: string; name: string; areaM2: number; synthetic: boolean }>
                path="/regions"
                query={{ level }}
                rowKey="code"
                reloadKey={reloadKey}
                pageSize={10}
                columns={[
                  { title: t('code'), dataIndex: 'code', width: 130 },
                  { title: t('name'), dataIndex: 'name' },
                  {
                    title: t('area'),
                    dataIndex: 'areaM2',
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
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}

export function ComponentsPage() {
  const t = adm.useT();
  const tm = m.useT();
  return (
    <>
      <PageHeader title={tm('navComponents')} />
      <Card>
        <PagedTable<{
          id: string;
          identifier: string;
          name: string;
          classification: { code: string; name: string; majorName: string };
          location: { grid: { code: string; name: string } | null; street?: { name: string } | null };
        }>
          path="/components"
          rowKey="id"
          columns={[
            { title: t('identifier'), dataIndex: 'identifier', width: 180 },
            { title: t('name'), dataIndex: 'name' },
            {
              title: t('classification'),
              render: (_v, c) =>
                `${c.classification.majorName} / ${c.classification.name}（${c.classification.code}）`,
            },
            { title: t('grid'), render: (_v, c) => c.location.grid?.name ?? '—' },
          ]}
        />
      </Card>
    </>
  );
}
