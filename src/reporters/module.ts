/** What the reporters module contributes to the application (http/module.ts). */
import type { ShuzhiModule } from '../http/module.js';
import { reporterRoutes } from './routes.js';

export const reportersModule: ShuzhiModule = {
  name: 'reporters',
  routes: [reporterRoutes],
  permissions: ['reporters:read'],
};
