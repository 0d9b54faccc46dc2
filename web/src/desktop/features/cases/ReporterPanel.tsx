/**
 * 反映人: the reporter's contact for a call-back, shown only after a click and recorded in the
 * audit log by the server (GET /cases/{id}/reporter). The supervision centre and administrators
 * read it in full; dispatchers and departments masked; inspectors and leaders not at all
 * (the `reporters:read` grant of src/identity/policy.ts) — the panel is not shown to them.
 */
import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { api, isApiError } from '../../../shared/api.js';
import type { Role } from '../../../shared/labels.js';
import { useUser } from '../../session.js';
import { ErrorAlert } from '../../ui/ErrorAlert.js';
import { qm } from './queue-messages.js';

const FULL: readonly Role[] = ['supervisor', 'admin'];
const MASKED: readonly Role[] = ['dispatcher', 'handler', 'department_lead'];

interface ReporterView {
  name: string | null;
  phone: string | null;
  masked: boolean;
  contactConsent: boolean;
  anonymous: boolean;
}

export function ReporterPanel({ caseId }: { caseId: number }) {
  const t = qm.useT();
  const user = useUser();
  const [view, setView] = useState<ReporterView | 'none' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const full = FULL.includes(user.role);
  if (!full && !MASKED.includes(user.role)) return null;

  const show = async () => {
    setLoading(true);
    setError(null);
    try {
      setView(await api.get<ReporterView>(`/cases/${caseId}/reporter`, { full }));
    } catch (e) {
      if (isApiError(e) && e.code === 'REPORTER_NOT_FOUND') setView('none');
      else setError(e);
    } finally {
      setLoading(false);
    }
  };

  return (
    <Card title={t('contact')} size="small" data-testid="reporter-panel">
      <ErrorAlert error={error} onRetry={() => void show()} />
      {view === null ? (
        <Space direction="vertical" size={4}>
          <Button icon={<EyeOutlined />} loading={loading} onClick={() => void show()}>
            {t('showContact')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('contactAudited')}
          </Typography.Text>
        </Space>
      ) : view === 'none' ? (
        <Alert type="info" showIcon message={t('contactNone')} />
      ) : (
        <Descriptions column={1} size="small" labelStyle={{ width: 72 }}>
          <Descriptions.Item label={t('contactName')}>
            {view.anonymous ? <Tag>{t('contactAnonymous')}</Tag> : (view.name ?? '—')}
          </Descriptions.Item>
          <Descriptions.Item label={t('contactPhone')}>
            <Typography.Text copyable={!view.masked && !!view.phone}>{view.phone ?? '—'}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('contactConsent')}>
            {view.contactConsent ? t('contactConsentYes') : t('contactConsentNo')}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

/** 群众评价: the reporter's stars and comment on a closed public case. */
export function RatingCard({
  rating,
}: {
  rating: { score: number; comment: string | null; requestReopen: boolean; ratedAt: string } | null;
}) {
  const t = qm.useT();
  if (!rating) return null;
  return (
    <Card title={t('rating')} size="small" data-testid="rating-card">
      <Space direction="vertical" size={4}>
        <Space>
          <Typography.Text strong style={{ color: rating.score <= 2 ? '#cf1322' : '#d48806' }}>
            {'★'.repeat(rating.score)}
            {'☆'.repeat(5 - rating.score)}
          </Typography.Text>
          <Typography.Text type="secondary">{t('ratingScore', { score: rating.score })}</Typography.Text>
          {rating.requestReopen && <Tag color="red">{t('ratingReopen')}</Tag>}
        </Space>
        {rating.comment && (
          <Typography.Paragraph style={{ margin: 0 }}>{rating.comment}</Typography.Paragraph>
        )}
      </Space>
    </Card>
  );
}
