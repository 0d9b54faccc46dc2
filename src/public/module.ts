/** What the citizen channel contributes to the application (http/module.ts). */
import type { ShuzhiModule } from '../http/module.js';
import { loadPublicCategories } from './categories.js';
import { reopenRequestRoutes } from './reopen-routes.js';
import { publicRoutes } from './routes.js';

export const publicModule: ShuzhiModule = {
  name: 'public',
  routes: [publicRoutes, reopenRequestRoutes],
  referenceData: loadPublicCategories,
  permissions: ['reopen-requests:read', 'reopen-requests:decide'],
  tags: [
    { name: 'public', description: '市民上报：分类、上报、进度查询、评价' },
    { name: 'reopen-requests', description: '市民重新办理申请' },
  ],
};
