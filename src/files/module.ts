/** What the files module contributes to the application (http/module.ts). */
import type { ShuzhiModule } from '../http/module.js';
import { fileRoutes } from './routes.js';

export const filesModule: ShuzhiModule = {
  name: 'files',
  routes: [fileRoutes],
  permissions: ['files:read', 'files:write'],
  tags: [{ name: 'files', description: '照片上传和读取' }],
};
