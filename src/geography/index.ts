/** The geography module's public door. */
export { geographyRoutes } from './routes.js';
export { GeographyIndex, type Location } from './index-cache.js';
export { importRegions, type ImportReport } from './import.js';
export { generateGrids, type GenerateGridsReport } from './grids.js';
export { geographyModule } from './module.js';
export {
  regionsForReporting,
  regionRelation,
  districtName,
  regionExists,
  regionNameRelation,
  regionNames,
} from './relations.js';
export { existingRegionCodes, getRegion, listRegions } from './repo.js';
export { REGION_LEVELS, type RegionLevel } from './levels.js';
export type { GeographyTables } from './tables.js';
