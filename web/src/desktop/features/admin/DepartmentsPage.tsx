/** 部门与职责: departments (create, edit, activate) and the classes × regions each is responsible for. */
import { useState } from 'react';
import { App as AntApp, Button, Card, Drawer, Form, Input, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, ApartmentOutlined } from '@ant-design/icons';
import { api } from '../../../shared/api.js';
import type { CaseKind } from '../../../shared/labels.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useAsync } from '../../ui/useAsync.js';
import { m } from '../../messages.js';
import { resetDepartments } from '../cases/types.js';
import { PagedTable } from './PagedTable.js';
import { EditModal, FormError, orNull, useFormSubmit } from './editing.js';
import {
  ActiveField,
  activeColumn,
  EditButton,
  KindSelect,
  NewButton,
  RowAction,
  StandardSelect,
} from './fields.js';
import { adm, DEPARTMENT_KINDS, deptKindLabels, type DepartmentKind } from './messages.js';

interface DepartmentRow {
  id: number;
  name: string;
  shortName: string | null;
  creditCode: string | null;
  kind: DepartmentKind;
  regionCode: string | null;
  phone: string | null;
  active: boolean;
  version: number;
}

interface Responsibility {
  kind: CaseKind;
  standard: string;
  classCodePrefix: string;
  regionCode: string;
}

type DepartmentForm = Omit<DepartmentRow, 'id' | 'version'>;

export function DepartmentsPage() {
  const t = adm.useT();
  const tm = m.useT();
  const tk = deptKindLabels.useT();
  const { message } = AntApp.useApp();
  const [reloadKey, setReloadKey] = useState(0);
  const [editing, setEditing] = useState<DepartmentRow | 'new' | null>(null);
  const [duties, setDuties] = useState<DepartmentRow | null>(null);
  const [form] = Form.useForm<DepartmentForm>();

  const saved = () => {
    void message.success(tm('saved'));
    setEditing(null);
    resetDepartments();
    setReloadKey((k) => k + 1);
  };

  async function submit(values: DepartmentForm) {
    const body = {
      name: values.name,
      shortName: orNull(values.shortName),
      creditCode: orNull(values.creditCode),
      kind: values.kind,
      regionCode: orNull(values.regionCode),
      phone: orNull(values.phone),
      active: values.active,
    };
    if (editing === 'new') await api.post('/departments', body, { idempotencyKey: true });
    else if (editing) await api.patch(`/departments/${editing.id}`, { ...body, version: editing.version });
  }

  async function reloadEditing() {
    if (!editing || editing === 'new') return;
    const fresh = await api.get<DepartmentRow>(`/departments/${editing.id}`);
    setEditing(fresh);
    form.setFieldsValue(fresh);
  }

  return (
    <>
      <PageHeader
        title={tm('navDepartments')}
        sub={t('departmentsHint')}
        extra={<NewButton label={t('newDepartment')} onClick={() => setEditing('new')} />}
      />
      <Card>
        <PagedTable<DepartmentRow>
          path="/departments"
          rowKey="id"
          reloadKey={reloadKey}
          columns={[
            { title: t('name'), dataIndex: 'name' },
            { title: t('shortName'), dataIndex: 'shortName', width: 120 },
            { title: t('kind'), dataIndex: 'kind', width: 120, render: (v: DepartmentKind) => tk(v) },
            { title: t('creditCode'), dataIndex: 'creditCode', width: 190 },
            { title: t('phone'), dataIndex: 'phone', width: 130 },
            activeColumn(t('active')),
            {
              title: t('operations'),
              width: 190,
              render: (_v, d) => (
                <Space size={0}>
                  <EditButton onClick={() => setEditing(d)} />
                  <RowAction
                    icon={<ApartmentOutlined />}
                    label={t('responsibilities')}
                    onClick={() => setDuties(d)}
                  />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <EditModal<DepartmentForm>
        open={editing !== null}
        title={editing === 'new' ? t('newDepartment') : t('editDepartment')}
        form={form}
        initialValues={editing && editing !== 'new' ? editing : { kind: 'urban_management', active: true }}
        onSubmit={submit}
        onSaved={saved}
        onClose={() => setEditing(null)}
        onReload={reloadEditing}
      >
        <Form.Item name="name" label={t('name')} rules={[{ required: true, message: t('required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="shortName" label={t('shortName')} style={{ flex: 1, marginRight: 12 }}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="kind"
            label={t('kind')}
            style={{ flex: 1 }}
            rules={[{ required: true, message: t('required') }]}
          >
            <Select options={DEPARTMENT_KINDS.map((k) => ({ value: k, label: tk(k) }))} />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          name="creditCode"
          label={t('creditCode')}
          rules={[{ len: 18, message: t('creditCodeRule') }]}
        >
          <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="regionCode"
            label={t('region')}
            style={{ flex: 1, marginRight: 12 }}
            rules={[{ pattern: /^\d{6,15}$/, message: t('regionCodeRule') }]}
          >
            <Input placeholder="110101" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('phone')}
            style={{ flex: 1 }}
            rules={[{ pattern: /^[0-9+()\- ]{3,30}$/, message: t('phoneRule') }]}
          >
            <Input />
          </Form.Item>
        </Space.Compact>
        <ActiveField />
      </EditModal>
      <ResponsibilitiesDrawer department={duties} onClose={() => setDuties(null)} />
    </>
  );
}

/** The department's responsibility list, replaced as a whole with the department's version. */
function ResponsibilitiesDrawer({
  department,
  onClose,
}: {
  department: DepartmentRow | null;
  onClose: () => void;
}) {
  const t = adm.useT();
  const tm = m.useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ responsibilities: Responsibility[] }>();
  const { busy, error, rest, submit, clear } = useFormSubmit(form);
  const current = useAsync(
    async (signal) => {
      if (!department) return null;
      const r = await api.get<{ version: number; responsibilities: Responsibility[] }>(
        `/departments/${department.id}/responsibilities`,
        undefined,
        signal,
      );
      form.setFieldsValue({ responsibilities: r.responsibilities });
      clear();
      return r;
    },
    [department?.id],
  );

  async function save() {
    if (!department || !current.data) return;
    const { version } = current.data;
    const sent = await submit((values) =>
      api.put(`/departments/${department.id}/responsibilities`, {
        version,
        responsibilities: values.responsibilities ?? [],
      }),
    );
    if (!sent) return;
    void message.success(tm('saved'));
    current.reload();
  }

  return (
    <Drawer
      open={department !== null}
      onClose={onClose}
      width={760}
      title={`${t('responsibilities')} · ${department?.name ?? ''}`}
      extra={
        <Button type="primary" loading={busy} onClick={() => void save()}>
          {tm('save')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('responsibilitiesHint')}</Typography.Paragraph>
      <FormError error={error ?? current.error} rest={rest} onReload={current.reload} />
      <Form form={form} layout="vertical" disabled={current.loading}>
        <Form.List name="responsibilities">
          {(fields, { add, remove }) => (
            <>
              <Table
                size="small"
                pagination={false}
                dataSource={fields}
                rowKey="key"
                columns={[
                  {
                    title: t('classKind'),
                    width: 110,
                    render: (_v, f) => (
                      <Form.Item name={[f.name, 'kind']} noStyle rules={[{ required: true }]}>
                        <KindSelect aria-label={t('classKind')} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('standard'),
                    width: 190,
                    render: (_v, f) => (
                      <Form.Item name={[f.name, 'standard']} noStyle rules={[{ required: true }]}>
                        <StandardSelect aria-label={t('standard')} />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('classPrefix'),
                    render: (_v, f) => (
                      <Form.Item
                        name={[f.name, 'classCodePrefix']}
                        rules={[{ required: true, pattern: /^\d{2}(\d{2,3})?$/, message: t('prefixRule') }]}
                        style={{ marginBottom: 0 }}
                      >
                        <Input aria-label={t('classPrefix')} placeholder="01 / 01001" />
                      </Form.Item>
                    ),
                  },
                  {
                    title: t('region'),
                    render: (_v, f) => (
                      <Form.Item
                        name={[f.name, 'regionCode']}
                        rules={[{ required: true, pattern: /^\d{6,15}$/, message: t('regionCodeRule') }]}
                        style={{ marginBottom: 0 }}
                      >
                        <Input aria-label={t('region')} placeholder="110101001" />
                      </Form.Item>
                    ),
                  },
                  {
                    title: '',
                    width: 48,
                    render: (_v, f) => (
                      <Button
                        type="text"
                        danger
                        aria-label={t('remove')}
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                      />
                    ),
                  },
                ]}
              />
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                style={{ marginTop: 12 }}
                onClick={() =>
                  add({
                    kind: 'component',
                    standard: 'GB/T 47678.5-2026',
                    classCodePrefix: '',
                    regionCode: department?.regionCode ?? '',
                  })
                }
              >
                {t('addResponsibility')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
