/**
 * The period of an evaluation or an analysis: a month (default: the last whole month), a quarter,
 * a year or any range of local days, kept in the page's URL (`period`, `from`, `to`; `to` exclusive,
 * as the API reads it) so a view can be linked and reloaded; and the dashboard's rolling period,
 * the last 7, 30 or 90 local days (`days`).
 */
import { DatePicker, Segmented, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
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

/** The dashboard's rolling periods: the last 7, 30 or 90 local days up to today. */
export const ROLLING_DAYS = [7, 30, 90] as const;
export type RollingDays = (typeof ROLLING_DAYS)[number];
export const DEFAULT_ROLLING_DAYS: RollingDays = 30;

/** The rolling period in the URL (`days`), or 30 days when it is absent or not one of the choices. */
export function rollingDaysOf(params: URLSearchParams): RollingDays {
  return ROLLING_DAYS.find((d) => String(d) === params.get('days')) ?? DEFAULT_ROLLING_DAYS;
}

/**
 * The last `days` local days up to `today` and as many days before them (`to` exclusive): the
 * period and its comparison period, and the period's last day for display.
 */
export function lastDays(days: number, today: Dayjs) {
  const day = (d: Dayjs) => d.format(DAY);
  const to = today.add(1, 'day').startOf('day');
  const from = to.subtract(days, 'day');
  return { from: day(from), to: day(to), before: day(from.subtract(days, 'day')), last: day(today) };
}
