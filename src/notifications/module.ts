/** What the notifications module contributes to the application (http/module.ts). */
import type { ShuzhiModule } from '../http/module.js';
import { notificationRoutes } from './routes.js';

export const notificationsModule: ShuzhiModule = {
  name: 'notifications',
  routes: [notificationRoutes],
  permissions: ['notifications:read', 'outbound:read'],
  tags: [{ name: 'notifications', description: '站内消息（工作人员、市民）和短信、邮件发件箱' }],
};
