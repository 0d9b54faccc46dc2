/** What the audit module contributes to the application (http/module.ts). */
import type { ShuzhiModule } from '../http/module.js';
import { auditRoutes } from './routes.js';

export const auditModule: ShuzhiModule = {
  name: 'audit',
  routes: [auditRoutes],
  permissions: ['audit:read'],
  tags: [{ name: 'audit', description: '审计日志' }],
};
