/** 派遣规则: ordered routing rules (first match wins) — create, edit, reorder, delete — with a tester. */
import { useState } from 'react';
import {
  App as AntApp,
  Card,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { api } from '../../../shared/api.js';
import { kindLabels, type CaseKind } from '../../../shared/labels.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useAsync } from '../../ui/useAsync.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { m } from '../../messages.js';
import { allDepartments } from '../cases/types.js';
import { EditModal, orNull } from './editing.js';
import {
  ActiveField,
  activeColumn,
  EditButton,
  KindSelect,
  NewButton,
  RowAction,
  StandardSelect,
  useRowAction,
} from './fields.js';
import { adm } from './messages.js';

interface Rule {
  id: number;
  position: number;
  name: string;
  kind: CaseKind | null;
  standard: string | null;
  classCodePrefix: string | null;
  regionCode: string | null;
  useComponentOwner: boolean;
  departmentId: number | null;
  active: boolean;
  version: number;
}

type RuleForm = Omit<Rule, 'id' | 'version'>;

export function RoutingPage() {
  const t = adm.useT();
  const tm = m.useT();
  const tk = kindLabels.useT();
  const { message } = AntApp.useApp();
  const act = useRowAction();
  const rules = useAsync(() => api.get<Rule[]>('/routing-rules'), []);
  const departments = useAsync(() => allDepartments(), []);
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [form] = Form.useForm<RuleForm>();
  const useOwner = Form.useWatch('useComponentOwner', form);

  const nextPosition = Math.max(0, ...(rules.data ?? []).map((r) => r.position)) + 10;

  async function submit(values: RuleForm) {
    const body = {
      position: values.position,
      name: values.name,
      kind: orNull(values.kind),
      standard: orNull(values.standard),
      classCodePrefix: orNull(values.classCodePrefix),
      regionCode: orNull(values.regionCode),
      useComponentOwner: values.useComponentOwner ?? false,
      departmentId: orNull(values.departmentId),
      active: values.active ?? true,
    };
    if (editing === 'new') await api.post('/routing-rules', body);
    else if (editing) await api.put(`/routing-rules/${editing.id}`, { ...body, version: editing.version });
  }

  async function reloadEditing() {
    if (!editing || editing === 'new') return;
    const all = await api.get<Rule[]>('/routing-rules');
    const fresh = all.find((r) => r.id === editing.id);
    if (!fresh) {
      setEditing(null);
      rules.reload();
      return;
    }
    setEditing(fresh);
    form.setFieldsValue(fresh);
  }

  const remove = (rule: Rule) =>
    act(
      () => api.delete(`/routing-rules/${rule.id}`),
      () => {
        void message.success(t('deleted'));
        rules.reload();
      },
    );

  const deptName = (id: number | null) => departments.data?.find((d) => d.id === id)?.name ?? '—';

  return (
    <>
      <PageHeader
        title={tm('navRouting')}
        sub={t('routingHint')}
        extra={<NewButton label={t('newRule')} onClick={() => setEditing('new')} />}
      />
      <ErrorAlert error={rules.error} onRetry={rules.reload} />
      <Card>
        <Table<Rule>
          rowKey="id"
          loading={rules.loading}
          dataSource={rules.data ?? []}
          pagination={{ pageSize: 15, hideOnSinglePage: true }}
          columns={[
            { title: t('order'), dataIndex: 'position', width: 70 },
            { title: t('name'), dataIndex: 'name' },
            {
              title: t('classKind'),
              dataIndex: 'kind',
              width: 80,
              render: (v: CaseKind | null) => (v ? tk(v) : t('any')),
            },
            {
              title: t('classPrefix'),
              dataIndex: 'classCodePrefix',
              width: 110,
              render: (v: string | null) => v ?? t('any'),
            },
            {
              title: t('region'),
              dataIndex: 'regionCode',
              width: 120,
              render: (v: string | null) => v ?? t('any'),
            },
            {
              title: t('target'),
              render: (_v, r) =>
                r.useComponentOwner ? <Tag color="purple">{t('ownerFirst')}</Tag> : deptName(r.departmentId),
            },
            activeColumn(t('active')),
            {
              title: t('operations'),
              width: 150,
              render: (_v, r) => (
                <Space size={0}>
                  <EditButton row={r.name} onClick={() => setEditing(r)} />
                  <Popconfirm
                    title={t('deleteRuleConfirm')}
                    okText={t('delete')}
                    cancelText={tm('cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove(r)}
                  >
                    <RowAction icon={<DeleteOutlined />} label={t('delete')} row={r.name} danger />
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <EditModal<RuleForm>
        open={editing !== null}
        title={editing === 'new' ? t('newRule') : t('editRule')}
        form={form}
        initialValues={
          editing && editing !== 'new'
            ? editing
            : { position: nextPosition, active: true, useComponentOwner: false }
        }
        onSubmit={submit}
        onSaved={() => {
          void message.success(tm('saved'));
          setEditing(null);
          rules.reload();
        }}
        onClose={() => setEditing(null)}
        onReload={reloadEditing}
      >
        <Typography.Paragraph type="secondary">{t('ruleFormHint')}</Typography.Paragraph>
        <Space.Compact block>
          <Form.Item
            name="position"
            label={t('order')}
            style={{ width: 120, marginRight: 12 }}
            rules={[{ required: true, message: t('required') }]}
          >
            <InputNumber min={0} max={1_000_000} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('name')}
            style={{ flex: 1 }}
            rules={[{ required: true, message: t('required') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item name="kind" label={t('classKind')} style={{ flex: 1, marginRight: 12 }}>
            <KindSelect allowClear placeholder={t('any')} />
          </Form.Item>
          <Form.Item name="standard" label={t('standard')} style={{ flex: 1 }}>
            <StandardSelect allowClear placeholder={t('any')} />
          </Form.Item>
        </Space.Compact>
        <Space.Compact block>
          <Form.Item
            name="classCodePrefix"
            label={t('classPrefix')}
            style={{ flex: 1, marginRight: 12 }}
            rules={[{ pattern: /^\d{1,5}$/, message: t('prefixRule') }]}
          >
            <Input placeholder={t('any')} />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t('region')}
            style={{ flex: 1 }}
            rules={[{ pattern: /^\d{6,15}$/, message: t('regionCodeRule') }]}
          >
            <Input placeholder={t('any')} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="useComponentOwner" label={t('ownerFirst')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="departmentId"
          label={t('target')}
          rules={[{ required: !useOwner, message: t('departmentNeeded') }]}
        >
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <ActiveField />
      </EditModal>
    </>
  );
}
