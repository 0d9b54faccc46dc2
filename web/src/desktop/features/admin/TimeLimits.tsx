/**
 * 时限: the stage time limits (per clock and urgency) and the handling time limits (per class
 * prefix, condition and urgency), each with its source (standard or regulation).
 */
import { useState } from 'react';
import { App as AntApp, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import { api } from '../../../shared/api.js';
import {
  clockLabels,
  kindLabels,
  urgencyLabels,
  type CaseKind,
  type Clock,
  type Urgency,
} from '../../../shared/labels.js';
import { useAsync } from '../../ui/useAsync.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { m } from '../../messages.js';
import { EditModal, orNull } from './editing.js';
import { EditButton, KindSelect, NewButton, SearchBox, StandardSelect } from './fields.js';
import { adm, TIME_UNITS, unitLabels, type TimeUnit } from './messages.js';

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

/** The limits in force (both kinds: one request). */
function useLimits() {
  return useAsync(() => api.get<{ stage: StageLimit[]; handling: HandlingLimit[] }>('/time-limits'), []);
}

/** Saved: say so, close the editor, reload the limits. */
function useSaved(close: () => void, reload: () => void) {
  const tm = m.useT();
  const { message } = AntApp.useApp();
  return () => {
    void message.success(tm('saved'));
    close();
    reload();
  };
}

export function StageLimits() {
  const t = adm.useT();
  const tc = clockLabels.useT();
  const tu = urgencyLabels.useT();
  const tn = unitLabels.useT();
  const limits = useLimits();
  const [editing, setEditing] = useState<StageLimit | null>(null);
  const [form] = Form.useForm<{ amount: number; unit: TimeUnit; source: string }>();
  const saved = useSaved(() => setEditing(null), limits.reload);
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
              <EditButton row={`${tc(r.clock)} ${tu(r.urgency)}`} onClick={() => setEditing(r)} />
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
        onSaved={saved}
        onClose={() => setEditing(null)}
      >
        <LimitFields />
      </EditModal>
    </>
  );
}

/** The limit itself: amount, unit and its source. */
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

export function HandlingLimits() {
  const t = adm.useT();
  const tk = kindLabels.useT();
  const tu = urgencyLabels.useT();
  const tn = unitLabels.useT();
  const limits = useLimits();
  const [editing, setEditing] = useState<Partial<HandlingLimit> | null>(null);
  const [q, setQ] = useState('');
  const [form] = Form.useForm<Omit<HandlingLimit, 'id'>>();
  const saved = useSaved(() => setEditing(null), limits.reload);
  const rows = (limits.data?.handling ?? []).filter(
    (h) => !q || h.classCodePrefix.startsWith(q) || (h.conditionText ?? h.condition).includes(q),
  );
  // A limit's key (kind, standard, prefix, condition, urgency) is fixed once it exists.
  const fixed = Boolean(editing?.id);
  return (
    <>
      <ErrorAlert error={limits.error} onRetry={limits.reload} />
      <Space style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <SearchBox placeholder={t('handlingSearch')} width={260} onSearch={setQ} />
        <NewButton
          label={t('newHandlingLimit')}
          onClick={() =>
            setEditing({
              kind: 'component',
              standard: 'GB/T 47678.5-2026',
              urgency: 'normal',
              unit: 'working_hours',
            })
          }
        />
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
            render: (_v, h) => <EditButton onClick={() => setEditing(h)} />,
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
        onSaved={saved}
        onClose={() => setEditing(null)}
      >
        <Space.Compact block>
          <Form.Item name="kind" label={t('classKind')} style={{ flex: 1, marginRight: 12 }}>
            <KindSelect disabled={fixed} />
          </Form.Item>
          <Form.Item name="standard" label={t('standard')} style={{ flex: 2, marginRight: 12 }}>
            <StandardSelect disabled={fixed} />
          </Form.Item>
          <Form.Item
            name="classCodePrefix"
            label={t('classPrefix')}
            style={{ flex: 1 }}
            rules={[{ pattern: /^\d{0,5}$/, message: t('prefixRule') }]}
          >
            <Input disabled={fixed} />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item
            name="condition"
            label={t('conditionKey')}
            style={{ flex: 1, marginRight: 12 }}
            rules={[{ required: true, message: t('required') }]}
          >
            <Input disabled={fixed} maxLength={50} />
          </Form.Item>
          <Form.Item name="urgency" label={t('urgency')} style={{ width: 140 }}>
            <Select
              disabled={fixed}
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
