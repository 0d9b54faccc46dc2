/** 案卷查询: every case in the user's jurisdiction, filtered by status, stage, source and text. */
import { useState } from 'react';
import { Button, Card, Form, Input, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import {
  CASE_STATUSES,
  SOURCES,
  STAGES,
  sourceLabels,
  stageLabels,
  statusLabels,
} from '../../../shared/labels.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { m } from '../../messages.js';
import { useAsync } from '../../ui/useAsync.js';
import { CaseTable } from './CaseTable.js';
import { allDepartments, type CaseFilter } from './types.js';

interface Values {
  status?: string[];
  stage?: CaseFilter['stage'];
  source?: CaseFilter['source'];
  q?: string;
}

export function CasesPage() {
  const t = m.useT();
  const ts = statusLabels.useT();
  const tg = stageLabels.useT();
  const tso = sourceLabels.useT();
  const [filter, setFilter] = useState<CaseFilter>({});
  const [form] = Form.useForm<Values>();
  const departments = useAsync(() => allDepartments(), []);

  return (
    <>
      <PageHeader title={t('navCases')} />
      <Card style={{ marginBottom: 16 }}>
        <Form<Values>
          form={form}
          layout="inline"
          onFinish={(v) =>
            setFilter({
              status: v.status?.length ? v.status.join(',') : undefined,
              stage: v.stage,
              source: v.source,
              q: v.q?.trim() || undefined,
            })
          }
        >
          <Form.Item name="q" label={t('search')}>
            <Input allowClear placeholder={t('filterKeyword')} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="status" label={t('colStatus')}>
            <Select
              mode="multiple"
              allowClear
              maxTagCount={2}
              style={{ width: 260 }}
              options={CASE_STATUSES.map((s) => ({ value: s, label: ts(s) }))}
            />
          </Form.Item>
          <Form.Item name="stage" label={t('colStage')}>
            <Select
              allowClear
              style={{ width: 120 }}
              options={STAGES.map((s) => ({ value: s, label: tg(s) }))}
            />
          </Form.Item>
          <Form.Item name="source" label={t('colSource')}>
            <Select
              allowClear
              style={{ width: 140 }}
              options={SOURCES.map((s) => ({ value: s, label: tso(s) }))}
            />
          </Form.Item>
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
          columns={['number', 'class', 'status', 'source', 'department', 'reportedAt', 'due']}
          departmentName={(id) => departments.data?.find((d) => d.id === id)?.name ?? null}
        />
      </Card>
    </>
  );
}
