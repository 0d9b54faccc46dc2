/** What the demo contributes to the application: its progress banner's endpoint (http/module.ts). */
import type { ShuzhiModule } from '../http/module.js';
import { demoRoutes } from './routes.js';

export const demoModule: ShuzhiModule = {
  name: 'demo',
  routes: [demoRoutes],
  tags: [{ name: 'system', description: '系统状态' }],
};
