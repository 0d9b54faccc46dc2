/** Open311 接入: API keys for civic apps (FixMyStreet…); a new key is shown once. */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import { api } from '../../../shared/api.js';
import { formatDateTime } from '../../../shared/format.js';
import { PageHeader } from '../../ui/PageHeader.js';
import { useAsync } from '../../ui/useAsync.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { m } from '../../messages.js';
import { EditModal } from './editing.js';
import { NewButton, useRowAction } from './fields.js';
import { adm } from './messages.js';

interface KeyRow {
  id: number;
  name: string;
  prefix?: string;
  createdAt?: string;
  revokedAt?: string | null;
}

export function Open311Page() {
  const t = adm.useT();
  const tm = m.useT();
  const act = useRowAction();
  const keys = useAsync(() => api.get<{ items: KeyRow[] }>('/open311/keys'), []);
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string }>();

  /** Issues the key; the dialog closes on success and shows the server's reason on a refusal. */
  async function issue({ name }: { name: string }) {
    const created = await api.post<{ key: string }>('/open311/keys', { name }, { idempotencyKey: true });
    setIssued(created.key);
  }

  const revoke = (row: KeyRow) => act(() => api.delete(`/open311/keys/${row.id}`), keys.reload);

  return (
    <>
      <PageHeader
        title={tm('navOpen311')}
        extra={<NewButton label={t('newKey')} onClick={() => setOpen(true)} />}
      />
      <ErrorAlert error={keys.error} onRetry={keys.reload} />
      {issued && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setIssued(null)}
          style={{ marginBottom: 16 }}
          message={t('keyShownOnce')}
          description={
            <Typography.Text copyable code>
              {issued}
            </Typography.Text>
          }
        />
      )}
      <Card>
        <Table<KeyRow>
          rowKey="id"
          loading={keys.loading}
          dataSource={keys.data?.items ?? []}
          pagination={false}
          columns={[
            { title: t('keyName'), dataIndex: 'name' },
            {
              title: t('prefix'),
              dataIndex: 'prefix',
              render: (v?: string) => (v ? <code>{v}…</code> : '—'),
            },
            { title: t('createdAt'), dataIndex: 'createdAt', render: (v?: string) => formatDateTime(v) },
            {
              title: tm('actions'),
              render: (_v, row) =>
                row.revokedAt ? (
                  <Tag>{t('revoked')}</Tag>
                ) : (
                  <Popconfirm
                    title={t('revokeConfirm')}
                    okText={t('revoke')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => revoke(row)}
                  >
                    <Button danger size="small" aria-label={`${t('revoke')} ${row.name}`}>
                      {t('revoke')}
                    </Button>
                  </Popconfirm>
                ),
            },
          ]}
        />
      </Card>
      <EditModal<{ name: string }>
        open={open}
        title={t('newKey')}
        okText={tm('confirm')}
        form={form}
        onSubmit={issue}
        onSaved={() => {
          setOpen(false);
          keys.reload();
        }}
        onClose={() => setOpen(false)}
      >
        <Form.Item
          name="name"
          label={t('keyName')}
          rules={[{ required: true, whitespace: true, message: t('required') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
      </EditModal>
    </>
  );
}
