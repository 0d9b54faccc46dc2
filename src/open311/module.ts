/** What the Open311 module contributes to the application (http/module.ts). */
import type { ShuzhiModule } from '../http/module.js';
import { open311AdminRoutes } from './admin-routes.js';
import { open311Routes } from './routes.js';

export const open311Module: ShuzhiModule = {
  name: 'open311',
  routes: [open311AdminRoutes],
  // GeoReport v2 (civic apps, FixMyStreet): its own error format, outside /api/v1.
  mounts: [{ prefix: '/open311/v2', routes: open311Routes }],
  permissions: ['open311:keys'],
  tags: [{ name: 'open311', description: 'Open311 GeoReport v2 接口密钥' }],
};
