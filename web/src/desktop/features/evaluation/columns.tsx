/**
 * The evaluation table's columns: rank (with its move since the comparison period), name,
 * composite score (tooltip: the profile's items), grade, previous score and change when compared,
 * the kind's base counts (each non-zero one opens its cases) and every indicator of the kind.
 */
import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useLang } from '../../../shared/i18n.js';
import type { Drill } from './DrillDrawer.js';
import { FACT_COLUMNS, NOT_CASES, type SubjectKind } from './kinds.js';
import { FACT_NAMES, GRADE_COLORS, indicatorName, profileName, type Grade } from './labels.js';
import { em } from './messages.js';
import { formatIndicator, valueOf, type Evaluation, type EvaluationRow, type IndicatorDef } from './model.js';

type Column = ColumnsType<EvaluationRow>[number];

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
function Change({
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

export function useEvaluationColumns({
  kind,
  data,
  indicators,
  indicatorsByKey,
  onDrill,
}: {
  kind: SubjectKind;
  data: Evaluation | null | undefined;
  /** The indicators shown as columns (the kind's, counts excluded). */
  indicators: readonly IndicatorDef[];
  /** Every indicator in force, for the composite's tooltip. */
  indicatorsByKey: ReadonlyMap<string, IndicatorDef>;
  onDrill: (drill: Drill) => void;
}): ColumnsType<EvaluationRow> {
  const t = em.useT();
  const tf = FACT_NAMES.useT();
  const [lang] = useLang();

  const rank: Column = {
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
  };
  const name: Column = {
    title: t('name'),
    dataIndex: 'name',
    key: 'name',
    width: 200,
    fixed: 'left',
    ellipsis: true,
    sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
  };
  const composite: Column = {
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
                    value: indicatorsByKey.has(item.indicator)
                      ? formatIndicator(indicatorsByKey.get(item.indicator)!, item.value)
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
  };
  const grade: Column = {
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
  };
  const compared: Column[] = data?.compare
    ? [
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
      ]
    : [];
  const facts = FACT_COLUMNS[kind].map((fact): Column => ({
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
          onClick={() => onDrill({ object: kind, subject: row.subject, name: row.name, fact, n })}
        >
          {n}
        </Button>
      );
    },
  }));
  const values = indicators.map((indicator): Column => ({
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
  }));
  return [rank, name, composite, grade, ...compared, ...facts, ...values];
}
