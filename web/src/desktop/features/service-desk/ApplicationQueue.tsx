/**
 * A work queue of applications (综合窗口 or 办件审查): tabs of states with their totals, a filter
 * bar (number or applicant, item, department, submission date, overdue), a table sorted by its
 * column headers on the server, and numbered pages walked with the API's keyset cursors.
 */
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import {
  Badge,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table/interface';
import { LeftOutlined, RightOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { formatDateTime } from '../../../shared/format.js';
import { useLang } from '../../../shared/i18n.js';
import { useAsync } from '../../ui/useAsync.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { m } from '../../messages.js';
import { allDepartments, departmentLabel } from '../cases/types.js';
import { sm, stateLabels } from './messages.js';
import { ClockTag, StateTag } from './tags.js';
import {
  listApplications,
  NUMBER_PATTERN,
  searchItems,
  type ApplicationFilter,
  type ApplicationSort,
  type ApplicationState,
  type ApplicationSummary,
} from './types.js';

export type QueueColumn =
  | 'number'
  | 'item'
  | 'applicant'
  | 'channel'
  | 'state'
  | 'department'
  | 'submittedAt'
  | 'acceptClock'
  | 'decisionClock';

export interface AppQueue {
  key: string;
  label: string;
  /** The tab's state (the API filters by one); none = every state the user may see. */
  state?: ApplicationState;
  columns: readonly QueueColumn[];
}

interface Values {
  q?: string;
  state?: ApplicationState;
  itemId?: number;
  departmentId?: number;
  submitted?: [Dayjs | null, Dayjs | null] | null;
  overdue?: boolean;
}

/** The server orders by submission only (`sort=newest|oldest`): that column sorts. */
const SORTABLE: readonly QueueColumn[] = ['submittedAt'];

const PAGE_SIZE = 12;

function toFilter(v: Values): ApplicationFilter {
  const [from, to] = v.submitted ?? [null, null];
  return {
    q: v.q?.trim().toUpperCase() || undefined,
    state: v.state,
    itemId: v.itemId,
    departmentId: v.departmentId,
    from: from ? from.format('YYYY-MM-DD') : undefined,
    to: to ? to.format('YYYY-MM-DD') : undefined,
    overdue: v.overdue || undefined,
  };
}

export function ApplicationQueuePage({
  title,
  sub,
  queues,
  showDepartmentFilter,
}: {
  title: string;
  sub: string;
  queues: readonly AppQueue[];
  showDepartmentFilter: boolean;
}) {
  const t = sm.useT();
  const tm = m.useT();
  const ts = stateLabels.useT();
  const [active, setActive] = useState(queues[0]!.key);
  const [filter, setFilter] = useState<ApplicationFilter>({});
  const [form] = Form.useForm<Values>();
  const queue = queues.find((q) => q.key === active) ?? queues[0]!;
  const departments = useAsync(() => allDepartments(), []);
  const [itemQuery, setItemQuery] = useState('');
  const items = useAsync((signal) => searchItems(itemQuery, signal), [itemQuery]);
  const filterKey = JSON.stringify(filter);

  // Each tab's total for the same filter (one row asked for: the total comes with it).
  const counts = useAsync(
    async (signal) => {
      const results = await Promise.all(
        queues.map((q) =>
          listApplications({ ...filter, state: filter.state ?? q.state }, { limit: 1 }, signal),
        ),
      );
      return Object.fromEntries(queues.map((q, i) => [q.key, results[i]!.total]));
    },
    [filterKey],
  );

  return (
    <>
      <PageHeader title={title} sub={sub} />
      <Card style={{ marginBottom: 16 }}>
        <Form<Values>
          form={form}
          layout="inline"
          style={{ rowGap: 12 }}
          onFinish={(v) => setFilter(toFilter(v))}
        >
          <Form.Item
            name="q"
            label={tm('search')}
            rules={[{ pattern: NUMBER_PATTERN, message: t('filterQInvalid') }]}
          >
            <Input allowClear placeholder={t('filterQ')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="itemId" label={t('filterItem')}>
            <Select
              allowClear
              showSearch
              filterOption={false}
              onSearch={setItemQuery}
              placeholder={t('filterItemHint')}
              style={{ width: 220 }}
              loading={items.loading}
              options={(items.data?.items ?? []).map((i) => ({ value: i.itemId, label: i.name }))}
            />
          </Form.Item>
          {showDepartmentFilter && (
            <Form.Item name="departmentId" label={t('filterDepartment')}>
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                style={{ width: 180 }}
                loading={departments.loading}
                options={(departments.data ?? [])
                  .filter((d) => d.active !== false)
                  .map((d) => ({ value: d.id, label: departmentLabel(d) ?? d.name }))}
              />
            </Form.Item>
          )}
          <Form.Item name="state" label={t('filterState')}>
            <Select
              allowClear
              style={{ width: 130 }}
              options={(
                [
                  'submitted',
                  'correction_requested',
                  'accepted',
                  'in_review',
                  'special_step',
                  'on_hold',
                  'decided',
                  'delivered',
                  'rejected',
                  'withdrawn',
                ] as const
              ).map((s) => ({ value: s, label: ts(s) }))}
            />
          </Form.Item>
          <Form.Item name="submitted" label={t('filterDate')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 250 }} />
          </Form.Item>
          <Form.Item name="overdue" valuePropName="checked">
            <Checkbox>{t('overdueOnly')}</Checkbox>
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {tm('search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilter({});
              }}
            >
              {tm('reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={queue.key}
          onChange={setActive}
          items={queues.map((q) => ({
            key: q.key,
            label: (
              <span>
                {q.label}{' '}
                <Badge
                  count={counts.data?.[q.key] ?? 0}
                  showZero
                  overflowCount={999}
                  color={q.key === queue.key ? '#1456b8' : '#8c9bb0'}
                />
              </span>
            ),
          }))}
        />
        <ApplicationTable
          key={queue.key}
          filter={{ ...filter, state: filter.state ?? queue.state }}
          columns={queue.columns}
          departmentName={(id) => departmentLabel(departments.data?.find((d) => d.id === id))}
        />
      </Card>
    </>
  );
}

export function ApplicationTable({
  filter,
  columns: chosen,
  departmentName,
}: {
  filter: ApplicationFilter;
  columns: readonly QueueColumn[];
  departmentName: (id: number | null | undefined) => string | null;
}) {
  const t = sm.useT();
  const tm = m.useT();
  const [lang] = useLang();
  const navigate = useNavigate();
  const [sort, setSort] = useState<ApplicationSort>('newest');
  // Keyset pages: cursors[n] opens page n + 1 (page 1 has none).
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [pageIndex, setPageIndex] = useState(0);
  const key = JSON.stringify([filter, sort]);
  const [lastKey, setLastKey] = useState(key);
  if (key !== lastKey) {
    setLastKey(key);
    setCursors([null]);
    setPageIndex(0);
  }
  const page = useAsync(
    (signal) => listApplications(filter, { cursor: cursors[pageIndex], limit: PAGE_SIZE, sort }, signal),
    [key, pageIndex],
  );
  const pages = page.data ? Math.max(1, Math.ceil(page.data.total / PAGE_SIZE)) : 1;

  const all: Record<QueueColumn, ColumnsType<ApplicationSummary>[number]> = {
    number: {
      title: t('colNumber'),
      width: 172,
      render: (_v, row) => (
        <Space size={4} direction="vertical">
          <Typography.Link
            onClick={(e) => {
              e.stopPropagation();
              void navigate(`/service-desk/applications/${row.id}`);
            }}
          >
            {row.number}
          </Typography.Link>
          <Space size={2}>
            {row.isBundle && <Tag color="geekblue">{t('bundle')}</Tag>}
            {row.clock.light === 'red' && <Tag color="red">{tm('overdue')}</Tag>}
          </Space>
        </Space>
      ),
    },
    item: {
      title: t('colItem'),
      // The item takes the width left over, so the clock column is never pushed out of sight.
      ellipsis: { showTitle: false },
      render: (_v, row) => (
        <Tooltip title={row.itemName} placement="topLeft">
          <span>{row.itemName}</span>
        </Tooltip>
      ),
    },
    applicant: {
      title: t('colApplicant'),
      width: 112,
      ellipsis: { showTitle: false },
      render: (_v, row) => (
        <Tooltip title={row.applicantName} placement="topLeft">
          <span>{row.applicantName}</span>
        </Tooltip>
      ),
    },
    channel: {
      title: t('colChannel'),
      width: 84,
      render: (_v, row) => t(row.channel === 'online' ? 'online' : 'window'),
    },
    state: { title: t('colState'), width: 110, render: (_v, row) => <StateTag state={row.state} /> },
    department: {
      title: t('colDepartment'),
      width: 140,
      ellipsis: { showTitle: false },
      render: (_v, row) => {
        const name = departmentName(row.departmentId) ?? (row.departmentName || '—');
        return <span title={row.departmentName}>{name}</span>;
      },
    },
    submittedAt: {
      title: t('colSubmittedAt'),
      width: 136,
      render: (_v, row) => formatDateTime(row.submittedAt ?? row.createdAt, lang),
    },
    acceptClock: {
      title: t('colAcceptDue'),
      width: 160,
      render: (_v, row) => <ClockTag clock={row.clock} which="accept" />,
    },
    decisionClock: {
      title: t('colDecisionDue'),
      width: 160,
      render: (_v, row) => <ClockTag clock={row.clock} which="decision" />,
    },
  };
  const columns: ColumnsType<ApplicationSummary> = chosen.map((c) => ({
    ...all[c],
    key: c,
    ...(SORTABLE.includes(c)
      ? {
          sorter: true,
          sortOrder: sort === 'oldest' ? ('ascend' as const) : ('descend' as const),
          sortDirections: ['descend' as const, 'ascend' as const],
        }
      : {}),
  }));
  const width = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 160), 0);

  return (
    <div>
      <ErrorAlert error={page.error} onRetry={page.reload} />
      <Table<ApplicationSummary>
        rowKey="id"
        size="middle"
        tableLayout="fixed"
        scroll={{ x: width }}
        loading={page.loading}
        dataSource={page.data?.items ?? []}
        columns={columns}
        showSorterTooltip={false}
        pagination={false}
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action !== 'sort') return;
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          setSort(s?.order === 'ascend' ? 'oldest' : 'newest');
        }}
        locale={{ emptyText: tm('noData') }}
        onRow={(row) => ({
          onClick: () => void navigate(`/service-desk/applications/${row.id}`),
          style: { cursor: 'pointer' },
        })}
      />
      <Space style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 12 }} size={12}>
        <Typography.Text type="secondary">{t('total', { count: page.data?.total ?? 0 })}</Typography.Text>
        <Button
          size="small"
          icon={<LeftOutlined />}
          disabled={pageIndex === 0}
          onClick={() => setPageIndex((i) => i - 1)}
        >
          {t('prevPage')}
        </Button>
        <Typography.Text data-testid="queue-page">
          {t('pageN', { n: pageIndex + 1 })} / {pages}
        </Typography.Text>
        <Button
          size="small"
          disabled={!page.data?.nextCursor}
          onClick={() => {
            const next = page.data?.nextCursor ?? null;
            setCursors((list) => {
              const copy = list.slice(0, pageIndex + 1);
              copy[pageIndex + 1] = next;
              return copy;
            });
            setPageIndex((i) => i + 1);
          }}
        >
          {t('nextPage')} <RightOutlined />
        </Button>
      </Space>
    </div>
  );
}

/** The queues of the window (综合窗口) and of the department (办件审查). */
export function useQueues(kind: 'window' | 'review'): AppQueue[] {
  const t = sm.useT();
  return useMemo(
    () =>
      kind === 'window'
        ? [
            {
              key: 'submitted',
              label: t('tabSubmitted'),
              state: 'submitted',
              columns: ['number', 'item', 'applicant', 'channel', 'department', 'submittedAt', 'acceptClock'],
            },
            {
              key: 'correction',
              label: t('tabCorrection'),
              state: 'correction_requested',
              columns: ['number', 'item', 'applicant', 'channel', 'submittedAt', 'state'],
            },
            {
              key: 'toDeliver',
              label: t('tabToDeliver'),
              state: 'decided',
              columns: ['number', 'item', 'applicant', 'department', 'submittedAt', 'state'],
            },
            {
              key: 'all',
              label: t('tabAll'),
              columns: ['number', 'item', 'applicant', 'state', 'department', 'submittedAt'],
            },
          ]
        : [
            {
              key: 'accepted',
              label: t('tabAccepted'),
              state: 'accepted',
              columns: ['number', 'item', 'applicant', 'submittedAt', 'decisionClock'],
            },
            {
              key: 'inReview',
              label: t('tabInReview'),
              state: 'in_review',
              columns: ['number', 'item', 'applicant', 'submittedAt', 'decisionClock'],
            },
            {
              key: 'special',
              label: t('tabSpecial'),
              state: 'special_step',
              columns: ['number', 'item', 'applicant', 'state', 'decisionClock'],
            },
            {
              key: 'onHold',
              label: t('tabOnHold'),
              state: 'on_hold',
              columns: ['number', 'item', 'applicant', 'state', 'decisionClock'],
            },
            {
              key: 'decided',
              label: t('tabDecided'),
              state: 'decided',
              columns: ['number', 'item', 'applicant', 'state', 'submittedAt'],
            },
            {
              key: 'all',
              label: t('tabAll'),
              columns: ['number', 'item', 'applicant', 'state', 'submittedAt'],
            },
          ],
    [kind, t],
  );
}
