/** What the geography module contributes to the application (http/module.ts). */
import type { ShuzhiModule } from '../http/module.js';
import { geographyRoutes } from './routes.js';

export const geographyModule: ShuzhiModule = {
  name: 'geography',
  routes: [geographyRoutes],
  permissions: ['regions:write'],
  tags: [{ name: 'geography', description: '区域、单元网格、坐标定位' }],
};
