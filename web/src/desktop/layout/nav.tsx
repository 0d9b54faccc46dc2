/** The side menu: which areas each role sees (a view is also refused by the API if opened anyway). */
import type { ReactNode } from 'react';
import {
  AlertOutlined,
  PhoneOutlined,
  ApartmentOutlined,
  BarChartOutlined,
  LineChartOutlined,
  TrophyOutlined,
  CalendarOutlined,
  ClusterOutlined,
  DeploymentUnitOutlined,
  EyeOutlined,
  FileSearchOutlined,
  GlobalOutlined,
  SendOutlined,
  SettingOutlined,
  TeamOutlined,
  ToolOutlined,
  ApiOutlined,
  BranchesOutlined,
  ProfileOutlined,
  IdcardOutlined,
  SolutionOutlined,
  AuditOutlined,
  ReadOutlined,
} from '@ant-design/icons';
import type { Role } from '../../shared/labels.js';
import type { m } from '../messages.js';

type Key = Parameters<typeof m.t>[0];

export interface NavItem {
  path: string;
  label: Key;
  icon: ReactNode;
  roles: readonly Role[];
  children?: NavItem[];
}

const ADMIN_ONLY: readonly Role[] = ['admin'];
/**
 * The leader's views (dashboard, evaluation, analytics). The API also lets handlers and inspectors
 * read their own department's or own row; their work is elsewhere, so they get no such menu.
 */
export const LEADER_VIEWS: readonly Role[] = [
  'leader',
  'admin',
  'dispatcher',
  'supervisor',
  'department_lead',
];

export const NAV: NavItem[] = [
  { path: '/supervision', label: 'navSupervision', icon: <EyeOutlined />, roles: ['supervisor', 'admin'] },
  { path: '/intake', label: 'navIntake', icon: <PhoneOutlined />, roles: ['supervisor', 'admin'] },
  { path: '/command', label: 'navCommand', icon: <SendOutlined />, roles: ['dispatcher', 'admin'] },
  {
    path: '/department',
    label: 'navDepartment',
    icon: <ToolOutlined />,
    roles: ['handler', 'department_lead', 'admin'],
  },
  // Government services (service-desk): the window's queue and the department's review.
  { path: '/window', label: 'navWindow', icon: <SolutionOutlined />, roles: ['window_clerk', 'admin'] },
  {
    path: '/service-desk/review',
    label: 'navReview',
    icon: <AuditOutlined />,
    roles: ['handler', 'department_lead', 'admin'],
  },
  { path: '/dashboard', label: 'navDashboard', icon: <BarChartOutlined />, roles: LEADER_VIEWS },
  { path: '/evaluation', label: 'navEvaluation', icon: <TrophyOutlined />, roles: LEADER_VIEWS },
  { path: '/analytics', label: 'navAnalytics', icon: <LineChartOutlined />, roles: LEADER_VIEWS },
  // 政务服务: the window registers walk-in applications (features/applications).
  {
    path: '/window/register',
    label: 'navWindowRegister',
    icon: <IdcardOutlined />,
    roles: ['window_clerk', 'admin'],
  },
  {
    path: '/cases',
    label: 'navCases',
    icon: <FileSearchOutlined />,
    roles: ['admin', 'supervisor', 'dispatcher', 'handler', 'department_lead', 'inspector', 'leader'],
  },
  // 政务服务事项目录: the catalogue editor.
  { path: '/catalogue', label: 'navCatalogue', icon: <ReadOutlined />, roles: ADMIN_ONLY },
  {
    path: '/admin',
    label: 'navAdmin',
    icon: <SettingOutlined />,
    roles: ADMIN_ONLY,
    children: [
      { path: '/admin/users', label: 'navUsers', icon: <TeamOutlined />, roles: ADMIN_ONLY },
      { path: '/admin/departments', label: 'navDepartments', icon: <ApartmentOutlined />, roles: ADMIN_ONLY },
      { path: '/admin/routing', label: 'navRouting', icon: <BranchesOutlined />, roles: ADMIN_ONLY },
      { path: '/admin/classes', label: 'navClasses', icon: <ProfileOutlined />, roles: ADMIN_ONLY },
      { path: '/admin/calendar', label: 'navCalendar', icon: <CalendarOutlined />, roles: ADMIN_ONLY },
      { path: '/admin/regions', label: 'navRegions', icon: <GlobalOutlined />, roles: ADMIN_ONLY },
      {
        path: '/admin/components',
        label: 'navComponents',
        icon: <DeploymentUnitOutlined />,
        roles: ADMIN_ONLY,
      },
      { path: '/admin/open311', label: 'navOpen311', icon: <ApiOutlined />, roles: ADMIN_ONLY },
    ],
  },
];

export const ICONS = { AlertOutlined, ClusterOutlined };

/** The first area of a role: where it lands after login. */
export function homeOf(role: Role): string {
  switch (role) {
    case 'admin':
      return '/admin/users';
    case 'supervisor':
      return '/supervision';
    case 'dispatcher':
      return '/command';
    case 'handler':
    case 'department_lead':
      return '/department';
    case 'leader':
      return '/dashboard';
    case 'inspector':
      return '/cases';
    case 'window_clerk':
      // The window workbench (issue 13 §5, 综合窗口); built with the applications web pages.
      return '/window';
  }
}

export function visibleNav(role: Role): NavItem[] {
  return NAV.filter((item) => item.roles.includes(role)).map((item) => ({
    ...item,
    children: item.children?.filter((child) => child.roles.includes(role)),
  }));
}

/** The trail of menu labels to a path (for breadcrumbs). */
export function trailOf(pathname: string): NavItem[] {
  for (const item of NAV) {
    if (item.children) {
      const child = item.children.find((c) => pathname.startsWith(c.path));
      if (child) return [item, child];
    }
    if (pathname === item.path || pathname.startsWith(`${item.path}/`)) return [item];
  }
  return [];
}
