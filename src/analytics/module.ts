/** What the analytics module contributes to the application (http/module.ts). */
import type { ShuzhiModule } from '../http/module.js';
import { analyticsRoutes } from './routes.js';

export const analyticsModule: ShuzhiModule = {
  name: 'analytics',
  routes: [analyticsRoutes],
  tags: [{ name: 'analytics', description: '统计分析：热点、趋势、高发问题、满意度' }],
};
