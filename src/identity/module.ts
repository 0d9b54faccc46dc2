/** What the identity module contributes to the application (http/module.ts). */
import type { ShuzhiModule } from '../http/module.js';
import { identityRoutes } from './routes.js';
import { purgeThrottle } from './throttle.js';

export const identityModule: ShuzhiModule = {
  name: 'identity',
  routes: [identityRoutes],
  jobs: () => [{ name: 'login-throttle-purge', intervalMs: 3_600_000, run: purgeThrottle }],
  permissions: ['account:self', 'users:read', 'users:write'],
  tags: [
    { name: 'auth', description: '登录、会话、API 令牌' },
    { name: 'users', description: '员工账号、角色和辖区' },
  ],
};
