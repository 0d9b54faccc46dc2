/** What the evaluation module contributes to the application (http/module.ts). */
import type { ShuzhiModule } from '../http/module.js';
import { evaluationRoutes } from './routes.js';

export const evaluationModule: ShuzhiModule = {
  name: 'evaluation',
  routes: [evaluationRoutes],
  permissions: ['evaluations:read', 'evaluation-profiles:write'],
  tags: [{ name: 'evaluation', description: '绩效评价：指标、等级、排名、导出' }],
};
