export { MapView } from './MapView.js';
export type { BBox, MapViewProps, PointLayer, PolygonLayer, Props } from './MapView.js';
export { PointClusters } from './cluster.js';
export { loadWebConfig } from './tiles.js';
export type { TileConfig, WebConfig } from './tiles.js';
export {
  bboxOfFeatures,
  caseColor,
  componentLayer,
  loadRegions,
  regionLayers,
  regionName,
  REGION_STYLES,
} from './layers.js';
