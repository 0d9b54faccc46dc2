/** 我的 — citizen account: log in or register (phone + password), then the list of my reports. */
import { Button, Empty, Form, Input, List, NavBar, Tabs, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { isApiError } from '../../shared/api.js';
import { formatDateTime } from '../../shared/format.js';
import { useLang } from '../../shared/i18n.js';
import { phoneMessages } from '../messages.js';
import { LangSwitch, problemText } from '../ui.js';
import { citizen, type Citizen, type ReportSummary } from './api.js';
import { citizenMessages } from './messages.js';
import { appMessages } from '../../shared/applications/messages.js';
import { STATUS_COLOURS, usePublicStatusLabel } from './status.js';

function SignIn({ onIn }: { onIn: (who: Citizen) => void }) {
  const t = citizenMessages.useT();
  const tp = phoneMessages.useT();
  const [tab, setTab] = useState<'login' | 'register'>('login');
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [busy, setBusy] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  async function go() {
    setBusy(true);
    setFieldErrors({});
    try {
      if (tab === 'register') {
        await citizen.register({
          phone,
          password,
          ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
        });
        Toast.show({ icon: 'success', content: t('registered') });
      }
      onIn(await citizen.login({ phone, password }));
    } catch (error) {
      if (isApiError(error)) setFieldErrors(error.fieldErrors);
      Toast.show({ icon: 'fail', content: problemText(error), duration: 4000 });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Tabs activeKey={tab} onChange={(key) => setTab(key === 'register' ? 'register' : 'login')}>
        <Tabs.Tab title={tp('login')} key="login" />
        <Tabs.Tab title={t('register')} key="register" />
      </Tabs>
      <Form
        layout="horizontal"
        mode="card"
        footer={
          <Button block color="primary" size="large" loading={busy} onClick={() => void go()}>
            {tab === 'login' ? tp('login') : t('register')}
          </Button>
        }
      >
        <Form.Header>{tab === 'login' ? t('loginTitle') : t('registerTitle')}</Form.Header>
        <Form.Item label={tp('phone')} help={fieldErrors.phone}>
          <Input aria-label={tp('phone')} type="tel" value={phone} onChange={setPhone} autoComplete="tel" />
        </Form.Item>
        <Form.Item
          label={tp('password')}
          help={fieldErrors.password ?? (tab === 'register' ? t('passwordHint') : undefined)}
        >
          <Input
            aria-label={tp('password')}
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete={tab === 'login' ? 'current-password' : 'new-password'}
          />
        </Form.Item>
        {tab === 'register' && (
          <Form.Item label={t('displayName')}>
            <Input
              aria-label={t('displayName')}
              value={displayName}
              onChange={setDisplayName}
              maxLength={30}
            />
          </Form.Item>
        )}
      </Form>
      <p style={{ padding: '0 16px', color: 'var(--adm-color-weak)', fontSize: 13 }}>{t('anonymousNote')}</p>
    </>
  );
}

function MyReports({ who, onOut }: { who: Citizen; onOut: () => void }) {
  const t = citizenMessages.useT();
  const tp = phoneMessages.useT();
  const ta = appMessages.useT();
  const [lang] = useLang();
  const statusLabel = usePublicStatusLabel();
  const navigate = useNavigate();
  const [items, setItems] = useState<ReportSummary[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);

  const more = useCallback((after?: string) => {
    citizen.myReports(after).then(
      (page) => {
        setItems((previous) => [...(after ? (previous ?? []) : []), ...page.items]);
        setCursor(page.nextCursor);
      },
      (error: unknown) => Toast.show({ icon: 'fail', content: problemText(error) }),
    );
  }, []);
  useEffect(() => more(), [more]);

  return (
    <>
      <List mode="card">
        <List.Item
          extra={
            <Button
              size="mini"
              onClick={() =>
                void citizen
                  .logout()
                  .then(onOut, (error: unknown) => Toast.show({ content: problemText(error) }))
              }
            >
              {tp('logout')}
            </Button>
          }
        >
          {t('loggedInAs', { name: who.displayName ?? who.phoneMasked })}
        </List.Item>
        {/* 政务服务: the applications this citizen made online or at a window (./applications). */}
        <List.Item onClick={() => void navigate('/my/applications')}>{ta('myApplications')}</List.Item>
      </List>
      <List header={t('myReports')} mode="card">
        {items?.map((r) => (
          <List.Item
            key={r.trackingCode}
            arrow
            onClick={() => navigate(`/track/${encodeURIComponent(r.trackingCode)}`)}
            description={`${formatDateTime(r.submittedAt)} · ${r.caseNumber}`}
            extra={<Tag color={STATUS_COLOURS[r.publicStatus]}>{statusLabel(r.publicStatus)}</Tag>}
          >
            {lang === 'en' ? r.category.nameEn : r.category.name}
          </List.Item>
        ))}
      </List>
      {items?.length === 0 && <Empty description={t('noReports')} />}
      {cursor && (
        <div style={{ padding: 16 }}>
          <Button block onClick={() => more(cursor)}>
            {tp('loading')}
          </Button>
        </div>
      )}
    </>
  );
}

export function AccountPage() {
  const t = citizenMessages.useT();
  const navigate = useNavigate();
  const [who, setWho] = useState<Citizen | null | undefined>(undefined);
  useEffect(() => {
    citizen.me().then(setWho, () => setWho(null));
  }, []);
  return (
    <div style={{ paddingBottom: 24 }}>
      <NavBar onBack={() => navigate('/')} right={<LangSwitch />}>
        {t('accountTitle')}
      </NavBar>
      {who === null && <SignIn onIn={setWho} />}
      {who && <MyReports who={who} onOut={() => setWho(null)} />}
    </div>
  );
}
