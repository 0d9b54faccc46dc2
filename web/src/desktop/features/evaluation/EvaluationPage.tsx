/**
 * 绩效评价: departments, places and people ranked over any period from GET /evaluations (the
 * server reads its rollups), with every base count and indicator of the kind, the composite score
 * and grade of the chosen profile, the change against the previous month or year, CSV/XLSX
 * downloads of the same table, and a drawer with the cases behind any count (GET /evaluations/cases).
 * The view's state lives in the URL, so the dashboard and colleagues can link to it.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { Button, Card, Result, Segmented, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api } from '../../../shared/api.js';
import { useLang } from '../../../shared/i18n.js';
import { formatPercent } from '../../../shared/format.js';
import type { Role } from '../../../shared/labels.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useAsync } from '../../ui/useAsync.js';
import { useUser } from '../../session.js';
import {
  COMPARISONS,
  profileObjectOf,
  SUBJECT_KINDS,
  type Comparison,
  type SubjectKind,
} from '../../../../../src/evaluation/vocabulary.js';
import { DrillDrawer, type Drill } from './DrillDrawer.js';
import { ClassSelect } from './filters.js';
import { FACT_NAMES, GRADE_COLORS, indicatorName, profileName, type FactKey, type Grade } from './labels.js';
import { em } from './messages.js';
import { ExportLinks, PeriodPicker, useViewParams } from './period.js';

const PEOPLE = ['operator', 'shift_lead', 'dispatcher'] as const;
const REGION_KINDS: readonly SubjectKind[] = ['street', 'community', 'grid'];

/** The kinds a role may read (as src/evaluation/scope.ts authorizes them). */
export function kindsFor(role: Role): readonly SubjectKind[] {
  if (role === 'department_lead' || role === 'handler') return ['department'];
  if (role === 'inspector') return ['street', 'community', 'grid', 'inspector'];
  return SUBJECT_KINDS;
}

const PLACE_COUNTS: FactKey[] = [
  'reported',
  'filed',
  'filed_by_inspector',
  'to_close',
  'closed',
  'closed_on_time',
];

/** The counts shown for each kind (every indicator of the kind is computed from them). */
const FACT_COLUMNS: Record<SubjectKind, FactKey[]> = {
  department: [
    'to_handle',
    'handled_of_due',
    'handled_on_time_of_due',
    'handled',
    'handled_on_time',
    'handled_late',
    'overdue',
    'returns',
    'reworks',
    'extensions',
    'suspensions',
    'filed',
    'to_close',
    'closed',
    'closed_on_time',
  ],
  street: [...PLACE_COUNTS, 'grids', 'area_km2'],
  community: [...PLACE_COUNTS, 'grids', 'area_km2'],
  grid: [...PLACE_COUNTS, 'area_km2'],
  inspector: [
    'reports',
    'valid_reports',
    'grid_filed',
    'grid_filed_by_others',
    'checks',
    'checks_on_time',
    'verifications',
    'verifications_on_time',
  ],
  operator: [
    'reports',
    'check_tasks_sent',
    'check_tasks_sent_on_time',
    'verify_tasks_sent',
    'verify_tasks_sent_on_time',
  ],
  shift_lead: [
    'filings',
    'filings_on_time',
    'filings_voided',
    'filings_kept',
    'closings',
    'closings_on_time',
  ],
  dispatcher: ['dispatches', 'dispatches_on_time', 'dispatches_undone', 'dispatches_accurate'],
};
/** Counts that are not cases (no drill-down). */
const NOT_CASES: ReadonlySet<string> = new Set(['grids', 'area_km2']);

export interface IndicatorDef {
  key: string;
  name: string;
  object: string;
  numerator: FactKey;
  denominator: FactKey | null;
  kind: 'rate' | 'count' | 'per_km2' | 'per_grid';
  better: 'higher' | 'lower';
}
interface ProfileDef {
  key: string;
  name: string;
  object: string;
  origin: string;
}
interface ItemResult {
  indicator: string;
  name: string;
  value: number | null;
  score: number | null;
  weight: number;
}
export interface EvaluationRow {
  subject: string;
  name: string;
  facts: Partial<Record<FactKey, number>>;
  items: ItemResult[];
  composite: number | null;
  grade: Grade | null;
  rank: number | null;
  previous?: { composite: number | null; grade: Grade | null; rank: number | null };
  change?: number | null;
}
interface Evaluation {
  profile: { key: string; name: string };
  compare: { kind: Comparison; from: string; to: string } | null;
  rows: EvaluationRow[];
}

let profiles: Promise<{ profiles: ProfileDef[]; indicators: IndicatorDef[] }> | null = null;
/** Profiles and indicators in force (configuration: read once per page load). */
export function loadProfiles() {
  profiles ??= api
    .get<{ profiles: ProfileDef[]; indicators: IndicatorDef[] }>('/evaluation-profiles')
    .catch((e: unknown) => {
      profiles = null;
      throw e;
    });
  return profiles;
}

/** The indicator's value from the row's facts: null when there is nothing to measure. */
function valueOf(indicator: IndicatorDef, facts: EvaluationRow['facts']): number | null {
  const num = facts[indicator.numerator] ?? 0;
  if (indicator.denominator === null) return num;
  const den = facts[indicator.denominator] ?? 0;
  return den === 0 ? null : num / den;
}

function formatIndicator(indicator: IndicatorDef, value: number | null): string {
  if (value === null) return '—';
  if (indicator.kind === 'rate') return formatPercent(value);
  return indicator.kind === 'count' ? String(value) : value.toFixed(2);
}

/** Nulls sort after every number, whichever the direction. */
/** Compares numbers; rows without one (无数据) stay last in either order (antd reverses descend). */
function byNumber<T>(get: (row: T) => number | null | undefined) {
  return (a: T, b: T, order?: 'ascend' | 'descend' | null) => {
    const x = get(a) ?? null;
    const y = get(b) ?? null;
    if (x === null || y === null) {
      const last = x === y ? 0 : x === null ? 1 : -1;
      return order === 'descend' ? -last : last;
    }
    return x - y;
  };
}

/** A coloured arrow: up is good unless `lowerBetter`. */
export function Change({
  value,
  suffix = '',
  lowerBetter,
}: {
  value: number;
  suffix?: string;
  lowerBetter?: boolean;
}) {
  if (value === 0) return <span>0{suffix}</span>;
  const good = lowerBetter ? value < 0 : value > 0;
  return (
    <span style={{ color: good ? '#237804' : '#cf1322', whiteSpace: 'nowrap' }}>
      {value > 0 ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {Math.abs(value)}
      {suffix}
    </span>
  );
}

const TAB_KEYS = ['department', 'street', 'community', 'grid', 'inspector', 'people'] as const;
type TabKey = (typeof TAB_KEYS)[number];
const TAB_LABELS = {
  department: 'tabDepartment',
  street: 'tabStreet',
  community: 'tabCommunity',
  grid: 'tabGrid',
  inspector: 'tabInspector',
  people: 'tabPeople',
} as const;

export function EvaluationPage() {
  const t = em.useT();
  const tf = FACT_NAMES.useT();
  const [lang] = useLang();
  const user = useUser();
  const allowed = kindsFor(user.role);
  const { params, period, update } = useViewParams();
  const requested = params.get('kind') as SubjectKind | null;
  const kind: SubjectKind = requested && SUBJECT_KINDS.includes(requested) ? requested : allowed[0]!;
  const compare = COMPARISONS.find((c) => c === params.get('compare'));
  const profileKey = params.get('profile') ?? undefined;
  const classId = Number(params.get('classId')) || undefined;
  const [drill, setDrill] = useState<Drill | null>(null);

  const config = useAsync(() => loadProfiles(), []);
  const query = {
    object: kind,
    from: period.from,
    to: period.to,
    profileKey,
    compare,
    classId: REGION_KINDS.includes(kind) || kind === 'department' ? classId : undefined,
  };
  const evaluation = useAsync(
    (signal) =>
      allowed.includes(kind)
        ? api.request<Evaluation>('GET', '/evaluations', { query, signal })
        : Promise.resolve(null),
    [JSON.stringify(query)],
  );

  const indicators = useMemo(
    () =>
      (config.data?.indicators ?? []).filter((i) => i.object === profileObjectOf(kind) && i.kind !== 'count'),
    [config.data, kind],
  );
  const byKey = useMemo(() => new Map((config.data?.indicators ?? []).map((i) => [i.key, i])), [config.data]);
  const profileOptions = (config.data?.profiles ?? [])
    .filter((p) => p.object === profileObjectOf(kind))
    .map((p) => ({ value: p.key, label: profileName(p.key, p.name, lang) }));
  const data = evaluation.data;
  const shownPeriod = (from: string, to: string) =>
    t('periodShown', { from, to: dayjs(to).subtract(1, 'day').format('YYYY-MM-DD') });

  const columns: ColumnsType<EvaluationRow> = [
    {
      title: t('rank'),
      dataIndex: 'rank',
      key: 'rank',
      width: 72,
      fixed: 'left',
      defaultSortOrder: 'ascend',
      sorter: byNumber((r) => r.rank),
      render: (rank: number | null, row) => (
        <Space size={4}>
          <span>{rank ?? '—'}</span>
          {rank !== null && row.previous?.rank != null && row.previous.rank !== rank && (
            <Tooltip
              title={t(row.previous.rank > rank ? 'rankUp' : 'rankDown', {
                n: Math.abs(row.previous.rank - rank),
              })}
            >
              {row.previous.rank > rank ? (
                <ArrowUpOutlined style={{ color: '#237804' }} />
              ) : (
                <ArrowDownOutlined style={{ color: '#cf1322' }} />
              )}
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: t('name'),
      dataIndex: 'name',
      key: 'name',
      width: 200,
      fixed: 'left',
      ellipsis: true,
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
    },
    {
      title: t('composite'),
      dataIndex: 'composite',
      key: 'composite',
      align: 'right',
      width: 96,
      sorter: byNumber((r) => r.composite),
      render: (composite: number | null, row) =>
        composite === null ? (
          <Tooltip title={t('noScore')}>
            <Typography.Text type="secondary">{t('noData')}</Typography.Text>
          </Tooltip>
        ) : (
          <Tooltip
            title={
              <div>
                <div>
                  {t('itemsTitle', {
                    profile: data ? profileName(data.profile.key, data.profile.name, lang) : '',
                  })}
                </div>
                {row.items.map((item) => (
                  <div key={item.indicator}>
                    {t('itemLine', {
                      name: indicatorName(item.indicator, item.name, lang),
                      value: byKey.has(item.indicator)
                        ? formatIndicator(byKey.get(item.indicator)!, item.value)
                        : String(item.value ?? '—'),
                      score: item.score === null ? '—' : Number(item.score.toFixed(1)),
                      weight: item.weight,
                    })}
                  </div>
                ))}
              </div>
            }
          >
            <strong>{composite.toFixed(2)}</strong>
          </Tooltip>
        ),
    },
    {
      title: t('grade'),
      dataIndex: 'grade',
      key: 'grade',
      width: 72,
      // A before E; no grade (无数据) last in either direction, as for the numbers.
      sorter: byNumber((r) => (r.grade === null ? null : r.grade.charCodeAt(0))),
      render: (grade: Grade | null) =>
        grade ? (
          <Tag color={GRADE_COLORS[grade]}>{grade}</Tag>
        ) : (
          <Typography.Text type="secondary">{t('noData')}</Typography.Text>
        ),
    },
    ...(data?.compare
      ? ([
          {
            title: t('previous'),
            key: 'previous',
            align: 'right',
            width: 96,
            sorter: byNumber((r) => r.previous?.composite),
            render: (_v, row) =>
              row.previous?.composite == null ? (
                '—'
              ) : (
                <Tooltip title={t('previousRank', { rank: row.previous.rank ?? '—' })}>
                  {row.previous.composite.toFixed(2)}
                </Tooltip>
              ),
          },
          {
            title: t('change'),
            dataIndex: 'change',
            key: 'change',
            align: 'right',
            width: 96,
            sorter: byNumber((r) => r.change),
            render: (change: number | null | undefined) =>
              change == null ? '—' : <Change value={Number(change.toFixed(2))} />,
          },
        ] satisfies ColumnsType<EvaluationRow>)
      : []),
    ...FACT_COLUMNS[kind].map((fact): ColumnsType<EvaluationRow>[number] => ({
      title: tf(fact),
      key: `fact:${fact}`,
      align: 'right',
      width: 96,
      sorter: byNumber((r) => r.facts[fact]),
      render: (_v, row) => {
        const n = row.facts[fact] ?? 0;
        if (n === 0 || NOT_CASES.has(fact)) return fact === 'area_km2' ? n.toFixed(2) : n;
        return (
          <Button
            type="link"
            size="small"
            style={{ padding: 0 }}
            aria-label={t('drillLabel', { fact: tf(fact), n })}
            onClick={() => setDrill({ object: kind, subject: row.subject, name: row.name, fact, n })}
          >
            {n}
          </Button>
        );
      },
    })),
    ...indicators.map((indicator): ColumnsType<EvaluationRow>[number] => ({
      title: indicatorName(indicator.key, indicator.name, lang),
      key: `indicator:${indicator.key}`,
      align: 'right',
      width: 110,
      sorter: byNumber((r) => valueOf(indicator, r.facts)),
      render: (_v, row) => {
        const text = formatIndicator(indicator, valueOf(indicator, row.facts));
        if (indicator.denominator === null) return text;
        return (
          <Tooltip
            title={`${tf(indicator.numerator)} / ${tf(indicator.denominator)} = ${t('ratio', {
              num: row.facts[indicator.numerator] ?? 0,
              den: row.facts[indicator.denominator] ?? 0,
            })}`}
          >
            <span>{text}</span>
          </Tooltip>
        );
      },
    })),
  ];

  if (!allowed.includes(kind)) return <Result status="403" title={t('refusedKind')} />;

  const tabs = TAB_KEYS.filter((tab) =>
    tab === 'people' ? PEOPLE.some((p) => allowed.includes(p)) : allowed.includes(tab),
  );
  const activeTab: TabKey = (PEOPLE as readonly string[]).includes(kind) ? 'people' : (kind as TabKey);
  const toolbar: ReactNode = (
    <Space wrap size={12} style={{ marginBottom: 12 }}>
      <PeriodPicker value={period} onChange={(next) => update({}, next)} />
      <Segmented<string>
        aria-label={t('compare')}
        value={compare ?? 'none'}
        onChange={(v) => update({ compare: v === 'none' ? undefined : v })}
        options={[
          { value: 'none', label: t('compareNone') },
          { value: 'mom', label: t('compareMom') },
          { value: 'yoy', label: t('compareYoy') },
        ]}
      />
      <Select<string>
        aria-label={t('profile')}
        style={{ width: 300 }}
        loading={config.loading}
        value={profileKey ?? data?.profile.key}
        onChange={(v) => update({ profile: v })}
        options={profileOptions}
      />
      {(REGION_KINDS.includes(kind) || kind === 'department') && (
        <ClassSelect
          value={classId}
          onChange={(v) => update({ classId: v === undefined ? undefined : String(v) })}
        />
      )}
    </Space>
  );

  return (
    <>
      <PageHeader title={t('title')} sub={t('sub')} />
      <Tabs
        activeKey={activeTab}
        onChange={(tab) =>
          update({
            kind: tab === 'people' ? PEOPLE.find((p) => allowed.includes(p)) : tab,
            profile: undefined,
          })
        }
        items={tabs.map((tab) => ({ key: tab, label: t(TAB_LABELS[tab]) }))}
      />
      {toolbar}
      <ErrorAlert error={evaluation.error ?? config.error} onRetry={evaluation.reload} />
      <Card
        size="small"
        title={
          <Space wrap>
            {activeTab === 'people' && (
              <Segmented<string>
                aria-label={t('postKind')}
                value={kind}
                onChange={(v) => update({ kind: v, profile: undefined })}
                options={PEOPLE.filter((p) => allowed.includes(p)).map((p) => ({ value: p, label: t(p) }))}
              />
            )}
            <span>{shownPeriod(period.from, period.to)}</span>
            {data?.compare && (
              <Typography.Text type="secondary">
                {t('comparePeriod', {
                  from: data.compare.from,
                  to: dayjs(data.compare.to).subtract(1, 'day').format('YYYY-MM-DD'),
                })}
              </Typography.Text>
            )}
          </Space>
        }
        extra={<ExportLinks path="/evaluations" query={query} what={t('table')} />}
      >
        <Table<EvaluationRow>
          size="small"
          rowKey="subject"
          loading={evaluation.loading}
          dataSource={data?.rows ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        />
      </Card>
      <DrillDrawer drill={drill} period={period} classId={query.classId} onClose={() => setDrill(null)} />
    </>
  );
}
