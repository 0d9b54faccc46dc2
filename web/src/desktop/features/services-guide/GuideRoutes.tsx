/**
 * The public service guide on the desktop (/services): no login. Its own header (the portal's
 * name, the search, the lists, the language and the staff login), not the staff workbench's.
 * The citizen portal's /services/apply/:itemId is another page's route, ranked above this splat.
 */
import { Button, Layout, Segmented, Space } from 'antd';
import { Link, Route, Routes, useNavigate } from 'react-router-dom';
import { gm } from '../../../shared/guide-messages.js';
import { LANG_LABELS, useLang, type Lang } from '../../../shared/i18n.js';
import { GuideItemPage } from './GuideItemPage.js';
import { GuideListsPage } from './GuideListsPage.js';
import { GuideSearchPage } from './GuideSearchPage.js';
import './guide.css';

export function GuideRoutes() {
  const t = gm.useT();
  const [lang, setLang] = useLang();
  const navigate = useNavigate();
  return (
    <Layout className="guide-layout">
      <Layout.Header className="guide-header">
        <Link to="/services" className="guide-brand">
          <span className="guide-emblem" aria-hidden>
            政
          </span>
          {t('portalTitle')}
        </Link>
        <nav className="guide-nav">
          <Link to="/services">{t('guideTitle')}</Link>
          <Link to="/services/lists">{t('lists')}</Link>
        </nav>
        <Space>
          <Segmented<Lang>
            size="small"
            aria-label="语言 / Language"
            value={lang}
            onChange={setLang}
            options={[
              { label: LANG_LABELS['zh-CN'], value: 'zh-CN' },
              { label: LANG_LABELS.en, value: 'en' },
            ]}
          />
          <Button size="small" ghost onClick={() => navigate('/login')}>
            {t('staffLogin')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content className="guide-content">
        <Routes>
          <Route index element={<GuideSearchPage />} />
          <Route path="items/:id" element={<GuideItemPage />} />
          <Route path="lists" element={<GuideListsPage />} />
          <Route path="lists/:list" element={<GuideListsPage />} />
          <Route path="*" element={<GuideSearchPage />} />
        </Routes>
      </Layout.Content>
    </Layout>
  );
}
