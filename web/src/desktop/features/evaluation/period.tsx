/**
 * The period of an evaluation or an analysis: a month (default: the last whole month), a quarter,
 * a year or any range of local days, kept in the page's URL (`period`, `from`, `to`; `to` exclusive,
 * as the API reads it) so a view can be linked and reloaded. Plus the download links of a table:
 * the same request with `format=csv` / `xlsx`, fetched by the browser with the session cookie.
 */
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DatePicker, Segmented, Space, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../shared/api.js';
import { defineMessages } from '../../../shared/i18n.js';

export const PERIOD_MODES = ['month', 'quarter', 'year', 'range'] as const;
export type PeriodMode = (typeof PERIOD_MODES)[number];

export interface Period {
  mode: PeriodMode;
  /** Local days YYYY-MM-DD; `to` is exclusive. */
  from: string;
  to: string;
}

const DAY = 'YYYY-MM-DD';
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

const pm = defineMessages(
  {
    month: '月度',
    quarter: '季度',
    year: '年度',
    range: '自定义',
    periodKind: '周期类型',
    pickPeriod: '选择周期',
    start: '开始日期',
    end: '结束日期',
    csv: 'CSV',
    xlsx: 'Excel',
    downloadCsv: '下载 CSV：{what}',
    downloadXlsx: '下载 Excel：{what}',
  },
  {
    month: 'Month',
    quarter: 'Quarter',
    year: 'Year',
    range: 'Custom',
    periodKind: 'Kind of period',
    pickPeriod: 'Pick the period',
    start: 'Start date',
    end: 'End date',
    csv: 'CSV',
    xlsx: 'Excel',
    downloadCsv: 'Download CSV: {what}',
    downloadXlsx: 'Download Excel: {what}',
  },
);

/** The whole unit (month, quarter, year) that contains `day`. */
function unitOf(mode: Exclude<PeriodMode, 'range'>, day: Dayjs): Period {
  const start =
    mode === 'quarter'
      ? day.startOf('month').month(day.month() - (day.month() % 3))
      : day.startOf(mode === 'year' ? 'year' : 'month');
  const end = start.add(mode === 'quarter' ? 3 : 1, mode === 'year' ? 'year' : 'month');
  return { mode, from: start.format(DAY), to: end.format(DAY) };
}

/** The last whole month before today. */
export function lastWholeMonth(today: Dayjs = dayjs()): Period {
  return unitOf('month', today.startOf('month').subtract(1, 'month'));
}

/** The period in the URL, or `fallback` when it is absent or malformed. */
export function periodOf(params: URLSearchParams, fallback: Period): Period {
  const mode = params.get('period') as PeriodMode | null;
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  if (!mode || !PERIOD_MODES.includes(mode) || !DAY_RE.test(from) || !DAY_RE.test(to) || from >= to)
    return fallback;
  return { mode, from, to };
}

/** Writes the period into URL parameters (keeping the others). */
export function withPeriod(params: URLSearchParams, period: Period): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set('period', period.mode);
  next.set('from', period.from);
  next.set('to', period.to);
  return next;
}

/**
 * The page's URL parameters, the period in them (default: the last whole month), and an update
 * that sets or removes parameters (and the period) in place.
 */
export function useViewParams() {
  const [params, setParams] = useSearchParams();
  const fallback = useMemo(() => lastWholeMonth(), []);
  const period = periodOf(params, fallback);
  const update = (changes: Record<string, string | undefined>, next?: Period) => {
    const out = next ? withPeriod(params, next) : new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) out.delete(k);
      else out.set(k, v);
    }
    setParams(out, { replace: true });
  };
  return { params, period, update };
}

export function PeriodPicker({ value, onChange }: { value: Period; onChange: (period: Period) => void }) {
  const t = pm.useT();
  const start = dayjs(value.from);
  const lastDay = dayjs(value.to).subtract(1, 'day');
  return (
    <Space wrap>
      <Segmented<PeriodMode>
        aria-label={t('periodKind')}
        value={value.mode}
        options={PERIOD_MODES.map((mode) => ({ value: mode, label: t(mode) }))}
        onChange={(mode) => onChange(mode === 'range' ? { ...value, mode } : unitOf(mode, dayjs(value.from)))}
      />
      {value.mode === 'range' ? (
        <DatePicker.RangePicker
          aria-label={t('pickPeriod')}
          allowClear={false}
          value={[start, lastDay]}
          placeholder={[t('start'), t('end')]}
          onChange={(days) => {
            if (days?.[0] && days[1])
              onChange({ mode: 'range', from: days[0].format(DAY), to: days[1].add(1, 'day').format(DAY) });
          }}
        />
      ) : (
        <DatePicker
          aria-label={t('pickPeriod')}
          picker={value.mode}
          allowClear={false}
          value={start}
          onChange={(day: Dayjs | null) => {
            if (day && value.mode !== 'range') onChange(unitOf(value.mode, day));
          }}
        />
      )}
    </Space>
  );
}

type Query = Record<string, string | number | undefined | null>;

/** CSV and XLSX downloads of one API table with the query the page shows. */
export function ExportLinks({ path, query, what }: { path: string; query: Query; what: string }) {
  const t = pm.useT();
  return (
    <Space size={4}>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          size="small"
          icon={<DownloadOutlined />}
          href={api.url(path, { ...query, format })}
          download
          aria-label={t(format === 'csv' ? 'downloadCsv' : 'downloadXlsx', { what })}
        >
          {t(format)}
        </Button>
      ))}
    </Space>
  );
}
