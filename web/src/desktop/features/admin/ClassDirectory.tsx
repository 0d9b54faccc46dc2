/** 类别目录: the class directory — public names, help texts, activation — and the district's local classes. */
import { useState } from 'react';
import { App as AntApp, Form, Input, Space, Tag } from 'antd';
import { api } from '../../../shared/api.js';
import { kindLabels, type CaseKind } from '../../../shared/labels.js';
import { m } from '../../messages.js';
import { PagedTable } from './PagedTable.js';
import { EditModal, orNull } from './editing.js';
import {
  ActiveField,
  activeColumn,
  EditButton,
  KindSelect,
  NewButton,
  SearchBox,
  StandardSelect,
} from './fields.js';
import { adm } from './messages.js';

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

interface ClassEdit {
  publicName: string;
  helpText: string;
  active: boolean;
}

interface NewClass {
  kind: CaseKind;
  majorCode: string;
  code?: string;
  name: string;
  publicName?: string;
  helpText?: string;
}

/** The editable values of a class (empty texts for none). */
const editOf = (c: ClassRow): ClassEdit => ({
  publicName: c.publicName ?? '',
  helpText: c.helpText ?? '',
  active: c.active,
});

export function ClassDirectory() {
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
  const [editForm] = Form.useForm<ClassEdit>();
  const [newForm] = Form.useForm<NewClass>();
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
          <StandardSelect
            aria-label={t('standard')}
            style={{ width: 200 }}
            value={filter.standard}
            allowClear
            placeholder={t('standard')}
            onChange={(standard?: string) => setFilter((f) => ({ ...f, standard }))}
          />
          <KindSelect<CaseKind>
            aria-label={t('classKind')}
            style={{ width: 120 }}
            value={filter.kind}
            allowClear
            placeholder={t('classKind')}
            onChange={(kind?: CaseKind) => setFilter((f) => ({ ...f, kind }))}
          />
          <SearchBox
            placeholder={t('classSearch')}
            width={240}
            onSearch={(q) => setFilter((f) => ({ ...f, q: q || undefined }))}
          />
        </Space>
        <NewButton label={t('newLocalClass')} onClick={() => setCreating(true)} />
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
          activeColumn(t('active')),
          {
            title: t('operations'),
            width: 90,
            render: (_v, c) => <EditButton row={c.code} onClick={() => setEditing(c)} />,
          },
        ]}
      />
      <EditModal<ClassEdit>
        open={editing !== null}
        title={editing ? `${t('editClass')} · ${editing.code} ${editing.name}` : ''}
        form={editForm}
        initialValues={editing ? editOf(editing) : {}}
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
            editForm.setFieldsValue(editOf(fresh));
          });
        }}
      >
        <Form.Item name="publicName" label={t('publicName')} extra={t('publicNameHint')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="helpText" label={t('helpText')}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <ActiveField />
      </EditModal>
      <EditModal<NewClass>
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
            <KindSelect />
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
