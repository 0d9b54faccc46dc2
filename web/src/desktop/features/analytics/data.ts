/**
 * The analytics page's data: one request per section to the /analytics endpoints with the page's
 * filters, each section's own options added (trend interval, repeated-problem thresholds,
 * satisfaction grouping). The queries are returned too: the download links repeat them.
 */
import { api } from '../../../shared/api.js';
import { useAsync } from '../../ui/useAsync.js';
import type { Hotspot } from './hotspots.js';

export interface TrendPoint {
  period: string;
  reported: number;
  filed: number;
  closed: number;
  handled: number;
  handledOnTime: number;
  onTimeHandleRate: number | null;
}
export interface HourCell {
  weekday: number;
  hour: number;
  reported: number;
}
export interface WorstClass {
  classId: number;
  className: string;
  handled: number;
  handledOnTime: number;
  onTimeHandleRate: number | null;
  toClose: number;
  closedOnTime: number;
  onTimeCloseRate: number | null;
}
export interface Repeated {
  kind: 'component' | 'place';
  componentId: string | null;
  classId: number;
  className: string;
  count: number;
  caseIds: number[];
  firstReportedAt: string;
  lastReportedAt: string;
}
export interface SatisfactionRow {
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
export interface Satisfaction {
  groupBy: SatisfactionGroup;
  rows: SatisfactionRow[];
  total: SatisfactionRow;
}

export type Interval = 'day' | 'week' | 'month';
export type SatisfactionGroup = 'street' | 'class' | 'department' | 'month';
export interface RepeatOptions {
  minCount: number;
  windowDays: number;
  radiusM: number;
}

export type Query = Record<string, string | number | undefined>;

function get<T>(path: string, query: Query, signal: AbortSignal): Promise<T> {
  return api.request<T>('GET', path, { query, signal });
}

export function useAnalytics(
  filters: Query,
  options: { interval: Interval; repeat: RepeatOptions; groupBy: SatisfactionGroup },
) {
  const { interval, repeat, groupBy } = options;
  const key = JSON.stringify(filters);
  const queries = {
    hotspots: { ...filters, limit: 5000 },
    trends: { ...filters, interval },
    timeOfDay: filters,
    worst: { ...filters, limit: 20 },
    repeated: { ...filters, ...repeat },
    satisfaction: { ...filters, groupBy },
  };
  const hotspots = useAsync(
    (s) => get<{ hotspots: Hotspot[] }>('/analytics/hotspots', queries.hotspots, s).then((r) => r.hotspots),
    [key],
  );
  const trends = useAsync(
    (s) => get<{ points: TrendPoint[] }>('/analytics/trends', queries.trends, s).then((r) => r.points),
    [key, interval],
  );
  const hours = useAsync(
    (s) => get<{ cells: HourCell[] }>('/analytics/time-of-day', queries.timeOfDay, s).then((r) => r.cells),
    [key],
  );
  const worst = useAsync(
    (s) =>
      get<{ classes: WorstClass[] }>('/analytics/worst-classes', queries.worst, s).then((r) => r.classes),
    [key],
  );
  const repeated = useAsync(
    (s) => get<{ problems: Repeated[] }>('/analytics/repeated', queries.repeated, s).then((r) => r.problems),
    [key, JSON.stringify(repeat)],
  );
  const satisfaction = useAsync(
    (s) => get<Satisfaction>('/analytics/satisfaction', queries.satisfaction, s),
    [key, groupBy],
  );
  const error =
    hotspots.error ?? trends.error ?? hours.error ?? worst.error ?? repeated.error ?? satisfaction.error;
  return { queries, hotspots, trends, hours, worst, repeated, satisfaction, error };
}
