/**
 * 统计分析: hotspots (map and table), trends by day/week/month, the weekday × hour pattern, the
 * classes with the worst on-time rate, repeated problems and citizen satisfaction, all from the
 * /analytics endpoints (rollups; repeated problems read the period's cases) with one set of
 * filters kept in the URL — period, region, class, department — and each table downloadable.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Empty, InputNumber, Row, Segmented, Space, Table, Typography } from 'antd';
import type { Feature, Geometry } from 'geojson';
import { api } from '../../../shared/api.js';
import { formatDateTime, formatPercent } from '../../../shared/format.js';
import {
  MapView,
  bboxOfFeatures,
  loadRegions,
  regionName,
  REGION_STYLES,
  type PolygonLayer,
} from '../../../shared/map/index.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { Chart } from '../../ui/LazyChart.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useAsync } from '../../ui/useAsync.js';
import { useWebConfig } from '../../ui/useWebConfig.js';
import { useUser } from '../../session.js';
import { m } from '../../messages.js';
import { ClassSelect, DepartmentSelect, RegionSelect } from '../evaluation/filters.js';
import { ExportLinks, PeriodPicker, useViewParams } from '../evaluation/period.js';
import { countsByGrid, HEAT, heatFor, type Hotspot } from './hotspots.js';
import { am } from './messages.js';

interface TrendPoint {
  period: string;
  reported: number;
  filed: number;
  closed: number;
  handled: number;
  handledOnTime: number;
  onTimeHandleRate: number | null;
}
interface WorstClass {
  classId: number;
  className: string;
  handled: number;
  handledOnTime: number;
  onTimeHandleRate: number | null;
  toClose: number;
  closedOnTime: number;
  onTimeCloseRate: number | null;
}
interface Repeated {
  kind: 'component' | 'place';
  componentId: string | null;
  classId: number;
  className: string;
  count: number;
  caseIds: number[];
  firstReportedAt: string;
  lastReportedAt: string;
}
interface SatisfactionRow {
  /** null for "no department" and for the total. */
  key: string | null;
  total?: boolean;
  name: string;
  ratings: number;
  average: number | null;
  scores: number[];
  satisfiedRate: number | null;
  reopenRequests: number;
}

type SatisfactionGroup = 'street' | 'class' | 'department' | 'month';

type Filters = Record<string, string | number | undefined>;

function Section({
  title,
  path,
  query,
  extra,
  children,
}: {
  title: string;
  path: string;
  query: Filters;
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

function get<T>(path: string, query: Filters, signal: AbortSignal): Promise<T> {
  return api.request<T>('GET', path, { query, signal });
}

export function AnalyticsPage() {
  const t = am.useT();
  const tm = m.useT();
  const user = useUser();
  const config = useWebConfig();
  const { params, period, update } = useViewParams();
  const regionCode = params.get('region') ?? undefined;
  const classId = Number(params.get('classId')) || undefined;
  // A department's own staff see their department's cases only (the API narrows it anyway).
  const ownDepartment = user.role === 'department_lead' ? (user.departmentId ?? undefined) : undefined;
  const departmentId = ownDepartment ?? (Number(params.get('departmentId')) || undefined);
  const [interval, setInterval] = useState<'day' | 'week' | 'month'>('day');
  const [groupBy, setGroupBy] = useState<SatisfactionGroup>('street');
  const [repeat, setRepeat] = useState({ minCount: 3, windowDays: 30, radiusM: 30 });

  const filters: Filters = { from: period.from, to: period.to, regionCode, classId, departmentId };
  const key = JSON.stringify(filters);
  const hotspotQuery = { ...filters, limit: 5000 };
  const trendQuery = { ...filters, interval };
  const repeatedQuery = { ...filters, ...repeat };
  const satisfactionQuery = { ...filters, groupBy };
  const hotspots = useAsync(
    (s) => get<{ hotspots: Hotspot[] }>('/analytics/hotspots', hotspotQuery, s).then((r) => r.hotspots),
    [key],
  );
  const trends = useAsync(
    (s) => get<{ points: TrendPoint[] }>('/analytics/trends', trendQuery, s).then((r) => r.points),
    [key, interval],
  );
  const hours = useAsync(
    (s) =>
      get<{ cells: Array<{ weekday: number; hour: number; reported: number }> }>(
        '/analytics/time-of-day',
        filters,
        s,
      ).then((r) => r.cells),
    [key],
  );
  const worst = useAsync(
    (s) =>
      get<{ classes: WorstClass[] }>('/analytics/worst-classes', { ...filters, limit: 20 }, s).then(
        (r) => r.classes,
      ),
    [key],
  );
  const repeated = useAsync(
    (s) => get<{ problems: Repeated[] }>('/analytics/repeated', repeatedQuery, s).then((r) => r.problems),
    [key, JSON.stringify(repeat)],
  );
  const satisfaction = useAsync(
    (s) =>
      get<{ groupBy: SatisfactionGroup; rows: SatisfactionRow[]; total: SatisfactionRow }>(
        '/analytics/satisfaction',
        satisfactionQuery,
        s,
      ),
    [key, groupBy],
  );
  const streets = useAsync(() => loadRegions('street'), []);

  const byGrid = useMemo(() => countsByGrid(hotspots.data ?? []), [hotspots.data]);
  const gridPoints = useMemo(() => {
    const seen = new Map<string, Hotspot>();
    for (const s of hotspots.data ?? []) if (!seen.has(s.gridCode)) seen.set(s.gridCode, s);
    return {
      type: 'FeatureCollection' as const,
      features: [...seen.values()].map((s) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [s.lng, s.lat] },
        properties: { gridCode: s.gridCode, gridName: s.gridName, ...byGrid.get(s.gridCode)! },
      })),
    };
  }, [hotspots.data, byGrid]);
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
        data: streets.data ?? null,
        style: () => ({ ...REGION_STYLES.street, color: '#0b2a59' }),
        tooltip: regionName,
      },
    ],
    [byGrid, streets.data, t, tm],
  );

  const trendOption = useMemo(() => {
    const points = trends.data ?? [];
    const line = (name: string, data: Array<number | null>, color: string, extra = {}) => ({
      name,
      type: 'line',
      data,
      color,
      ...extra,
    });
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 56, top: 24, bottom: 56 },
      xAxis: { type: 'category', data: points.map((p) => p.period) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        line(
          t('reported'),
          points.map((p) => p.reported),
          '#1456b8',
          { areaStyle: { opacity: 0.12 } },
        ),
        line(
          t('filed'),
          points.map((p) => p.filed),
          '#fa8c16',
        ),
        line(
          t('closed'),
          points.map((p) => p.closed),
          '#389e0d',
        ),
        line(
          t('handled'),
          points.map((p) => p.handled),
          '#722ed1',
        ),
        line(
          t('onTimeHandleRate'),
          points.map((p) =>
            p.onTimeHandleRate === null ? null : Math.round(p.onTimeHandleRate * 1000) / 10,
          ),
          '#cf1322',
          { yAxisIndex: 1, lineStyle: { type: 'dashed' } },
        ),
      ],
    };
  }, [trends.data, t]);

  const heatOption = useMemo(() => {
    const cells = hours.data ?? [];
    const days = t('weekdays').split(',');
    const max = Math.max(1, ...cells.map((c) => c.reported));
    return {
      tooltip: {
        formatter: (p: { value: [number, number, number] }) =>
          `${days[p.value[1]]} ${t('hour', { h: p.value[0] })}：${p.value[2]}`,
      },
      grid: { left: 48, right: 16, top: 8, bottom: 84 },
      xAxis: {
        type: 'category',
        data: Array.from({ length: 24 }, (_, h) => String(h)),
        splitArea: { show: true },
      },
      yAxis: { type: 'category', data: days, inverse: true, splitArea: { show: true } },
      visualMap: {
        min: 0,
        max,
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 160,
        itemWidth: 12,
        inRange: { color: ['#f0f5ff', '#6e9cf5', '#cf1322'] },
      },
      series: [
        {
          type: 'heatmap',
          name: t('reported'),
          data: cells.map((c) => [c.hour, c.weekday - 1, c.reported]),
          label: { show: false },
        },
      ],
    };
  }, [hours.data, t]);

  // By month: a trend (stacked stars per month, the average on a 1–5 axis); otherwise stacked bars per group.
  const monthly = satisfaction.data?.groupBy === 'month';
  const satisfactionOption = useMemo(() => {
    const rows = satisfaction.data?.rows ?? [];
    const colors = ['#cf1322', '#fa8c16', '#fadb14', '#73d13d', '#237804'];
    const stars = [0, 1, 2, 3, 4].map((i) => ({
      name: t('stars', { n: i + 1 }),
      type: 'bar',
      stack: 'stars',
      color: colors[i],
      data: rows.map((r) => r.scores[i] ?? 0),
    }));
    if (monthly)
      return {
        tooltip: { trigger: 'axis' },
        legend: { bottom: 0 },
        grid: { left: 48, right: 48, top: 32, bottom: 56 },
        xAxis: { type: 'category', data: rows.map((r) => r.name) },
        yAxis: [
          { type: 'value', minInterval: 1, name: t('ratings') },
          { type: 'value', min: 0, max: 5, interval: 1, name: t('average') },
        ],
        series: [
          ...stars,
          {
            name: t('average'),
            type: 'line',
            yAxisIndex: 1,
            color: '#1456b8',
            // Over the bars, so a month's point shows even inside its stack.
            z: 10,
            symbolSize: 8,
            data: rows.map((r) => r.average),
          },
        ],
      };
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 24, top: 8, bottom: 40, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true },
      series: stars,
    };
  }, [satisfaction.data, monthly, t]);

  const error =
    hotspots.error ?? trends.error ?? hours.error ?? worst.error ?? repeated.error ?? satisfaction.error;
  const rate = (v: number | null) => formatPercent(v);

  return (
    <>
      <PageHeader title={t('title')} sub={t('sub')} />
      <Space wrap size={12} style={{ marginBottom: 12 }}>
        <PeriodPicker value={period} onChange={(next) => update({}, next)} />
        <RegionSelect value={regionCode} onChange={(v) => update({ region: v })} />
        <ClassSelect
          value={classId}
          onChange={(v) => update({ classId: v === undefined ? undefined : String(v) })}
        />
        <DepartmentSelect
          value={departmentId}
          disabled={ownDepartment !== undefined}
          onChange={(v) => update({ departmentId: v === undefined ? undefined : String(v) })}
        />
      </Space>
      <ErrorAlert error={error} onRetry={hotspots.reload} />
      <Row gutter={16}>
        <Col span={14}>
          <Card
            size="small"
            title={t('hotspotMap')}
            style={{ marginBottom: 16 }}
            styles={{ body: { padding: 8 } }}
          >
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
              fit={bboxOfFeatures(streets.data)}
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
        </Col>
        <Col span={10}>
          <Section title={t('hotspots')} path="/analytics/hotspots" query={hotspotQuery}>
            <Table<Hotspot>
              size="small"
              rowKey={(r) => `${r.gridCode}:${r.classId}`}
              loading={hotspots.loading}
              dataSource={hotspots.data ?? []}
              pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
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
            query={trendQuery}
            extra={
              <Segmented<'day' | 'week' | 'month'>
                aria-label={t('granularity')}
                size="small"
                value={interval}
                onChange={setInterval}
                options={(['day', 'week', 'month'] as const).map((v) => ({ value: v, label: t(v) }))}
              />
            }
          >
            <Chart option={trendOption} height={300} label={t('trend')} />
          </Section>
        </Col>
        <Col span={10}>
          <Section title={t('timeOfDay')} path="/analytics/time-of-day" query={filters}>
            <Chart option={heatOption} height={300} label={t('timeOfDay')} />
          </Section>
        </Col>
      </Row>
      <Section title={t('worstClasses')} path="/analytics/worst-classes" query={{ ...filters, limit: 20 }}>
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
        query={repeatedQuery}
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
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
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
        query={satisfactionQuery}
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
                option={satisfactionOption}
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
