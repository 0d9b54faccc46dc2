/** What the departments module contributes to the application (http/module.ts). */
import type { ShuzhiModule } from '../http/module.js';
import { departmentRoutes } from './routes.js';

export const departmentsModule: ShuzhiModule = {
  name: 'departments',
  routes: [departmentRoutes],
  permissions: ['departments:read', 'departments:write'],
  tags: [{ name: 'departments', description: '部门及其职责' }],
};
