/**
 * The back-office frame every staff page sits in: the side menu (by role), the header with the
 * district, the user, role, language and logout, and breadcrumbs above the page.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Avatar, Breadcrumb, Dropdown, Layout, Menu, Segmented, Space, Tag, Typography, theme } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined, HomeOutlined } from '@ant-design/icons';
import { LANG_LABELS, useLang, type Lang } from '../../shared/i18n.js';
import { positionLabels, roleLabels } from '../../shared/labels.js';
import { useSession, useUser } from '../session.js';
import { m } from '../messages.js';
import { trailOf, visibleNav, homeOf } from './nav.js';
import { DemoBanner } from './DemoBanner.js';
import './layout.css';

const { Header, Sider, Content } = Layout;

export interface Crumb {
  title: ReactNode;
  path?: string;
}

export function AppLayout() {
  const t = m.useT();
  const tr = roleLabels.useT();
  const tp = positionLabels.useT();
  const [lang, setLang] = useLang();
  const user = useUser();
  const { logout } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();

  const nav = useMemo(() => visibleNav(user.role), [user.role]);
  const items = nav.map((item) => ({
    key: item.path,
    icon: item.icon,
    label: item.children ? t(item.label) : <Link to={item.path}>{t(item.label)}</Link>,
    children: item.children?.map((child) => ({
      key: child.path,
      icon: child.icon,
      label: <Link to={child.path}>{t(child.label)}</Link>,
    })),
  }));
  const trail = trailOf(location.pathname);
  const selected = trail.length ? [trail[trail.length - 1]!.path] : [];
  const crumbs = [
    {
      title: (
        <Link to={homeOf(user.role)} aria-label={t('home')}>
          <HomeOutlined />
        </Link>
      ),
    },
    ...trail.map((item) => ({ title: t(item.label) })),
    ...(location.pathname.match(/^\/cases\/\d+/) ? [{ title: t('caseDetail') }] : []),
  ];
  const role = user.position ? `${tr(user.role)} · ${tp(user.position)}` : tr(user.role);

  return (
    <Layout className="shuzhi-shell">
      <a className="shuzhi-skip" href="#main">
        {t('skipToContent')}
      </a>
      <Sider
        width={216}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        className="shuzhi-sider"
        theme="dark"
      >
        <Link to={homeOf(user.role)} className="shuzhi-brand">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {!collapsed && (
            <span>
              <strong>{t('appName')}</strong>
              <small>{t('appTitle')}</small>
            </span>
          )}
        </Link>
        <nav aria-label={t('navWorkbench')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected}
            defaultOpenKeys={['/admin']}
            items={items}
          />
        </nav>
      </Sider>
      <Layout>
        <Header className="shuzhi-header" style={{ background: token.colorBgContainer }}>
          <Typography.Text strong className="shuzhi-header-title">
            {t('district')} · {t('appTitle')}
          </Typography.Text>
          <Space size="middle">
            <Segmented<Lang>
              size="small"
              aria-label={t('language')}
              value={lang}
              onChange={setLang}
              options={[
                { label: LANG_LABELS['zh-CN'], value: 'zh-CN' },
                { label: LANG_LABELS.en, value: 'en' },
              ]}
            />
            <Tag color="blue">{role}</Tag>
            <Dropdown
              menu={{
                items: [
                  { key: 'password', icon: <KeyOutlined />, label: t('changePassword') },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('logout') },
                ],
                onClick: ({ key }) => {
                  if (key === 'password') void navigate('/password');
                  if (key === 'logout') void logout().then(() => navigate('/login'));
                },
              }}
            >
              <button
                type="button"
                className="shuzhi-user"
                aria-label={`${user.displayName} ${t('profile')}`}
              >
                <Avatar size="small" icon={<UserOutlined />} style={{ background: token.colorPrimary }} />
                <span>{user.displayName}</span>
              </button>
            </Dropdown>
          </Space>
        </Header>
        <div className="shuzhi-crumbs">
          <Breadcrumb items={crumbs} />
        </div>
        <Content id="main" className="shuzhi-content" tabIndex={-1}>
          <DemoBanner />
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
