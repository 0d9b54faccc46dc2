/** The analytics module's door. */
export { analyticsRoutes } from './routes.js';
export { analyticsModule } from './module.js';
