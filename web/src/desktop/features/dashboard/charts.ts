/** The dashboard's charts (ECharts): the trend and the departments' composite ranking. */
import type { Translate } from '../../../shared/i18n.js';
import { byRank, type EvaluationRow } from './figures.js';

type Point = { period: string } & Record<'reported' | 'filed' | 'closed', number>;

/** Reported, filed and closed per day or week. */
export function trendOption(rows: readonly Point[], t: Translate<'reported' | 'filed' | 'closed'>) {
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
}

/** The ten best departments by composite score, the best on top. */
export function rankOption(departments: readonly EvaluationRow[]) {
  const top = departments
    .filter((r) => r.composite !== null)
    .sort(byRank)
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
}
