/** 我的办件 on the phone (/m/my/applications). */
import { Button, Empty, ErrorBlock, List, Tag } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage } from '../../../shared/labels.js';
import { citizenApplications as api } from '../../../shared/applications/citizen-api.js';
import { appMessages } from '../../../shared/applications/messages.js';
import { expectedDate } from '../../../shared/applications/progress.js';
import type { ApplicationSummary } from '../../../shared/applications/types.js';
import { PhoneFrame } from './PhoneFrame.js';

function Mine() {
  const t = appMessages.useT();
  const navigate = useNavigate();
  const [items, setItems] = useState<ApplicationSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async (from?: string) => {
    try {
      const page = await api.list(from ? { cursor: from } : {});
      setItems((prev) => (from && prev ? [...prev, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  if (error)
    return (
      <ErrorBlock
        status="default"
        title={errorMessage(error)}
        description={<Button onClick={() => void load()}>{t('retry')}</Button>}
      />
    );
  if (items === null) return <div style={{ padding: 24, textAlign: 'center' }}>{t('loading')}</div>;
  if (items.length === 0) return <Empty description={t('noApplications')} />;
  return (
    <>
      <List mode="card">
        {items.map((a) => {
          const expected = expectedDate(a);
          return (
            <List.Item
              key={String(a.id)}
              onClick={() =>
                navigate(
                  a.state === 'draft'
                    ? `/services/apply/${a.itemId}?application=${a.id}`
                    : `/my/applications/${a.id}`,
                )
              }
              description={
                <>
                  <div>
                    {t('number')}：{a.number}
                  </div>
                  <div>
                    {expected ? t('expectedDate', { date: expected }) : `${t('expected')}：${t('notYet')}`}
                  </div>
                </>
              }
              extra={
                <Tag color={a.state === 'correction_requested' ? 'warning' : 'primary'} fill="outline">
                  {t(`state_${a.state}`)}
                </Tag>
              }
            >
              {a.itemName}
            </List.Item>
          );
        })}
      </List>
      {cursor ? (
        <div style={{ padding: 12 }}>
          <Button block onClick={() => void load(cursor)}>
            {t('loadMore')}
          </Button>
        </div>
      ) : null}
    </>
  );
}

export function MyApplicationsPage() {
  const t = appMessages.useT();
  return (
    <PhoneFrame title={t('myApplications')} back="/me">
      {() => <Mine />}
    </PhoneFrame>
  );
}
