/**
 * The desktop app: Ant Design in the user's language, the session, and the routes — each area
 * a lazily loaded chunk, behind the login guard and the forced password change.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { App as AntApp, ConfigProvider, Result, Button, Spin } from 'antd';
// The ES builds: the package root is "type": "module", so Vite 8 would hand a default import of the
// CommonJS `antd/locale/*` the whole `module.exports` ({ default: … }) and antd would stay English.
import zhCN from 'antd/es/locale/zh_CN';
import enUS from 'antd/es/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useLang } from '../shared/i18n.js';
import type { Role } from '../shared/labels.js';
import { SessionProvider, useSession } from './session.js';
import { AppLayout } from './layout/AppLayout.js';
import { homeOf, LEADER_VIEWS } from './layout/nav.js';
import { LoginPage } from './features/auth/LoginPage.js';
import { PasswordPage } from './features/auth/PasswordPage.js';
import { m } from './messages.js';

const CaseDetailPage = lazy(() =>
  import('./features/cases/CaseDetailPage.js').then((x) => ({ default: x.CaseDetailPage })),
);
const CasesPage = lazy(() => import('./features/cases/CasesPage.js').then((x) => ({ default: x.CasesPage })));
const IntakePage = lazy(() =>
  import('./features/cases/IntakePage.js').then((x) => ({ default: x.IntakePage })),
);
const SupervisionPage = lazy(() =>
  import('./features/supervision/SupervisionPage.js').then((x) => ({ default: x.SupervisionPage })),
);
const CommandPage = lazy(() =>
  import('./features/command/CommandPage.js').then((x) => ({ default: x.CommandPage })),
);
const DepartmentPage = lazy(() =>
  import('./features/department/DepartmentPage.js').then((x) => ({ default: x.DepartmentPage })),
);
const DashboardPage = lazy(() =>
  import('./features/dashboard/DashboardPage.js').then((x) => ({ default: x.DashboardPage })),
);
const EvaluationPage = lazy(() =>
  import('./features/evaluation/EvaluationPage.js').then((x) => ({ default: x.EvaluationPage })),
);
const AnalyticsPage = lazy(() =>
  import('./features/analytics/AnalyticsPage.js').then((x) => ({ default: x.AnalyticsPage })),
);
// Government services: the window queue (综合窗口), the department's review and the application page.
const WindowPage = lazy(() =>
  import('./features/service-desk/WindowPage.js').then((x) => ({ default: x.WindowPage })),
);
const ReviewPage = lazy(() =>
  import('./features/service-desk/ReviewPage.js').then((x) => ({ default: x.ReviewPage })),
);
const DeskApplicationPage = lazy(() =>
  import('./features/service-desk/ApplicationPage.js').then((x) => ({ default: x.ApplicationPage })),
);
const AdminRoutes = lazy(() =>
  import('./features/admin/AdminRoutes.js').then((x) => ({ default: x.AdminRoutes })),
);
// 政务服务 (issue #13 §5): the applicant portal (citizen session) and the window's registration.
const ApplyPage = lazy(() =>
  import('./features/applications/ApplyPage.js').then((x) => ({ default: x.ApplyPage })),
);
const MyApplicationsPage = lazy(() =>
  import('./features/applications/MyApplicationsPage.js').then((x) => ({ default: x.MyApplicationsPage })),
);
const MyApplicationPage = lazy(() =>
  import('./features/applications/ApplicationPage.js').then((x) => ({ default: x.ApplicationPage })),
);
const WindowRegisterPage = lazy(() =>
  import('./features/applications/WindowRegisterPage.js').then((x) => ({ default: x.WindowRegisterPage })),
);
// 政务服务: the public 办事指南 (no login) and the catalogue editor (administrators).
const GuideRoutes = lazy(() =>
  import('./features/services-guide/GuideRoutes.js').then((x) => ({ default: x.GuideRoutes })),
);
const CatalogueRoutes = lazy(() =>
  import('./features/catalogue/CatalogueRoutes.js').then((x) => ({ default: x.CatalogueRoutes })),
);

const THEME = {
  token: {
    colorPrimary: '#1456b8',
    colorLink: '#1456b8',
    borderRadius: 4,
    fontSize: 14,
  },
  components: {
    Layout: { headerHeight: 56, siderBg: '#0b2a59' },
    Menu: { darkItemBg: '#0b2a59', darkSubMenuItemBg: '#081f44' },
  },
};

function Loading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 80 }}>
      <Spin size="large" />
    </div>
  );
}

function RequireUser({ children }: { children: ReactNode }) {
  const { user, loading } = useSession();
  const location = useLocation();
  if (loading) return <Loading />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (user.mustChangePassword && location.pathname !== '/password')
    return <Navigate to="/password" replace />;
  return <>{children}</>;
}

function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { user } = useSession();
  const t = m.useT();
  if (!user || !roles.includes(user.role)) {
    return (
      <Result
        status="403"
        title={t('forbiddenTitle')}
        subTitle={t('forbiddenBody')}
        extra={
          <Button type="primary" href={user ? homeOf(user.role) : '/login'}>
            {t('backHome')}
          </Button>
        }
      />
    );
  }
  return <>{children}</>;
}

function NotFound() {
  const t = m.useT();
  return (
    <Result
      status="404"
      title={t('notFoundTitle')}
      subTitle={t('notFoundBody')}
      extra={<Button href="/">{t('backHome')}</Button>}
    />
  );
}

function Home() {
  const { user } = useSession();
  return <Navigate to={user ? homeOf(user.role) : '/login'} replace />;
}

function PasswordRoute() {
  const { user } = useSession();
  return user?.mustChangePassword ? <PasswordPage standalone /> : <AppLayout />;
}

export function App() {
  const [lang] = useLang();
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={THEME}
      // antd spaces out two-character labels (立 案, 派 遣, 登 录); a clerk reads them as one word.
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <SessionProvider>
          <BrowserRouter>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                {/* The applicant portal: citizens log in there with their own account, not as staff. */}
                <Route path="/services/apply/:itemId" element={<ApplyPage />} />
                <Route path="/my/applications" element={<MyApplicationsPage />} />
                <Route path="/my/applications/:id" element={<MyApplicationPage />} />
                <Route path="/services/*" element={<GuideRoutes />} />
                <Route
                  element={
                    <RequireUser>
                      <PasswordRoute />
                    </RequireUser>
                  }
                >
                  <Route path="/password" element={<PasswordPage />} />
                </Route>
                <Route
                  element={
                    <RequireUser>
                      <AppLayout />
                    </RequireUser>
                  }
                >
                  <Route index element={<Home />} />
                  <Route
                    path="/supervision"
                    element={
                      <RequireRole roles={['supervisor', 'admin']}>
                        <SupervisionPage />
                      </RequireRole>
                    }
                  />
                  <Route
                    path="/command"
                    element={
                      <RequireRole roles={['dispatcher', 'admin']}>
                        <CommandPage />
                      </RequireRole>
                    }
                  />
                  <Route
                    path="/department"
                    element={
                      <RequireRole roles={['handler', 'department_lead', 'admin']}>
                        <DepartmentPage />
                      </RequireRole>
                    }
                  />
                  <Route
                    path="/dashboard"
                    element={
                      <RequireRole roles={['leader', 'admin', 'dispatcher', 'supervisor', 'department_lead']}>
                        <DashboardPage />
                      </RequireRole>
                    }
                  />
                  <Route
                    path="/evaluation"
                    element={
                      <RequireRole roles={LEADER_VIEWS}>
                        <EvaluationPage />
                      </RequireRole>
                    }
                  />
                  <Route
                    path="/analytics"
                    element={
                      <RequireRole roles={LEADER_VIEWS}>
                        <AnalyticsPage />
                      </RequireRole>
                    }
                  />
                  <Route
                    path="/intake"
                    element={
                      <RequireRole roles={['supervisor', 'admin']}>
                        <IntakePage />
                      </RequireRole>
                    }
                  />
                  <Route
                    path="/window/register"
                    element={
                      <RequireRole roles={['window_clerk', 'admin']}>
                        <WindowRegisterPage />
                      </RequireRole>
                    }
                  />
                  {/* Government services: the window and the department review (service-desk). */}
                  <Route
                    path="/window"
                    element={
                      <RequireRole roles={['window_clerk', 'admin']}>
                        <WindowPage />
                      </RequireRole>
                    }
                  />
                  <Route
                    path="/service-desk/review"
                    element={
                      <RequireRole roles={['handler', 'department_lead', 'admin']}>
                        <ReviewPage />
                      </RequireRole>
                    }
                  />
                  <Route
                    path="/service-desk/applications/:id"
                    element={
                      <RequireRole roles={['window_clerk', 'handler', 'department_lead', 'admin']}>
                        <DeskApplicationPage />
                      </RequireRole>
                    }
                  />
                  <Route path="/cases" element={<CasesPage />} />
                  <Route path="/cases/:id" element={<CaseDetailPage />} />
                  <Route
                    path="/admin/*"
                    element={
                      <RequireRole roles={['admin']}>
                        <AdminRoutes />
                      </RequireRole>
                    }
                  />
                  <Route
                    path="/catalogue/*"
                    element={
                      <RequireRole roles={['admin']}>
                        <CatalogueRoutes />
                      </RequireRole>
                    }
                  />
                  <Route path="*" element={<NotFound />} />
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
