/** What the catalogue module contributes to the application (http/module.ts). */
import type { ShuzhiModule } from '../http/module.js';
import { adminCatalogueRoutes } from './admin-routes.js';
import { publicCatalogueRoutes } from './public-routes.js';

export const catalogueModule: ShuzhiModule = {
  name: 'catalogue',
  routes: [publicCatalogueRoutes, adminCatalogueRoutes],
  permissions: ['catalogue:read', 'catalogue:write'],
  tags: [
    { name: 'service-items', description: '政务服务事项：检索、办事指南、四张清单（公开）' },
    { name: 'catalogue', description: '政务服务事项目录管理：事项、版本、发布、废止、导入导出' },
  ],
};
