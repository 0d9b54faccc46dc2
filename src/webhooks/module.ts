/** What the webhooks module contributes to the application (http/module.ts). */
import type { ShuzhiModule } from '../http/module.js';
import { webhookRoutes } from './routes.js';
import { messagingJobs } from './jobs.js';

export const webhooksModule: ShuzhiModule = {
  name: 'webhooks',
  routes: [webhookRoutes],
  jobs: ({ db }) => messagingJobs(db),
  permissions: ['webhooks:read', 'webhooks:write'],
  tags: [{ name: 'webhooks', description: 'Webhook 订阅和投递' }],
};
