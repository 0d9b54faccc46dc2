/** The citizen's routes: start page, report, progress by tracking code, account. */
import { Navigate, Route, Routes } from 'react-router-dom';
import { AccountPage } from './AccountPage.js';
import { HomePage } from './HomePage.js';
import { ReportPage } from './ReportPage.js';
import { TrackPage } from './TrackPage.js';

export default function CitizenApp() {
  return (
    <Routes>
      <Route index element={<HomePage />} />
      <Route path="report" element={<ReportPage />} />
      <Route path="track/:code" element={<TrackPage />} />
      <Route path="me" element={<AccountPage />} />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
