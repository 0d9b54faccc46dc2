/** 用户与角色: staff accounts, their role, position, department and jurisdiction. */
import { useState } from 'react';
import { App as AntApp, Card, Form, Input, Select, Space, Switch, Tag } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import { api } from '../../../shared/api.js';
import {
  positionLabels,
  POSITIONS,
  ROLES,
  roleLabels,
  type Position,
  type Role,
} from '../../../shared/labels.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useAsync } from '../../ui/useAsync.js';
import { m } from '../../messages.js';
import { allDepartments } from '../cases/types.js';
import { PagedTable } from './PagedTable.js';
import { adm } from './messages.js';
import { EditModal, orNull, splitCodes } from './editing.js';
import { ActiveField, EditButton, NewButton, RowAction, useRowAction } from './fields.js';

interface UserForm {
  displayName: string;
  role: Role;
  position: Position | null;
  departmentId: number | null;
  regionCodes: string[];
  active: boolean;
}

type NewUserForm = Omit<UserForm, 'active'> & { username: string; password: string };

interface UserRow {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  position: Position | null;
  departmentId: number | null;
  regionCodes: string[];
  active: boolean;
  mustChangePassword: boolean;
  version: number;
}

export function UsersPage() {
  const t = adm.useT();
  const tm = m.useT();
  const tr = roleLabels.useT();
  const tp = positionLabels.useT();
  const { message } = AntApp.useApp();
  const act = useRowAction();
  const [reloadKey, setReloadKey] = useState(0);
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<NewUserForm>();
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [editForm] = Form.useForm<UserForm>();
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const [resetForm] = Form.useForm<{ password: string; mustChangePassword: boolean }>();
  const changed = () => {
    void message.success(tm('saved'));
    setCreating(false);
    setEditing(null);
    setResetting(null);
    setReloadKey((k) => k + 1);
  };
  const departments = useAsync(() => allDepartments(), []);
  const deptName = (id: number | null) => departments.data?.find((d) => d.id === id)?.name ?? '—';

  const toggle = (user: UserRow, active: boolean) =>
    act(
      () => api.patch(`/users/${user.id}`, { version: user.version, active }),
      () => setReloadKey((k) => k + 1),
    );

  async function create(values: NewUserForm) {
    await api.post(
      '/users',
      { ...values, regionCodes: splitCodes(values.regionCodes), mustChangePassword: true },
      { idempotencyKey: true },
    );
  }

  return (
    <>
      <PageHeader
        title={tm('navUsers')}
        extra={<NewButton label={t('newUser')} onClick={() => setCreating(true)} />}
      />
      <Card>
        <PagedTable<UserRow>
          path="/users"
          rowKey="id"
          reloadKey={reloadKey}
          columns={[
            { title: t('username'), dataIndex: 'username' },
            { title: t('displayName'), dataIndex: 'displayName' },
            {
              title: t('role'),
              render: (_v, u) => (
                <>
                  <Tag color="blue">{tr(u.role)}</Tag>
                  {u.position && <Tag>{tp(u.position)}</Tag>}
                </>
              ),
            },
            { title: t('department'), render: (_v, u) => deptName(u.departmentId), ellipsis: true },
            { title: t('regions'), render: (_v, u) => u.regionCodes.join(', ') || tm('all') },
            {
              title: t('active'),
              render: (_v, u) => (
                <Switch
                  checked={u.active}
                  aria-label={`${u.username} ${t('active')}`}
                  checkedChildren={t('enabled')}
                  unCheckedChildren={t('disabled')}
                  onChange={(v) => void toggle(u, v)}
                />
              ),
            },
            {
              title: t('operations'),
              width: 190,
              render: (_v, u) => (
                <Space size={0}>
                  <EditButton row={u.username} onClick={() => setEditing(u)} />
                  <RowAction
                    icon={<KeyOutlined />}
                    label={t('resetPassword')}
                    row={u.username}
                    onClick={() => setResetting(u)}
                  />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <EditModal<NewUserForm>
        open={creating}
        title={t('newUser')}
        form={form}
        onSubmit={create}
        onSaved={changed}
        onClose={() => setCreating(false)}
      >
        <Form.Item name="username" label={t('username')} rules={[{ required: true, message: t('required') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <UserFields departments={departments.data ?? []} />
        <Form.Item
          name="password"
          label={t('initialPassword')}
          rules={[{ required: true, min: 10, message: t('initialPassword') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </EditModal>
      <EditModal<UserForm>
        open={editing !== null}
        title={editing ? `${t('editUser')} · ${editing.username}` : ''}
        form={editForm}
        initialValues={editing ?? {}}
        onSubmit={async (v) => {
          if (!editing) return;
          await api.patch(`/users/${editing.id}`, {
            version: editing.version,
            displayName: v.displayName,
            role: v.role,
            position: orNull(v.position),
            departmentId: orNull(v.departmentId),
            regionCodes: splitCodes(v.regionCodes),
            active: v.active,
          });
        }}
        onSaved={changed}
        onClose={() => setEditing(null)}
        onReload={() => {
          if (!editing) return;
          return api.get<UserRow>(`/users/${editing.id}`).then((fresh) => {
            setEditing(fresh);
            editForm.setFieldsValue(fresh);
          });
        }}
      >
        <UserFields departments={departments.data ?? []} />
        <ActiveField />
      </EditModal>
      <EditModal<{ password: string; mustChangePassword: boolean }>
        open={resetting !== null}
        title={resetting ? `${t('resetPassword')} · ${resetting.username}` : ''}
        form={resetForm}
        initialValues={{ mustChangePassword: true }}
        onSubmit={async (v) => {
          if (!resetting) return;
          await api.put(`/users/${resetting.id}/password`, v);
        }}
        onSaved={changed}
        onClose={() => setResetting(null)}
      >
        <Form.Item
          name="password"
          label={t('newPassword')}
          rules={[{ required: true, min: 10, message: t('passwordRule') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="mustChangePassword" label={t('mustChange')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </EditModal>
    </>
  );
}

/** The fields a new user and an edited one share. */
function UserFields({ departments }: { departments: Array<{ id: number; name: string }> }) {
  const t = adm.useT();
  const tr = roleLabels.useT();
  const tp = positionLabels.useT();
  return (
    <>
      <Form.Item
        name="displayName"
        label={t('displayName')}
        rules={[{ required: true, message: t('required') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Space.Compact block>
        <Form.Item
          name="role"
          label={t('role')}
          style={{ flex: 1, marginRight: 12 }}
          rules={[{ required: true, message: t('required') }]}
        >
          <Select options={ROLES.map((r) => ({ value: r, label: tr(r) }))} />
        </Form.Item>
        <Form.Item name="position" label={t('position')} style={{ flex: 1 }}>
          <Select allowClear options={POSITIONS.map((p) => ({ value: p, label: tp(p) }))} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="departmentId" label={t('department')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          options={departments.map((d) => ({ value: d.id, label: d.name }))}
        />
      </Form.Item>
      <Form.Item name="regionCodes" label={t('regions')} extra={t('jurisdictionHint')}>
        <Select mode="tags" tokenSeparators={[',', '，', ' ']} placeholder="110101001" open={false} />
      </Form.Item>
    </>
  );
}
