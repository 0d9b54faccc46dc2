/**
 * The applicant portal's frame on the desktop page: the staff workbench is for staff, so citizens
 * get their own header (政务服务, 我的办件, language, their account) and a login card — the
 * citizen account of the phone pages, same session cookie. Responsive: one column under 768 px.
 */
import { Alert, Button, Card, Form, Input, Layout, Segmented, Space, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useState } from 'react';
import { LANG_LABELS, useLang, type Lang } from '../../../shared/i18n.js';
import { isApiError } from '../../../shared/api.js';
import { errorMessage } from '../../../shared/labels.js';
import { appMessages } from '../../../shared/applications/messages.js';
import { useCitizen } from '../../../shared/applications/useCitizen.js';
import type { CitizenAccount } from '../../../shared/applications/citizen-api.js';
import './portal.css';

function LoginCard({ login }: { login: (phone: string, password: string) => Promise<void> }) {
  const t = appMessages.useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Card title={t('loginTitle')} className="sz-portal-login">
      <Typography.Paragraph type="secondary">{t('loginIntro')}</Typography.Paragraph>
      {error ? (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />
      ) : null}
      <Form
        layout="vertical"
        onFinish={async (v: { phone: string; password: string }) => {
          setBusy(true);
          setError(null);
          try {
            await login(v.phone.trim(), v.password);
          } catch (e) {
            setError(isApiError(e) && e.status === 401 ? t('loginFailed') : errorMessage(e));
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item name="phone" label={t('phone')} rules={[{ required: true, message: t('phone') }]}>
          <Input inputMode="tel" autoComplete="username" maxLength={11} />
        </Form.Item>
        <Form.Item name="password" label={t('password')} rules={[{ required: true, message: t('password') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('login')}
        </Button>
      </Form>
    </Card>
  );
}

/** The frame; its child is drawn only for a logged-in citizen, who is passed to it. */
export function PortalFrame({
  title,
  children,
}: {
  title: string;
  children: (account: CitizenAccount) => ReactNode;
}) {
  const t = appMessages.useT();
  const [lang, setLang] = useLang();
  const citizen = useCitizen();
  return (
    <Layout className="sz-portal">
      <Layout.Header className="sz-portal-header">
        <Link to="/services" className="sz-portal-brand">
          数治 · 政务服务
        </Link>
        <Space wrap size="middle" className="sz-portal-nav">
          {citizen.account ? <Link to="/my/applications">{t('myApplications')}</Link> : null}
          <Segmented
            size="small"
            value={lang}
            onChange={(v) => setLang(v)}
            options={(Object.keys(LANG_LABELS) as Lang[]).map((l) => ({ value: l, label: LANG_LABELS[l] }))}
          />
          {citizen.account ? (
            <>
              <span>
                {t('loggedInAs', { name: citizen.account.displayName ?? citizen.account.phoneMasked })}
              </span>
              <Button size="small" ghost onClick={() => void citizen.logout()}>
                {t('logout')}
              </Button>
            </>
          ) : null}
        </Space>
      </Layout.Header>
      <Layout.Content className="sz-portal-content">
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        {citizen.loading ? (
          <div style={{ textAlign: 'center', padding: 48 }}>
            <Spin />
          </div>
        ) : citizen.account ? (
          children(citizen.account)
        ) : (
          <LoginCard login={citizen.login} />
        )}
      </Layout.Content>
    </Layout>
  );
}
