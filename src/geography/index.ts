/** The geography module's public door. */
export { geographyRoutes } from './routes.js';
export { GeographyIndex, type Location } from './index-cache.js';
export { importRegions, type ImportReport } from './import.js';
export { generateGrids, type GenerateGridsReport } from './grids.js';
export { getRegion, listRegions } from './repo.js';
export { districtName, regionExists, regionNameRelation, regionNames } from './lookups.js';
