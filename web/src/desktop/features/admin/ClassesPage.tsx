/** 类别与时限: the class directory (public names, help, activation, local classes) and time limits. */
import { useState } from 'react';
import {
  App as AntApp,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { api } from '../../../shared/api.js';
import {
  clockLabels,
  kindLabels,
  urgencyLabels,
  type CaseKind,
  type Clock,
  type Urgency,
} from '../../../shared/labels.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useAsync } from '../../ui/useAsync.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { m } from '../../messages.js';
import { PagedTable } from './PagedTable.js';
import { EditModal, orNull } from './editing.js';
import { adm, STANDARDS, TIME_UNITS, unitLabels, type TimeUnit } from './messages.js';

interface ClassRow {
  id: number;
  standard: string;
  kind: CaseKind;
  majorCode: string;
  majorName: string;
  code: string;
  name: string;
  publicName: string | null;
  helpText: string | null;
  isExtension: boolean;
  active: boolean;
  version: number;
}

interface StageLimit {
  clock: Clock;
  urgency: Urgency;
  amount: number;
  unit: TimeUnit;
  source: string;
}

interface HandlingLimit {
  id: number;
  kind: CaseKind;
  standard: string;
  classCodePrefix: string;
  condition: string;
  conditionText: string | null;
  urgency: Urgency;
  amount: number;
  unit: TimeUnit;
  closingCondition: string | null;
  source: string;
}

export function ClassesPage() {
  const tm = m.useT();
  const t = adm.useT();
  return (
    <>
      <PageHeader title={tm('navClasses')} sub={t('classesHint')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={[
            { key: 'classes', label: t('classDirectory'), children: <ClassDirectory /> },
            { key: 'stage', label: t('stageLimits'), children: <StageLimits /> },
            { key: 'handling', label: t('handlingLimits'), children: <HandlingLimits /> },
          ]}
        />
      </Card>
    </>
  );
}

function ClassDirectory() {
  const t = adm.useT();
  const tm = m.useT();
  const tk = kindLabels.useT();
  const { message } = AntApp.useApp();
  const [filter, setFilter] = useState<{ standard?: string; kind?: CaseKind; q?: string }>({
    standard: 'GB/T 47678.5-2026',
  });
  const [reloadKey, setReloadKey] = useState(0);
  const [editing, setEditing] = useState<ClassRow | null>(null);
  const [creating, setCreating] = useState(false);
  const [editForm] = Form.useForm<{ publicName: string; helpText: string; active: boolean }>();
  const [newForm] = Form.useForm<{
    kind: CaseKind;
    majorCode: string;
    code?: string;
    name: string;
    publicName?: string;
    helpText?: string;
  }>();
  const done = () => {
    void message.success(tm('saved'));
    setEditing(null);
    setCreating(false);
    setReloadKey((k) => k + 1);
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Select
            aria-label={t('standard')}
            style={{ width: 200 }}
            value={filter.standard}
            allowClear
            placeholder={t('standard')}
            options={STANDARDS.map((s) => ({ value: s, label: s }))}
            onChange={(standard?: string) => setFilter((f) => ({ ...f, standard }))}
          />
          <Select
            aria-label={t('classKind')}
            style={{ width: 120 }}
            value={filter.kind}
            allowClear
            placeholder={t('classKind')}
            options={(['component', 'matter'] as const).map((k) => ({ value: k, label: tk(k) }))}
            onChange={(kind?: CaseKind) => setFilter((f) => ({ ...f, kind }))}
          />
          <Input.Search
            aria-label={t('search')}
            placeholder={t('classSearch')}
            allowClear
            style={{ width: 240 }}
            onSearch={(q) => setFilter((f) => ({ ...f, q: q || undefined }))}
          />
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('newLocalClass')}
        </Button>
      </Space>
      <PagedTable<ClassRow>
        path="/classifications"
        query={filter}
        rowKey="id"
        pageSize={12}
        reloadKey={reloadKey}
        columns={[
          { title: t('code'), dataIndex: 'code', width: 90 },
          {
            title: t('nameClass'),
            render: (_v, c) => (
              <>
                {c.name} {c.isExtension && <Tag color="gold">{t('local')}</Tag>}
              </>
            ),
          },
          { title: t('publicName'), dataIndex: 'publicName', render: (v: string | null) => v ?? '—' },
          { title: t('majorName'), dataIndex: 'majorName', width: 160 },
          { title: t('classKind'), dataIndex: 'kind', width: 80, render: (v: CaseKind) => tk(v) },
          {
            title: t('active'),
            dataIndex: 'active',
            width: 80,
            render: (v: boolean) => (
              <Tag color={v ? 'green' : 'default'}>{v ? t('enabled') : t('disabled')}</Tag>
            ),
          },
          {
            title: t('operations'),
            width: 90,
            render: (_v, c) => (
              <Button
                type="link"
                icon={<EditOutlined />}
                aria-label={`${t('edit')} ${c.code}`}
                onClick={() => setEditing(c)}
              >
                {t('edit')}
              </Button>
            ),
          },
        ]}
      />
      <EditModal
        open={editing !== null}
        title={editing ? `${t('editClass')} · ${editing.code} ${editing.name}` : ''}
        form={editForm}
        initialValues={
          editing
            ? {
                publicName: editing.publicName ?? '',
                helpText: editing.helpText ?? '',
                active: editing.active,
              }
            : {}
        }
        onSubmit={async (v) => {
          if (!editing) return;
          await api.patch(`/classifications/${editing.id}`, {
            version: editing.version,
            publicName: orNull(v.publicName),
            helpText: orNull(v.helpText),
            active: v.active,
          });
        }}
        onSaved={done}
        onClose={() => setEditing(null)}
        onReload={() => {
          if (!editing) return;
          return api.get<ClassRow>(`/classifications/${editing.id}`).then((fresh) => {
            setEditing(fresh);
            editForm.setFieldsValue({
              publicName: fresh.publicName ?? '',
              helpText: fresh.helpText ?? '',
              active: fresh.active,
            });
          });
        }}
      >
        <Form.Item name="publicName" label={t('publicName')} extra={t('publicNameHint')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="helpText" label={t('helpText')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="active" label={t('active')} valuePropName="checked">
          <Switch checkedChildren={t('enabled')} unCheckedChildren={t('disabled')} />
        </Form.Item>
      </EditModal>
      <EditModal
        open={creating}
        title={t('newLocalClass')}
        form={newForm}
        initialValues={{ kind: 'matter' }}
        onSubmit={async (v) => {
          await api.post(
            '/classifications',
            {
              kind: v.kind,
              majorCode: v.majorCode,
              ...(v.code ? { code: v.code } : {}),
              name: v.name,
              publicName: orNull(v.publicName),
              helpText: orNull(v.helpText),
            },
            { idempotencyKey: true },
          );
        }}
        onSaved={done}
        onClose={() => setCreating(false)}
      >
        <Space.Compact block>
          <Form.Item name="kind" label={t('classKind')} style={{ flex: 1, marginRight: 12 }}>
            <Select options={(['component', 'matter'] as const).map((k) => ({ value: k, label: tk(k) }))} />
          </Form.Item>
          <Form.Item
            name="majorCode"
            label={t('majorCode')}
            style={{ flex: 1, marginRight: 12 }}
            rules={[{ required: true, pattern: /^\d{2}$/, message: t('majorCodeRule') }]}
          >
            <Input placeholder="01" maxLength={2} />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('codeOptional')}
            style={{ flex: 1 }}
            rules={[{ pattern: /^\d{5}$/, message: t('classCodeRule') }]}
          >
            <Input placeholder="01080" maxLength={5} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="name" label={t('nameClass')} rules={[{ required: true, message: t('required') }]}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="publicName" label={t('publicName')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="helpText" label={t('helpText')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </EditModal>
    </>
  );
}

function StageLimits() {
  const t = adm.useT();
  const tm = m.useT();
  const tc = clockLabels.useT();
  const tu = urgencyLabels.useT();
  const tn = unitLabels.useT();
  const { message } = AntApp.useApp();
  const limits = useAsync(() => api.get<{ stage: StageLimit[] }>('/time-limits'), []);
  const [editing, setEditing] = useState<StageLimit | null>(null);
  const [form] = Form.useForm<{ amount: number; unit: TimeUnit; source: string }>();
  return (
    <>
      <ErrorAlert error={limits.error} onRetry={limits.reload} />
      <Table<StageLimit>
        size="middle"
        rowKey={(r) => `${r.clock}-${r.urgency}`}
        loading={limits.loading}
        dataSource={limits.data?.stage ?? []}
        pagination={false}
        columns={[
          { title: t('clock'), dataIndex: 'clock', width: 120, render: (v: Clock) => tc(v) },
          { title: t('urgency'), dataIndex: 'urgency', width: 100, render: (v: Urgency) => tu(v) },
          { title: t('amount'), width: 140, render: (_v, r) => `${r.amount} ${tn(r.unit)}` },
          { title: t('source'), dataIndex: 'source' },
          {
            title: t('operations'),
            width: 90,
            render: (_v, r) => (
              <Button
                type="link"
                icon={<EditOutlined />}
                aria-label={`${t('edit')} ${tc(r.clock)} ${tu(r.urgency)}`}
                onClick={() => setEditing(r)}
              >
                {t('edit')}
              </Button>
            ),
          },
        ]}
      />
      <EditModal
        open={editing !== null}
        title={editing ? `${t('stageLimits')} · ${tc(editing.clock)} · ${tu(editing.urgency)}` : ''}
        form={form}
        initialValues={editing ?? {}}
        onSubmit={async (v) => {
          if (!editing) return;
          await api.put(`/time-limits/stage/${editing.clock}/${editing.urgency}`, v);
        }}
        onSaved={() => {
          void message.success(tm('saved'));
          setEditing(null);
          limits.reload();
        }}
        onClose={() => setEditing(null)}
      >
        <LimitFields />
      </EditModal>
    </>
  );
}

function LimitFields() {
  const t = adm.useT();
  const tn = unitLabels.useT();
  return (
    <>
      <Space.Compact block>
        <Form.Item
          name="amount"
          label={t('amount')}
          style={{ width: 160, marginRight: 12 }}
          rules={[{ required: true, message: t('required') }]}
        >
          <InputNumber min={1} max={100_000} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="unit" label={t('unit')} style={{ flex: 1 }} rules={[{ required: true }]}>
          <Select options={TIME_UNITS.map((u) => ({ value: u, label: tn(u) }))} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="source" label={t('source')} rules={[{ required: true, message: t('sourceRule') }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </>
  );
}

function HandlingLimits() {
  const t = adm.useT();
  const tm = m.useT();
  const tk = kindLabels.useT();
  const tu = urgencyLabels.useT();
  const tn = unitLabels.useT();
  const { message } = AntApp.useApp();
  const limits = useAsync(() => api.get<{ handling: HandlingLimit[] }>('/time-limits'), []);
  const [editing, setEditing] = useState<Partial<HandlingLimit> | null>(null);
  const [q, setQ] = useState('');
  const [form] = Form.useForm<Omit<HandlingLimit, 'id'>>();
  const rows = (limits.data?.handling ?? []).filter(
    (h) => !q || h.classCodePrefix.startsWith(q) || (h.conditionText ?? h.condition).includes(q),
  );
  return (
    <>
      <ErrorAlert error={limits.error} onRetry={limits.reload} />
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Input.Search
          aria-label={t('search')}
          placeholder={t('handlingSearch')}
          allowClear
          style={{ width: 260 }}
          onSearch={setQ}
        />
        <Button
          icon={<PlusOutlined />}
          onClick={() =>
            setEditing({
              kind: 'component',
              standard: 'GB/T 47678.5-2026',
              urgency: 'normal',
              unit: 'working_hours',
            })
          }
        >
          {t('newHandlingLimit')}
        </Button>
      </Space>
      <Table<HandlingLimit>
        size="small"
        rowKey="id"
        loading={limits.loading}
        dataSource={rows}
        pagination={{ pageSize: 12, showSizeChanger: false }}
        columns={[
          { title: t('classKind'), dataIndex: 'kind', width: 70, render: (v: CaseKind) => tk(v) },
          {
            title: t('classPrefix'),
            dataIndex: 'classCodePrefix',
            width: 100,
            render: (v: string) => v || t('any'),
          },
          { title: t('condition'), render: (_v, h) => h.conditionText ?? h.condition },
          { title: t('urgency'), dataIndex: 'urgency', width: 80, render: (v: Urgency) => tu(v) },
          { title: t('amount'), width: 120, render: (_v, h) => `${h.amount} ${tn(h.unit)}` },
          { title: t('source'), dataIndex: 'source', ellipsis: true },
          {
            title: t('operations'),
            width: 90,
            render: (_v, h) => (
              <Button type="link" icon={<EditOutlined />} onClick={() => setEditing(h)}>
                {t('edit')}
              </Button>
            ),
          },
        ]}
      />
      <EditModal
        open={editing !== null}
        title={editing?.id ? t('editHandlingLimit') : t('newHandlingLimit')}
        form={form}
        width={640}
        initialValues={editing ?? {}}
        onSubmit={async (v) => {
          await api.put('/time-limits/handling', {
            kind: v.kind,
            standard: v.standard,
            classCodePrefix: v.classCodePrefix ?? '',
            condition: v.condition,
            conditionText: orNull(v.conditionText),
            urgency: v.urgency,
            amount: v.amount,
            unit: v.unit,
            closingCondition: orNull(v.closingCondition),
            source: v.source,
          });
        }}
        onSaved={() => {
          void message.success(tm('saved'));
          setEditing(null);
          limits.reload();
        }}
        onClose={() => setEditing(null)}
      >
        <Space.Compact block>
          <Form.Item name="kind" label={t('classKind')} style={{ flex: 1, marginRight: 12 }}>
            <Select
              disabled={Boolean(editing?.id)}
              options={(['component', 'matter'] as const).map((k) => ({ value: k, label: tk(k) }))}
            />
          </Form.Item>
          <Form.Item name="standard" label={t('standard')} style={{ flex: 2, marginRight: 12 }}>
            <Select
              disabled={Boolean(editing?.id)}
              options={STANDARDS.map((s) => ({ value: s, label: s }))}
            />
          </Form.Item>
          <Form.Item
            name="classCodePrefix"
            label={t('classPrefix')}
            style={{ flex: 1 }}
            rules={[{ pattern: /^\d{0,5}$/, message: t('prefixRule') }]}
          >
            <Input disabled={Boolean(editing?.id)} />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item
            name="condition"
            label={t('conditionKey')}
            style={{ flex: 1, marginRight: 12 }}
            rules={[{ required: true, message: t('required') }]}
          >
            <Input disabled={Boolean(editing?.id)} maxLength={50} />
          </Form.Item>
          <Form.Item name="urgency" label={t('urgency')} style={{ width: 140 }}>
            <Select
              disabled={Boolean(editing?.id)}
              options={(['normal', 'urgent'] as const).map((u) => ({ value: u, label: tu(u) }))}
            />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="conditionText" label={t('condition')}>
          <Input maxLength={200} />
        </Form.Item>
        <LimitFields />
        <Form.Item name="closingCondition" label={t('closingCondition')}>
          <Input maxLength={200} />
        </Form.Item>
      </EditModal>
    </>
  );
}
