/**
 * The analytics module's door. Analytics (统计分析) for leaders and the two centers: hotspots,
 * trends, time-of-day patterns, the classes with the worst on-time rate — all from the evaluation
 * rollups, with the same filters (period of local days, regions, department, class) — and repeated
 * problems and citizens' satisfaction, which look at the cases and ratings of the period themselves.
 */
export { analyticsRoutes } from './routes.js';
export { analyticsModule } from './module.js';
