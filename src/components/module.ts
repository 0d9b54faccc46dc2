/** What the components module contributes to the application (http/module.ts). */
import type { ShuzhiModule } from '../http/module.js';
import { componentRoutes } from './routes.js';

export const componentsModule: ShuzhiModule = {
  name: 'components',
  routes: [componentRoutes],
  permissions: ['components:read', 'components:write'],
  tags: [{ name: 'components', description: '城市部件' }],
};
