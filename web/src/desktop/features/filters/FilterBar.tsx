/**
 * The filter bar of the leader views (驾驶舱, 绩效评价, 统计分析): one row of filters whose state
 * lives in the page's URL, so a view can be linked, reloaded and opened from another with the same
 * days. Each page shows the filters it reads (`show`), always in the same order, and may put its
 * own controls after the period (`children`).
 */
import { useMemo, type CSSProperties, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Segmented, Space } from 'antd';
import { defineMessages } from '../../../shared/i18n.js';
import {
  lastWholeMonth,
  PeriodPicker,
  periodOf,
  rollingDaysOf,
  ROLLING_DAYS,
  withPeriod,
  type Period,
  type RollingDays,
} from './period.js';
import { ClassSelect, DepartmentSelect, RegionSelect } from './selects.js';
import { COMPARISONS, type Comparison } from '../../../../../src/evaluation/vocabulary.js';

const bm = defineMessages(
  {
    rollingPeriod: '统计周期',
    days7: '近 7 天',
    days30: '近 30 天',
    days90: '近 90 天',
    compare: '对比',
    compareNone: '不对比',
    compareMom: '环比',
    compareYoy: '同比',
  },
  {
    rollingPeriod: 'Period',
    days7: '7 days',
    days30: '30 days',
    days90: '90 days',
    compare: 'Compare',
    compareNone: 'No comparison',
    compareMom: 'Month on month',
    compareYoy: 'Year on year',
  },
);

/** 环比 (the period before) or 同比 (the same period a year before). */
export type { Comparison };

/** The filters a page may show, in the order the bar shows them. */
export type FilterKey = 'days' | 'period' | 'compare' | 'region' | 'class' | 'department';

/**
 * The filters in the page's URL — `days`; `period`, `from`, `to` (default: the last whole month);
 * `compare`; `region`; `classId`; `departmentId` — and an update that sets or removes parameters
 * (and the period) in place, the page's own parameters too. `fixedDepartment` (a department
 * lead's own) overrides the URL's department, and the bar shows it unchangeable.
 */
export function useFilters({ fixedDepartment }: { fixedDepartment?: number } = {}) {
  const [params, setParams] = useSearchParams();
  const fallback = useMemo(() => lastWholeMonth(), []);
  const update = (changes: Record<string, string | undefined>, next?: Period) => {
    const out = next ? withPeriod(params, next) : new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined) out.delete(k);
      else out.set(k, v);
    }
    setParams(out, { replace: true });
  };
  return {
    params,
    update,
    period: periodOf(params, fallback),
    days: rollingDaysOf(params),
    compare: COMPARISONS.find((c) => c === params.get('compare')),
    regionCode: params.get('region') ?? undefined,
    classId: Number(params.get('classId')) || undefined,
    departmentId: fixedDepartment ?? (Number(params.get('departmentId')) || undefined),
    departmentFixed: fixedDepartment !== undefined,
  };
}

export type Filters = ReturnType<typeof useFilters>;

const idParam = (id: number | undefined) => (id === undefined ? undefined : String(id));

export function FilterBar({
  filters,
  show,
  children,
  style,
}: {
  filters: Filters;
  show: readonly FilterKey[];
  /** The page's own controls, after the period and its comparison. */
  children?: ReactNode;
  style?: CSSProperties;
}) {
  const t = bm.useT();
  const { update } = filters;
  const shown = (key: FilterKey) => show.includes(key);
  return (
    <Space wrap size={12} style={{ marginBottom: 12, ...style }}>
      {shown('days') && (
        <Segmented<RollingDays>
          aria-label={t('rollingPeriod')}
          value={filters.days}
          onChange={(days) => update({ days: String(days) })}
          options={ROLLING_DAYS.map((days) => ({ value: days, label: t(`days${days}`) }))}
        />
      )}
      {shown('period') && <PeriodPicker value={filters.period} onChange={(next) => update({}, next)} />}
      {shown('compare') && (
        <Segmented<string>
          aria-label={t('compare')}
          value={filters.compare ?? 'none'}
          onChange={(v) => update({ compare: v === 'none' ? undefined : v })}
          options={[
            { value: 'none', label: t('compareNone') },
            { value: 'mom', label: t('compareMom') },
            { value: 'yoy', label: t('compareYoy') },
          ]}
        />
      )}
      {children}
      {shown('region') && <RegionSelect value={filters.regionCode} onChange={(v) => update({ region: v })} />}
      {shown('class') && (
        <ClassSelect value={filters.classId} onChange={(v) => update({ classId: idParam(v) })} />
      )}
      {shown('department') && (
        <DepartmentSelect
          value={filters.departmentId}
          disabled={filters.departmentFixed}
          onChange={(v) => update({ departmentId: idParam(v) })}
        />
      )}
    </Space>
  );
}
