/** What the classification module contributes to the application (http/module.ts). */
import type { ShuzhiModule } from '../http/module.js';
import { classificationRoutes } from './routes.js';
import { loadReferenceData } from './reference-data.js';

export const classificationModule: ShuzhiModule = {
  name: 'classification',
  routes: [classificationRoutes],
  referenceData: loadReferenceData,
  permissions: ['classifications:read', 'classifications:write'],
  tags: [{ name: 'classifications', description: '部件和事件分类（GB/T 47678.5、CJ/T 214）' }],
};
