/** Open311 GeoReport v2: the public API (prefix /open311/v2), its key administration (/api/v1), settings. */
export { open311Routes } from './routes.js';
export { open311ErrorDocument, sendOpen311NotFound } from './http.js';
export { open311AdminRoutes } from './admin-routes.js';
export { ensureDemoApiKey } from './service.js';
export { DEFAULT_OPEN311_SETTINGS, DEMO_API_KEY, type Open311Settings } from './settings.js';
export { open311Module } from './module.js';
export { open311ApplicationRelation } from './relations.js';
