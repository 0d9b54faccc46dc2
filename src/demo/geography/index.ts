/**
 * Demo district geography (东城区 110101): real codes, names and outline; synthetic street and
 * community polygons. See docs/demo-district.md.
 */
export {
  buildDemoGeography,
  buildDemoGeographyWithReport,
  DEMO_DISTRICT_CODE,
  type DemoGeography,
  type DemoGeographyReport,
  type DemoRegionFeature,
  type DemoRegionLevel,
  type DemoRegionProperties,
} from './build.js';
export {
  communityShortName,
  loadDistrictDivisions,
  type Community,
  type DistrictDivisions,
  type DivisionRef,
} from './divisions.js';
export {
  beijingMapPath,
  gcj02PointToWgs84,
  gcj02ToWgs84,
  loadDistrictOutline,
  OUTLINE_SOURCE,
  type DistrictOutline,
} from './district-outline.js';
export { decodeGeometry, decodeRing, type EchartsEncodedGeometry } from './echarts-decode.js';
export type { Polygonal } from './geometry.js';
export {
  generateSyntheticPolygons,
  type SeedAdjustment,
  type SyntheticOptions,
  type SyntheticPolygons,
} from './synthetic-polygons.js';
export { DONGCHENG_STREET_SEEDS, type StreetSeed } from './street-seeds.js';
