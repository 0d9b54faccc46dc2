/**
 * The evaluation module's door: rollups for the case loop and the CLI, routes for the API, and for
 * analytics the rollup rows (read relations), filters, periods and report exports. The web app
 * imports the pure vocabulary (vocabulary.ts) directly.
 */
// The routes first: through http/auth they load the cases and public doors before rollups.ts asks
// the cases door for its relations (public's schemas read the cases door while it loads).
export { evaluationRoutes } from './routes.js';
export {
  trackRollups,
  rebuildRollups,
  addRollupsOfCases,
  recomputeAll,
  storedRollups,
  type RollupTracker,
} from './rollups.js';
export { EXPORT_FORMATS, lastDayOf, tableFile, type Column, type ReportHead, type Table } from './export.js';
export { reportOrganisation } from './service.js';
export { caseRollupRows, hourRollupRows, regionMatch, type CaseFilter, type DayPeriod } from './facts.js';
export type { RegionKind } from './vocabulary.js';
export { Day } from './routes.js';
export { scopedFilter } from './scope.js';
export { checkPeriod } from './service.js';
export { evaluationModule } from './module.js';
