/** The cases behind one count of one subject (GET /evaluations/cases), with links and downloads. */
import { Drawer, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import { api } from '../../../shared/api.js';
import { formatDateTime } from '../../../shared/format.js';
import { statusLabels, type CaseStatus } from '../../../shared/labels.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { ExportLinks } from '../../ui/ExportLinks.js';
import { useAsync } from '../../ui/useAsync.js';
import type { Period } from '../filters/period.js';
import { FACT_NAMES, type FactKey } from './labels.js';
import { em } from './messages.js';

export interface Drill {
  object: string;
  subject: string;
  name: string;
  fact: FactKey;
  /** The count shown in the table. */
  n: number;
}

interface CaseRow {
  id: number;
  number: string;
  className: string;
  status: CaseStatus;
  gridCode: string;
  departmentName: string | null;
  reportedAt: string;
}

export function DrillDrawer({
  drill,
  period,
  classId,
  onClose,
}: {
  drill: Drill | null;
  period: Period;
  classId: number | undefined;
  onClose: () => void;
}) {
  const t = em.useT();
  const tf = FACT_NAMES.useT();
  const ts = statusLabels.useT();
  const query = drill
    ? {
        object: drill.object,
        subject: drill.subject,
        fact: drill.fact,
        from: period.from,
        to: period.to,
        classId,
      }
    : null;
  const list = useAsync(
    (signal) =>
      query
        ? api
            .request<{ cases: CaseRow[] }>('GET', '/evaluations/cases', { query, signal })
            .then((r) => r.cases)
        : Promise.resolve([]),
    [JSON.stringify(query)],
  );
  const title = drill ? t('drillTitle', { subject: drill.name, fact: tf(drill.fact) }) : '';
  return (
    <Drawer
      open={drill !== null}
      onClose={onClose}
      width={960}
      title={title}
      extra={query && <ExportLinks path="/evaluations/cases" query={query} what={title} />}
    >
      <Typography.Paragraph type="secondary">
        {t('drillSub', {
          from: period.from,
          to: dayjs(period.to).subtract(1, 'day').format('YYYY-MM-DD'),
          n: list.data?.length ?? '…',
        })}
      </Typography.Paragraph>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<CaseRow>
        size="small"
        rowKey="id"
        scroll={{ x: 'max-content' }}
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          {
            title: t('caseNumber'),
            dataIndex: 'number',
            render: (number: string, row) => (
              <Link to={`/cases/${row.id}`} style={{ whiteSpace: 'nowrap' }}>
                {number}
              </Link>
            ),
          },
          { title: t('caseClass'), dataIndex: 'className', ellipsis: true },
          { title: t('casePlace'), dataIndex: 'gridCode' },
          { title: t('caseStatus'), dataIndex: 'status', render: (s: CaseStatus) => ts(s) },
          {
            title: t('caseDepartment'),
            dataIndex: 'departmentName',
            ellipsis: true,
            render: (d: string | null) => d ?? '—',
          },
          {
            title: t('caseReported'),
            dataIndex: 'reportedAt',
            render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(at)}</span>,
          },
        ]}
      />
    </Drawer>
  );
}
