/**
 * The demo district's geography as one GeoJSON FeatureCollection, in the format the region
 * importer (`shuzhi import regions`) accepts: one feature per region, parents before children,
 * WGS 84. Built from installed packages at build or install time; never committed.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { loadDistrictDivisions } from './divisions.js';
import { loadDistrictOutline, OUTLINE_SOURCE } from './district-outline.js';
import type { Polygonal } from './geometry.js';
import {
  generateSyntheticPolygons,
  type SeedAdjustment,
  type SyntheticOptions,
} from './synthetic-polygons.js';

export type DemoRegionLevel = 'district' | 'street' | 'community';

export interface DemoRegionProperties {
  /** 统计用区划代码: 6 digits (district), 9 (street), 12 (community). */
  code: string;
  /** Official statistical name, e.g. 多福巷社区居委会. */
  name: string;
  /** Display name where it differs, e.g. 多福巷社区. */
  shortName?: string;
  level: DemoRegionLevel;
  /** null for the district, the root of the import. */
  parentCode: string | null;
  /** true when the polygon was generated, not surveyed. */
  synthetic: boolean;
  /** Provenance of the geometry (and of the code and name). */
  source: string;
}

export type DemoRegionFeature = Feature<Polygonal, DemoRegionProperties>;
export type DemoGeography = FeatureCollection<Polygonal, DemoRegionProperties>;

export interface DemoGeographyReport {
  geography: DemoGeography;
  /** Street centres moved inside the coarse outline (empty for Dongcheng today). */
  seedAdjustments: SeedAdjustment[];
}

export const DEMO_DISTRICT_CODE = '110101';

/** 东城区 (110101): real outline, real codes and names, synthetic street and community polygons. */
export async function buildDemoGeography(options: SyntheticOptions = {}): Promise<DemoGeography> {
  return (await buildDemoGeographyWithReport(options)).geography;
}

export async function buildDemoGeographyWithReport(
  options: SyntheticOptions = {},
): Promise<DemoGeographyReport> {
  const divisions = await loadDistrictDivisions(DEMO_DISTRICT_CODE);
  const outline = loadDistrictOutline(DEMO_DISTRICT_CODE);
  const synthetic = generateSyntheticPolygons(outline.geometry, divisions, options);
  const syntheticSource = `synthetic: Voronoi cells inside the ${OUTLINE_SOURCE} outline; code and name: ${divisions.source}`;

  const feature = (properties: DemoRegionProperties, geometry: Polygonal | undefined): DemoRegionFeature => {
    if (!geometry) throw new Error(`No polygon was generated for ${properties.code}`);
    return { type: 'Feature', id: properties.code, properties, geometry };
  };

  const features: DemoRegionFeature[] = [
    feature(
      {
        code: divisions.district.code,
        name: divisions.district.name,
        level: 'district',
        parentCode: null,
        synthetic: false,
        source: OUTLINE_SOURCE,
      },
      synthetic.district,
    ),
    ...divisions.streets.map((street) =>
      feature(
        {
          code: street.code,
          name: street.name,
          level: 'street',
          parentCode: divisions.district.code,
          synthetic: true,
          source: syntheticSource,
        },
        synthetic.streets.get(street.code),
      ),
    ),
    ...divisions.communities.map((community) =>
      feature(
        {
          code: community.code,
          name: community.name,
          ...(community.shortName !== community.name && { shortName: community.shortName }),
          level: 'community',
          parentCode: community.streetCode,
          synthetic: true,
          source: syntheticSource,
        },
        synthetic.communities.get(community.code),
      ),
    ),
  ];
  return { geography: { type: 'FeatureCollection', features }, seedAdjustments: synthetic.seedAdjustments };
}
