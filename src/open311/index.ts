/** Open311 GeoReport v2: the public API (prefix /open311/v2) and its key administration (/api/v1). */
export { open311Routes } from './routes.js';
export { open311AdminRoutes } from './admin-routes.js';
