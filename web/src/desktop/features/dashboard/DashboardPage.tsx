/**
 * 领导驾驶舱: the district at a glance from the rollups only (GET /evaluations and /analytics read
 * daily sums, never the case history): the period's counts against the previous period, streets
 * and communities coloured by reports and overdue rounds, unit grids (from zoom 15) coloured by
 * the period's reports (/analytics/hotspots), the trend, and the composite rankings. Every figure
 * links to the evaluation or analytics page for the same days.
 */
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Row, Segmented, Space, Statistic, Table, Tag, Tooltip } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import type { Feature, Geometry } from 'geojson';
import dayjs from 'dayjs';
import { api } from '../../../shared/api.js';
import { defineMessages } from '../../../shared/i18n.js';
import { businessDate } from '../../../shared/format.js';
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
import { Chart } from '../../ui/LazyChart.js';
import { m } from '../../messages.js';
import { countsByGrid, heatFor, type Hotspot } from '../analytics/hotspots.js';
import { GRADE_COLORS } from '../evaluation/labels.js';

const dm = defineMessages(
  {
    sub: '{from} 至 {to} 全区案卷运行态势，与前 {days} 天对比（服务器按日汇总的办理流程数据）',
    reported: '上报案卷',
    filed: '立案',
    closed: '结案',
    onTime: '按期处置率',
    overdueNow: '超期数',
    open: '查看评价',
    vsPrevious: '较上期',
    previous: '上期 {value}',
    mapTitle: '街道 / 社区 / 单元网格案卷分布',
    mapHint: '社区颜色：本期上报数；红框：本期有处置超期。放大到 15 级显示单元网格，按本期上报数着色。',
    trend: '上报、立案与结案趋势',
    deptRank: '专业部门综合评价排名',
    streetRank: '街道综合评价排名（含环比）',
    comparison: '本期与上期对比',
    indicator: '指标',
    current: '本期',
    prior: '上期',
    change: '变化',
    rank: '名次',
    name: '名称',
    score: '综合得分',
    grade: '等级',
    delta: '环比',
    days7: '近 7 天',
    days30: '近 30 天',
    days90: '近 90 天',
    legendNone: '0',
    legendFew: '1–5',
    legendSome: '6–15',
    legendMany: '16 以上',
    legendTitle: '上报数',
    communityTip: '本期上报 {reported} 件，结案 {closed} 件，超期 {overdue} 次',
    gridTip: '本期上报 {reported} 件，立案 {filed} 件',
    moreAnalytics: '高发网格与更多分析',
    handled: '处置',
    handledOnTime: '按期处置',
    returns: '退回',
    reworks: '返工',
    period: '统计周期',
  },
  {
    sub: 'The district from {from} to {to} against the {days} days before (daily rollups of the real workflow on the server)',
    reported: 'Reported',
    filed: 'Filed',
    closed: 'Closed',
    onTime: 'Handled on time',
    overdueNow: 'Overdue',
    open: 'Open the evaluation',
    vsPrevious: 'vs previous period',
    previous: 'Previous: {value}',
    mapTitle: 'Cases by street, community and unit grid',
    mapHint:
      'Community fill: reports in the period; red outline: handling went overdue in the period. Zoom to 15 for unit grids, coloured by the period’s reports.',
    trend: 'Reported, filed and closed',
    deptRank: 'Departments by composite evaluation',
    streetRank: 'Streets by composite evaluation (with change)',
    comparison: 'This period against the previous one',
    indicator: 'Figure',
    current: 'This period',
    prior: 'Previous',
    change: 'Change',
    rank: 'Rank',
    name: 'Name',
    score: 'Score',
    grade: 'Grade',
    delta: 'Change',
    days7: '7 days',
    days30: '30 days',
    days90: '90 days',
    legendNone: '0',
    legendFew: '1–5',
    legendSome: '6–15',
    legendMany: '16+',
    legendTitle: 'Reports',
    communityTip: '{reported} reported, {closed} closed, {overdue} overdue',
    gridTip: '{reported} reported, {filed} filed in the period',
    moreAnalytics: 'Hotspots and more analytics',
    handled: 'Handled',
    handledOnTime: 'Handled on time',
    returns: 'Returned',
    reworks: 'Reworked',
    period: 'Period',
  },
);

type FactKey =
  | 'reported'
  | 'filed'
  | 'handled'
  | 'handled_on_time'
  | 'overdue'
  | 'returns'
  | 'reworks'
  | 'closed'
  | 'closed_on_time';
type Facts = Record<FactKey, number>;

interface EvaluationRow {
  subject: string;
  name: string;
  facts: Facts;
  composite: number | null;
  grade: 'A' | 'B' | 'C' | 'D' | 'E' | null;
  rank: number | null;
}

/** The last `days` local days up to today, and the as many days before; `to` exclusive. */
function periodsOf(days: number, today = dayjs()) {
  const day = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
  const to = today.add(1, 'day').startOf('day');
  const from = to.subtract(days, 'day');
  return { from: day(from), to: day(to), before: day(from.subtract(days, 'day')), last: day(today) };
}

function evaluate(
  object: 'department' | 'street' | 'community',
  from: string,
  to: string,
  signal?: AbortSignal,
) {
  return api
    .request<{ rows: EvaluationRow[] }>('GET', '/evaluations', { query: { object, from, to }, signal })
    .then((r) => r.rows);
}

function sum(rows: EvaluationRow[] | undefined): Facts {
  const out: Facts = {
    reported: 0,
    filed: 0,
    handled: 0,
    handled_on_time: 0,
    overdue: 0,
    returns: 0,
    reworks: 0,
    closed: 0,
    closed_on_time: 0,
  };
  for (const r of rows ?? []) for (const k of Object.keys(out) as FactKey[]) out[k] += r.facts[k] ?? 0;
  return out;
}

const onTimeRate = (f: Facts) => (f.handled ? (f.handled_on_time / f.handled) * 100 : null);

const FILL = ['#f0f5ff', '#bad0ff', '#6e9cf5', '#1456b8'];
function fillFor(n: number): string {
  return n === 0 ? FILL[0]! : n <= 5 ? FILL[1]! : n <= 15 ? FILL[2]! : FILL[3]!;
}

function Delta({ now, before, invert }: { now: number | null; before: number | null; invert?: boolean }) {
  if (now === null || before === null || before === 0) return <span className="shuzhi-delta">—</span>;
  const change = ((now - before) / before) * 100;
  if (Math.abs(change) < 0.05) return <span className="shuzhi-delta">0%</span>;
  const good = invert ? change < 0 : change > 0;
  return (
    <span className="shuzhi-delta" style={{ color: good ? '#237804' : '#cf1322' }}>
      {change > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {Math.abs(change).toFixed(1)}%
    </span>
  );
}

export function DashboardPage() {
  const t = dm.useT();
  const tm = m.useT();
  const config = useWebConfig();
  const [days, setDays] = useState(30);
  const { from, to, before, last } = useMemo(() => periodsOf(days, dayjs(businessDate(new Date()))), [days]);

  const streetsNow = useAsync((s) => evaluate('street', from, to, s), [from]);
  const streetsBefore = useAsync((s) => evaluate('street', before, from, s), [from]);
  const communityEval = useAsync((s) => evaluate('community', from, to, s), [from]);
  const deptEval = useAsync((s) => evaluate('department', from, to, s), [from]);
  const trend = useAsync(
    (signal) =>
      api
        .request<{ points: Array<{ period: string } & Record<'reported' | 'filed' | 'closed', number>> }>(
          'GET',
          '/analytics/trends',
          { query: { from, to, interval: days <= 30 ? 'day' : 'week' }, signal },
        )
        .then((r) => r.points),
    [from],
  );
  const hotspots = useAsync(
    (signal) =>
      api
        .request<{ hotspots: Hotspot[] }>('GET', '/analytics/hotspots', {
          query: { from, to, limit: 5000 },
          signal,
        })
        .then((r) => countsByGrid(r.hotspots)),
    [from],
  );
  /** The evaluation page for the same days. */
  const evaluationLink = (kind: string) => `/evaluation?kind=${kind}&period=range&from=${from}&to=${to}`;
  const streets = useAsync(() => loadRegions('street'), []);
  const communities = useAsync(() => loadRegions('community'), []);

  const now = useMemo(() => sum(streetsNow.data), [streetsNow.data]);
  const prev = useMemo(() => sum(streetsBefore.data), [streetsBefore.data]);
  const byGrid = hotspots.data;
  const byCommunity = useMemo(
    () => new Map((communityEval.data ?? []).map((r) => [r.subject, r.facts])),
    [communityEval.data],
  );

  const polygons = useMemo<PolygonLayer[]>(
    () => [
      {
        id: 'communities',
        name: tm('mapCommunities'),
        data: communities.data ?? null,
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
        data: streets.data ?? null,
        style: () => ({ ...REGION_STYLES.street, color: '#0b2a59' }),
        tooltip: regionName,
      },
    ],
    [communities.data, streets.data, byCommunity, byGrid, t, tm],
  );

  const trendOption = useMemo(() => {
    const rows = trend.data ?? [];
    const series = (name: string, key: 'reported' | 'filed' | 'closed', color: string, area = false) => ({
      name,
      type: 'line',
      ...(area ? { areaStyle: { opacity: 0.12 } } : {}),
      data: rows.map((r) => r[key]),
      color,
    });
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: [t('reported'), t('filed'), t('closed')], bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: rows.map((r) => r.period.slice(5)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        series(t('reported'), 'reported', '#1456b8', true),
        series(t('filed'), 'filed', '#fa8c16'),
        series(t('closed'), 'closed', '#389e0d'),
      ],
    };
  }, [trend.data, t]);

  const rankOption = useMemo(() => {
    const top = [...(deptEval.data ?? [])]
      .filter((r) => r.composite !== null)
      .sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))
      .slice(0, 10)
      .reverse();
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100 },
      yAxis: {
        type: 'category',
        data: top.map((r) => r.name.replace(/^北京市东城区(人民政府)?/, '')),
        axisLabel: { width: 170, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          data: top.map((r) => Number((r.composite ?? 0).toFixed(1))),
          color: '#1456b8',
          barMaxWidth: 18,
          label: { show: true, position: 'right' },
        },
      ],
    };
  }, [deptEval.data]);

  const prevComposite = useMemo(
    () => new Map((streetsBefore.data ?? []).map((r) => [r.subject, r.composite])),
    [streetsBefore.data],
  );
  const rate = onTimeRate(now);
  const kpis: {
    title: string;
    value: number | null;
    before: number | null;
    color?: string;
    suffix?: string;
    invert?: boolean;
    link: string;
  }[] = [
    { title: t('reported'), value: now.reported, before: prev.reported, link: evaluationLink('street') },
    {
      title: t('filed'),
      value: now.filed,
      before: prev.filed,
      color: '#d46b08',
      link: evaluationLink('street'),
    },
    {
      title: t('closed'),
      value: now.closed,
      before: prev.closed,
      color: '#389e0d',
      link: evaluationLink('street'),
    },
    {
      title: t('onTime'),
      value: rate,
      before: onTimeRate(prev),
      suffix: '%',
      link: evaluationLink('department'),
    },
    {
      title: t('overdueNow'),
      value: now.overdue,
      before: prev.overdue,
      color: '#cf1322',
      invert: true,
      link: evaluationLink('department'),
    },
  ];
  const comparisonRows: { key: FactKey | 'rate'; label: string; invert?: boolean }[] = [
    { key: 'reported', label: t('reported') },
    { key: 'filed', label: t('filed') },
    { key: 'handled', label: t('handled') },
    { key: 'handled_on_time', label: t('handledOnTime') },
    { key: 'closed', label: t('closed') },
    { key: 'returns', label: t('returns'), invert: true },
    { key: 'reworks', label: t('reworks'), invert: true },
    { key: 'overdue', label: t('overdueNow'), invert: true },
  ];

  return (
    <>
      <PageHeader
        title={tm('navDashboard')}
        sub={t('sub', { days, from, to: last })}
        extra={
          <Segmented<number>
            aria-label={t('period')}
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
      <ErrorAlert error={streetsNow.error ?? deptEval.error ?? trend.error} onRetry={streetsNow.reload} />
      <Row gutter={16} className="shuzhi-stat-row" style={{ marginBottom: 16 }}>
        {kpis.map((k) => (
          <Col flex="1" key={k.title}>
            <Card loading={streetsNow.loading}>
              <Statistic
                title={<Link to={k.link}>{k.title}</Link>}
                value={k.value === null ? '—' : k.suffix ? k.value.toFixed(1) : k.value}
                suffix={k.value === null ? undefined : k.suffix}
                valueStyle={{ color: k.color }}
              />
              <Tooltip
                title={t('previous', {
                  value: k.before === null ? '—' : k.suffix ? `${k.before.toFixed(1)}%` : k.before,
                })}
              >
                <div className="shuzhi-kpi-delta">
                  {t('vsPrevious')} <Delta now={k.value} before={k.before} invert={k.invert} />
                </div>
              </Tooltip>
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={14}>
          <Card
            size="small"
            title={t('mapTitle')}
            extra={<Link to={`/analytics?period=range&from=${from}&to=${to}`}>{t('moreAnalytics')}</Link>}
            styles={{ body: { padding: 8 } }}
          >
            <MapView
              label={t('mapTitle')}
              tiles={config?.tiles ?? null}
              polygons={polygons}
              fit={bboxOfFeatures(streets.data)}
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
        </Col>
        <Col span={10}>
          <Card
            size="small"
            title={t('trend')}
            style={{ marginBottom: 16 }}
            loading={trend.loading && !trend.data}
          >
            <Chart option={trendOption} height={210} label={t('trend')} />
          </Card>
          <Card size="small" title={t('comparison')}>
            <Table
              size="small"
              rowKey="key"
              pagination={false}
              loading={streetsNow.loading || streetsBefore.loading}
              dataSource={comparisonRows}
              columns={[
                { title: t('indicator'), dataIndex: 'label' },
                {
                  title: t('current'),
                  align: 'right',
                  render: (_v, r) => (r.key === 'rate' ? '' : now[r.key]),
                },
                {
                  title: t('prior'),
                  align: 'right',
                  render: (_v, r) => (r.key === 'rate' ? '' : prev[r.key]),
                },
                {
                  title: t('change'),
                  align: 'right',
                  render: (_v, r) =>
                    r.key === 'rate' ? null : (
                      <Delta now={now[r.key]} before={prev[r.key]} invert={r.invert} />
                    ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Card
            size="small"
            title={t('streetRank')}
            extra={<Link to={evaluationLink('street')}>{t('open')}</Link>}
          >
            <Table<EvaluationRow>
              size="small"
              rowKey="subject"
              pagination={false}
              loading={streetsNow.loading}
              scroll={{ y: 320 }}
              dataSource={[...(streetsNow.data ?? [])].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99))}
              columns={[
                { title: t('rank'), dataIndex: 'rank', width: 60, render: (v: number | null) => v ?? '—' },
                { title: t('name'), dataIndex: 'name', ellipsis: true },
                {
                  title: t('score'),
                  dataIndex: 'composite',
                  width: 90,
                  align: 'right',
                  render: (v: number | null) => (v === null ? '—' : v.toFixed(1)),
                },
                {
                  title: t('delta'),
                  width: 100,
                  align: 'right',
                  render: (_v, r) => (
                    <Delta now={r.composite} before={prevComposite.get(r.subject) ?? null} />
                  ),
                },
                {
                  title: t('grade'),
                  dataIndex: 'grade',
                  width: 64,
                  render: (g: EvaluationRow['grade']) => (g ? <Tag color={GRADE_COLORS[g]}>{g}</Tag> : '—'),
                },
              ]}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card
            size="small"
            title={t('deptRank')}
            extra={<Link to={evaluationLink('department')}>{t('open')}</Link>}
            loading={deptEval.loading && !deptEval.data}
          >
            <Chart option={rankOption} height={356} label={t('deptRank')} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
