/**
 * The frame of the phone's application pages: a bar with back and the title, and a login for a
 * citizen who is not logged in (the same account and cookie as 我的).
 */
import { Button, DotLoading, Form, Input, NavBar, Toast } from 'antd-mobile';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../../shared/api.js';
import { errorMessage } from '../../../shared/labels.js';
import { appMessages } from '../../../shared/applications/messages.js';
import { useCitizen } from '../../../shared/applications/useCitizen.js';
import type { CitizenAccount } from '../../../shared/applications/citizen-api.js';
import { LangSwitch } from '../../ui.js';

function Login({ login }: { login: (phone: string, password: string) => Promise<void> }) {
  const t = appMessages.useT();
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Form
      layout="horizontal"
      mode="card"
      footer={
        <Button
          block
          color="primary"
          size="large"
          loading={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await login(phone.trim(), password);
            } catch (e) {
              Toast.show({
                icon: 'fail',
                content: isApiError(e) && e.status === 401 ? t('loginFailed') : errorMessage(e),
              });
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('login')}
        </Button>
      }
    >
      <Form.Header>{t('loginIntro')}</Form.Header>
      <Form.Item label={t('phone')}>
        <Input aria-label={t('phone')} type="tel" value={phone} onChange={setPhone} autoComplete="username" />
      </Form.Item>
      <Form.Item label={t('password')}>
        <Input
          aria-label={t('password')}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
        />
      </Form.Item>
    </Form>
  );
}

export function PhoneFrame({
  title,
  back,
  children,
}: {
  title: string;
  back?: string;
  children: (account: CitizenAccount) => ReactNode;
}) {
  const navigate = useNavigate();
  const citizen = useCitizen();
  return (
    <div style={{ minHeight: '100vh', background: 'var(--adm-color-box)' }}>
      <NavBar onBack={() => (back ? navigate(back) : navigate(-1))} right={<LangSwitch />}>
        {title}
      </NavBar>
      {citizen.loading ? (
        <div style={{ padding: 48, textAlign: 'center' }}>
          <DotLoading color="primary" />
        </div>
      ) : citizen.account ? (
        children(citizen.account)
      ) : (
        <Login login={citizen.login} />
      )}
    </div>
  );
}
