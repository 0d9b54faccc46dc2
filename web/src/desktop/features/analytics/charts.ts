/** The analytics page's chart options (ECharts): trend, weekday × hour heatmap, satisfaction. */
import type { Translate } from '../../../shared/i18n.js';
import type { am } from './messages.js';
import type { HourCell, SatisfactionRow, TrendPoint } from './data.js';

type T = Translate<Parameters<typeof am.t>[0]>;

/** Reported, filed, closed and handled per day, week or month; the on-time rate on a 0–100 % axis. */
export function trendOption(points: readonly TrendPoint[], t: T) {
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
        points.map((p) => (p.onTimeHandleRate === null ? null : Math.round(p.onTimeHandleRate * 1000) / 10)),
        '#cf1322',
        { yAxisIndex: 1, lineStyle: { type: 'dashed' } },
      ),
    ],
  };
}

/** Reports by weekday (rows, Monday first) and hour (columns). */
export function heatOption(cells: readonly HourCell[], t: T) {
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
}

/**
 * By month: a trend (stacked stars per month, the average on a 1–5 axis); otherwise stacked bars
 * per group.
 */
export function satisfactionOption(rows: readonly SatisfactionRow[], monthly: boolean, t: T) {
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
}
