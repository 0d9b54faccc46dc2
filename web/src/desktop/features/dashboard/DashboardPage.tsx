/**
 * 领导驾驶舱: the district at a glance — open and overdue cases, communities and unit grids
 * coloured by open and overdue cases, the daily trend, and the departments' and streets'
 * composite evaluation (综合评价, GET /evaluations) ranked.
 */
import { useMemo, useState } from 'react';
import { Card, Col, Row, Segmented, Statistic, Table, Tag, Space } from 'antd';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { api } from '../../../shared/api.js';
import { defineMessages, useLang } from '../../../shared/i18n.js';
import { businessDate } from '../../../shared/format.js';
import { TERMINAL_STATUSES, type CaseStatus } from '../../../shared/labels.js';
import {
  MapView,
  bboxOfFeatures,
  loadRegions,
  regionName,
  REGION_STYLES,
  type PolygonLayer,
} from '../../../shared/map/index.js';
import { useAsync } from '../../ui/useAsync.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useWebConfig } from '../../ui/useWebConfig.js';
import { m } from '../../messages.js';
import { Chart } from './Chart.js';

const dm = defineMessages(
  {
    sub: '近 {days} 天全区案卷运行态势（数据来自真实办理流程）',
    reported: '上报案卷',
    open: '在办案卷',
    overdue: '超时在办',
    closed: '已结案',
    closeRate: '结案率',
    mapTitle: '社区 / 单元网格案卷分布（颜色：在办数，红框：有超时）',
    trend: '每日上报与结案',
    perDay: '上报',
    closedPerDay: '结案',
    deptRank: '专业部门综合评价排名',
    streetRank: '街道综合评价排名',
    rank: '名次',
    name: '名称',
    score: '综合得分',
    grade: '等级',
    days7: '7 天',
    days30: '30 天',
    days90: '90 天',
    legendNone: '无在办',
    legendFew: '1–2 件',
    legendSome: '3–5 件',
    legendMany: '6 件以上',
    openCount: '在办 {open} 件，超时 {overdue} 件',
  },
  {
    sub: 'The district over the last {days} days (from the real case workflow)',
    reported: 'Reported',
    open: 'Open',
    overdue: 'Overdue open',
    closed: 'Closed',
    closeRate: 'Closure rate',
    mapTitle: 'Open cases by community / unit grid (fill: open; red outline: overdue)',
    trend: 'Reported and closed per day',
    perDay: 'Reported',
    closedPerDay: 'Closed',
    deptRank: 'Departments by composite evaluation',
    streetRank: 'Streets by composite evaluation',
    rank: 'Rank',
    name: 'Name',
    score: 'Score',
    grade: 'Grade',
    days7: '7 days',
    days30: '30 days',
    days90: '90 days',
    legendNone: 'None open',
    legendFew: '1–2',
    legendSome: '3–5',
    legendMany: '6+',
    openCount: '{open} open, {overdue} overdue',
  },
);

type Points = FeatureCollection<
  Point,
  { status: CaseStatus; gridCode: string | null; overdueTier: string | null; reportedAt: string }
>;
interface EvaluationRow {
  subject: string;
  name: string;
  composite: number;
  grade: string;
  rank: number;
}

const FILL = ['#f0f5ff', '#bad0ff', '#6e9cf5', '#1456b8'];
function fillFor(open: number): string {
  return open === 0 ? FILL[0]! : open <= 2 ? FILL[1]! : open <= 5 ? FILL[2]! : FILL[3]!;
}

export function DashboardPage() {
  const t = dm.useT();
  const tm = m.useT();
  const [lang] = useLang();
  const config = useWebConfig();
  const [days, setDays] = useState(30);
  const to = useMemo(() => new Date(), []);
  const from = useMemo(() => new Date(to.getTime() - days * 86_400_000), [to, days]);

  const cases = useAsync(
    (signal) =>
      api.request<Points>('GET', '/cases/geojson', {
        query: { from: from.toISOString(), limit: 10000 },
        signal,
      }),
    [from.getTime()],
  );
  const evaluate = (object: 'department' | 'street') =>
    api.get<{ rows: EvaluationRow[] }>('/evaluations', {
      object,
      from: from.toISOString(),
      to: to.toISOString(),
    });
  const deptEval = useAsync(() => evaluate('department'), [from.getTime()]);
  const streetEval = useAsync(() => evaluate('street'), [from.getTime()]);
  const streets = useAsync(() => loadRegions('street'), []);
  const communities = useAsync(() => loadRegions('community'), []);

  const stats = useMemo(() => {
    const byGrid = new Map<string, { open: number; overdue: number }>();
    const byCommunity = new Map<string, { open: number; overdue: number }>();
    const reportedPerDay = new Map<string, number>();
    const closedPerDay = new Map<string, number>();
    let open = 0;
    let overdue = 0;
    let closed = 0;
    for (const f of cases.data?.features ?? []) {
      const p = f.properties;
      const day = businessDate(p.reportedAt);
      reportedPerDay.set(day, (reportedPerDay.get(day) ?? 0) + 1);
      const isOpen = !TERMINAL_STATUSES.includes(p.status);
      const isOverdue = isOpen && !!p.overdueTier && p.overdueTier !== 'on_time';
      if (p.status === 'closed') {
        closed += 1;
        closedPerDay.set(day, (closedPerDay.get(day) ?? 0) + 1);
      }
      if (isOpen) open += 1;
      if (isOverdue) overdue += 1;
      if (p.gridCode && isOpen) {
        for (const [map, key] of [
          [byGrid, p.gridCode],
          [byCommunity, p.gridCode.slice(0, 12)],
        ] as const) {
          const c = map.get(key) ?? { open: 0, overdue: 0 };
          c.open += 1;
          if (isOverdue) c.overdue += 1;
          map.set(key, c);
        }
      }
    }
    return {
      byGrid,
      byCommunity,
      reportedPerDay,
      closedPerDay,
      open,
      overdue,
      closed,
      total: cases.data?.features.length ?? 0,
    };
  }, [cases.data]);

  const polygons = useMemo<PolygonLayer[]>(() => {
    const choropleth =
      (counts: Map<string, { open: number; overdue: number }>, weight: number) =>
      (f: Feature<Geometry, Record<string, unknown>>) => {
        const c = counts.get(String(f.properties.code)) ?? { open: 0, overdue: 0 };
        return {
          color: c.overdue > 0 ? '#e8412c' : '#6b89b8',
          weight: c.overdue > 0 ? weight + 1 : weight,
          fillColor: fillFor(c.open),
          fillOpacity: 0.75,
        };
      };
    const tip =
      (counts: Map<string, { open: number; overdue: number }>) =>
      (f: Feature<Geometry, Record<string, unknown>>) => {
        const c = counts.get(String(f.properties.code)) ?? { open: 0, overdue: 0 };
        return `${regionName(f)}：${t('openCount', c)}`;
      };
    return [
      {
        id: 'communities',
        name: tm('mapCommunities'),
        data: communities.data ?? null,
        style: choropleth(stats.byCommunity, 0.8),
        tooltip: tip(stats.byCommunity),
      },
      {
        id: 'grids',
        name: tm('mapGrids'),
        minZoom: 15,
        load: (bbox, signal) => loadRegions('grid', { bbox, signal }),
        style: choropleth(stats.byGrid, 0.4),
        tooltip: tip(stats.byGrid),
      },
      {
        id: 'streets',
        name: tm('mapStreets'),
        data: streets.data ?? null,
        style: () => ({ ...REGION_STYLES.street, color: '#0b2a59' }),
        tooltip: regionName,
      },
    ];
  }, [communities.data, streets.data, stats, t, tm]);

  const trendOption = useMemo(() => {
    const daysList: string[] = [];
    for (let d = new Date(from); d <= to; d = new Date(d.getTime() + 86_400_000))
      daysList.push(businessDate(d));
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('perDay'), t('closedPerDay')], bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: daysList.map((d) => d.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('perDay'),
          type: 'line',
          smooth: true,
          areaStyle: { opacity: 0.15 },
          data: daysList.map((d) => stats.reportedPerDay.get(d) ?? 0),
          color: '#1456b8',
        },
        {
          name: t('closedPerDay'),
          type: 'line',
          smooth: true,
          data: daysList.map((d) => stats.closedPerDay.get(d) ?? 0),
          color: '#52c41a',
        },
      ],
    };
  }, [stats, from, to, t]);

  const rankOption = (rows: EvaluationRow[] | undefined) => {
    const top = [...(rows ?? [])]
      .sort((a, b) => a.rank - b.rank)
      .slice(0, 10)
      .reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100 },
      yAxis: {
        type: 'category',
        data: top.map((r) => r.name.replace(/^北京市东城区(人民政府)?/, '')),
        axisLabel: { width: 150, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: top.map((r) => Number(r.composite.toFixed(1))),
          color: '#1456b8',
          label: { show: true, position: 'right' },
        },
      ],
    };
  };

  const rate = stats.total ? ((stats.closed / stats.total) * 100).toFixed(1) : '—';
  return (
    <>
      <PageHeader
        title={tm('navDashboard')}
        sub={t('sub', { days })}
        extra={
          <Segmented<number>
            aria-label={t('sub', { days })}
            value={days}
            onChange={setDays}
            options={[
              { label: t('days7'), value: 7 },
              { label: t('days30'), value: 30 },
              { label: t('days90'), value: 90 },
            ]}
          />
        }
      />
      <ErrorAlert error={cases.error ?? deptEval.error} onRetry={cases.reload} />
      <Row gutter={16} className="shuzhi-stat-row" style={{ marginBottom: 16 }}>
        {[
          [t('reported'), stats.total, undefined],
          [t('open'), stats.open, '#1456b8'],
          [t('overdue'), stats.overdue, '#cf1322'],
          [t('closed'), stats.closed, '#389e0d'],
          [t('closeRate'), rate, undefined],
        ].map(([title, value, color]) => (
          <Col flex="1" key={String(title)}>
            <Card loading={cases.loading}>
              <Statistic
                title={title}
                value={value as number | string}
                suffix={title === t('closeRate') ? '%' : undefined}
                valueStyle={{ color: color as string | undefined }}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={14}>
          <Card size="small" title={t('mapTitle')} styles={{ body: { padding: 8 } }}>
            <MapView
              label={t('mapTitle')}
              tiles={config?.tiles ?? null}
              polygons={polygons}
              fit={bboxOfFeatures(streets.data)}
              layerSwitcher
              style={{ height: 440 }}
            />
            <Space style={{ marginTop: 8 }} size={12} wrap>
              {[t('legendNone'), t('legendFew'), t('legendSome'), t('legendMany')].map((label, i) => (
                <Space key={label} size={4}>
                  <span
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
                {tm('overdue')}
              </Tag>
            </Space>
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title={t('trend')} style={{ marginBottom: 16 }}>
            <Chart option={trendOption} height={200} label={t('trend')} />
          </Card>
          <Card size="small" title={t('streetRank')}>
            <Table<EvaluationRow>
              size="small"
              rowKey="subject"
              pagination={false}
              loading={streetEval.loading}
              scroll={{ y: 150 }}
              dataSource={[...(streetEval.data?.rows ?? [])].sort((a, b) => a.rank - b.rank)}
              columns={[
                { title: t('rank'), dataIndex: 'rank', width: 60 },
                { title: t('name'), dataIndex: 'name', ellipsis: true },
                { title: t('score'), dataIndex: 'composite', width: 90, render: (v: number) => v.toFixed(1) },
                {
                  title: t('grade'),
                  dataIndex: 'grade',
                  width: 60,
                  render: (g: string) => (
                    <Tag color={g === 'A' ? 'green' : g === 'B' ? 'blue' : 'orange'}>{g}</Tag>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('deptRank')}>
        <Chart option={rankOption(deptEval.data?.rows)} height={320} label={`${t('deptRank')} ${lang}`} />
      </Card>
    </>
  );
}
