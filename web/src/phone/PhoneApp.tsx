/**
 * The phone app at /m/ (antd-mobile): the citizen's 随手拍 (report, track, rate, account) at /m/,
 * and the inspector's app at /m/inspector. Each is its own lazily loaded chunk, so a citizen's
 * phone never downloads the inspector's code (nor anything of the desktop: no antd, no ECharts).
 */
import { ConfigProvider, DotLoading, SafeArea } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { useLang } from '../shared/i18n.js';
import { phoneMessages } from './messages.js';

const CitizenApp = lazy(() => import('./citizen/CitizenApp.js'));
const InspectorApp = lazy(() => import('./inspector/InspectorApp.js'));

function Loading() {
  const t = phoneMessages.useT();
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <DotLoading color="primary" /> {t('loading')}
    </div>
  );
}

export function PhoneApp() {
  const [lang] = useLang();
  const t = phoneMessages.useT();
  useEffect(() => {
    document.title = t('appName');
  }, [t]);
  return (
    <ConfigProvider locale={lang === 'en' ? enUS : zhCN}>
      <BrowserRouter basename="/m">
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="inspector/*" element={<InspectorApp />} />
            <Route path="*" element={<CitizenApp />} />
          </Routes>
        </Suspense>
      </BrowserRouter>
      <SafeArea position="bottom" />
    </ConfigProvider>
  );
}
