/**
 * 领导驾驶舱: the district at a glance from the rollups only (GET /evaluations and /analytics read
 * daily sums, never the case history): the period's counts against the previous period, streets
 * and communities coloured by reports and overdue rounds, unit grids (from zoom 15) coloured by
 * the period's reports (/analytics/hotspots), the trend, and the composite rankings. Every figure
 * links to the evaluation or analytics page for the same days.
 */
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Row, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../../shared/api.js';
import { businessDate } from '../../../shared/format.js';
import { useAsync } from '../../ui/useAsync.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { Chart } from '../../ui/LazyChart.js';
import { m } from '../../messages.js';
import { countsByGrid, type Hotspot } from '../analytics/hotspots.js';
import { GRADE_COLORS } from '../evaluation/labels.js';
import { FilterBar, useFilters } from '../filters/FilterBar.js';
import { lastDays } from '../filters/period.js';
import { rankOption, trendOption } from './charts.js';
import { DashboardMap } from './DashboardMap.js';
import { byRank, evaluate, onTimeRate, sum, type EvaluationRow, type FactKey } from './figures.js';
import { Delta, KpiRow, type Kpi } from './Kpis.js';
import { dm } from './messages.js';

export function DashboardPage() {
  const t = dm.useT();
  const tm = m.useT();
  const filters = useFilters();
  const { days } = filters;
  const { from, to, before, last } = useMemo(() => lastDays(days, dayjs(businessDate(new Date()))), [days]);

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

  const now = useMemo(() => sum(streetsNow.data), [streetsNow.data]);
  const prev = useMemo(() => sum(streetsBefore.data), [streetsBefore.data]);
  const byCommunity = useMemo(
    () => new Map((communityEval.data ?? []).map((r) => [r.subject, r.facts])),
    [communityEval.data],
  );
  const trendChart = useMemo(() => trendOption(trend.data ?? [], t), [trend.data, t]);
  const rankChart = useMemo(() => rankOption(deptEval.data ?? []), [deptEval.data]);
  const prevComposite = useMemo(
    () => new Map((streetsBefore.data ?? []).map((r) => [r.subject, r.composite])),
    [streetsBefore.data],
  );

  const kpis: Kpi[] = [
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
      value: onTimeRate(now),
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
  const comparisonRows: { key: FactKey; label: string; invert?: boolean }[] = [
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
        extra={<FilterBar filters={filters} show={['days']} style={{ marginBottom: 0 }} />}
      />
      <ErrorAlert error={streetsNow.error ?? deptEval.error ?? trend.error} onRetry={streetsNow.reload} />
      <KpiRow kpis={kpis} loading={streetsNow.loading} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={14}>
          <DashboardMap
            byCommunity={byCommunity}
            byGrid={hotspots.data}
            analyticsLink={`/analytics?period=range&from=${from}&to=${to}`}
          />
        </Col>
        <Col span={10}>
          <Card
            size="small"
            title={t('trend')}
            style={{ marginBottom: 16 }}
            loading={trend.loading && !trend.data}
          >
            <Chart option={trendChart} height={210} label={t('trend')} />
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
                { title: t('current'), align: 'right', render: (_v, r) => now[r.key] },
                { title: t('prior'), align: 'right', render: (_v, r) => prev[r.key] },
                {
                  title: t('change'),
                  align: 'right',
                  render: (_v, r) => <Delta now={now[r.key]} before={prev[r.key]} invert={r.invert} />,
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
              dataSource={[...(streetsNow.data ?? [])].sort(byRank)}
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
            <Chart option={rankChart} height={356} label={t('deptRank')} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
