/**
 * A page of cases for a queue (reports awaiting filing, cases awaiting dispatch, the department
 * inbox…) or for 案卷查询: numbered pages with the total, server-side sorting by the column
 * headers, and rows that open the case. Places show names (网格 · 社区), departments their short
 * names, and a case not yet dispatched shows its suggested department as a suggestion, greyed.
 */
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { formatDateTime } from '../../../shared/format.js';
import { useLang } from '../../../shared/i18n.js';
import { clockLabels, sourceLabels, type Clock } from '../../../shared/labels.js';
import { useAsync } from '../../ui/useAsync.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { m } from '../../messages.js';
import { cm } from './messages.js';
import { qm } from './queue-messages.js';
import { DueCell, RemainingTag, StatusTag, UrgencyTag } from './tags.js';
import { countCases, listCases, type CaseFilter, type CaseListItem, type CaseSort } from './types.js';

export type CaseColumn =
  | 'number'
  | 'class'
  | 'status'
  | 'address'
  | 'place'
  | 'reportedAt'
  | 'department'
  | 'due'
  | 'remaining'
  | 'source'
  | 'urgency';

export interface CaseTableProps {
  filter: CaseFilter;
  columns?: readonly CaseColumn[];
  pageSize?: number;
  /** Extra cell at the end of each row (quick actions). */
  extra?: (row: CaseListItem, reload: () => void) => ReactNode;
  /** Changes to force a reload (after an action elsewhere on the page). */
  reloadKey?: number;
  onRows?: (rows: CaseListItem[]) => void;
  /** The department's display name (its short name where one is recorded). */
  departmentName?: (id: number | null) => string | null;
  selectedId?: number | null;
  onSelect?: (row: CaseListItem) => void;
}

const DEFAULT_COLUMNS: readonly CaseColumn[] = ['number', 'class', 'status', 'address', 'reportedAt', 'due'];

/** Columns the server sorts by (src/cases/queries.ts SORT_SQL). */
const SORT_KEYS: Partial<Record<CaseColumn, CaseSort>> = {
  number: 'number',
  class: 'class',
  status: 'status',
  reportedAt: 'reportedAt',
  due: 'handlingDueAt',
};

interface Sorting {
  sort: CaseSort;
  order: 'asc' | 'desc';
}

export function CaseTable(props: CaseTableProps) {
  const t = m.useT();
  const tc = cm.useT();
  const tq = qm.useT();
  const ts = sourceLabels.useT();
  const tcl = clockLabels.useT();
  const [lang] = useLang();
  const navigate = useNavigate();
  const pageSize = props.pageSize ?? 12;
  const [current, setCurrent] = useState(1);
  const [sorting, setSorting] = useState<Sorting | null>(null);
  const filterKey = JSON.stringify(props.filter);
  const [lastFilter, setLastFilter] = useState(filterKey);
  if (lastFilter !== filterKey) {
    setLastFilter(filterKey);
    setCurrent(1);
  }
  const page = useAsync(
    async (signal) => {
      const [result, total] = await Promise.all([
        listCases(
          props.filter,
          { offset: (current - 1) * pageSize, limit: pageSize, ...(sorting ?? {}) },
          signal,
        ),
        countCases(props.filter, signal),
      ]);
      props.onRows?.(result.items);
      return { items: result.items, total: total.count };
    },
    [filterKey, current, pageSize, sorting?.sort, sorting?.order, props.reloadKey],
  );

  const sortOrder = (column: CaseColumn) =>
    sorting && SORT_KEYS[column] === sorting.sort ? (sorting.order === 'asc' ? 'ascend' : 'descend') : null;

  const all: Record<CaseColumn, ColumnsType<CaseListItem>[number]> = {
    number: {
      title: t('colNumber'),
      dataIndex: 'number',
      width: 176,
      render: (_v, row) => (
        <Space size={4} direction="vertical">
          <Typography.Link
            onClick={(e) => {
              e.stopPropagation();
              void navigate(`/cases/${row.id}`);
            }}
          >
            {row.number}
          </Typography.Link>
          <Space size={2}>
            {row.escalated && <Tag color="volcano">{tc('escalatedTag')}</Tag>}
            {row.handlingOverdue && <Tag color="red">{tc('overdueTag')}</Tag>}
          </Space>
        </Space>
      ),
    },
    class: {
      title: t('colClass'),
      width: 130,
      ellipsis: { showTitle: false },
      render: (_v, row) => (
        <Tooltip title={`${row.classification.name}（${row.classification.code}）`}>
          <span>{row.classification.name}</span>
        </Tooltip>
      ),
    },
    status: { title: t('colStatus'), width: 118, render: (_v, row) => <StatusTag status={row.status} /> },
    address: {
      title: t('colAddress'),
      width: 200,
      ellipsis: { showTitle: false },
      render: (_v, row) => {
        const text = row.address ?? row.description ?? '—';
        return (
          <Tooltip title={text} placement="topLeft">
            <span>{text}</span>
          </Tooltip>
        );
      },
    },
    place: {
      title: tq('colPlace'),
      width: 170,
      ellipsis: { showTitle: false },
      render: (_v, row) => {
        const grid = row.gridName ?? row.gridCode ?? '—';
        const around = [row.communityName, row.streetName].filter(Boolean).join(' · ');
        return (
          <Tooltip title={[grid, around].filter(Boolean).join(' · ')} placement="topLeft">
            <span>
              {grid}
              {around && (
                <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} ellipsis>
                  {around}
                </Typography.Text>
              )}
            </span>
          </Tooltip>
        );
      },
    },
    reportedAt: {
      title: t('colReportedAt'),
      width: 136,
      render: (_v, row) => formatDateTime(row.reportedAt, lang),
    },
    department: {
      title: t('colDepartment'),
      width: 150,
      ellipsis: { showTitle: false },
      render: (_v, row) => {
        const inCharge = props.departmentName?.(row.departmentId);
        if (row.departmentId !== null) return <span title={inCharge ?? ''}>{inCharge ?? '—'}</span>;
        const suggested = props.departmentName?.(row.suggestedDepartmentId);
        if (!suggested) return '—';
        return (
          <Tooltip title={tq('suggestedHint')}>
            <Typography.Text type="secondary" italic data-testid="suggested-department">
              {tq('suggestedPrefix', { name: suggested })}
            </Typography.Text>
          </Tooltip>
        );
      },
    },
    due: {
      title: t('colDue'),
      width: 136,
      render: (_v, row) => (
        <DueCell dueAt={row.handlingDueAt} overdue={row.handlingOverdue} tier={row.overdueTier} />
      ),
    },
    remaining: {
      title: tq('colRemaining'),
      width: 150,
      render: (_v, row) => {
        const clock = row.runningClock;
        if (!clock) return '—';
        return (
          <Space size={2} direction="vertical">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {tcl(clock.clock as Clock)}
            </Typography.Text>
            {clock.suspended ? (
              <Tag>{tq('clockSuspended')}</Tag>
            ) : (
              <RemainingTag minutes={clock.remainingMinutes} light={clock.light} />
            )}
          </Space>
        );
      },
    },
    source: { title: t('colSource'), width: 100, render: (_v, row) => ts(row.source) },
    urgency: { title: t('colUrgency'), width: 80, render: (_v, row) => <UrgencyTag urgency={row.urgency} /> },
  };
  const chosen = props.columns ?? DEFAULT_COLUMNS;
  const columns: ColumnsType<CaseListItem> = chosen.map((c) => ({
    ...all[c],
    key: c,
    ...(SORT_KEYS[c] ? { sorter: true, sortOrder: sortOrder(c), sortDirections: ['ascend', 'descend'] } : {}),
  }));
  if (props.extra) {
    columns.push({
      key: 'extra',
      title: t('actions'),
      width: 120,
      render: (_v: unknown, row: CaseListItem) => props.extra?.(row, page.reload),
    });
  }
  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 120), 0);

  return (
    <div>
      <ErrorAlert error={page.error} onRetry={page.reload} />
      <Table<CaseListItem>
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        scroll={{ x: width }}
        loading={page.loading}
        dataSource={page.data?.items ?? []}
        columns={columns}
        showSorterTooltip={false}
        pagination={{
          current,
          pageSize,
          total: page.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (count) => tq('total', { count }),
          size: 'small',
        }}
        onChange={(pagination, _filters, sorter, extra) => {
          if (extra.action === 'paginate') {
            setCurrent(pagination.current ?? 1);
            return;
          }
          if (extra.action !== 'sort') return;
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          const key = s?.columnKey ? SORT_KEYS[s.columnKey as CaseColumn] : undefined;
          setSorting(key && s?.order ? { sort: key, order: s.order === 'ascend' ? 'asc' : 'desc' } : null);
          setCurrent(1);
        }}
        locale={{ emptyText: t('noData') }}
        rowClassName={(row) => (row.id === props.selectedId ? 'ant-table-row-selected' : '')}
        onRow={(row) => ({
          onClick: () => (props.onSelect ? props.onSelect(row) : void navigate(`/cases/${row.id}`)),
          style: { cursor: 'pointer' },
        })}
      />
    </div>
  );
}
