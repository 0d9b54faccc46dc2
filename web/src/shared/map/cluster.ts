/** Point clustering at low zoom (supercluster: a KD-tree per zoom level, fast for tens of thousands). */
import Supercluster from 'supercluster';
import type { Feature, FeatureCollection, Point } from 'geojson';

export type PointProps = Record<string, unknown>;
export interface ClusterProps {
  cluster: true;
  cluster_id: number;
  point_count: number;
  point_count_abbreviated: string | number;
}

export type ClusterFeature = Feature<Point, PointProps> | Feature<Point, ClusterProps & PointProps>;

export function isCluster(feature: ClusterFeature): feature is Feature<Point, ClusterProps & PointProps> {
  return (feature.properties as Partial<ClusterProps>).cluster === true;
}

export class PointClusters {
  private readonly index: Supercluster<PointProps, PointProps>;

  constructor(data: FeatureCollection<Point, PointProps>, radius = 48, maxZoom = 16) {
    this.index = new Supercluster<PointProps, PointProps>({ radius, maxZoom });
    this.index.load(data.features);
  }

  /** Clusters and single points inside [west, south, east, north] at an integer zoom. */
  at(bbox: [number, number, number, number], zoom: number): ClusterFeature[] {
    return this.index.getClusters(bbox, Math.round(zoom));
  }

  /** The zoom at which a cluster breaks apart (clicking a cluster zooms there). */
  expansionZoom(clusterId: number): number {
    return this.index.getClusterExpansionZoom(clusterId);
  }
}
