/**
 * The inspector's phone app (/m/inspector): log in with a staff account; inspectors get their
 * tasks (核实 check, 核查 verify), on-the-spot reporting and their grids on a map. Other roles are
 * refused here and sent to the desktop workbench.
 */
import { Button, DotLoading, Form, Input, NavBar, Result, TabBar, Toast } from 'antd-mobile';
import { useEffect, useState } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { isApiError } from '../../shared/api.js';
import { roleLabels } from '../../shared/labels.js';
import { phoneMessages } from '../messages.js';
import { LangSwitch, problemText } from '../ui.js';
import { staff, type StaffUser } from './api.js';
import { GridsPage } from './GridsPage.js';
import { inspectorMessages } from './messages.js';
import { InspectorReportPage } from './ReportPage.js';
import { TaskPage } from './TaskPage.js';
import { TasksPage } from './TasksPage.js';

function LoginPage({ onIn }: { onIn: (user: StaffUser) => void }) {
  const t = inspectorMessages.useT();
  const tp = phoneMessages.useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function go() {
    setBusy(true);
    setFailure(null);
    try {
      onIn(await staff.login(username.trim(), password));
    } catch (error) {
      setFailure(t('loginFailed', { detail: problemText(error) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <NavBar back={null} right={<LangSwitch />}>
        {t('loginTitle')}
      </NavBar>
      <p style={{ padding: '12px 16px 0', color: 'var(--adm-color-weak)' }}>{t('loginIntro')}</p>
      <Form
        layout="horizontal"
        mode="card"
        onFinish={() => void go()}
        footer={
          <Button block type="submit" color="primary" size="large" loading={busy}>
            {tp('login')}
          </Button>
        }
      >
        <Form.Item label={tp('username')}>
          <Input
            aria-label={tp('username')}
            value={username}
            onChange={setUsername}
            autoComplete="username"
          />
        </Form.Item>
        <Form.Item label={tp('password')}>
          <Input
            aria-label={tp('password')}
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
          />
        </Form.Item>
      </Form>
      {failure && (
        <div role="alert" style={{ color: 'var(--adm-color-danger)', padding: '0 16px' }}>
          {failure}
        </div>
      )}
    </div>
  );
}

function Refused({ user, onOut }: { user: StaffUser; onOut: () => void }) {
  const t = inspectorMessages.useT();
  const tp = phoneMessages.useT();
  const role = roleLabels.useT();
  return (
    <div>
      <NavBar back={null} right={<LangSwitch />}>
        {t('title')}
      </NavBar>
      <Result
        status="warning"
        title={t('notInspector')}
        description={t('notInspectorDetail', { role: role(user.role) })}
      />
      <div style={{ padding: 16, display: 'grid', gap: 12 }}>
        <Button block color="primary" onClick={() => window.location.assign('/')}>
          {t('openDesktop')}
        </Button>
        <Button block onClick={onOut}>
          {tp('logout')}
        </Button>
      </div>
    </div>
  );
}

/** The tab bar's height (one line of titles, 50 px) with a margin, plus the phone's home-bar inset. */
const TAB_BAR_ROOM = 'calc(64px + env(safe-area-inset-bottom))';

function Tabs() {
  const t = inspectorMessages.useT();
  const location = useLocation();
  const navigate = useNavigate();
  // A case's page belongs to no tab, so every tab (also "tasks") leads back to its list.
  const path = location.pathname;
  const active = path.startsWith('/inspector/report')
    ? 'report'
    : path.startsWith('/inspector/grids')
      ? 'grids'
      : path.startsWith('/inspector/cases/')
        ? null
        : 'tasks';
  return (
    <TabBar
      activeKey={active}
      onChange={(key) => navigate(key === 'tasks' ? '/inspector' : `/inspector/${key}`)}
      style={{
        position: 'fixed',
        bottom: 0,
        left: 0,
        right: 0,
        background: '#fff',
        borderTop: '1px solid #eee',
        paddingBottom: 'env(safe-area-inset-bottom)',
        zIndex: 10,
      }}
    >
      <TabBar.Item key="tasks" title={t('tabTasks')} />
      <TabBar.Item key="report" title={t('tabReport')} />
      <TabBar.Item key="grids" title={t('tabGrids')} />
    </TabBar>
  );
}

export default function InspectorApp() {
  const tp = phoneMessages.useT();
  const [user, setUser] = useState<StaffUser | null | undefined>(undefined);

  useEffect(() => {
    staff.session().then(
      (session) => setUser(session.user),
      (error: unknown) => {
        if (!isApiError(error) || error.status !== 401) Toast.show({ content: problemText(error) });
        setUser(null);
      },
    );
  }, []);

  const logout = () =>
    void staff.logout().then(
      () => setUser(null),
      (error: unknown) => Toast.show({ content: problemText(error) }),
    );

  if (user === undefined)
    return (
      <div style={{ padding: 48, textAlign: 'center' }}>
        <DotLoading /> {tp('loading')}
      </div>
    );
  if (user === null) return <LoginPage onIn={setUser} />;
  if (user.role !== 'inspector') return <Refused user={user} onOut={logout} />;
  return (
    <div style={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      {/* Room for the fixed tab bar, so the last control of a page (上报) can scroll clear of it. */}
      <div style={{ flex: 1, paddingBottom: TAB_BAR_ROOM }}>
        <Routes>
          <Route index element={<TasksPage user={user} onLogout={logout} />} />
          <Route path="cases/:id" element={<TaskPage />} />
          <Route path="report" element={<InspectorReportPage />} />
          <Route path="grids" element={<GridsPage user={user} />} />
          <Route path="*" element={<Navigate to="/inspector" replace />} />
        </Routes>
      </div>
      <Tabs />
    </div>
  );
}
