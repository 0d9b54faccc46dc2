/**
 * 登录: username and password; then the role's home, or the forced password change. Repeated
 * failures answer 429 with `retryAfter`; the page says how long to wait.
 */
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { ApiError } from '../../../shared/api.js';
import { LANG_LABELS, useLang, type Lang } from '../../../shared/i18n.js';
import { errorMessage } from '../../../shared/labels.js';
import { useSession } from '../../session.js';
import { homeOf } from '../../layout/nav.js';
import { m } from '../../messages.js';
import { am } from './messages.js';
import './auth.css';

export function LoginPage() {
  const t = am.useT();
  const tm = m.useT();
  const [lang, setLang] = useLang();
  const { user, login } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;

  if (user)
    return <Navigate to={user.mustChangePassword ? '/password' : (from ?? homeOf(user.role))} replace />;

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const actor = await login(values.username.trim(), values.password);
      void navigate(actor.mustChangePassword ? '/password' : (from ?? homeOf(actor.role)), { replace: true });
    } catch (e) {
      const wait = e instanceof ApiError && e.status === 429 ? e.extra.retryAfter : undefined;
      // The server throttles repeated failures (429 with the seconds to wait), never locks.
      if (typeof wait === 'number' && wait > 0) {
        const n = wait < 60 ? wait : Math.ceil(wait / 60);
        setError(t('throttled', { wait: t(wait < 60 ? 'waitSeconds' : 'waitMinutes', { n }) }));
      } else setError(errorMessage(e, lang));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="shuzhi-auth">
      <section className="shuzhi-auth-hero" aria-hidden="true">
        <div className="shuzhi-auth-grid" />
        <div className="shuzhi-auth-hero-text">
          <img src="/favicon.svg" alt="" width={56} height={56} />
          <h2>{t('title')}</h2>
          <p>{t('subtitle')}</p>
          <p className="shuzhi-auth-tagline">{t('tagline')}</p>
        </div>
      </section>
      <main className="shuzhi-auth-panel">
        <div className="shuzhi-auth-lang">
          <Segmented<Lang>
            size="small"
            aria-label={tm('language')}
            value={lang}
            onChange={setLang}
            options={[
              { label: LANG_LABELS['zh-CN'], value: 'zh-CN' },
              { label: LANG_LABELS.en, value: 'en' },
            ]}
          />
        </div>
        <Card className="shuzhi-auth-card" variant="borderless">
          <Typography.Title level={1} style={{ fontSize: 24 }}>
            {t('loginTitle')}
          </Typography.Title>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
          <Form layout="vertical" onFinish={submit} requiredMark={false} size="large">
            <Form.Item
              name="username"
              label={t('username')}
              rules={[{ required: true, message: t('usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('password')}
              rules={[{ required: true, message: t('passwordRequired') }]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
            {t('demoHint')}
          </Typography.Paragraph>
          <a href="/m/">{t('citizen')}</a>
        </Card>
        <footer className="shuzhi-auth-footer">{t('footer')}</footer>
      </main>
    </div>
  );
}
