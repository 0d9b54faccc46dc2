/** What the citizens module contributes to the application (http/module.ts). */
import type { ShuzhiModule } from '../http/module.js';
import { citizenRoutes } from './routes.js';

export const citizensModule: ShuzhiModule = {
  name: 'citizens',
  routes: [citizenRoutes],
  tags: [{ name: 'citizens', description: '市民账号和会话' }],
};
