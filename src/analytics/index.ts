/** The analytics module's door. */
export { analyticsRoutes } from './routes.js';
