/** 我的办件 on the desktop (/my/applications): every application with its state and expected date. */
import { Alert, Button, Card, Empty, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../../shared/labels.js';
import { formatDateTime } from '../../../shared/format.js';
import { citizenApplications as api } from '../../../shared/applications/citizen-api.js';
import { appMessages } from '../../../shared/applications/messages.js';
import { expectedDate } from '../../../shared/applications/progress.js';
import type { ApplicationSummary } from '../../../shared/applications/types.js';
import { PortalFrame } from './PortalFrame.js';

function List() {
  const t = appMessages.useT();
  const [items, setItems] = useState<ApplicationSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async (from?: string) => {
    setLoading(true);
    try {
      const page = await api.list(from ? { cursor: from } : {});
      setItems((prev) => (from ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    document.title = `${t('myApplications')} - 数治`;
    void load();
  }, [load, t]);
  if (error)
    return (
      <Alert
        type="error"
        showIcon
        message={errorMessage(error)}
        action={<Button onClick={() => void load()}>{t('retry')}</Button>}
      />
    );
  return (
    <Card>
      <Table<ApplicationSummary>
        rowKey={(r) => String(r.id)}
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: <Empty description={t('noApplications')} /> }}
        columns={[
          {
            title: t('number'),
            dataIndex: 'number',
            render: (_: unknown, r) => <Link to={`/my/applications/${r.id}`}>{r.number}</Link>,
          },
          { title: t('item'), render: (_: unknown, r) => r.itemName },
          {
            title: t('state'),
            render: (_: unknown, r) => t(`state_${r.state}`),
          },
          {
            title: t('submittedAt'),
            render: (_: unknown, r) => formatDateTime(r.submittedAt ?? r.createdAt),
          },
          {
            title: t('expected'),
            render: (_: unknown, r) =>
              expectedDate(r) ?? <Typography.Text type="secondary">{t('notYet')}</Typography.Text>,
          },
          {
            title: '',
            render: (_: unknown, r) =>
              r.state === 'draft' ? (
                <Link to={`/services/apply/${r.itemId}?application=${r.id}`}>{t('continueDraft')}</Link>
              ) : (
                <Link to={`/my/applications/${r.id}`}>{t('view')}</Link>
              ),
          },
        ]}
      />
      {cursor ? (
        <Button style={{ marginTop: 12 }} onClick={() => void load(cursor)}>
          {t('loadMore')}
        </Button>
      ) : null}
    </Card>
  );
}

export function MyApplicationsPage() {
  const t = appMessages.useT();
  return <PortalFrame title={t('myApplications')}>{() => <List />}</PortalFrame>;
}
