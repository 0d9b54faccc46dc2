/**
 * 案卷查询: every case in the user's jurisdiction, filtered by text, status, stage, source, report
 * date, street or community, class, department and overdue tier; sorted by any column header,
 * with numbered pages, the total, and the same query as an Excel or CSV download.
 */
import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Dropdown, Form, Input, Select, Space, type SelectProps } from 'antd';
import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api } from '../../../shared/api.js';
import {
  CASE_STATUSES,
  SOURCES,
  STAGES,
  sourceLabels,
  stageLabels,
  statusLabels,
  tierLabels,
  type OverdueTier,
} from '../../../shared/labels.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { m } from '../../messages.js';
import { useAsync } from '../../ui/useAsync.js';
import { CaseTable } from './CaseTable.js';
import { activeClasses, streetGroups, streetsAndCommunities } from './directory.js';
import { qm } from './queue-messages.js';
import { allDepartments, departmentLabel, type CaseFilter } from './types.js';

interface Values {
  status?: string[];
  stage?: CaseFilter['stage'];
  source?: CaseFilter['source'];
  q?: string;
  reported?: [Dayjs | null, Dayjs | null] | null;
  regionCode?: string;
  classificationId?: number;
  departmentId?: number;
  overdueTier?: OverdueTier;
}

const TIERS: OverdueTier[] = ['overdue', 'severely_overdue'];

/** Filter values as the API reads them: a date range is [first day 00:00, day after the last). */
function toFilter(v: Values): CaseFilter {
  const [from, to] = v.reported ?? [null, null];
  return {
    status: v.status?.length ? v.status.join(',') : undefined,
    stage: v.stage,
    source: v.source,
    q: v.q?.trim() || undefined,
    from: from ? from.startOf('day').toISOString() : undefined,
    to: to ? to.add(1, 'day').startOf('day').toISOString() : undefined,
    regionCode: v.regionCode,
    classificationId: v.classificationId,
    departmentId: v.departmentId,
    overdueTier: v.overdueTier,
  };
}

export function CasesPage() {
  const t = m.useT();
  const tq = qm.useT();
  const ts = statusLabels.useT();
  const tg = stageLabels.useT();
  const tso = sourceLabels.useT();
  const tt = tierLabels.useT();
  const [filter, setFilter] = useState<CaseFilter>({});
  const [form] = Form.useForm<Values>();
  const departments = useAsync(() => allDepartments(), []);
  const classes = useAsync(() => activeClasses(), []);
  const places = useAsync(() => streetsAndCommunities(), []);

  const placeOptions = useMemo(
    () =>
      streetGroups(places.data ?? [], {
        street: (street) => street.name,
        community: (community, street) => `${street.name} · ${community.name}`,
      }),
    [places.data],
  );
  /** The selects after the text and the dates, each a form field (cleared: no filter). */
  const selects: Array<{ name: keyof Values; label: string } & SelectProps> = [
    {
      name: 'regionCode',
      label: tq('region'),
      showSearch: true,
      placeholder: tq('regionHint'),
      style: { width: 220 },
      options: placeOptions,
      loading: places.loading,
    },
    {
      name: 'classificationId',
      label: tq('classification'),
      showSearch: true,
      style: { width: 200 },
      loading: classes.loading,
      options: (classes.data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.code}）` })),
    },
    {
      name: 'departmentId',
      label: tq('department'),
      showSearch: true,
      style: { width: 180 },
      loading: departments.loading,
      options: (departments.data ?? [])
        .filter((d) => d.active !== false)
        .map((d) => ({ value: d.id, label: departmentLabel(d) ?? d.name })),
    },
    {
      name: 'status',
      label: t('colStatus'),
      mode: 'multiple',
      maxTagCount: 2,
      style: { width: 240 },
      options: CASE_STATUSES.map((s) => ({ value: s, label: ts(s) })),
    },
    {
      name: 'stage',
      label: t('colStage'),
      style: { width: 110 },
      options: STAGES.map((s) => ({ value: s, label: tg(s) })),
    },
    {
      name: 'source',
      label: t('colSource'),
      style: { width: 130 },
      options: SOURCES.map((s) => ({ value: s, label: tso(s) })),
    },
    {
      name: 'overdueTier',
      label: tq('overdue'),
      style: { width: 120 },
      options: TIERS.map((s) => ({ value: s, label: tt(s) })),
    },
  ];
  const exportQuery = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));

  return (
    <>
      <PageHeader
        title={t('navCases')}
        extra={
          <Dropdown
            menu={{
              items: (['xlsx', 'csv'] as const).map((format) => ({
                key: format,
                label: (
                  <a href={api.url('/cases/export', { ...exportQuery, format })} download>
                    {tq(format === 'xlsx' ? 'exportXlsx' : 'exportCsv')}
                  </a>
                ),
              })),
            }}
          >
            <Button icon={<DownloadOutlined />}>{tq('export')}</Button>
          </Dropdown>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Form<Values>
          form={form}
          layout="inline"
          style={{ rowGap: 12 }}
          onFinish={(v) => setFilter(toFilter(v))}
        >
          <Form.Item name="q" label={t('search')}>
            <Input allowClear placeholder={t('filterKeyword')} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="reported" label={tq('dateRange')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 260 }} />
          </Form.Item>
          {selects.map(({ name, label, ...select }) => (
            <Form.Item key={name} name={name} label={label}>
              <Select allowClear optionFilterProp="label" {...select} />
            </Form.Item>
          ))}
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t('search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setFilter({});
              }}
            >
              {t('reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      <Card>
        <CaseTable
          filter={filter}
          pageSize={15}
          columns={['number', 'class', 'status', 'place', 'address', 'department', 'reportedAt', 'due']}
          departmentName={(id) => departmentLabel(departments.data?.find((d) => d.id === id))}
        />
      </Card>
    </>
  );
}
