/**
 * 统计分析: hotspots (map and table), trends by day/week/month, the weekday × hour pattern, the
 * classes with the worst on-time rate, repeated problems and citizen satisfaction, all from the
 * /analytics endpoints (rollups; repeated problems read the period's cases) with one set of
 * filters kept in the URL — period, region, class, department — and each table downloadable.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Empty, InputNumber, Row, Segmented, Space, Table, Typography } from 'antd';
import { formatDateTime, formatPercent } from '../../../shared/format.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { ExportLinks } from '../../ui/ExportLinks.js';
import { Chart } from '../../ui/LazyChart.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useUser } from '../../session.js';
import { FilterBar, useFilters } from '../filters/FilterBar.js';
import { heatOption, satisfactionOption, trendOption } from './charts.js';
import {
  useAnalytics,
  type Interval,
  type Query,
  type RepeatOptions,
  type Repeated,
  type SatisfactionGroup,
  type SatisfactionRow,
  type WorstClass,
} from './data.js';
import { HotspotMap } from './HotspotMap.js';
import type { Hotspot } from './hotspots.js';
import { am } from './messages.js';

/** A card with its table's or chart's downloads (the same query) beside its own controls. */
function Section({
  title,
  path,
  query,
  extra,
  children,
}: {
  title: string;
  path: string;
  query: Query;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      title={title}
      style={{ marginBottom: 16 }}
      extra={
        <Space wrap>
          {extra}
          <ExportLinks path={path} query={query} what={title} />
        </Space>
      }
    >
      {children}
    </Card>
  );
}

const rate = (v: number | null) => formatPercent(v);
const PAGED = { pageSize: 10, hideOnSinglePage: true, showSizeChanger: false };

export function AnalyticsPage() {
  const t = am.useT();
  const user = useUser();
  // A department's own staff see their department's cases only (the API narrows it anyway).
  const filters = useFilters({
    fixedDepartment: user.role === 'department_lead' ? (user.departmentId ?? undefined) : undefined,
  });
  const { period, regionCode, classId, departmentId } = filters;
  const [interval, setInterval] = useState<Interval>('day');
  const [groupBy, setGroupBy] = useState<SatisfactionGroup>('street');
  const [repeat, setRepeat] = useState<RepeatOptions>({ minCount: 3, windowDays: 30, radiusM: 30 });
  const query: Query = { from: period.from, to: period.to, regionCode, classId, departmentId };
  const { queries, hotspots, trends, hours, worst, repeated, satisfaction, error } = useAnalytics(query, {
    interval,
    repeat,
    groupBy,
  });

  const trendChart = useMemo(() => trendOption(trends.data ?? [], t), [trends.data, t]);
  const heatChart = useMemo(() => heatOption(hours.data ?? [], t), [hours.data, t]);
  const monthly = satisfaction.data?.groupBy === 'month';
  const satisfactionChart = useMemo(
    () => satisfactionOption(satisfaction.data?.rows ?? [], monthly, t),
    [satisfaction.data, monthly, t],
  );

  return (
    <>
      <PageHeader title={t('title')} sub={t('sub')} />
      <FilterBar filters={filters} show={['period', 'region', 'class', 'department']} />
      <ErrorAlert error={error} onRetry={hotspots.reload} />
      <Row gutter={16}>
        <Col span={14}>
          <HotspotMap hotspots={hotspots.data} />
        </Col>
        <Col span={10}>
          <Section title={t('hotspots')} path="/analytics/hotspots" query={queries.hotspots}>
            <Table<Hotspot>
              size="small"
              rowKey={(r) => `${r.gridCode}:${r.classId}`}
              loading={hotspots.loading}
              dataSource={hotspots.data ?? []}
              pagination={PAGED}
              columns={[
                {
                  title: t('grid'),
                  dataIndex: 'gridName',
                  ellipsis: true,
                  render: (name: string, r) => (
                    <span title={r.gridCode}>
                      {name} <Typography.Text type="secondary">{r.gridCode}</Typography.Text>
                    </span>
                  ),
                },
                { title: t('className'), dataIndex: 'className', ellipsis: true },
                { title: t('reported'), dataIndex: 'reported', align: 'right', width: 80 },
                { title: t('filed'), dataIndex: 'filed', align: 'right', width: 80 },
              ]}
            />
          </Section>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={14}>
          <Section
            title={t('trend')}
            path="/analytics/trends"
            query={queries.trends}
            extra={
              <Segmented<Interval>
                aria-label={t('granularity')}
                size="small"
                value={interval}
                onChange={setInterval}
                options={(['day', 'week', 'month'] as const).map((v) => ({ value: v, label: t(v) }))}
              />
            }
          >
            <Chart option={trendChart} height={300} label={t('trend')} />
          </Section>
        </Col>
        <Col span={10}>
          <Section title={t('timeOfDay')} path="/analytics/time-of-day" query={queries.timeOfDay}>
            <Chart option={heatChart} height={300} label={t('timeOfDay')} />
          </Section>
        </Col>
      </Row>
      <Section title={t('worstClasses')} path="/analytics/worst-classes" query={queries.worst}>
        <Table<WorstClass>
          size="small"
          rowKey="classId"
          loading={worst.loading}
          dataSource={worst.data ?? []}
          pagination={false}
          columns={[
            { title: t('className'), dataIndex: 'className' },
            { title: t('handled'), dataIndex: 'handled', align: 'right' },
            { title: t('handledOnTime'), dataIndex: 'handledOnTime', align: 'right' },
            { title: t('onTimeHandleRate'), dataIndex: 'onTimeHandleRate', align: 'right', render: rate },
            { title: t('toClose'), dataIndex: 'toClose', align: 'right' },
            { title: t('closedOnTime'), dataIndex: 'closedOnTime', align: 'right' },
            { title: t('onTimeCloseRate'), dataIndex: 'onTimeCloseRate', align: 'right', render: rate },
          ]}
        />
      </Section>
      <Section
        title={t('repeated')}
        path="/analytics/repeated"
        query={queries.repeated}
        extra={
          <Space size={4}>
            {(['minCount', 'windowDays', 'radiusM'] as const).map((k) => (
              <InputNumber
                key={k}
                size="small"
                aria-label={t(k)}
                addonBefore={t(k)}
                style={{ width: k === 'radiusM' ? 150 : 110 }}
                min={k === 'minCount' ? 2 : 1}
                max={k === 'windowDays' ? 366 : 1000}
                value={repeat[k]}
                onChange={(v) => v !== null && setRepeat((r) => ({ ...r, [k]: v }))}
              />
            ))}
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">
          {t('repeatedHint', { radius: repeat.radiusM, window: repeat.windowDays, count: repeat.minCount })}
        </Typography.Paragraph>
        <Table<Repeated>
          size="small"
          rowKey={(r) => r.caseIds.join(',')}
          loading={repeated.loading}
          dataSource={repeated.data ?? []}
          pagination={PAGED}
          columns={[
            {
              title: t('kind'),
              dataIndex: 'kind',
              render: (k: Repeated['kind']) => t(k === 'component' ? 'kindComponent' : 'kindPlace'),
            },
            { title: t('className'), dataIndex: 'className' },
            { title: t('component'), dataIndex: 'componentId', render: (c: string | null) => c ?? '—' },
            { title: t('count'), dataIndex: 'count', align: 'right' },
            {
              title: t('cases'),
              dataIndex: 'caseIds',
              render: (ids: number[]) => (
                <Space size={4} wrap>
                  {ids.map((id) => (
                    <Link key={id} to={`/cases/${id}`}>
                      #{id}
                    </Link>
                  ))}
                </Space>
              ),
            },
            {
              title: t('firstReported'),
              dataIndex: 'firstReportedAt',
              render: (v: string) => formatDateTime(v),
            },
            {
              title: t('lastReported'),
              dataIndex: 'lastReportedAt',
              render: (v: string) => formatDateTime(v),
            },
          ]}
        />
      </Section>
      <Section
        title={t('satisfaction')}
        path="/analytics/satisfaction"
        query={queries.satisfaction}
        extra={
          <Segmented<SatisfactionGroup>
            aria-label={t('groupBy')}
            size="small"
            value={groupBy}
            onChange={setGroupBy}
            options={[
              { value: 'street', label: t('byStreet') },
              { value: 'class', label: t('byClass') },
              { value: 'department', label: t('byDepartment') },
              { value: 'month', label: t('byMonth') },
            ]}
          />
        }
      >
        <Row gutter={16}>
          <Col span={12}>
            {satisfaction.data?.total.ratings ? (
              <Chart
                option={satisfactionChart}
                height={monthly ? 300 : Math.max(160, 40 + 28 * satisfaction.data.rows.length)}
                label={monthly ? t('satisfactionTrend') : t('satisfaction')}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Col>
          <Col span={12}>
            <Table<SatisfactionRow>
              size="small"
              rowKey={(r) => (r.total ? 'total' : `row:${r.key ?? ''}`)}
              loading={satisfaction.loading}
              dataSource={
                satisfaction.data
                  ? [...satisfaction.data.rows, { ...satisfaction.data.total, total: true }]
                  : []
              }
              pagination={false}
              columns={[
                {
                  title: monthly ? t('monthName') : t('groupName'),
                  dataIndex: 'name',
                  render: (name: string, r) => (r.total ? <strong>{t('total')}</strong> : name),
                },
                { title: t('ratings'), dataIndex: 'ratings', align: 'right' },
                {
                  title: t('average'),
                  dataIndex: 'average',
                  align: 'right',
                  render: (v: number | null) => (v === null ? '—' : v.toFixed(2)),
                },
                { title: t('satisfiedRate'), dataIndex: 'satisfiedRate', align: 'right', render: rate },
                { title: t('reopenRequests'), dataIndex: 'reopenRequests', align: 'right' },
              ]}
            />
          </Col>
        </Row>
      </Section>
    </>
  );
}
