/**
 * A page of cases for a queue (reports awaiting filing, cases awaiting dispatch, the department
 * inbox…): keyset-paged with previous/next, rows open the case detail.
 */
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { formatDateTime } from '../../../shared/format.js';
import { useLang } from '../../../shared/i18n.js';
import { sourceLabels } from '../../../shared/labels.js';
import { useAsync } from '../../ui/useAsync.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { m } from '../../messages.js';
import { cm } from './messages.js';
import { DueCell, StatusTag, UrgencyTag } from './tags.js';
import { listCases, type CaseFilter, type CaseSummary } from './types.js';

export type CaseColumn =
  'number' | 'class' | 'status' | 'address' | 'reportedAt' | 'department' | 'due' | 'source' | 'urgency';

export interface CaseTableProps {
  filter: CaseFilter;
  columns?: readonly CaseColumn[];
  pageSize?: number;
  /** Extra cell at the end of each row (quick actions). */
  extra?: (row: CaseSummary, reload: () => void) => ReactNode;
  /** Changes to force a reload (after an action elsewhere on the page). */
  reloadKey?: number;
  onRows?: (rows: CaseSummary[]) => void;
  departmentName?: (id: number | null) => string | null;
  selectedId?: number | null;
  onSelect?: (row: CaseSummary) => void;
}

const DEFAULT_COLUMNS: readonly CaseColumn[] = ['number', 'class', 'status', 'address', 'reportedAt', 'due'];

export function CaseTable(props: CaseTableProps) {
  const t = m.useT();
  const tc = cm.useT();
  const ts = sourceLabels.useT();
  const [lang] = useLang();
  const navigate = useNavigate();
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1] ?? null;
  const filterKey = JSON.stringify(props.filter);
  const [lastFilter, setLastFilter] = useState(filterKey);
  if (lastFilter !== filterKey) {
    setLastFilter(filterKey);
    setCursors([null]);
  }
  const page = useAsync(
    async (signal) => {
      const result = await listCases(props.filter, cursor, props.pageSize ?? 12, signal);
      props.onRows?.(result.items);
      return result;
    },
    [filterKey, cursor, props.reloadKey],
  );

  const all: Record<CaseColumn, ColumnsType<CaseSummary>[number]> = {
    number: {
      title: t('colNumber'),
      dataIndex: 'number',
      width: 190,
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
      width: 150,
      render: (_v, row) => (
        <span>
          {row.classification.name}
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {row.classification.code}
          </Typography.Text>
        </span>
      ),
    },
    status: { title: t('colStatus'), width: 140, render: (_v, row) => <StatusTag status={row.status} /> },
    address: {
      title: t('colAddress'),
      ellipsis: true,
      render: (_v, row) => row.address ?? row.description ?? row.gridCode ?? '—',
    },
    reportedAt: {
      title: t('colReportedAt'),
      width: 150,
      render: (_v, row) => formatDateTime(row.reportedAt, lang),
    },
    department: {
      title: t('colDepartment'),
      ellipsis: true,
      render: (_v, row) => props.departmentName?.(row.departmentId ?? row.suggestedDepartmentId) ?? '—',
    },
    due: {
      title: t('colDue'),
      width: 150,
      render: (_v, row) => (
        <DueCell dueAt={row.handlingDueAt} overdue={row.handlingOverdue} tier={row.overdueTier} />
      ),
    },
    source: { title: t('colSource'), width: 110, render: (_v, row) => ts(row.source) },
    urgency: { title: t('colUrgency'), width: 80, render: (_v, row) => <UrgencyTag urgency={row.urgency} /> },
  };
  const columns: ColumnsType<CaseSummary> = (props.columns ?? DEFAULT_COLUMNS).map((c) => ({
    ...all[c],
    key: c,
  }));
  if (props.extra) {
    columns.push({
      key: 'extra',
      title: t('actions'),
      width: 120,
      render: (_v: unknown, row: CaseSummary) => props.extra?.(row, page.reload),
    });
  }

  return (
    <div>
      <ErrorAlert error={page.error} onRetry={page.reload} />
      <Table<CaseSummary>
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        loading={page.loading}
        dataSource={page.data?.items ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('noData') }}
        rowClassName={(row) => (row.id === props.selectedId ? 'ant-table-row-selected' : '')}
        onRow={(row) => ({
          onClick: () => (props.onSelect ? props.onSelect(row) : void navigate(`/cases/${row.id}`)),
          style: { cursor: 'pointer' },
        })}
      />
      <Space style={{ marginTop: 12, justifyContent: 'flex-end', width: '100%' }}>
        <Button
          icon={<LeftOutlined />}
          disabled={cursors.length <= 1}
          onClick={() => setCursors((c) => c.slice(0, -1))}
          aria-label={lang === 'en' ? 'Previous page' : '上一页'}
        />
        <Button
          icon={<RightOutlined />}
          disabled={!page.data?.nextCursor}
          onClick={() => setCursors((c) => [...c, page.data?.nextCursor ?? null])}
          aria-label={lang === 'en' ? 'Next page' : '下一页'}
        />
      </Space>
    </div>
  );
}
