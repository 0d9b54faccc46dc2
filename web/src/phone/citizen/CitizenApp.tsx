/**
 * The citizen's routes: start page, report, progress by tracking code, account. The pages with a
 * map (report, progress) are loaded when opened, so the start page stays light on a slow phone.
 */
import { DotLoading } from 'antd-mobile';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AccountPage } from './AccountPage.js';
import { HomePage } from './HomePage.js';

const ReportPage = lazy(() => import('./ReportPage.js').then((x) => ({ default: x.ReportPage })));
const TrackPage = lazy(() => import('./TrackPage.js').then((x) => ({ default: x.TrackPage })));
// 政务服务 (issue #13 §5): apply online and follow my applications.
const ApplyPage = lazy(() => import('./applications/ApplyPage.js').then((x) => ({ default: x.ApplyPage })));
const MyApplicationsPage = lazy(() =>
  import('./applications/MyApplicationsPage.js').then((x) => ({ default: x.MyApplicationsPage })),
);
const ApplicationPage = lazy(() =>
  import('./applications/ApplicationPage.js').then((x) => ({ default: x.ApplicationPage })),
);
// 办事指南 (the public service guide): its own chunk.
const ServicesRoutes = lazy(() => import('./services/ServicesRoutes.js'));

export default function CitizenApp() {
  return (
    <Suspense
      fallback={
        <div style={{ padding: 48, textAlign: 'center' }}>
          <DotLoading color="primary" />
        </div>
      }
    >
      <Routes>
        <Route index element={<HomePage />} />
        <Route path="report" element={<ReportPage />} />
        <Route path="track/:code" element={<TrackPage />} />
        <Route path="me" element={<AccountPage />} />
        <Route path="services/apply/:itemId" element={<ApplyPage />} />
        <Route path="my/applications" element={<MyApplicationsPage />} />
        <Route path="my/applications/:id" element={<ApplicationPage />} />
        <Route path="services/*" element={<ServicesRoutes />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Suspense>
  );
}
